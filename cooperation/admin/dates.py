"""One box per partial date in the admin: "20-27 March 2012", "c. 1998", "May [2013]".

The box is read by the one parser of date phrases (cooperation/intake/dates.py) and says
what it understood ("5-7 June 2018: day precision") as the analyst types (a small script
asks `read_date_view`) and again when the form is refused. The database keeps its three
columns per date; the box is only how they are typed.

On a record's change form a box names the model's partial dates it is typed for
(`columns`: "opened", or a period's "start" and "end"). The form (`DateBoxesMixin`) starts
the box from those columns and writes them back when the box was changed; the admin
(`DateBoxesAdminMixin`) keeps the columns in the form, unshown and disabled, so that the
model validates them (their rules and constraints) as if they had been typed one by one,
and the model's errors on a column are shown on its box.
"""

from datetime import date

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
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
    "out from the article's date."
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
    period, since there would be nowhere to keep its end. `columns` are the model's
    partial dates a record's box is typed for: one, or a period's start and end.
    """

    def __init__(
        self,
        *,
        period: bool = False,
        columns: tuple[str, ...] = (),
        today: date | None = None,
        **kwargs,
    ):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", DateBox(today=today))
        super().__init__(max_length=80, **kwargs)
        self.period = period or len(columns) == 2
        self.columns = columns
        self.today = today

    def column_fields(self) -> list[str]:
        """The model fields the box writes: each partial date's date, precision, qualifier."""
        return [
            f"{name}{part}"
            for name in self.columns
            for part in ("_date", "_precision", "_qualifier")
        ]

    def clean(self, value) -> DateReading:
        text = super().clean(value)
        try:
            reading = read_date(text or "", today=self.today)
        except DateNotUnderstood as error:
            raise ValidationError(str(error)) from None
        if reading.end and not self.period:
            raise ValidationError(f"“{text}” is a period; give one date here, e.g. its first day.")
        return reading


def record_boxes(fields) -> dict[str, PartialDateField]:
    """The boxes among a form's `fields` that are typed for a model's partial dates."""
    return {
        name: field
        for name, field in fields.items()
        if isinstance(field, PartialDateField) and field.columns
    }


class DateBoxesMixin:
    """A model form whose partial dates are typed in boxes (`PartialDateField` with
    `columns`), before `forms.ModelForm` in its bases.

    A box starts from the record's columns, written as the site writes them, and writes
    them back only when it was changed: a box left alone keeps what is saved even where
    the site's writing would read back otherwise. The columns are in the form, disabled
    (they keep what is saved unless a box writes them), so the model validates them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, box in record_boxes(self.fields).items():
            dates = [getattr(self.instance, column) for column in box.columns]
            self.initial.setdefault(name, written(*dates))
            for column in box.column_fields():
                if column in self.fields:
                    self.fields[column].disabled = True

    def clean(self):
        cleaned = super().clean()
        for name, box in record_boxes(self.fields).items():
            if name not in self.changed_data or name not in cleaned:
                continue
            reading = cleaned[name]
            for column, value in zip(box.columns, (reading.start, reading.end), strict=False):
                cleaned[f"{column}_date"] = value.value
                cleaned[f"{column}_precision"] = value.precision
                cleaned[f"{column}_qualifier"] = value.qualifier
        return cleaned

    def add_error(self, field, error):
        """An error on a column a box writes is shown on the box (the model's rules name
        the columns: "Enter a date, or choose the qualifier …" on `opened_date`)."""
        box_of = {
            column: name
            for name, box in record_boxes(self.fields).items()
            for column in box.column_fields()
        }
        if not isinstance(error, ValidationError):
            error = ValidationError(error)
        if field is None and hasattr(error, "error_dict"):
            regrouped = {}
            for key, errors in error.error_dict.items():
                regrouped.setdefault(box_of.get(key, key), []).extend(errors)
            error = ValidationError(regrouped)
        super().add_error(box_of.get(field, field), error)


def with_box_columns(admin, request, obj, kwargs: dict) -> list[str] | None:
    """The fields asked of the admin's form factory (by default its fieldsets', as in
    Django; None for every field) and the columns their editable boxes write."""
    if "fields" in kwargs:
        fields = kwargs["fields"]
    else:
        fields = flatten_fieldsets(admin.get_fieldsets(request, obj))
    if fields is None:
        return None
    boxes = record_boxes(admin.form.declared_fields)
    readonly = admin.get_readonly_fields(request, obj)
    columns = [
        column
        for name in fields
        if name in boxes and name not in readonly
        for column in boxes[name].column_fields()
    ]
    return [*fields, *columns]


class DateBoxesAdminMixin:
    """A ModelAdmin whose form has date boxes: the columns they write are fields of the
    form (not of its fieldsets, so not shown), which `DateBoxesMixin` disables."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["fields"] = with_box_columns(self, request, obj, kwargs)
        return super().get_form(request, obj, change, **kwargs)


class DateBoxesInlineMixin:
    """The same for an inline's rows."""

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["fields"] = with_box_columns(self, request, obj, kwargs)
        return super().get_formset(request, obj, **kwargs)


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
