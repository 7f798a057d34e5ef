"""Invisible direction controls: refused in every text a record holds, and harmless on the
pages if one came in another way (a dataset import), since every name is isolated."""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.models import LiaisonOffice, Municipality, OfficeStaff, Person, Source
from tests.support.admin_pages import analyst, page_data
from tests.support.factories import (
    AgreementFactory,
    LiaisonOfficeFactory,
    PersonFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
)

pytestmark = pytest.mark.django_db

RLO = "\u202e"


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2069"]
)
def test_a_name_with_a_direction_control_is_refused_with_where_it_is(control):
    office = LiaisonOfficeFactory()
    office.name = f"Office{control} of Haifa"
    with pytest.raises(ValidationError) as refused:
        office.full_clean()
    [message] = refused.value.message_dict["name"]
    assert f"U+{ord(control):04X}" in message
    assert "at character 7" in message


def test_every_text_of_every_model_is_checked():
    person = PersonFactory(notes=f"said{RLO}this")
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert set(refused.value.message_dict) == {"notes"}
    role = OfficeStaff(office=LiaisonOfficeFactory(), person=person, role=f"Head{RLO}")
    with pytest.raises(ValidationError, match="U\\+202E"):
        role.full_clean(exclude=["person"])


def test_marks_and_hebrew_are_allowed():
    person = PersonFactory(name="Yona Yahav", name_he="יונה\u200fיהב")
    person.full_clean()


def test_the_admin_shows_the_message_beside_the_field(client):
    client = analyst(client)
    place = Municipality.objects.create(name="Haifa", slug="haifa", country="IL", level="city")
    url = reverse("admin:cooperation_municipality_change", args=[place.pk])
    data = page_data(client.get(url))
    data["name"] = f"Haifa{RLO} city"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "invisible direction control U+202E" in response.content.decode()
    place.refresh_from_db()
    assert place.name == "Haifa"


class IsolationChecker(HTMLParser):
    """Every text inside <body> that holds a direction control is in a <bdi>, or is an
    <option> of a select, which browsers lay out on a line of its own."""

    def __init__(self):
        super().__init__()
        self.open, self.unisolated = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source"}:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        isolated = {"bdi", "option"} & set(self.open)
        if RLO in data and "body" in self.open and not isolated:
            self.unisolated.append((list(self.open), data))


def test_a_name_with_a_control_cannot_reverse_the_page_around_it(client):
    office = LiaisonOfficeFactory()
    visit = VisitFactory(origin=office.sponsor, leader=PersonFactory())
    add_places(visit, "destination", office.host)
    VisitParticipantFactory(visit=visit, role="Mayor")
    agreement = AgreementFactory(parties=[office.sponsor, office.host], visit=visit)
    office.staff_roles.create(person=PersonFactory(), role="Director")
    # As an import would write them: past model validation.
    for model, field in [
        (Municipality, "name"),
        (Person, "name"),
        (LiaisonOffice, "name"),
        (LiaisonOffice, "address"),
        (Source, "title"),
        (Source, "publisher"),
        (OfficeStaff, "role"),
    ]:
        model.objects.update(**{field: f"Evil{RLO} text"})
    type(visit).objects.update(title=f"Visit{RLO} title")
    type(agreement).objects.update(title=f"Agreement{RLO} title")
    type(visit.participations.get()).objects.update(role=f"Mayor{RLO} of")
    pages = [
        "/",
        "/offices/",
        "/visits/",
        "/agreements/",
        "/municipalities/",
        office.get_absolute_url(),
        visit.get_absolute_url(),
        agreement.get_absolute_url(),
        office.sponsor.get_absolute_url(),
        office.host.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        checker = IsolationChecker()
        checker.feed(response.content.decode())
        assert RLO in response.content.decode(), url
        assert checker.unisolated == [], url
