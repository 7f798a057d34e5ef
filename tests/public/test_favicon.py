"""The site's icon: linked from every page, and /favicon.ico, which browsers ask for
whatever the pages link, answers with it instead of a 404."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_the_icon_the_pages_link(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
    assert "max-age" in response["Cache-Control"]
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"
    assert b"<svg" in b"".join(icon.streaming_content)


@pytest.mark.parametrize("url", ["/", "/visits/", "/no-such-page/"])
def test_public_pages_link_the_icon_and_the_policy_allows_it(client, url):
    response = client.get(url)
    assert '<link rel="icon" href="/static/img/favicon.svg"' in response.content.decode()
    assert "img-src 'self'" in response["Content-Security-Policy"]
