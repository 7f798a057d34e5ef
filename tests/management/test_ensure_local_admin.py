import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cooperation.management.commands import ensure_local_admin
from tests.support.server import BASE

pytestmark = pytest.mark.django_db


def test_admin_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "a-long-local-password")
    call_command("ensure_local_admin")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-local-password")
    assert "password: a-long-local-password" in capsys.readouterr().out


def test_generated_password_is_kept_between_runs(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr(ensure_local_admin, "PASSWORD_FILE", tmp_path / "password")
    call_command("ensure_local_admin")
    password = (tmp_path / "password").read_text().strip()
    assert len(password) >= 16
    call_command("ensure_local_admin")
    assert (tmp_path / "password").read_text().strip() == password
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert capsys.readouterr().out.count(f"password: {password}") == 2


def test_the_admin_address_printed_is_where_make_run_serves(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "a-long-local-password")
    call_command("ensure_local_admin", url="http://127.0.0.1:8055/admin/")
    assert "Admin login: http://127.0.0.1:8055/admin/" in capsys.readouterr().out
    makefile = subprocess.run(
        ["make", "-n", "run", "PORT=8055"], cwd=BASE, capture_output=True, text=True, check=True
    )
    assert "ensure_local_admin --url http://127.0.0.1:8055/admin/" in makefile.stdout
    assert "runserver 127.0.0.1:8055" in makefile.stdout
