import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from cooperation.records.roles import ANALYST, EDITOR, analyst_codenames, editor_codenames

pytestmark = pytest.mark.django_db


def test_groups_edited_by_hand_get_their_permissions_back(capsys):
    editors = Group.objects.get(name=EDITOR)
    editors.permissions.remove(Permission.objects.get(codename="publish_visit"))
    Group.objects.get(name=ANALYST).permissions.add(Permission.objects.get(codename="delete_visit"))
    call_command("define_roles")
    for name, codenames in ((ANALYST, analyst_codenames()), (EDITOR, editor_codenames())):
        granted = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert granted == codenames
    assert f"{EDITOR}: {len(editor_codenames())} permissions." in capsys.readouterr().out
