"""Give the Analyst and Editor groups exactly the permissions cooperation/records/roles.py
lists, for an administrator whose groups were edited by hand, or after the roles change."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cooperation.records.roles import ANALYST, EDITOR, define_roles


class Command(BaseCommand):
    help = (
        "Reset the Analyst and Editor groups to the permissions of cooperation/records/roles.py "
        "(creating them if missing). Users keep their groups."
    )

    def handle(self, *args, **options):
        try:
            define_roles(apps)
        except LookupError as error:
            raise CommandError(f"{error}. Run `manage.py migrate` first.") from error
        for name in (ANALYST, EDITOR):
            count = Group.objects.get(name=name).permissions.count()
            self.stdout.write(self.style.SUCCESS(f"{name}: {count} permissions."))
