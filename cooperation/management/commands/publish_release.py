"""`manage.py publish_release [--notes TEXT] [--site-url URL]`: the next numbered release of
every published record (cooperation/releases/), printed file by file."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cooperation.releases.publish import ReleaseError, publish_release
from cooperation.releases.tables import SiteAddress


def default_site_url() -> str:
    """The first host the site answers to, over https when it redirects there: what a
    production server is reached at."""
    host = next(
        (host for host in settings.ALLOWED_HOSTS if host != "*" and not host.startswith(".")),
        "localhost",
    )
    return f"{'https' if settings.SECURE_SSL_REDIRECT else 'http'}://{host}"


def site_address(url: str) -> SiteAddress:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(
            f"--site-url takes the site's address, e.g. https://tracker.example.org, not “{url}”."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CommandError(
            f"--site-url takes the site's root alone (no path or query), not “{url}”."
        )
    return SiteAddress(f"{parts.scheme}://{parts.netloc}")


class Command(BaseCommand):
    help = (
        "Write the next numbered, dated release of every published record: a CSV per record "
        "type (the public export's columns), records.json, RELEASE_NOTES.md and a "
        "datapackage.json with each file's schema, size and SHA-256. A release is never "
        "changed once written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--notes", default="", help="What this release is, in a sentence or two."
        )
        parser.add_argument(
            "--site-url",
            help="The public site's address, the root of every Public URL in the files "
            "(default: the first of DJANGO_ALLOWED_HOSTS, over https when the site "
            "redirects to it).",
        )

    def handle(self, *args, **options):
        site = site_address(options["site_url"] or default_site_url())
        self.stdout.write(f"Public URLs under {site.root}")
        try:
            published = publish_release(
                site=site,
                notes=options["notes"].strip(),
                progress=lambda line: self.stdout.write(f"  {line}"),
            )
        except ReleaseError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Release {published.number} written to {published.folder}")
        )
