"""What the tests of robots.txt, the sitemap, JSON-LD, share previews and canonical URLs
share: records that must never show (drafts, records in review, a pending change), and
readers of a page's head."""

import html
import json
import re

from cooperation.models import PublicationStatus
from cooperation.records import revisions
from cooperation.records.roles import ANALYST
from tests.support.admin_pages import staff_user
from tests.support.factories import (
    AgreementFactory,
    EventFactory,
    LiaisonOfficeFactory,
    MunicipalityFactory,
    VisitFactory,
)

SECRET = "zzhidden"
UNPUBLISHED = (PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW)
FACTORIES = (LiaisonOfficeFactory, VisitFactory, EventFactory, AgreementFactory)


def pending_change(record, **fields):
    """A change an analyst proposed to the published `record`, waiting for review."""
    state = revisions.snapshot(record)
    state["fields"].update(fields)
    revision = revisions.propose(obj=record, state=state, user=staff_user(ANALYST))
    assert revision is not None
    return revision


def plant_unpublished() -> list:
    """A draft and a record in review of every kind, each naming a municipality no
    published record names."""
    planted = []
    for status in UNPUBLISHED:
        hidden = {"name": f"{SECRET} city {status}", "slug": f"{SECRET}-city-{status}"}
        place = MunicipalityFactory(**hidden)
        planted += [
            LiaisonOfficeFactory(status=status, sponsor=place, slug=f"{SECRET}-office-{status}"),
            VisitFactory(status=status, origin=place, slug=f"{SECRET}-visit-{status}"),
            EventFactory(status=status, place=place, slug=f"{SECRET}-event-{status}"),
            AgreementFactory(
                status=status,
                parties=[place, MunicipalityFactory(slug=f"{SECRET}-party-{status}")],
                slug=f"{SECRET}-agreement-{status}",
            ),
        ]
    return planted


def json_ld(response) -> list[dict]:
    """The JSON-LD documents of a page, parsed."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(script) for script in scripts]


def of_type(documents: list[dict], schema_type: str) -> dict:
    (document,) = [document for document in documents if document["@type"] == schema_type]
    return document


def head_meta(response) -> dict[str, str]:
    """The page's `<meta property|name=... content=...>` and canonical link, unescaped."""
    page = response.content.decode().split("</head>", 1)[0]
    found = {
        key: html.unescape(value)
        for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page)
    }
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)"', page)
    if canonical:
        (found["canonical"],) = [html.unescape(url) for url in canonical]
    return found
