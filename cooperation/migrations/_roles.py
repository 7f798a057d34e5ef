"""Helpers the role migrations share (the loader skips modules starting with "_").

Only mechanism lives here: each migration passes its own frozen list of permissions, so it
replays the same way on a fresh database whatever cooperation/records/roles.py says later.
"""

from functools import partial

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_all_permissions(apps) -> None:
    """Permissions are otherwise created after all migrations; the roles need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name: str, codenames) -> None:
    """Give the group (created if missing) these permissions of the cooperation app."""
    create_all_permissions(apps)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="cooperation", codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"Permissions not found for the {group_name} role: {sorted(missing)}")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(*permissions)


def revoke(apps, group_name: str, codenames) -> None:
    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename__in=codenames))


def grant_roles(apps, schema_editor, *, analyst, editor) -> None:
    grant(apps, "Analyst", analyst)
    grant(apps, "Editor", editor)


def revoke_roles(apps, schema_editor, *, analyst, editor) -> None:
    revoke(apps, "Analyst", analyst)
    revoke(apps, "Editor", editor)


def granting(*, analyst, editor) -> migrations.RunPython:
    """The operation that gives each role these permissions (taken back when reversed)."""
    roles = {"analyst": analyst, "editor": editor}
    return migrations.RunPython(partial(grant_roles, **roles), partial(revoke_roles, **roles))
