"""Country names in the interface language, sorted in it; dates as each language writes them."""

import re
from datetime import date, datetime

import pytest
from django.utils import formats, translation

from consultants.forms import CompanyForm
from survey.forms import StartForm


def names(form) -> list[str]:
    return [str(n) for code, n in form.fields["country"].choices if code]


@pytest.mark.parametrize("form_class", [StartForm, CompanyForm])
def test_country_names_follow_the_interface_language_and_its_order(form_class):
    with translation.override("en"):
        english = names(form_class())
    with translation.override("it"):
        italian = names(form_class())
    assert {"Germany", "Italy", "Switzerland"} <= set(english)
    assert {"Germania", "Italia", "Svizzera"} <= set(italian)
    assert english.index("Germany") < english.index("Italy") < english.index("Switzerland")
    # Sorted by the English names: Spain (Spagna in Italian) comes after Italy.
    assert english.index("Italy") < english.index("Spain")
    assert italian.index("Spagna") < italian.index("Svizzera")


@pytest.mark.django_db
def test_start_page_lists_countries_in_english(client):
    from tests.factories import make_questionnaire

    make_questionnaire()
    html = client.get("/start/").content.decode()
    select = re.search(r'<select name="country".*?</select>', html, re.DOTALL).group(0)
    listed = re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]+)</option>', select)
    assert "Germany" in listed and "Germania" not in listed
    order = [listed.index(n) for n in ("Germany", "Italy", "Spain", "Switzerland")]
    assert order == sorted(order)


@pytest.mark.parametrize("language,long,short,month", [
    ("en", "1 December 2026", "1 Dec 2026", "May 2026"),
    ("it", "1 dicembre 2026", "01/12/2026", "maggio 2026"),  # Italian months in lower case
])
def test_dates_read_as_the_language_writes_them(language, long, short, month):
    with translation.override(language):
        assert formats.date_format(date(2026, 12, 1)) == long
        assert formats.date_format(date(2026, 12, 1), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(datetime(2026, 5, 3), "YEAR_MONTH_FORMAT") == month
