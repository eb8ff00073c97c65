"""Forms of the consultants' pages: input checking only, no business flow."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from .choices import Mode, Role, Sector, SizeBand

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class CompanyForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices])
    size = forms.ChoiceField(label=_("Company size"), choices=[("", "—"), *SizeBand.choices])
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries])

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the company name."))
        return name


class AssessmentForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices, initial=Mode.WORKSHOP)
    language = forms.ChoiceField(label=_("Report language"), choices=settings.LANGUAGES)


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Please upload a .csv or .xlsx file."))
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return file


class _PlanFields(forms.Form):
    """Where an action sits in the plan: phase (choices from the roadmap), owner, due date."""

    phase = forms.ChoiceField(label=_("Phase"), choices=[])
    owner = forms.CharField(label=_("Owner"), max_length=80, required=False)
    due = forms.DateField(label=_("Due date"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, phases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = list(phases)


class RoadmapAddForm(_PlanFields):
    action_code = forms.ChoiceField(label=_("From the action library"), required=False)
    title = forms.CharField(label=_("Or a new action"), max_length=200, required=False)

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_code"].choices = [("", "—"), *actions]

    def clean(self):
        data = super().clean()
        if not data.get("action_code") and not (data.get("title") or "").strip():
            raise forms.ValidationError(_("Choose an action of the library or name a new one."))
        return data


class RoadmapEditForm(_PlanFields):
    action_code = forms.CharField(max_length=40)
    dropped = forms.BooleanField(label=_("Drop"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)


class HistoryFilterForm(forms.Form):
    """The answer history's filters: one person, one question (by code); empty for all."""

    who = forms.TypedChoiceField(label=_("Who"), coerce=int, required=False, empty_value=None)
    question = forms.CharField(label=_("Question code"), max_length=16, required=False)

    def __init__(self, data, *, people: list[tuple[int, str]]):
        super().__init__(data)
        self.fields["who"].choices = [("", _("Everyone")), *people]

    def clean_question(self) -> str:
        return self.cleaned_data["question"].strip().upper()
