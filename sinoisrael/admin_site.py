"""The admin site: Django's, with a "View on site" shortcut that checks who asks, and the
editors' data-quality page (cooperation/admin/quality.py), the analysts' "New from an
article" page (cooperation/admin/intake.py) and what a date box understood
(cooperation/admin/dates.py).

Django's shortcut (/admin/r/<content type>/<id>/) redirects any staff account to a record's
public URL, so an account with no role could learn the slug, and so the title, of every
draft. Here it redirects only someone the record's ModelAdmin lets view it, and answers 404
to everyone else, exactly as for a record that does not exist.
"""

from functools import partial

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse


class TrackerAdminSite(admin.AdminSite):
    index_template = "admin/cooperation/index.html"

    def index(self, request, extra_context=None):
        """Analysts find the intake page, and editors the data-quality page, from the index."""
        from cooperation.admin.intake import may_take_in
        from cooperation.records.revisions import may_review

        extra_context = dict(extra_context or {})
        if may_take_in(request.user):
            extra_context["intake_url"] = reverse("admin:intake")
        if may_review(request.user):
            extra_context["data_quality_url"] = reverse("admin:data_quality")
        return super().index(request, extra_context)

    def get_urls(self):
        # Imported here: the site is built while apps load, before models may be imported.
        from cooperation.admin.dates import read_date_view
        from cooperation.admin.intake import intake_view
        from cooperation.admin.quality import data_quality_view

        # Listed first, so it answers where Django's unchecked shortcut would.
        checked = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        quality = path(
            "data-quality/",
            self.admin_view(partial(data_quality_view, admin_site=self)),
            name="data_quality",
        )
        intake = path(
            "intake/", self.admin_view(partial(intake_view, admin_site=self)), name="intake"
        )
        read_date = path("read-date/", self.admin_view(read_date_view), name="read_date")
        return [checked, quality, intake, read_date, *super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ValueError, ContentType.DoesNotExist):
            raise Http404("No such record.") from None
        model_admin = self._registry.get(model)
        if model_admin is None or not hasattr(model, "get_absolute_url"):
            raise Http404("No such record.")
        obj = model_admin.get_object(request, object_id)
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404("No such record.")
        return redirect(obj.get_absolute_url())
