"""The Nu HTML checker finds no error in the HTML the server sends for the pages people use."""

import json
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.site_pages import LANGUAGES, NODE_MODULES, NPM_INSTALL, site_pages_build

pytestmark = pytest.mark.django_db

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_TIMEOUT = 180  # one JVM start checks every page; it normally takes a few seconds


def vnu_messages(files: list) -> list[dict]:
    """Runs the checker once on all files and returns its messages."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=VNU_TIMEOUT, check=False,
    )
    try:
        return json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {run.returncode}): {run.stderr[:2000]}")


def describe(message: dict) -> str:
    where = message.get("url", "").rsplit("/", 1)[-1]
    return (f"{where}:{message.get('lastLine', '?')}: {message.get('message')} "
            f"«{message.get('extract', '').strip()[:120]}»")


def test_pages_have_no_html_errors(tmp_path):
    if not VNU.exists():
        pytest.skip(f"vnu-jar is not installed: run `{NPM_INSTALL}` at the repository root")
    if not shutil.which("java"):
        pytest.skip("Java is needed by the Nu HTML checker: apt-get install default-jre-headless")
    files = []
    for site_page in site_pages_build():
        for language in LANGUAGES:
            client = Client()
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            if site_page.session:
                client.cookies[settings.SESSION_COOKIE_NAME] = site_page.session
            response = client.get(site_page.path)
            assert response.status_code == 200, (site_page.name, language, response.status_code)
            path = tmp_path / f"{site_page.name}-{language}.html"
            path.write_bytes(response.content)
            files.append(path)

    messages = vnu_messages(files)
    errors = [m for m in messages if m.get("type") in {"error", "non-document-error"}]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    # Warnings are allowed; printed so that they show with -rA or on failure.
    print("vnu warnings:\n" + "\n".join(map(describe, warnings)))
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(describe, errors))
