"""The analysts' workplace: every model, with search, filters, inlines, publishing roles,
history with revert, duplicate warnings and merging; sign-in is throttled."""

from django.contrib import admin

from cooperation.admin import (
    accounts,
    parts,
    people,
    places,
    records,
    revisions,
    sectors,
    signins,
    sources,
)
from cooperation.signin.forms import ThrottledLoginForm

__all__ = [
    "accounts",
    "parts",
    "people",
    "places",
    "records",
    "revisions",
    "sectors",
    "signins",
    "sources",
]

admin.site.login_form = ThrottledLoginForm
admin.site.site_header = "Sino-Israeli cooperation tracker"
admin.site.site_title = "Cooperation tracker admin"
