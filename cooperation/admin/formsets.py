"""Forms with rules that span rows, used by the admin."""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from cooperation.models.agreements import validate_party_count
from cooperation.models.visits import PlaceRole, validate_origin_count


def kept_forms(formset) -> list:
    """The filled-in rows of a validated formset that are not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
    ]


class AgreementPartyFormSet(BaseInlineFormSet):
    """Refuses to save an agreement with fewer than two parties."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        try:
            validate_party_count(len(kept_forms(self)))
        except ValidationError as error:
            raise ValidationError(error.messages) from None


class VisitPlaceFormSet(BaseInlineFormSet):
    """Refuses to save a visit that comes from nowhere."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        origins = [
            form for form in kept_forms(self) if form.cleaned_data.get("role") == PlaceRole.ORIGIN
        ]
        try:
            validate_origin_count(len(origins))
        except ValidationError as error:
            raise ValidationError(error.messages) from None


class SourcesCitedFormSet(BaseInlineFormSet):
    """Refuses to save a record that cites no source."""

    def clean(self):
        super().clean()
        if not any(self.errors) and not kept_forms(self):
            raise ValidationError(
                "Cite at least one source: the article this record is taken from."
            )
