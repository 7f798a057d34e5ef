"""What the public may see: published records, with what their pages show fetched up front.

Each queryset carries `main_date`, the date a record is listed, counted and filtered by:
an office's opening (else its announcement), a visit's start, an agreement's signature.
"""

from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce

from cooperation.models import Agreement, AgreementParty, LiaisonOffice, Visit


def offices():
    return (
        LiaisonOffice.objects.published()
        .select_related("sponsor", "host", "sponsor_organization")
        .annotate(main_date=Coalesce("opened_date", "announced_date"))
    )


def visits():
    return (
        Visit.objects.published()
        .select_related("origin", "leader")
        .annotate(main_date=F("start_date"))
    )


def parties_prefetch():
    return Prefetch(
        "parties",
        queryset=AgreementParty.objects.select_related("municipality", "organization").order_by(
            "pk"
        ),
    )


def agreements():
    return (
        Agreement.objects.published()
        .prefetch_related(parties_prefetch())
        .annotate(main_date=F("signed_date"))
    )
