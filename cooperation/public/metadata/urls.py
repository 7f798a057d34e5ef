"""What machines read of the public pages: robots.txt and the sitemap (structured data,
share previews and canonical addresses are in the pages' heads: templatetags/metadata.py)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from cooperation.public.metadata.robots import robots_txt
from cooperation.public.metadata.sitemaps import SITEMAPS

urlpatterns = [
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "cooperation:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
