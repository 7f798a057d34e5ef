"""/robots.txt: what crawlers may read, and where the sitemap is.

Crawlers may read every public page; they are kept (RFC 9309, whose `*` matches any
characters) from:
- the admin, which is for staff;
- the CSV exports (`/offices/export.csv?...`): the same rows as the pages, a file per
  combination of filters, each built by a query over every matching row;
- the API (`/api/`) and the Atom feeds (`feed.atom` of every list and profile): made for
  programs and feed readers, which fetch them on a reader's behalf rather than crawl, and
  again one URL per combination of filters, with what the pages (listed in the sitemap)
  already say.
"""

from django.http import HttpResponse
from django.urls import reverse

DISALLOWED = ("/admin/", "/*/export.csv", "/api/", "/*feed.atom")


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("cooperation:sitemap"))
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
