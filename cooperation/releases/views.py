"""/data/: the releases, newest first, how to cite them; and their files, from the storage.

Only a file a release's package names is served (`Release.file`), under its own number:
any other name, a missing release, or a path that tries to leave the release answers 404.
A release never changes, so its files may be cached for good (by a browser or a CDN).
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from cooperation.public.metadata import structured_data
from cooperation.releases import catalog, citation, jsonld

FOREVER = "public, max-age=31536000, immutable"


def content_type(mediatype: str) -> str:
    return f"{mediatype}; charset=utf-8" if mediatype.startswith("text/") else mediatype


@require_safe
def data(request):
    releases = catalog.releases()
    latest = releases[0] if releases else None
    context = {"releases": releases, "latest": latest}
    if latest:
        page = request.build_absolute_uri(reverse("cooperation:data"))
        context |= {
            "citation": citation.suggested_citation(latest, page),
            "bibtex": citation.bibtex(latest, page),
            "dataset_script": structured_data.script(jsonld.dataset(latest, request)),
        }
    return render(request, "cooperation/data.html", context)


@require_safe
def release_file(request, number: int, name: str):
    release = catalog.find_release(number)
    file = release.file(name) if release else None
    if file is None:
        raise Http404("No such file in the releases.")
    response = FileResponse(
        catalog.release_storage().open(catalog.storage_name(number, name)),
        content_type=content_type(file.mediatype),
        filename=name,
    )
    response["Cache-Control"] = FOREVER
    return response


@require_safe
def citation_file(request):
    """The repository's CITATION.cff (YAML; served as text so a browser shows it)."""
    return HttpResponse(citation.citation_file(), content_type="text/plain; charset=utf-8")
