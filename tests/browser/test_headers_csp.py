"""The Content-Security-Policy blocks nothing the site or the admin needs, in Chromium."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password-for-csp"


def collect_csp_violations(page) -> list[str]:
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def test_public_pages_and_admin_run_under_the_policy(sample_data, page):
    User.objects.create_superuser("csp-admin", "csp@example.org", PASSWORD)
    violations = collect_csp_violations(page)
    page.goto("/")
    page.goto("/offices/")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("csp-admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/cooperation/visit/add/")
    # The admin's scripts ran: the slug is prepopulated from the title as one types.
    page.get_by_label("Title").first.press_sequentially("Nonce test visit")
    assert page.locator("#id_slug").input_value() == "nonce-test-visit"
    assert violations == []
    assert page.outside_requests == []
