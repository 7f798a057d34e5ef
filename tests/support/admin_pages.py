"""Helpers for admin tests: users in each role, and the POST a browser would send."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.forms import BooleanField, ModelMultipleChoiceField, MultipleChoiceField
from django.urls import reverse

from cooperation.records.roles import ANALYST, EDITOR, define_roles

PASSWORD = "a-long-test-password-7"


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def staff_user(role: str, username: str | None = None, password: str | None = None):
    """A staff user in the Analyst or Editor group (created by the roles migration); without
    a password it can only be logged in with `force_login`."""
    user = get_user_model().objects.create_user(
        username=username or role.lower(), password=password, is_staff=True
    )
    if not Group.objects.filter(name=role).exists():
        define_roles(apps)  # the migration made it, but a transactional test flushed it since
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(client, role: str):
    client.force_login(staff_user(role))
    return client


def analyst(client):
    return client_for(client, ANALYST)


def editor(client):
    return client_for(client, EDITOR)


def change_url(obj) -> str:
    """The admin change page of `obj`."""
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def page_data(response) -> dict:
    """Every field of an admin add or change page, as the browser would post it unchanged."""
    inlines = response.context.get("inline_admin_formsets") or []  # none when reverting
    formsets = [inline.formset for inline in inlines]
    return form_data(
        [
            response.context["adminform"].form,
            *(formset.management_form for formset in formsets),
            *(form for formset in formsets for form in formset.forms),
        ]
    )


def form_data(forms) -> dict:
    """Every field of `forms`, as the browser would post them unchanged."""
    data = {}
    for form in forms:
        for field in form:
            if field.field.disabled:  # not rendered, or rendered disabled: never posted
                continue
            value = field.value()
            if isinstance(field.field, BooleanField):
                if value and value != "False":
                    data[field.html_name] = "on"
                continue
            if isinstance(field.field, MultipleChoiceField | ModelMultipleChoiceField):
                value = value or []
            data[field.html_name] = "" if value is None else value
    return data


def visit_origin(place) -> dict:
    """A visit form's fields that make `place` (a municipality) its only "from" place."""
    return {"places-0-role": "origin", "places-0-municipality": place.pk}
