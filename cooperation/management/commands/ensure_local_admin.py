"""Make sure a local superuser exists, and say how to log in (used by `make run`)."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".local-admin-password"


class Command(BaseCommand):
    help = (
        "Create or update the local admin account. The password comes from "
        "DJANGO_ADMIN_PASSWORD, else from .local-admin-password, else is generated there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DJANGO_ADMIN_USER", "admin"))
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000/admin/",
            help="where the admin is served, to print (make run passes its HOST and PORT)",
        )

    def handle(self, *args, username, url, **options):
        password = os.environ.get("DJANGO_ADMIN_PASSWORD") or self.stored_password()
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        if created or not user.check_password(password):
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: {url}  username: {username}  password: {password}")
        )

    @staticmethod
    def stored_password() -> str:
        if PASSWORD_FILE.exists():
            return PASSWORD_FILE.read_text().strip()
        password = secrets.token_urlsafe(16)
        PASSWORD_FILE.touch(mode=0o600)
        PASSWORD_FILE.write_text(password + "\n")
        return password
