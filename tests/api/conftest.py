import pytest

from cooperation.models import AgreementKind, EventKind
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    IsraeliMunicipalityFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    OrganizationFactory,
    PersonFactory,
    SectorFactory,
    VisitFactory,
    VisitParticipantFactory,
)


@pytest.fixture
def ties(db):
    """Published records between Beijing, Shanghai, Haifa and Tel Aviv, of every type."""
    beijing = MunicipalityFactory(name="Beijing", slug="beijing", name_zh="北京")
    shanghai = MunicipalityFactory(name="Shanghai", slug="shanghai", name_zh="上海")
    haifa = IsraeliMunicipalityFactory(name="Haifa", slug="haifa", name_he="חיפה")
    tel_aviv = IsraeliMunicipalityFactory(name="Tel Aviv", slug="tel-aviv")
    ports = SectorFactory(name="Ports", slug="ports")
    offices = [
        LiaisonOfficeFactory(name="Beijing office in Haifa", sponsor=beijing, host=haifa),
        LiaisonOfficeFactory(name="Shanghai office in Haifa", sponsor=shanghai, host=haifa),
        LiaisonOfficeFactory(name="Beijing office in Tel Aviv", sponsor=beijing, host=tel_aviv),
    ]
    offices[0].sectors.add(ports)
    visits = [
        VisitFactory(title="Beijing to Haifa", origin=beijing, destinations=[haifa]),
        VisitFactory(title="Shanghai to Tel Aviv", origin=shanghai, destinations=[tel_aviv]),
    ]
    visits[0].sectors.add(ports)
    VisitParticipantFactory(
        visit=visits[0],
        person=PersonFactory(name="Ying Yong", name_zh="应勇"),
        organization=OrganizationFactory(name="Shanghai Foreign Affairs Office"),
    )
    agreements = [
        AgreementFactory(title="Haifa and Shanghai", parties=[shanghai, haifa]),
        AgreementFactory(
            title="Beijing and Tel Aviv", kind=AgreementKind.MOU, parties=[beijing, tel_aviv]
        ),
    ]
    events = [
        EventFactory(title="Haifa port forum", place=haifa),
        EventFactory(title="Tel Aviv expo", kind=EventKind.EXPO, place=tel_aviv),
    ]
    return {
        "offices": offices,
        "visits": visits,
        "agreements": agreements,
        "events": events,
        "places": [beijing, shanghai, haifa, tel_aviv],
    }
