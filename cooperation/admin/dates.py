"""One box per partial date in the admin: "20-27 March 2012", "c. 1998", "May [2013]".

The box is read by the one parser of date phrases (cooperation/intake/dates.py) and says
what it understood ("5-7 June 2018: day precision") as the analyst types (a small script
asks `read_date_view`) and again when the form is refused. The database keeps its three
columns per date; the box is only how they are typed.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.html import format_html

from cooperation.intake.dates import DateNotUnderstood, DateReading, read_date
from cooperation.partial_dates import PartialDate, format_span

DATE_BOX_HELP = (
    "Type dates as the article gives them: “5 June 2018”, “5-7 June 2018”, “June 2018”, "
    "“2018”; “c. 1998” when it is vague, “by 2015” when it says only that it had happened "
    "by then (“since 2015”), and the year in brackets, “5-7 June [2018]”, when you worked it "
    "out from the article's date. Relative dates (“last year”, “this past January”) are read "
    "against the article's date."
)


class DateBox(forms.TextInput):
    """A text box that shows, beside it, what its date will be saved as."""

    class Media:
        js = ["js/date_box.js"]

    def __init__(self, *, today: date | None = None, attrs=None):
        super().__init__(attrs={"size": 24, "autocomplete": "off", **(attrs or {})})
        self.today = today

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-read-date-url"] = str(reverse_lazy("admin:read_date"))
        if self.today:
            context["widget"]["attrs"]["data-today"] = self.today.isoformat()
        return context

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        box_id = (attrs or {}).get("id", f"id_{name}")
        return format_html(
            '{} <span class="date-understood" id="{}_understood" aria-live="polite">{}</span>',
            box,
            box_id,
            understood(value, self.today),
        )


def understood(value, today: date | None) -> str:
    """What the box's text means, or why it cannot be read; "" for an empty box."""
    if not value or not str(value).strip():
        return ""
    try:
        return read_date(str(value), today=today).understood()
    except DateNotUnderstood as error:
        return str(error)


def written(start: PartialDate, end: PartialDate | None = None) -> str:
    """The box's text for a stored date or period: the way the site writes it, which the
    parser reads back to the same columns."""
    return format_span(start, end or PartialDate(None))


class PartialDateField(forms.CharField):
    """A partial date, or with `period=True` a period ("5-7 June 2018"), typed in one box.

    Cleans to a `DateReading` (an empty box: both ends empty). A single date refuses a
    period, since there would be nowhere to keep its end.
    """

    def __init__(self, *, period: bool = False, today: date | None = None, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", DateBox(today=today))
        super().__init__(max_length=80, **kwargs)
        self.period = period
        self.today = today

    def clean(self, value) -> DateReading:
        text = super().clean(value)
        try:
            reading = read_date(text or "", today=self.today)
        except DateNotUnderstood as error:
            raise ValidationError(str(error)) from None
        if reading.end and not self.period:
            raise ValidationError(f"“{text}” is a period; give one date here, e.g. its first day.")
        return reading


def read_date_view(request):
    """What a date box's text means, as JSON, for the box's script: {"understood": ...} or
    {"error": ...}. `today`, optional, is the article's date (YYYY-MM-DD)."""
    text = request.GET.get("text", "")[:200]
    try:
        today = date.fromisoformat(request.GET["today"]) if request.GET.get("today") else None
    except ValueError:
        return JsonResponse({"error": "The article's date is not a date."})
    try:
        reading = read_date(text, today=today)
    except DateNotUnderstood as error:
        return JsonResponse({"error": str(error)})
    return JsonResponse({"understood": reading.understood() if reading.start else ""})
