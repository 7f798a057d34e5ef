from django.contrib import admin
from django.urls import include, path

from sinoisrael.http.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("cooperation.api.urls")),
    path("", include("cooperation.public.urls")),
]

handler400 = "sinoisrael.http.errors.bad_request"
handler403 = "sinoisrael.http.errors.permission_denied"
handler404 = "sinoisrael.http.errors.page_not_found"
handler500 = "sinoisrael.http.errors.server_error"
