"""Atom feeds of what the public lists show, published or corrected, newest first.

A list's feed is named after its record type ("offices-feed"), which is how the list's
template finds it (templates/cooperation/list_base.html, block `alternates`).
"""

from django.urls import path

from cooperation.public.feeds import lists, profiles

urlpatterns = [
    *(
        path(f"{feed.page.record_type}/feed.atom", feed, name=f"{feed.page.record_type}-feed")
        for feed in lists.FEEDS
    ),
    path("municipalities/<slug:slug>/feed.atom", profiles.municipality, name="municipality-feed"),
]
