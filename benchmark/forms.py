"""The benchmark filters, shared by the dashboard, its exports and ``export_benchmark``."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from assessment.choices import Sector, SizeBand

LATEST = "latest"


@dataclass(frozen=True)
class BenchmarkFilters:
    """Which scored assessments a benchmark covers; empty values mean "all".

    ``wave`` is an assessment's order among its company's scored assessments
    by date (1 = first) or ``"latest"``; ``year`` is the calendar year it was
    started in.
    """

    sector: str = ""
    size: str = ""
    country: str = ""
    wave: int | str | None = None
    year: int | None = None
    questionnaire: str = ""


class BenchmarkFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=[("", _("All sectors")), *Sector.choices])
    size = forms.ChoiceField(label=_("Size"), required=False,
                             choices=[("", _("All sizes")), *SizeBand.choices])
    country = forms.ChoiceField(label=_("Country"), required=False)
    wave = forms.CharField(label=_("Wave"), required=False, max_length=8)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    questionnaire = forms.ChoiceField(label=_("Questionnaire version"), required=False)

    def __init__(self, *args, versions: list[str], countries_present: list[str] | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        codes = countries_present if countries_present is not None else [c for c, _ in countries]
        self.fields["country"].choices = [("", _("All countries")),
                                          *[(c, countries.name(c) or c) for c in codes]]
        self.fields["questionnaire"].choices = [("", _("All versions")),
                                                *[(v, v) for v in versions]]

    def clean_country(self) -> str:
        return (self.cleaned_data.get("country") or "").upper()

    def clean_wave(self) -> int | str | None:
        value = (self.cleaned_data.get("wave") or "").strip().lower()
        if not value:
            return None
        if value == LATEST:
            return LATEST
        if value.isdigit() and 1 <= int(value) <= 100:
            return int(value)
        raise forms.ValidationError(_("Enter a wave number from 1 or “latest”."))

    def filters(self) -> BenchmarkFilters:
        data = self.cleaned_data
        return BenchmarkFilters(sector=data["sector"], size=data["size"],
                                country=data["country"], wave=data["wave"], year=data["year"],
                                questionnaire=data["questionnaire"])

    def error_line(self) -> str:
        """All errors on one line, "field: message", for commands and page messages."""
        return "; ".join(f"{name}: {' '.join(errs)}" for name, errs in self.errors.items())
