from django.urls import path

from cooperation.releases import views

urlpatterns = [
    path("data/", views.data, name="data"),
    path("data/CITATION.cff", views.citation_file, name="citation-file"),
    path("data/<int:number>/<str:name>", views.release_file, name="release-file"),
]
