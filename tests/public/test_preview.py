"""Staff previews: a draft or a change waiting for review, at its public URL, with a banner;
never indexed, never cached, never shown to anyone else."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from cooperation.models import PublicationStatus, Revision, Visit
from tests.support.admin_pages import analyst, editor, page_data
from tests.support.factories import AgreementFactory, MunicipalityFactory, VisitFactory

pytestmark = pytest.mark.django_db

BANNER = 'class="preview-banner"'


def assert_kept_private(response):
    assert response.status_code == 200
    page = response.content.decode()
    assert BANNER in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def assert_public(response):
    assert BANNER not in response.content.decode()
    assert "X-Robots-Tag" not in response.headers


@pytest.fixture
def draft():
    return VisitFactory(title="Delegation not yet published", status=PublicationStatus.DRAFT)


def test_staff_see_a_draft_at_its_public_address_with_a_banner(client, draft):
    response = analyst(client).get(draft.get_absolute_url())
    assert_kept_private(response)
    assert "Delegation not yet published" in response.content.decode()
    assert "this visit is a draft, so the public cannot see it" in response.content.decode()


def test_nobody_else_sees_a_draft(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(get_user_model().objects.create_user("no-role", is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_view_on_site_of_a_draft_opens_its_preview(client, draft):
    client = analyst(client)
    content_type = ContentType.objects.get_for_model(Visit).pk
    response = client.get(f"/admin/r/{content_type}/{draft.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == draft.get_absolute_url()
    assert_kept_private(response)


def propose(client, visit, **changes) -> Revision:
    url = f"/admin/cooperation/visit/{visit.pk}/change/"
    data = {**page_data(client.get(url)), **changes}
    assert client.post(url, data).status_code == 302
    return Revision.objects.latest("pk")


def test_a_pending_change_is_previewed_applied_and_nothing_is_kept(client):
    visit = VisitFactory(title="Published title", purpose="Trade")
    revision = propose(analyst(client.__class__()), visit, purpose="Ports", title="New title")
    entries = visit.history.count()
    reviewer = editor(client)
    response = reviewer.get(f"{visit.get_absolute_url()}?revision={revision.pk}")
    assert_kept_private(response)
    page = response.content.decode()
    assert "New title" in page and "Ports" in page
    assert f"Preview of change #{revision.pk} proposed by analyst" in page
    assert f"/admin/cooperation/revision/{revision.pk}/change/" in page
    visit.refresh_from_db()
    assert (visit.title, visit.purpose, visit.history.count()) == (
        "Published title",
        "Trade",
        entries,
    )
    assert reviewer.get(visit.get_absolute_url()).content.decode().count("New title") == 0


def test_a_change_of_slug_is_previewed_at_the_published_address(client):
    visit = VisitFactory(title="Published title")
    revision = propose(analyst(client), visit, slug="a-new-slug", title="Renamed")
    response = client.get(f"{visit.get_absolute_url()}?revision={revision.pk}")
    assert_kept_private(response)
    assert "Renamed" in response.content.decode()


def test_the_public_never_sees_a_pending_change(client):
    visit = VisitFactory(purpose="Trade")
    revision = propose(analyst(client.__class__()), visit, purpose="Secret plans")
    response = client.get(f"{visit.get_absolute_url()}?revision={revision.pk}")
    assert response.status_code == 200
    assert "Secret plans" not in response.content.decode()
    assert_public(response)


@pytest.mark.parametrize("value", ["abc", "999999", "", "²", "-1", "99999999999999999999999"])
def test_a_revision_that_is_not_this_records_pending_one_shows_the_page_as_published(client, value):
    visit = VisitFactory(purpose="Trade")
    response = analyst(client).get(f"{visit.get_absolute_url()}?revision={value}")
    assert response.status_code == 200
    assert_public(response)


def test_another_records_revision_is_not_applied(client):
    visit, other = VisitFactory(purpose="Trade"), VisitFactory(purpose="Other")
    revision = propose(analyst(client), other, purpose="Changed other")
    response = client.get(f"{visit.get_absolute_url()}?revision={revision.pk}")
    assert "Changed other" not in response.content.decode()
    assert_public(response)


def test_a_change_that_cannot_be_applied_now_says_why(client):
    agreement = AgreementFactory()
    url = f"/admin/cooperation/agreement/{agreement.pk}/change/"
    client = analyst(client)
    assert client.post(url, {**page_data(client.get(url)), "title": "Retitled"}).status_code == 302
    revision = Revision.objects.get()
    agreement.sources.clear()  # meanwhile, so no source is cited any more
    response = client.get(f"{agreement.get_absolute_url()}?revision={revision.pk}")
    assert_kept_private(response)
    assert "cannot be applied as things stand: Cite at least one source" in (
        response.content.decode()
    )


def test_a_place_no_published_record_names_is_previewed_for_staff(client):
    place = MunicipalityFactory(name="Not named yet")
    assert client.get(place.get_absolute_url()).status_code == 404
    response = analyst(client).get(place.get_absolute_url())
    assert_kept_private(response)
    assert "named by no published record yet" in response.content.decode()


def test_staff_see_a_published_page_as_the_public_does(client):
    visit = VisitFactory(title="Published")
    response = analyst(client).get(visit.get_absolute_url())
    assert response.status_code == 200
    assert_public(response)
