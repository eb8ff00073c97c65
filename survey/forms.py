from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.choices import Role, Sector, SizeBand, country_choices


class StartForm(forms.Form):
    """The company profile asked before the questionnaire."""

    company = forms.CharField(label=_("Company name"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices])
    size = forms.ChoiceField(label=_("Company size"), choices=[("", "—"), *SizeBand.choices])
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    role = forms.ChoiceField(label=_("Your role"), choices=[("", "—"), *Role.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_company(self) -> str:
        name = " ".join(self.cleaned_data["company"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the company name."))
        return name


class EmailLinkForm(forms.Form):
    """The address a respondent's private link is e-mailed to (never stored)."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
