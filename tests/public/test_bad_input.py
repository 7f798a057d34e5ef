"""Invalid values answer 400 with the form and a message beside the field; never a 500."""

import pytest

from cooperation.public.filters import SEARCH_MAX_LENGTH

pytestmark = pytest.mark.django_db


def field_error(response, field: str) -> str:
    """The message shown beside a field (Django renders it with the field's error id)."""
    html = response.content.decode()
    marker = f'id="id_{field}_error"'
    assert marker in html, f"no message beside {field}"
    return html.split(marker, 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize(
    ("url", "field", "message"),
    [
        ("/offices/?year_min=abc", "year_min", "Enter a year as four digits"),
        ("/offices/?year_max=20.5", "year_max", "Enter a year as four digits"),
        ("/visits/?year_min=99999999999999999999", "year_min", "less than or equal to 2100"),
        ("/agreements/?year_min=1200", "year_min", "greater than or equal to 1900"),
        ("/offices/?year_min=2019&year_max=2017", "year_max", "must not be before the first year"),
        (
            "/offices/?sponsor=atlantis",
            "sponsor",
            "No municipality in the published records is called",
        ),
        ("/offices/?host=beijing%00", "host", "Remove the control characters"),
        (
            "/offices/?province=nowhere",
            "province",
            "No municipality in the published records is called",
        ),
        ("/offices/?status=demolished", "status", "Select a valid choice"),
        ("/offices/?sector=mining", "sector", "Select a valid choice"),
        ("/visits/?origin=nowhere", "origin", "No municipality in the published records is called"),
        (
            "/visits/?destination=nowhere",
            "destination",
            "No municipality in the published records is called",
        ),
        (
            "/visits/?province=nowhere",
            "province",
            "No municipality in the published records is called",
        ),
        ("/visits/?person=nobody", "person", "No person in the published records is called"),
        ("/agreements/?kind=alliance", "kind", "Select a valid choice"),
        ("/agreements/?party=nobody", "party", "No municipality or organization in the"),
        (
            "/agreements/?province=nowhere",
            "province",
            "No municipality in the published records is called",
        ),
        ("/municipalities/?country=FR", "country", "Select a valid choice"),
        ("/municipalities/?level=galaxy", "level", "Select a valid choice"),
        ("/offices/?ordering=password", "ordering", "Select a valid choice"),
        ("/visits/?ordering=-secret", "ordering", "Select a valid choice"),
        ("/offices/?q=" + "x" * 10_000, "q", f"at most {SEARCH_MAX_LENGTH} characters"),
        ("/offices/?q=Tel%00Aviv", "q", "Remove the control characters"),
        ("/offices/?q=Tel%09Aviv", "q", "Remove the control characters"),
    ],
)
def test_invalid_filter_answers_400_with_a_message_beside_the_field(
    client, sample_data, url, field, message
):
    response = client.get(url)
    assert response.status_code == 400
    assert message in field_error(response, field)
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "abc", "3", "1e3", "99999999999999999999999"])
def test_page_out_of_range_answers_400_with_a_message(client, sample_data, page):
    response = client.get("/offices/", {"page": page})
    assert response.status_code == 400
    assert "choose a page from 1 to 1" in response.content.decode()


def test_empty_values_are_no_filter(client, sample_data):
    response = client.get("/offices/?q=&sponsor=&year_min=&ordering=&page=")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/offices/no-such-office/",
        "/visits/no-such-visit/",
        "/agreements/no-such-agreement/",
        "/municipalities/no-such-place/",
    ],
)
def test_unknown_detail_slug_is_404(client, sample_data, url):
    assert client.get(url).status_code == 404
