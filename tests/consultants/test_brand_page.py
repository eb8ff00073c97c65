"""The consultant's brand page: saves a firm's name, colour and logo; refuses bad ones."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Brand
from tests.reports.test_brand import HOSTILE_LOGOS, SVG, png

pytestmark = pytest.mark.django_db
URL = reverse("consultant:brand")


def test_consultant_saves_a_brand_and_sees_its_logo(client, consultant):
    client.force_login(consultant)
    response = client.post(URL, {"firm_name": "  Vela   Partners ", "accent": "#7A1F3D",
                                 "logo_file": SimpleUploadedFile("logo.svg", SVG)})
    assert response.status_code == 302 and response.url == URL
    brand = Brand.objects.get(owner=consultant)
    assert (brand.firm_name, brand.accent, brand.logo_type) == ("Vela Partners", "#7a1f3d",
                                                                "image/svg+xml")
    page = client.get(URL).content.decode()
    assert "Vela Partners" in page and 'src="data:image/svg+xml;base64,' in page


def test_a_new_logo_replaces_the_old_one_and_remove_clears_it(client, consultant):
    client.force_login(consultant)
    client.post(URL, {"firm_name": "Vela", "logo_file": SimpleUploadedFile("a.svg", SVG)})
    client.post(URL, {"firm_name": "Vela", "logo_file": SimpleUploadedFile("b.png", png())})
    assert Brand.objects.get().logo_type == "image/png"
    client.post(URL, {"firm_name": "Vela", "remove_logo": "on"})
    brand = Brand.objects.get()
    assert brand.logo is None and brand.logo_type == ""


@pytest.mark.parametrize("case", ["script", "onload", "external href", "huge", "fake png"])
def test_a_hostile_logo_is_refused_on_the_page_and_nothing_is_kept(client, consultant, case):
    client.force_login(consultant)
    client.post(URL, {"firm_name": "Vela", "accent": "#112233"})
    response = client.post(URL, {"firm_name": "Other", "accent": "#445566",
                                 "logo_file": SimpleUploadedFile("x.svg", HOSTILE_LOGOS[case][0])})
    assert response.status_code == 400
    assert HOSTILE_LOGOS[case][1] in response.content.decode()
    brand = Brand.objects.get()
    assert (brand.firm_name, brand.accent, brand.logo) == ("Vela", "#112233", None)


def test_a_hostile_colour_is_refused_and_never_echoed_into_a_style(client, consultant):
    client.force_login(consultant)
    response = client.post(URL, {"firm_name": "Vela",
                                 "accent": "red;}</style><script>alert(1)</script>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "six hexadecimal digits" in html and "<script>alert(1)" not in html
    assert not Brand.objects.exists()


def test_a_consultant_never_sees_another_consultants_brand(client, consultant,
                                                           other_consultant):
    Brand.objects.create(owner=other_consultant, firm_name="Oscar & Co")
    client.force_login(consultant)
    assert "Oscar &amp; Co" not in client.get(URL).content.decode()
    client.post(URL, {"firm_name": "Carla Advisory"})
    assert Brand.objects.get(owner=other_consultant).firm_name == "Oscar & Co"
    assert Brand.objects.get(owner=consultant).firm_name == "Carla Advisory"
