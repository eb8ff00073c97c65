"""Forms of the consultants' pages: input checking only, no business flow."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from assessment.choices import Mode, Sector, SizeBand, country_choices


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices])
    size = forms.ChoiceField(label=_("Company size"), choices=[("", "—"), *SizeBand.choices])
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the company name."))
        return name


class AssessmentForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices, initial=Mode.WORKSHOP)
    language = forms.ChoiceField(label=_("Report language"), choices=settings.LANGUAGES)
