"""Activity by year: offices opened (or announced), visits and agreements signed.

The chart is drawn on the server as SVG, so it needs no JavaScript; the same figures are
also given as a table.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from cooperation.public import queries, stored

SERIES = (
    ("offices", "Offices opened or announced"),
    ("visits", "Visits"),
    ("agreements", "Agreements signed"),
)
CHART_WIDTH, CHART_HEIGHT = 720, 260
# Room for the value labels on the left and for half the latest year's label on the right.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_TOP = 44, 28, 28, 12
PLOT_RIGHT = CHART_WIDTH - MARGIN_RIGHT


@dataclass(frozen=True)
class YearRow:
    year: int
    offices: int
    visits: int
    agreements: int


@dataclass(frozen=True)
class Bar:
    series: str
    x: float
    y: float
    width: float
    height: float
    label: str


def counts_by_year(queryset) -> dict[int, int]:
    rows = (
        queryset.order_by()
        .filter(main_date__isnull=False)
        .values(year=ExtractYear("main_date"))
        .annotate(n=Count("pk"))
    )
    return {row["year"]: row["n"] for row in rows}


def activity_by_year() -> list[YearRow]:
    """One row per year from the first to the last with any activity, gaps included."""
    counts = {
        name: stored.kept(f"by-year:{name}", lambda records=records: counts_by_year(records()))
        for name, records in (
            ("offices", queries.offices),
            ("visits", queries.visits),
            ("agreements", queries.agreements),
        )
    }
    years = set().union(*counts.values())
    if not years:
        return []
    return [
        YearRow(year, *(counts[name].get(year, 0) for name, _ in SERIES))
        for year in range(min(years), max(years) + 1)
    ]


def year_width(rows: list[YearRow]) -> float:
    """The width of one year's group of bars, in the SVG's units."""
    return (PLOT_RIGHT - MARGIN_LEFT) / max(len(rows), 1)


def chart_bars(rows: list[YearRow]) -> tuple[list[Bar], int]:
    """Bars of a grouped bar chart in the SVG's coordinates, and the value of the top line."""
    top = max((getattr(row, name) for row in rows for name, _ in SERIES), default=0) or 1
    plot_height = CHART_HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    group = year_width(rows)
    width = group * 0.8 / len(SERIES)
    bars = []
    for index, row in enumerate(rows):
        for offset, (name, label) in enumerate(SERIES):
            value = getattr(row, name)
            height = plot_height * value / top
            bars.append(
                Bar(
                    series=name,
                    x=round(MARGIN_LEFT + index * group + group * 0.1 + offset * width, 2),
                    y=round(MARGIN_TOP + plot_height - height, 2),
                    width=round(width, 2),
                    height=round(height, 2),
                    label=f"{row.year}: {value} {label.lower()}",
                )
            )
    return bars, top


def year_ticks(rows: list[YearRow], every: int = 5) -> list[tuple[float, int]]:
    """Labelled years on the x axis: the latest, then every `every` years before it.

    Counted from the latest year, labels are always `every` years apart and never overlap.
    """
    group = year_width(rows)
    last = len(rows) - 1
    return [
        (round(MARGIN_LEFT + index * group + group / 2, 2), row.year)
        for index, row in enumerate(rows)
        if (last - index) % every == 0
    ]
