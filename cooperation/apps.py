from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = "Sino-Israeli cooperation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cooperation.records import invalidation, signals

        signals.connect()
        invalidation.connect()
