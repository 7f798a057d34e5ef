"""`generate_synthetic_data`: the benchmarks' offices, valid, replaceable, kept off real data."""

import pytest
from django.core.management import CommandError, call_command

from cooperation.models import LiaisonOffice, Municipality, PublicationStatus, Source
from cooperation.partial_dates import Qualifier

pytestmark = pytest.mark.django_db


def test_offices_with_sponsors_hosts_sectors_and_sources_that_pass_validation(capsys):
    call_command("generate_synthetic_data", offices=30)
    assert "30 synthetic offices generated" in capsys.readouterr().out
    offices = LiaisonOffice.objects.all()
    assert offices.count() == 30
    assert offices.filter(status=PublicationStatus.DRAFT).count() == 3
    for office in offices.prefetch_related("sectors", "sources"):
        office.full_clean()
        assert len(office.sectors.all()) == len(office.sources.all()) == 2
    assert offices.filter(sponsor_organization__isnull=False).exists()
    assert {"day", "month", "year"} == set(offices.values_list("announced_precision", flat=True))
    assert set(Qualifier.values) == set(offices.values_list("announced_qualifier", flat=True))
    assert offices.filter(closed_date__isnull=False).exists()


def test_same_size_again_changes_nothing_and_another_size_replaces_the_set(capsys):
    call_command("generate_synthetic_data", offices=20)
    first = list(LiaisonOffice.objects.values_list("pk", "slug"))
    call_command("generate_synthetic_data", offices=20)
    assert "already there: nothing to do" in capsys.readouterr().out
    assert list(LiaisonOffice.objects.values_list("pk", "slug")) == first
    call_command("generate_synthetic_data", offices=7)
    assert LiaisonOffice.objects.count() == 7
    assert Source.objects.count() == 2  # at least two, so each office cites two
    highest = max(LiaisonOffice.objects.values_list("pk", flat=True))
    office = LiaisonOffice.objects.first()
    office.pk, office.slug = None, "made-by-hand"
    office.save()  # the id sequence goes on after the ids the generator wrote
    assert office.pk > highest


def test_refuses_beside_real_records_unless_told(sample_data):
    real_offices = set(LiaisonOffice.objects.values_list("slug", flat=True))
    with pytest.raises(CommandError, match=r"real records .*2 offices.*--allow-real-records"):
        call_command("generate_synthetic_data", offices=5)
    assert set(LiaisonOffice.objects.values_list("slug", flat=True)) == real_offices
    call_command("generate_synthetic_data", offices=5, allow_real_records=True)
    call_command("generate_synthetic_data", offices=3, allow_real_records=True)
    assert LiaisonOffice.objects.count() == len(real_offices) + 3
    assert Municipality.objects.filter(slug="beijing").exists()


def test_a_size_below_one_is_refused():
    with pytest.raises(CommandError, match="--offices must be 1 or more"):
        call_command("generate_synthetic_data", offices=0)
