"""The Analyst and Editor groups with the permissions they had when the roles began.

The lists are frozen here: a migration must replay the same way on a fresh database
whatever cooperation/roles.py says later (later migrations change the groups).
"""

from django.db import migrations

from cooperation.migrations._roles import grant

ANALYST, EDITOR = "Analyst", "Editor"
ENTRIES = [
    "municipality",
    "organization",
    "person",
    "source",
    "sector",
    "liaisonoffice",
    "visit",
    "agreement",
]
RECORD_PARTS = ["officestaff", "visitparticipant", "agreementparty"]
PUBLISHABLE = ["liaisonoffice", "visit", "agreement"]
ANALYST_CODENAMES = {
    *(f"{action}_{model}" for model in ENTRIES for action in ("view", "add", "change")),
    *(f"{action}_{model}" for model in RECORD_PARTS for action in ("view", "add", "change", "delete")),
}
EDITOR_CODENAMES = {
    *ANALYST_CODENAMES,
    *(f"delete_{model}" for model in ENTRIES),
    *(f"publish_{model}" for model in PUBLISHABLE),
    *(f"change_historical{model}" for model in ENTRIES + RECORD_PARTS),
}


def create_roles(apps, schema_editor):
    grant(apps, ANALYST, ANALYST_CODENAMES)
    grant(apps, EDITOR, EDITOR_CODENAMES)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[ANALYST, EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0002_publish_permissions_and_failed_logins"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
