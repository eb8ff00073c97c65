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


@dataclass(frozen=True)
class FilterChoices:
    """What the filters offer, read from the data: versions, and the countries, years
    and waves of the scored assessments."""

    versions: list[str]
    countries: list[str]
    years: list[int]
    waves: list[int]


# Without data to offer (``export_benchmark``), any wave or year in these ranges is accepted.
ANY_WAVE = range(1, 101)
ANY_YEAR = range(2000, 2101)


class BenchmarkFilterForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=[("", _("All sectors")), *Sector.choices])
    size = forms.ChoiceField(label=_("Size"), required=False,
                             choices=[("", _("All sizes")), *SizeBand.choices])
    country = forms.ChoiceField(label=_("Country"), required=False)
    wave = forms.ChoiceField(label=_("Wave"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int,
                                  empty_value=None)
    questionnaire = forms.ChoiceField(label=_("Questionnaire version"), required=False)

    def __init__(self, *args, choices: FilterChoices | None = None,
                 versions: list[str] | None = None, **kwargs):
        """``choices`` from the data (the dashboard); without them (the command) every
        country, wave and year is accepted, and ``versions`` lists the versions."""
        super().__init__(*args, **kwargs)
        versions = choices.versions if choices else (versions or [])
        codes = choices.countries if choices else [c for c, _n in countries]
        waves = choices.waves if choices else ANY_WAVE
        years = choices.years if choices else ANY_YEAR
        # Names in the interface's language, sorted in it (django-countries sorts them).
        names = dict(countries)
        self.fields["country"].choices = [("", _("All countries")),
                                          *[(c, n) for c, n in names.items() if c in codes]]
        self.fields["wave"].choices = [
            ("", _("All waves")), (LATEST, _("Latest of each company")),
            *[(str(w), _("Wave %(number)d") % {"number": w}) for w in waves]]
        self.fields["year"].choices = [("", _("All years")), *[(str(y), str(y)) for y in years]]
        self.fields["questionnaire"].choices = [("", _("All versions")),
                                                *[(v, v) for v in versions]]

    def clean_country(self) -> str:
        return (self.cleaned_data.get("country") or "").upper()

    def clean_wave(self) -> int | str | None:
        value = self.cleaned_data.get("wave") or ""
        if not value:
            return None
        return LATEST if value == LATEST else int(value)

    def filters(self) -> BenchmarkFilters:
        data = self.cleaned_data
        return BenchmarkFilters(sector=data["sector"], size=data["size"],
                                country=data["country"], wave=data["wave"], year=data["year"],
                                questionnaire=data["questionnaire"])

    def error_line(self) -> str:
        """All errors on one line, "field: message", for commands and page messages."""
        return "; ".join(f"{name}: {' '.join(errs)}" for name, errs in self.errors.items())
