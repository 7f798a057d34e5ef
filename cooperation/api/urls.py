from django.urls import path, re_path

from cooperation.api import views
from cooperation.api.resources import RESOURCES

app_name = "api"

urlpatterns = [
    path("", views.documentation, name="docs"),
    path("openapi.json", views.openapi_document, name="openapi"),
    *(
        pattern
        for resource in RESOURCES
        for pattern in (
            path(
                f"{resource.path}/",
                views.record_list,
                {"resource": resource},
                name=f"{resource.path}-list",
            ),
            path(
                f"{resource.path}/<int:pk>/",
                views.record_detail,
                {"resource": resource},
                name=f"{resource.path}-detail",
            ),
        )
    ),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
