"""The admin's change forms: a reason for the history, duplicate warnings, publishing rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import inlineformset_factory
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from cooperation.admin.dates import DateBoxesMixin, PartialDateField
from cooperation.admin.formsets import kept_forms
from cooperation.models import AgreementParty, PlaceRole, Source, VisitPlace
from cooperation.models.sources import citations_of
from cooperation.partial_dates import PartialDate, Qualifier
from cooperation.quotes import quote_error
from cooperation.records import duplicates

SAVE_ANYWAY = "Not a duplicate: save anyway"


def admin_link(obj) -> str:
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, obj)


def duplicate_warning(likely: list) -> str:
    links = format_html_join(", ", "{}", ((admin_link(obj),) for obj in likely))
    return format_html(
        "This may already be recorded: {}. Check (the links open in a new tab); if it is "
        "not the same, tick “{}” and save again.",
        links,
        SAVE_ANYWAY,
    )


class AdminForm(DateBoxesMixin, forms.ModelForm):
    """Base of every change form in the admin; its partial dates are typed in boxes."""

    save_anyway = forms.BooleanField(label=SAVE_ANYWAY, required=False, widget=forms.HiddenInput)
    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=100,
        help_text="Kept in the history, e.g. “corrected date from second source”.",
    )

    def likely_duplicates(self) -> list:
        """Saved records this one probably duplicates; forms of checked models override it."""
        return []

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("save_anyway"):
            likely = self.likely_duplicates()
            if likely:
                self.fields["save_anyway"].widget = forms.CheckboxInput()
                self.add_error("save_anyway", duplicate_warning(likely))
        return cleaned


def partial_date(cleaned: dict, name: str) -> PartialDate:
    return PartialDate(
        cleaned.get(f"{name}_date"),
        cleaned.get(f"{name}_precision"),
        cleaned.get(f"{name}_qualifier", Qualifier.EXACT),
    )


class StatusField(forms.TypedChoiceField):
    """A record's publication status: the select offers only the `allowed` statuses, and
    any other value is refused by `rule` (records/workflow.py), with its message."""

    def __init__(self, *, allowed, rule, **kwargs):
        super().__init__(**kwargs)
        self.rule = rule
        self.widget.choices = [choice for choice in self.choices if choice[0] in allowed]

    def validate(self, value):
        super().validate(value)
        self.rule(new=value)


class NamedForm(AdminForm):
    """Municipalities, organizations and people: a likely duplicate is one sharing a name;
    two that really share one (two people called Wang Wei) are both saved, the second with
    its slug made unique ("wang-wei-2")."""

    def clean_slug(self):
        return duplicates.unique_slug(
            type(self.instance), self.cleaned_data["slug"], exclude_pk=self.instance.pk
        )

    def likely_duplicates(self):
        """Others that share its English, Chinese or Hebrew name (or have one as another
        name); the other names typed below are checked once saved, by the next save."""
        names = [self.cleaned_data.get(field, "") for field in ("name", "name_zh", "name_he")]
        return duplicates.similar_named(
            type(self.instance), names=names, exclude_pk=self.instance.pk
        )


class LiaisonOfficeForm(AdminForm):
    announced = PartialDateField(label="Announced", columns=("announced",))
    opened = PartialDateField(label="Opened", columns=("opened",))
    closed = PartialDateField(label="Closed", columns=("closed",))

    def likely_duplicates(self):
        return duplicates.offices_with_same_sponsor_and_host(
            sponsor=self.cleaned_data["sponsor"],
            host=self.cleaned_data["host"],
            exclude_pk=self.instance.pk,
        )


def submitted_rows(form, model, fields: list[str]) -> list[dict] | None:
    """The cleaned rows of `model`'s inline below `form`, read again from the same POST (a
    form cannot see its inlines), or None while the inline has errors of its own."""
    formset_class = inlineformset_factory(type(form.instance), model, fields=fields, extra=0)
    rows = formset_class(
        form.data, instance=form.instance, prefix=formset_class.get_default_prefix()
    )
    if not rows.is_valid():
        return None
    return [row.cleaned_data for row in kept_forms(rows)]


class VisitForm(AdminForm):
    dates = PartialDateField(label="Dates", columns=("start", "end"))

    def likely_duplicates(self):
        places = submitted_rows(self, VisitPlace, ["role", "municipality", "organization"])
        if places is None:
            return []  # the inline shows its own errors
        origins = {
            row.get("municipality") or row.get("organization")
            for row in places
            if row.get("role") == PlaceRole.ORIGIN
        }
        return duplicates.overlapping_visits(
            origins=origins,
            start=partial_date(self.cleaned_data, "start"),
            end=partial_date(self.cleaned_data, "end"),
            exclude_pk=self.instance.pk,
        )


class EventForm(AdminForm):
    dates = PartialDateField(label="Dates", columns=("start", "end"))


class AgreementForm(AdminForm):
    signed = PartialDateField(label="Signed", columns=("signed",))
    ended = PartialDateField(label="Ended", columns=("ended",))

    def likely_duplicates(self):
        parties = submitted_rows(self, AgreementParty, ["municipality", "organization"])
        if parties is None:
            return []  # the inline shows its own errors
        chosen = {row.get("municipality") or row.get("organization") for row in parties}
        return duplicates.agreements_with_same_parties(
            kind=self.cleaned_data["kind"], parties=chosen, exclude_pk=self.instance.pk
        )


class SourceForm(AdminForm):
    published = PartialDateField(label="Publication date", columns=("published",))

    def clean_url(self):
        url = self.cleaned_data["url"]
        existing = Source.objects.filter(url=url).exclude(pk=self.instance.pk).first()
        if existing:
            raise ValidationError(
                format_html(
                    "This article is already a source: {}. Cite that one instead.",
                    admin_link(existing),
                )
            )
        return url

    def clean_text(self):
        """A new text must still hold every quote cited from the source: a quote that is
        no longer in it would be evidence nobody can check."""
        text = self.cleaned_data["text"]
        if self.instance.pk is None:
            return text
        lost = [
            citation
            for citation in citations_of(self.instance)
            if quote_error(citation.quote, text) is not None
        ]
        if lost:
            raise ValidationError(
                format_html(
                    "{} quote(s) cited from this source would no longer be in its text: {}. "
                    "Keep them in the text, or change those citations first.",
                    len(lost),
                    format_html_join("; ", "“{}” ({})", ((c.quote, c.record) for c in lost[:5])),
                )
            )
        return text

    def likely_duplicates(self):
        return duplicates.sources_with_same_url(
            url=self.cleaned_data["url"], exclude_pk=self.instance.pk
        )
