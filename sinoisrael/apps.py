"""The admin application, with the tracker's admin site (sinoisrael/admin_site.py)."""

from django.contrib.admin.apps import AdminConfig


class TrackerAdminConfig(AdminConfig):
    default_site = "sinoisrael.admin_site.TrackerAdminSite"
