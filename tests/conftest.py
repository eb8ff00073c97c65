import os

os.environ.setdefault("TESTING", "true")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

import pytest


@pytest.fixture
def client(client):
    """Tests read English pages unless they switch language themselves."""
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Pre-rendered survey pages are per process; ids repeat between tests."""
    from survey.pages import questionnaire_pages

    questionnaire_pages.cache_clear()
    yield
    questionnaire_pages.cache_clear()


# Personas and their data, shared by every area's tests.


@pytest.fixture
def questionnaire(db):
    from tests.factories import make_questionnaire

    return make_questionnaire(per_dimension=3)


@pytest.fixture
def consultant(db):
    from tests.factories import make_user

    return make_user("carla")


@pytest.fixture
def other_consultant(db):
    from tests.factories import make_user

    return make_user("oscar")


@pytest.fixture
def staff_admin(db):
    from tests.factories import make_user

    return make_user("ada", staff=True)


@pytest.fixture
def company(consultant):
    from workshops import services as ws

    return ws.company_create(owner=consultant, name="Gamma Retail", sector="retail",
                             size="large", country="IT")


@pytest.fixture
def workshop(company, questionnaire):
    from assessment.choices import Mode
    from workshops import services as ws

    return ws.assessment_create(company=company, mode=Mode.WORKSHOP, language="en")
