from django.contrib.auth.management import create_permissions
from django.db import migrations

from cooperation.roles import ANALYST, EDITOR, define_roles


def create_roles(apps, schema_editor):
    # Permissions are otherwise created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    define_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[ANALYST, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0002_publish_permissions_and_failed_logins"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
