"""Building blocks of an export: a column reads one or more selected values into a cell."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, OuterRef

from cooperation.exports.cells import safe_text
from cooperation.exports.joined import Joined
from cooperation.partial_dates import written_date


@dataclass(frozen=True)
class Column:
    """`sources` are field paths or expressions; `convert` turns their values into the cell.

    Without `convert` the single value is written as it is: numbers and ISO dates stay
    numbers and dates, never escaped as text.
    """

    header: str
    sources: tuple
    convert: Callable | None = None


def number(header: str, path: str) -> Column:
    return Column(header, (path,))


def text(header: str, path, convert: Callable = safe_text) -> Column:
    return Column(header, (path,), convert)


def choice(header: str, path: str, choices) -> Column:
    labels = dict(choices)
    return text(header, path, lambda value: labels.get(value) or safe_text(value))


def joined(header: str, queryset, *, outer: str, item, order) -> Column:
    """The related rows of `queryset` whose `outer` is the exported row, "; "-joined."""
    values = queryset.filter(**{outer: OuterRef("pk")}).values(item_text=item, item_order=order)
    return text(header, Joined(values))


def many_to_many(header: str, model, field_name: str, *, item: str, order: str) -> Column:
    field = model._meta.get_field(field_name)
    target = field.m2m_reverse_field_name()
    return joined(
        header,
        field.remote_field.through.objects.all(),
        outer=field.m2m_field_name(),
        item=F(f"{target}__{item}"),
        order=F(f"{target}__{order}"),
    )


def date_sources(name: str) -> tuple[str, str, str]:
    return (f"{name}_date", f"{name}_precision", f"{name}_qualifier")


def when_dated(value, part: str) -> str:
    """A date's precision or qualifier, empty when there is no date for it to describe."""
    return part if value else ""


def partial_date(label: str, name: str, *, displayed: bool = True) -> list[Column]:
    """As displayed ("c. 1998", "[2013]"), then the ISO date, the precision and the
    qualifier, so a spreadsheet can sort and filter by each."""
    sortable = [
        number(f"{label} date", f"{name}_date"),
        *(
            Column(f"{label} {part}", (f"{name}_date", f"{name}_{part}"), when_dated)
            for part in ("precision", "qualifier")
        ),
    ]
    if not displayed:
        return sortable
    shown = Column(label, date_sources(name), written_date)
    return [shown, *sortable]
