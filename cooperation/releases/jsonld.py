"""The schema.org `Dataset` of /data/ (https://schema.org/Dataset), as JSON-LD.

It describes the latest release: its version and date, and a `DataDownload` per file with
its absolute URL, media type and size, which is what dataset search engines read.
"""

from django.urls import reverse

from cooperation.releases.catalog import Release
from cooperation.releases.package import DESCRIPTION, TITLE


def dataset(release: Release, request) -> dict:
    page = request.build_absolute_uri(reverse("cooperation:data"))
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": DESCRIPTION,
        "url": page,
        "version": str(release.number),
        "datePublished": release.created.date().isoformat(),
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": TITLE},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": file.name,
                "description": file.title,
                "contentUrl": request.build_absolute_uri(
                    reverse(
                        "cooperation:release-file",
                        kwargs={"number": release.number, "name": file.name},
                    )
                ),
                "encodingFormat": file.mediatype,
                "contentSize": f"{file.size} B",
            }
            for file in release.files
        ],
    }
