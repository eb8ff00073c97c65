import os

os.environ.setdefault("TESTING", "true")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

import pytest  # noqa: E402


@pytest.fixture
def client(client):
    """Tests read English pages unless they switch language themselves."""
    client.cookies["django_language"] = "en"
    return client
