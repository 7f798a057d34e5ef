from django.urls import path

from cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("", views.home, name="home"),
    path("offices/<slug:slug>/", views.office_detail, name="office-detail"),
    path("visits/<slug:slug>/", views.visit_detail, name="visit-detail"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement-detail"),
    path("municipalities/<slug:slug>/", views.municipality_detail, name="municipality-detail"),
]
