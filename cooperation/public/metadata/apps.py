from django.apps import AppConfig


class MetadataConfig(AppConfig):
    """An application only so that Django finds its template tags (`{% load metadata %}`)."""

    name = "cooperation.public.metadata"
    label = "cooperation_metadata"
    verbose_name = "What machines read of the public pages"
