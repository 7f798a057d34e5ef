"""The admin as a person uses it in Chromium: signing in and out, choosing in an
autocomplete box, reading the message a save leaves.
"""

from tests.support.admin_pages import PASSWORD


def log_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def log_out(page):
    page.locator("#logout-form button").click()
    page.wait_for_url("**/admin/logout/")


def choose(page, field_id, typed, shown):
    """Pick an option in one of the admin's autocomplete (select2) boxes."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=shown).click()


def success_message(page):
    return page.locator(".messagelist .success").inner_text()
