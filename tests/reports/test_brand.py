"""A firm's brand: what is refused (hostile logos and colours), what reaches the report."""

from __future__ import annotations

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from reports import brand as checks
from reports.document.pdf import report_html
from reports.forms import BrandForm
from reports.models import Brand
from reports.rendering import report_data
from reports.selectors import report_fingerprint
from reports.services import brand_save
from tests.factories import make_questionnaire, make_report_content, make_user
from tests.reports.test_builder import answered


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">'
       b'<defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/></linearGradient>'
       b'</defs><rect width="120" height="40" fill="url(#g)"/></svg>')


def png(width: int = 4, height: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (checks.PNG_SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


NS = b'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"'
HOSTILE_LOGOS = {
    "script": (b"<svg " + NS + b"><script>alert(1)</script></svg>", "scripts"),
    "onload": (b"<svg " + NS + b' onload="alert(1)"/>', "event handlers"),
    "external href": (b"<svg " + NS + b' xmlns:xlink="http://www.w3.org/1999/xlink">'
                      + b'<image xlink:href="https://evil.example/x.png"/></svg>', "outside"),
    "javascript link": (b"<svg " + NS + b'><a href="javascript:alert(1)">'
                        + b'<rect width="5" height="5"/></a></svg>', "outside"),
    "css url": (b"<svg " + NS + b"><style>rect { fill: url(https://evil.example/f.svg#p) }"
                + b"</style></svg>", "outside"),
    "foreignObject": (b"<svg " + NS + b'><foreignObject><p xmlns="http://www.w3.org/1999/'
                      + b'xhtml">x</p></foreignObject></svg>', "embedded"),
    "entities": (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg ' + NS
                 + b">&a;</svg>", "DOCTYPE"),
    "not well-formed": (b"<svg " + NS + b"><rect></svg>", "not well-formed"),
    "huge": (b"<svg>" + b" " * (checks.MAX_LOGO_BYTES + 1) + b"</svg>", "limit"),
    "fake png": (checks.PNG_SIGNATURE + b"<script>alert(1)</script>", "damaged"),
    "png with a bad crc": (png()[:-1] + b"\x00", "damaged"),
    "gif": (b"GIF89a\x01\x00\x01\x00", "PNG or SVG"),
    "too wide png": (png(width=checks.MAX_LOGO_SIDE + 1, height=1), "at most"),
    "svg without a size": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "viewBox"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_LOGOS))
def test_a_hostile_or_broken_logo_is_refused_with_a_message(name):
    data, message = HOSTILE_LOGOS[name]
    with pytest.raises(checks.BrandError) as exc:
        checks.logo_checked(data)
    assert message in str(exc.value)


def test_a_clean_svg_and_a_real_png_are_accepted_with_their_size():
    assert checks.logo_checked(SVG) == checks.Logo(checks.SVG, 120.0, 40.0)
    assert checks.logo_checked(png(30, 10)) == checks.Logo(checks.PNG, 30, 10)


@pytest.mark.parametrize("value", ["red", "red;}</style><script>alert(1)</script>", "#12345",
                                   "#1234567", "#gggggg", "0b5cad", "rgb(1,2,3)"])
def test_a_colour_that_is_not_rrggbb_is_refused(value):
    with pytest.raises(checks.BrandError):
        checks.accent_checked(value)


def test_a_pale_accent_is_never_used_for_text_on_white():
    assert checks.readable_on_white("#0b5cad") == "#0b5cad"
    assert checks.readable_on_white("#ffee00") == checks.INK
    assert checks.text_on("#0b5cad") == "#ffffff" and checks.text_on("#ffee00") == checks.INK


def _form(data, logo: bytes | None = None, name="logo.svg", instance=None):
    files = {"logo_file": SimpleUploadedFile(name, logo)} if logo is not None else {}
    return BrandForm(data, files, instance=instance)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["script", "onload", "external href", "huge", "fake png"])
def test_the_form_refuses_a_hostile_logo_and_saves_nothing(name):
    owner = make_user("carla")
    form = _form({"firm_name": "Vela", "accent": "#7a1f3d"}, HOSTILE_LOGOS[name][0],
                 instance=Brand(owner=owner))
    assert not form.is_valid()
    assert HOSTILE_LOGOS[name][1] in " ".join(form.errors["logo_file"])
    assert not Brand.objects.exists()


@pytest.mark.django_db
def test_the_form_refuses_a_colour_that_would_break_out_of_the_style():
    form = _form({"firm_name": "Vela", "accent": "red;}</style><script>"},
                 instance=Brand(owner=make_user("carla")))
    assert not form.is_valid() and "six hexadecimal digits" in form.errors["accent"][0]


