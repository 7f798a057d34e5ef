"""Merging two municipalities or two people moves every link to the one kept, in one
transaction, and loses nothing: names become aliases, details fill the blanks."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.models import AgreementParty, Municipality, Person, Visit, VisitParticipant
from cooperation.records.merging import merge
from tests.support.admin_pages import analyst, editor
from tests.support.factories import (
    AgreementFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    VisitFactory,
    VisitParticipantFactory,
    add_places,
)

pytestmark = pytest.mark.django_db


def merge_action(client, model_name, records, keep=None):
    data = {"action": "merge_two", "_selected_action": [record.pk for record in records]}
    if keep is not None:
        data["keep"] = keep.pk
    url = reverse(f"admin:cooperation_{model_name}_changelist")
    return client.post(url, data, follow=True)


def test_merging_municipalities_moves_every_link_through_the_admin(client):
    keep = IsraeliMunicipalityFactory(
        name="Tel Aviv-Yafo", slug="tel-aviv-yafo", name_zh="特拉维夫-雅法"
    )
    remove = IsraeliMunicipalityFactory(
        name="Tel Aviv",
        name_he="תל אביב",
        name_zh="特拉维夫",
        aliases=["TLV", "Tel-Aviv-Yafo"],
        population=460000,
        description="From the second article.",
    )
    office = LiaisonOfficeFactory(host=remove)
    visit = VisitFactory(origin=MunicipalityFactory())
    add_places(visit, "destination", remove)
    both = AgreementFactory(parties=[MunicipalityFactory(), keep, remove])
    only_removed = AgreementFactory(parties=[MunicipalityFactory(), remove])
    organization = OrganizationFactory(municipality=remove)
    district = IsraeliMunicipalityFactory(parent=remove, level="district")
    client = editor(client)

    confirmation = merge_action(client, "municipality", [keep, remove])
    assert b"Keep which municipality?" in confirmation.content
    response = merge_action(client, "municipality", [keep, remove], keep=keep)
    assert "Merged “Tel Aviv” into “Tel Aviv-Yafo”: 6 links moved" in response.content.decode()

    assert not Municipality.objects.filter(pk=remove.pk).exists()
    office.refresh_from_db(), organization.refresh_from_db(), district.refresh_from_db()
    assert (office.host, organization.municipality, district.parent) == (keep, keep, keep)
    assert visit.destinations == [keep]
    assert [party.party for party in only_removed.parties.all()][-1] == keep
    assert AgreementParty.objects.filter(agreement=both).count() == 2
    keep.refresh_from_db()
    # Its other names move (one that only spells the kept name otherwise stays, as typed);
    # its English and Chinese names become other names; its Hebrew name fills the blank.
    aliases = list(keep.aliases.order_by("pk").values_list("name", "language"))
    assert aliases == [
        ("TLV", "en"),
        ("Tel-Aviv-Yafo", "en"),
        ("Tel Aviv", "en"),
        ("特拉维夫", "zh"),
    ]
    assert (keep.name_he, keep.population) == ("תל אביב", 460000)
    assert {"tlv", "特拉维夫", "תל אביב"} <= set(keep.search_names.splitlines())
    assert keep.description == "From the second article."
    assert keep.history.first().history_change_reason == "Merged “Tel Aviv” into “Tel Aviv-Yafo”"
    assert remove.history.first().history_type == "-"


def test_merging_people_combines_their_roles_on_the_same_visit():
    keep, remove = PersonFactory(name="Ying Yong"), PersonFactory(name="Yong Ying")
    visit = VisitFactory(leader=remove)
    VisitParticipantFactory(visit=visit, person=keep, role="Mayor of Shanghai")
    VisitParticipantFactory(visit=visit, person=remove, role="Party deputy secretary")
    office = LiaisonOfficeFactory()
    office.staff_roles.create(person=remove, role="Honorary director")
    moved = merge(keep=keep, remove=remove, user=None)
    assert moved == 3
    visit.refresh_from_db()
    assert visit.leader == keep
    [row] = VisitParticipant.objects.filter(visit=visit)
    assert (row.person, row.role) == (keep, "Mayor of Shanghai; Party deputy secretary")
    assert list(office.staff.all()) == [keep]
    assert not Person.objects.filter(pk=remove.pk).exists()


def test_places_in_different_countries_are_not_merged_and_nothing_changes(client):
    chinese, israeli = MunicipalityFactory(), IsraeliMunicipalityFactory()
    office = LiaisonOfficeFactory(host=israeli)
    with pytest.raises(ValidationError, match="different countries"):
        merge(keep=chinese, remove=israeli, user=None)
    response = merge_action(editor(client), "municipality", [chinese, israeli], keep=chinese)
    assert "Not merged" in response.content.decode()
    office.refresh_from_db()
    assert office.host == israeli


def test_analysts_cannot_merge(client):
    client = analyst(client)
    url = reverse("admin:cooperation_municipality_changelist")
    choices = client.get(url).context["action_form"].fields["action"].choices
    assert [name for name, _ in choices if name] == ["export_selected_csv"]  # no merge
    first, second = MunicipalityFactory(), MunicipalityFactory()
    merge_action(client, "municipality", [first, second], keep=first)
    assert Municipality.objects.filter(pk=second.pk).exists()


def test_merging_organizations_through_the_admin_moves_parties_places_and_offices(client):
    keep = OrganizationFactory(name="Union of Local Authorities in Israel", country="IL")
    remove = OrganizationFactory(name="ULAI", country="IL")
    agreement = AgreementFactory(parties=[MunicipalityFactory(), remove])
    visit = VisitFactory(origin=remove)
    VisitParticipantFactory(visit=visit, organization=remove)
    office = LiaisonOfficeFactory(sponsor_organization=remove)
    response = merge_action(editor(client), "organization", [keep, remove], keep=keep)
    assert response.status_code == 200
    assert not type(keep).objects.filter(pk=remove.pk).exists()
    assert keep in agreement.party_list
    assert Visit.objects.get(pk=visit.pk).origins == [keep]
    assert visit.participations.get().organization == keep
    office.refresh_from_db()
    assert office.sponsor_organization == keep
    assert "ULAI" in keep.alias_names()
