from django.contrib import admin
from django.urls import include, path

from sinoisrael.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("cooperation.public.urls")),
]

handler400 = "sinoisrael.errors.bad_request"
handler403 = "sinoisrael.errors.permission_denied"
handler404 = "sinoisrael.errors.page_not_found"
handler500 = "sinoisrael.errors.server_error"