@pytest.mark.django_db
def test_a_row_written_past_the_forms_is_refused_by_the_model():
    brand = Brand(owner=make_user("carla"), firm_name="Vela", accent="red;}</style>",
                  logo=HOSTILE_LOGOS["script"][0])
    with pytest.raises(Exception) as exc:
        brand_save(brand=brand)
    assert {"accent", "logo"} <= set(exc.value.message_dict)


@pytest.fixture
def client_assessment(db):
    """A consultant's client with a scored assessment, and the consultant."""
    from assessment.models import Company

    make_questionnaire(per_dimension=2, version="brand")
    make_report_content()
    assessment = answered({}, default=3, name="Rossi Retail")
    owner = make_user("carla")
    Company.objects.filter(pk=assessment.company_id).update(owner=owner)
    assessment.refresh_from_db()
    return assessment, owner


def test_a_branded_report_carries_the_firm_name_logo_and_colour(client_assessment):
    assessment, owner = client_assessment
    form = _form({"firm_name": "Vela Partners", "accent": "#7A1F3D"}, SVG,
                 instance=Brand(owner=owner))
    assert form.is_valid(), form.errors
    brand_save(brand=form.instance)
    html = report_html(report_data(assessment=assessment, language="en"), {})
    cover = html[html.index('<section class="cover"'):html.index('<nav class="toc"')]
    assert "Vela Partners" in cover
    assert 'src="data:image/svg+xml;base64,' in cover
    assert "--accent: #7a1f3d;" in html
    assert "Confidential – prepared for Rossi Retail by Vela Partners" in cover


def test_an_unbranded_self_assessment_report_has_the_products_look(client_assessment):
    assessment = answered({}, default=2, name="Solo Spa")
    html = report_html(report_data(assessment=assessment, language="en"), {})
    cover = html[html.index('<section class="cover"'):html.index('<nav class="toc"')]
    assert "omnimaturity" in cover and "<img" not in cover and "--accent:" in html
    assert "--accent: #0b5cad;" in html and "Vela" not in html


def test_the_site_brand_dresses_self_assessment_reports_only_when_set(client_assessment):
    Brand.objects.create(site_default=True, firm_name="Osservatorio Demo", accent="#225522")
    assessment = answered({}, default=2, name="Solo Spa")
    html = report_html(report_data(assessment=assessment, language="it"), {})
    assert "Osservatorio Demo" in html and "--accent: #225522;" in html


def test_a_hostile_row_in_the_database_never_reaches_the_html(client_assessment):
    """Rows written past the forms and the model's checks (a raw update) are checked again."""
    assessment, owner = client_assessment
    brand = Brand.objects.create(owner=owner, firm_name="Vela", accent="#000000", logo=SVG,
                                 logo_type=checks.SVG)
    # seven characters: what the column holds (PostgreSQL refuses longer; SQLite does not)
    Brand.objects.filter(pk=brand.pk).update(accent="red;}</", logo=HOSTILE_LOGOS["onload"][0])
    html = report_html(report_data(assessment=assessment, language="en"), {})
    assert "<script>" not in html and "alert(1)" not in html and "red;}" not in html
    assert "data:image/svg+xml" not in html and "Vela" in html


def test_the_fingerprint_changes_when_the_brand_changes(client_assessment):
    assessment, owner = client_assessment
    before = report_fingerprint(assessment=assessment, language="en")
    brand = brand_save(brand=Brand(owner=owner, firm_name="Vela"))
    branded = report_fingerprint(assessment=assessment, language="en")
    brand.accent = "#7a1f3d"
    brand_save(brand=brand)
    recoloured = report_fingerprint(assessment=assessment, language="en")
    assert len({before, branded, recoloured}) == 3


@pytest.mark.django_db
def test_the_admin_sets_the_site_brand_with_the_same_checks(client, django_user_model):
    from django.urls import reverse

    client.force_login(django_user_model.objects.create_superuser("root", password="pw-root"))
    url = reverse("admin:reports_brand_add")
    refused = client.post(url, {"site_default": "on", "firm_name": "Osservatorio",
                                "accent": "#225522",
                                "logo_file": SimpleUploadedFile("x.svg",
                                                                HOSTILE_LOGOS["script"][0])})
    assert refused.status_code == 200 and "scripts" in refused.content.decode()
    assert not Brand.objects.exists()
    saved = client.post(url, {"site_default": "on", "firm_name": "Osservatorio",
                              "accent": "#225522", "logo_file": SimpleUploadedFile("l.png", png())})
    assert saved.status_code == 302
    brand = Brand.objects.get()
    assert brand.site_default and brand.owner is None and brand.logo_type == checks.PNG
    # A second site brand, or a brand that is neither a consultant's nor the site's: refused.
    again = client.post(url, {"site_default": "on", "firm_name": "Another"})
    neither = client.post(url, {"firm_name": "Nobody's"})
    assert again.status_code == neither.status_code == 200 and Brand.objects.count() == 1
