"""The analysts' workplace: every model, with search, filters, inlines, publishing roles,
history with revert, duplicate warnings and merging; sign-in is throttled."""

from django.contrib import admin

from cooperation.admin import accounts, parts, places, records, revisions, signins
from cooperation.signin.forms import ThrottledLoginForm

__all__ = ["accounts", "parts", "places", "records", "revisions", "signins"]

admin.site.login_form = ThrottledLoginForm
admin.site.site_header = "Sino-Israeli cooperation tracker"
admin.site.site_title = "Cooperation tracker admin"
