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
    from assessment.pages import questionnaire_pages

    questionnaire_pages.cache_clear()
    yield
    questionnaire_pages.cache_clear()
