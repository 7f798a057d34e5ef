"""Dates as the articles give them: a day, a month or a year, stated, rough, worked out
from context, or known only as a bound.

A partial date is stored in three columns: the first day of the period it names
(`1998-01-01` for "c. 1998"), its precision, and its qualifier (how the date is known:
exact, approximate, inferred, no later than). The date column sorts and filters by year;
`PartialDate` writes it as reported.
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


class Qualifier(models.TextChoices):
    """How a date is known: as the article states it, roughly, worked out by the analyst,
    or only as the latest it can be (QUALIFIER_HELP says when to use each)."""

    EXACT = "exact", "Exact"
    APPROXIMATE = "approximate", "Approximate (c.)"
    INFERRED = "inferred", "Inferred ([year])"
    NO_LATER_THAN = "no_later_than", "No later than (by)"


DATE_HELP = (
    "The first day of the period the article gives, with its precision: 2018-06-01 and "
    "“Month” for “June 2018”; 1998-01-01, “Year” and the qualifier “Approximate” for "
    "“c. 1998”. In the admin all three are typed in one box."
)
QUALIFIER_HELP = (
    "Exact: the article states the date (“on 5 June 2018”). "
    "Approximate: the article is vague, as “twin cities for the past 20 years” said in "
    "2018, shown “c. 1998”. "
    "Inferred: the article does not state the year and you worked it out from context, as "
    "“from June 5 to 7” in an article of 2018, shown “5-7 June [2018]”. "
    "No later than: the article says only that it had happened by then; use it for "
    "“since 2015” or “already by 2015” when the article does not say when it began, "
    "shown “by 2015”."
)
QUALIFIER_KNOWN = "A date's qualifier is exact, approximate, inferred or “no later than”."
QUALIFIER_NEEDS_DATE = "Only a date can be approximate, inferred or “no later than”."


def partial_date_fields(label: str):
    """The date, precision and qualifier columns of one partial date, in that order."""
    return (
        models.DateField(label, null=True, blank=True, help_text=DATE_HELP),
        models.CharField(
            f"{label} precision",
            max_length=5,
            choices=Precision.choices,
            default=Precision.DAY,
        ),
        models.CharField(
            f"{label} qualifier",
            max_length=13,
            choices=Qualifier.choices,
            default=Qualifier.EXACT,
            help_text=QUALIFIER_HELP,
        ),
    )


@dataclass(frozen=True)
class PartialDate:
    value: date | None
    precision: str = Precision.DAY
    qualifier: str = Qualifier.EXACT

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
        return written_date(self.value, self.precision, self.qualifier)


# The words before an approximate or "no later than" date. An inferred date has none: its
# year is written in brackets (see `qualified`).
PREFIXES = {Qualifier.APPROXIMATE: "c. ", Qualifier.NO_LATER_THAN: "by "}


def qualified(qualifier: str, days_and_month: str, years: int | str) -> str:
    """A date or period as reported, from its day and month as written ("5-7 June ", ""
    for a year) and its year or years ("2018", "2017-2018").

    "c." and "by" stand before the whole: they qualify every part of it. An inferred date
    brackets only its year, the bibliographic convention: the analyst worked out the year
    from context, the days and month are the article's ("22-25 May [2013]"), and a "c."
    would make them look uncertain.
    """
    if qualifier == Qualifier.INFERRED:
        return f"{days_and_month}[{years}]"
    return f"{PREFIXES.get(qualifier, '')}{days_and_month}{years}"


def written_date(value: date | None, precision: str, qualifier: str) -> str:
    """A partial date as written: "5 June 2018", "January 2018", "c. 1998", "May [2013]",
    "by 2015"; "" if unknown.

    A plain function, so that an export can format millions of dates without building a
    `PartialDate` for each.
    """
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return qualified(qualifier, "", value.year)
    if precision == Precision.MONTH:
        return qualified(qualifier, f"{month_name(value)} ", value.year)
    return qualified(qualifier, f"{value.day} {month_name(value)} ", value.year)


class PartialDateAttribute:
    """Model attribute that reads `<name>_date`, `<name>_precision` and `<name>_qualifier`."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return PartialDate(
            getattr(instance, f"{self.name}_date"),
            getattr(instance, f"{self.name}_precision"),
            getattr(instance, f"{self.name}_qualifier"),
        )


def format_span(start: PartialDate, end: PartialDate) -> str:
    """A period as a reader writes it: "5-7 June 2018", "30 May - 2 June 2018", "2017-2018",
    "c. 5-7 June 2018", "22-25 May [2013]".

    Two ends of the same precision and qualifier share what they have in common, the
    qualifier included, written once. Ends that differ in either are written each in full,
    "start - end", and so are two "no later than" ends: each is a bound of its own, and
    "by 5-7 June" would read as one bound for the whole visit.
    """
    if not start:
        return str(end)
    if not end or end == start:
        return str(start)
    qualifier = start.qualifier
    if (
        start.precision != end.precision
        or qualifier != end.qualifier
        or qualifier == Qualifier.NO_LATER_THAN
    ):
        return f"{start} - {end}"
    a, b = start.value, end.value
    if start.precision == Precision.DAY and (a.year, a.month) == (b.year, b.month):
        return qualified(qualifier, f"{a.day}-{b.day} {month_name(b)} ", b.year)
    if start.precision == Precision.DAY and a.year == b.year:
        return qualified(qualifier, f"{a.day} {month_name(a)} - {b.day} {month_name(b)} ", b.year)
    if start.precision == Precision.MONTH and a.year == b.year:
        return qualified(qualifier, f"{month_name(a)}-{month_name(b)} ", b.year)
    if start.precision == Precision.YEAR:
        return qualified(qualifier, "", f"{a.year}-{b.year}")
    return f"{start} - {end}"


def normalize_partial_dates(instance, *names: str) -> None:
    """Store the first day of the period the precision names ("June 2018" is 2018-06-01).

    Part of model validation: what lies below the precision is unknown, so it is not kept.
    A qualifier other than exact without a date is refused (the twin of
    `qualifier_constraints`): there is nothing for it to qualify.
    """
    errors = {}
    for name in names:
        value = getattr(instance, f"{name}_date")
        if value is None:
            if getattr(instance, f"{name}_qualifier") != Qualifier.EXACT:
                errors[f"{name}_date"] = "Enter a date, or choose the qualifier “Exact”."
            continue
        precision = getattr(instance, f"{name}_precision")
        setattr(instance, f"{name}_date", PartialDate(value, precision).first_day())
    if errors:
        raise ValidationError(errors)


def qualifier_constraints(record: str, *names: str) -> list[models.CheckConstraint]:
    """Database rules of the partial dates `names`: the qualifier is one of `Qualifier`'s,
    and one other than exact has a date (a "c." before nothing). `record` begins the
    constraints' names: "visit_start_qualifier_known", "visit_start_qualifier_has_date"."""
    return [
        constraint
        for name in names
        for constraint in (
            models.CheckConstraint(
                name=f"{record}_{name}_qualifier_known",
                condition=Q(**{f"{name}_qualifier__in": Qualifier.values}),
                violation_error_message=QUALIFIER_KNOWN,
            ),
            models.CheckConstraint(
                name=f"{record}_{name}_qualifier_has_date",
                condition=Q(**{f"{name}_qualifier": Qualifier.EXACT})
                | Q(**{f"{name}_date__isnull": False}),
                violation_error_message=QUALIFIER_NEEDS_DATE,
            ),
        )
    ]


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
