"""Dates as the articles give them: a day, a month or a year, sometimes only roughly.

A partial date is stored in three columns: the first day of the period it names
(`1998-01-01` for "c. 1998"), its precision, and an "approximate" flag. The date column
sorts and filters by year; `PartialDate` displays it as written.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(value: date) -> str:
    """English month name, whatever the process locale."""
    return MONTHS[value.month - 1]


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


DATE_HELP = (
    "Enter the first day of the period the article gives: for “June 2018” enter "
    "2018-06-01 and choose precision “Month”; for “c. 1998” enter 1998-01-01, choose "
    "“Year” and tick “approximate”."
)


def partial_date_fields(label: str, *, required: bool = False):
    """The date, precision and approximate columns of one partial date, in that order."""
    return (
        models.DateField(label, null=not required, blank=not required, help_text=DATE_HELP),
        models.CharField(
            f"{label} precision",
            max_length=5,
            choices=Precision.choices,
            default=Precision.DAY,
        ),
        models.BooleanField(
            f"{label} is approximate",
            default=False,
            help_text="Tick when the article is vague (“about 20 years ago”): shown as “c. …”.",
        ),
    )


@dataclass(frozen=True)
class PartialDate:
    value: date | None
    precision: str = Precision.DAY
    approximate: bool = False

    def __bool__(self) -> bool:
        return self.value is not None

    @property
    def year(self) -> int | None:
        return self.value.year if self.value else None

    def first_day(self) -> date:
        """The first day of the period it names: 1 June 2018 for "June 2018". That is how
        a partial date is stored."""
        if self.precision == Precision.YEAR:
            return self.value.replace(month=1, day=1)
        if self.precision == Precision.MONTH:
            return self.value.replace(day=1)
        return self.value

    def last_day(self) -> date:
        """The last day of the period it names: 30 June 2018 for "June 2018"."""
        day = self.value
        if self.precision == Precision.YEAR:
            return date(day.year, 12, 31)
        if self.precision == Precision.MONTH:
            return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        return day

    def __str__(self) -> str:
        return written_date(self.value, self.precision, self.approximate)


def approximate_prefix(approximate: bool) -> str:
    return "c. " if approximate else ""


def written_date(value: date | None, precision: str, approximate: bool) -> str:
    """A partial date as written: "c. 1998", "January 2018", "5 June 2018"; "" if unknown.

    A plain function, so that an export can format millions of dates without building a
    `PartialDate` for each.
    """
    if value is None:
        return ""
    prefix = approximate_prefix(approximate)
    if precision == Precision.YEAR:
        return f"{prefix}{value.year}"
    if precision == Precision.MONTH:
        return f"{prefix}{month_name(value)} {value.year}"
    return f"{prefix}{value.day} {month_name(value)} {value.year}"


class PartialDateAttribute:
    """Model attribute that reads `<name>_date`, `<name>_precision` and `<name>_approximate`."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return PartialDate(
            getattr(instance, f"{self.name}_date"),
            getattr(instance, f"{self.name}_precision"),
            getattr(instance, f"{self.name}_approximate"),
        )


def format_span(start: PartialDate, end: PartialDate) -> str:
    """A period as a reader writes it: "5-7 June 2018", "30 May - 2 June 2018", "2017-2018"."""
    if not start:
        return str(end)
    if not end or end.value == start.value:
        return str(start)
    if start.precision != end.precision or start.approximate != end.approximate:
        return f"{start} - {end}"
    a, b = start.value, end.value
    prefix = approximate_prefix(start.approximate)
    if start.precision == Precision.DAY and (a.year, a.month) == (b.year, b.month):
        return f"{prefix}{a.day}-{b.day} {month_name(b)} {b.year}"
    if start.precision == Precision.DAY and a.year == b.year:
        return f"{prefix}{a.day} {month_name(a)} - {b.day} {month_name(b)} {b.year}"
    if start.precision == Precision.MONTH and a.year == b.year:
        return f"{prefix}{month_name(a)}-{month_name(b)} {b.year}"
    if start.precision == Precision.YEAR:
        return f"{prefix}{a.year}-{b.year}"
    return f"{start} - {end}"


def normalize_partial_dates(instance, *names: str) -> None:
    """Store the first day of the period the precision names ("June 2018" is 2018-06-01).

    Part of model validation: what lies below the precision is unknown, so it is not kept.
    """
    errors = {}
    for name in names:
        value = getattr(instance, f"{name}_date")
        if value is None:
            if getattr(instance, f"{name}_approximate"):
                errors[f"{name}_date"] = "Enter a date, or untick “approximate”."
            continue
        precision = getattr(instance, f"{name}_precision")
        setattr(instance, f"{name}_date", PartialDate(value, precision).first_day())
    if errors:
        raise ValidationError(errors)


def in_order_constraint(*, name: str, first: str, then: str, message: str):
    """Database rule: the `then` date is not before the `first` one (either may be unknown)."""
    return models.CheckConstraint(
        name=name,
        condition=Q(**{f"{then}_date__isnull": True})
        | Q(**{f"{first}_date__isnull": True})
        | Q(**{f"{then}_date__gte": F(f"{first}_date")}),
        violation_error_message=message,
    )


def order_errors(instance, *, first: str, then: str, message: str) -> dict:
    """Validation twin of `in_order_constraint`; `message` may name {first} and {then}."""
    start, end = getattr(instance, f"{first}_date"), getattr(instance, f"{then}_date")
    if start and end and end < start:
        written = {"first": getattr(instance, first), "then": getattr(instance, then)}
        return {f"{then}_date": message.format(**written)}
    return {}
