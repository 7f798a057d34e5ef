"""Forms with rules that span rows, used by the admin."""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from cooperation.models.agreements import validate_party_count


class AgreementPartyFormSet(BaseInlineFormSet):
    """Refuses to save an agreement with fewer than two parties."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        try:
            validate_party_count(len(kept))
        except ValidationError as error:
            raise ValidationError(error.messages) from None
