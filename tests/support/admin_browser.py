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
    """Pick an option in one of the admin's autocomplete (select2) boxes, and see it chosen.

    Under load the results of an earlier keystroke can replace the list as the option is
    clicked, and the click then chooses nothing: the choice is checked, and made again. The
    box is opened only when it is closed: such a click leaves it open, and a second click
    on the selection would close it.
    """
    chosen = page.locator(f"#select2-{field_id}-container")
    search = page.locator(".select2-container--open .select2-search__field")
    for _ in range(3):
        if not search.is_visible():
            page.locator(f"#{field_id} + .select2 .select2-selection").click()
        search.fill(typed)
        page.locator(".select2-container--open .select2-results__option", has_text=shown).click()
        if shown in chosen.inner_text():
            return
    raise AssertionError(f"Could not choose “{shown}” in {field_id}")


def success_message(page):
    """The admin's success message; a refused form fails the test with what it said."""
    outcome = page.locator(".messagelist .success, .errornote, ul.errorlist").first
    outcome.wait_for()
    if page.locator(".messagelist .success").count() == 0:
        errors = page.locator(".errornote, ul.errorlist").all_inner_texts()
        raise AssertionError(f"The form was refused: {errors}")
    return page.locator(".messagelist .success").inner_text()
