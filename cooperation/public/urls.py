from django.urls import include, path

from cooperation.public.views import details, favicon, home, lists

app_name = "cooperation"

urlpatterns = [
    path("", home.home, name="home"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("offices/", lists.office_list, name="office-list"),
    path("offices/export.csv", lists.office_export, name="office-export"),
    path("offices/<slug:slug>/", details.office_detail, name="office-detail"),
    path("visits/", lists.visit_list, name="visit-list"),
    path("visits/export.csv", lists.visit_export, name="visit-export"),
    path("visits/<slug:slug>/", details.visit_detail, name="visit-detail"),
    path("events/", lists.event_list, name="event-list"),
    path("events/export.csv", lists.event_export, name="event-export"),
    path("events/<slug:slug>/", details.event_detail, name="event-detail"),
    path("agreements/", lists.agreement_list, name="agreement-list"),
    path("agreements/export.csv", lists.agreement_export, name="agreement-export"),
    path("agreements/<slug:slug>/", details.agreement_detail, name="agreement-detail"),
    path("municipalities/", lists.municipality_list, name="municipality-list"),
    path("municipalities/export.csv", lists.municipality_export, name="municipality-export"),
    path("municipalities/<slug:slug>/", details.municipality_detail, name="municipality-detail"),
    path("", include("cooperation.public.feeds.urls")),
    path("", include("cooperation.public.metadata.urls")),
    path("", include("cooperation.releases.urls")),
]
