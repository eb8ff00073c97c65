"""The README's pictures, taken from the demo in headless Chromium.

    make screenshots          (or: .venv/bin/python docs/screenshots.py)

Sets the demo up as `make run` does (migrate, load_content, seed_demo, demo_users), in a
SQLite database of its own in a temporary folder (the checkout's db.sqlite3 is left alone),
serves it with runserver on 127.0.0.1 on a free port, and writes to docs/, 1280 px wide:

- results.png    the executive's results page, after answering examples/answers.json in
                 the survey as a person would
- workshop.png   the consultant's live view of the sample workshop (consultant login)
- benchmark.png  the benchmark dashboard (admin login)
- report.png     the first pages of that executive's PDF report (pdftoppm), side by side

The server is stopped at the end, whatever happens. Exit status 0, or 2 with one line
when something it needs is missing or the demo does not answer.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ANSWERS = ROOT / "examples" / "answers.json"
WIDTH = 1280
# The demo of `make run` (Makefile: demo-data, then demo_users).
DEMO_SETUP = [["migrate", "-v", "0"], ["load_content"],
              ["seed_demo", "--companies", "300", "--waves", "3", "--if-empty"], ["demo_users"]]
CONSULTANT = ("consultant", "consultant-demo-2026")
ADMIN = ("admin", "admin-demo-2026")
# The report's cover, executive summary and "where you stand" (its contents page left out).
REPORT_PAGES = (1, 3, 4)
# As the browser tests launch it (tests/browser/conftest.py).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class ScreenshotError(Exception):
    """The pictures cannot be taken; the message says why in one line."""


def demo_env(folder: Path) -> dict[str, str]:
    """The demo's settings, in a folder of its own; PDFs are made in the request. Nothing
    else of the caller's environment (a DATABASE_URL, say) reaches the demo."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "BROWSER_PATH")
    return {
        **{key: os.environ[key] for key in keep if key in os.environ},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "DEBUG": "true",
        "TESTING": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "TASKS_BACKEND": "immediate",
        "RATELIMIT_ENABLE": "false",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ScreenshotError(f"manage.py {' '.join(args)} failed: {last}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_server(env: dict[str, str], log: Path):
    """runserver on 127.0.0.1; yields its base URL and stops it on the way out."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                last = (log.read_text().strip().splitlines() or ["no message"])[-1]
                raise ScreenshotError(f"the demo server stopped at start-up: {last}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise ScreenshotError("the demo server did not answer within 60 s")
            time.sleep(0.3)
        yield url
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def charts_drawn(page) -> None:
    """Waits until plotly.js has drawn every chart of the page."""
    charts = page.locator(".chart[data-figure]")
    charts.first.wait_for()
    deadline = time.monotonic() + 30
    while page.locator(".chart[data-figure]:has(.main-svg)").count() < charts.count():
        if time.monotonic() > deadline:
            raise ScreenshotError(f"the charts of {page.url} were not drawn within 30 s")
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)  # the last transitions


def clip_to(page, selector: str, margin: int = 24) -> dict:
    """The page from its top to the bottom of ``selector``, full width."""
    box = page.locator(selector).bounding_box()
    height = box["y"] + box["height"] + margin + page.evaluate("window.scrollY")
    return {"x": 0, "y": 0, "width": WIDTH, "height": round(height)}


def log_in(page, url: str, login_path: str, user: tuple[str, str]) -> None:
    page.goto(url + login_path)
    page.locator("#id_username").fill(user[0])
    page.locator("#id_password").fill(user[1])
    page.locator("form:has(#id_password) [type=submit]").click()
    page.wait_for_load_state()
    if page.locator("#id_password").count():
        raise ScreenshotError(f"cannot log in as {user[0]} at {login_path}")


def executive(context, url: str, work: Path) -> Path:
    """Answers examples/answers.json in the survey; shoots the results; returns the PDF."""
    example = json.loads(ANSWERS.read_text(encoding="utf-8"))
    company, answers = example["company"], example["answers"]
    page = context.new_page()
    page.goto(url + "/")
    page.get_by_role("link", name="Start the self-assessment").click()
    page.get_by_label("Company name").fill(company["name"])
    page.get_by_label("Sector").select_option(company["sector"])
    page.get_by_label("Company size").select_option(company["size"])
    page.get_by_label("Country").select_option(company["country"])
    page.get_by_label("Your role").select_option("CEO")
    page.get_by_role("button", name="Begin the questionnaire").click()
    for step in range(1, 6):
        page.get_by_text(f"Dimension {step} of 5", exact=True).wait_for()
        for fieldset in page.locator("fieldset.question").all():
            code = fieldset.get_attribute("id").removeprefix("q-")
            level = answers.get(code)
            if level is None:
                continue
            choice = (fieldset.locator(".form-check.dk") if level == "dont_know"
                      else fieldset.locator(".form-check:not(.dk)").nth(level - 1))
            choice.locator("label").click()
            fieldset.get_by_text("Saved", exact=True).wait_for()
        page.get_by_role("button", name="Review and submit" if step == 5 else "Next").click()
    page.get_by_role("button", name="Submit and see results").click()
    page.get_by_role("heading", name="Your results").wait_for()
    page.locator(".radar svg").first.wait_for()  # drawn by the server
    page.screenshot(path=DOCS / "results.png", full_page=True,
                    clip=clip_to(page, "#report", margin=12))

    page.get_by_label("Report language").select_option("en")
    page.get_by_role("button", name="Prepare the PDF report").click()
    link = page.get_by_role("link", name="Download the PDF report")
    link.wait_for(state="visible", timeout=180000)
    with page.expect_download(timeout=60000) as info:
        link.click()
    pdf = work / "report.pdf"
    info.value.save_as(pdf)
    page.close()
    return pdf


def consultant(context, url: str) -> None:
    page = context.new_page()
    log_in(page, url, "/consultant/login/", CONSULTANT)
    page.get_by_role("link", name="Bianchi Retail S.p.A.").click()
    page.locator("a[href*='/consultant/assessments/']").last.click()  # this year's wave
    page.get_by_role("link", name="Workshop view").click()
    page.locator("#dimension-spread").wait_for()
    page.screenshot(path=DOCS / "workshop.png", full_page=True,
                    clip=clip_to(page, "#dimension-spread"))
    page.close()


def admin(context, url: str) -> None:
    page = context.new_page()
    log_in(page, url, "/admin/login/", ADMIN)
    # The admin's side menu folded away (the admin remembers it), for the charts' sake.
    page.goto(url + "/admin/benchmark/")
    page.locator("#toggle-nav-sidebar").click()
    page.reload()
    charts_drawn(page)
    page.mouse.move(0, 0)
    page.screenshot(path=DOCS / "benchmark.png", full_page=True,
                    clip=clip_to(page, "#bench-percentiles"))
    page.close()


def report_pages(context, pdf: Path, work: Path) -> None:
    """The report's first pages as PNG (pdftoppm), laid side by side on one picture."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise ScreenshotError("pdftoppm not found: apt-get install poppler-utils")
    images = []
    for number in REPORT_PAGES:
        png = work / f"page-{number}"
        subprocess.run([pdftoppm, "-png", "-r", "110", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(png)], check=True, timeout=120)
        data = base64.b64encode(png.with_suffix(".png").read_bytes()).decode()
        images.append(f'<img alt="" src="data:image/png;base64,{data}">')
    page = context.new_page()
    page.set_content(
        "<style>body{margin:0;background:#e9ecef}"
        "div{display:flex;gap:24px;padding:24px;justify-content:center}"
        f"img{{width:calc((100% - {24 * (len(images) - 1)}px) / {len(images)});"
        "box-shadow:0 2px 10px rgba(0,0,0,.25)}</style>"
        f"<div>{''.join(images)}</div>")
    page.locator("div").screenshot(path=DOCS / "report.png")
    page.close()


def main() -> int:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("BROWSER_PATH") or shutil.which("chromium")
    try:
        if not chromium:
            raise ScreenshotError("Chromium not found: apt-get install chromium, or set "
                                  "BROWSER_PATH")
        with tempfile.TemporaryDirectory(prefix="omnimaturity-screenshots-") as tmp:
            work = Path(tmp)
            env = demo_env(work)
            print("setting up the demo (as make run does) in a database of its own", flush=True)
            for args in DEMO_SETUP:
                manage(env, *args)
            with demo_server(env, work / "server.log") as url, sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                try:
                    context = browser.new_context(
                        locale="en-GB", viewport={"width": WIDTH, "height": 900})
                    context.add_cookies([{"name": "django_language", "value": "en",
                                          "url": url}])
                    context.set_default_timeout(30000)
                    pdf = executive(context, url, work)
                    consultant(context, url)
                    context.clear_cookies()
                    context.add_cookies([{"name": "django_language", "value": "en",
                                          "url": url}])
                    admin(context, url)
                    report_pages(context, pdf, work)
                finally:
                    browser.close()
    except (ScreenshotError, PlaywrightError, subprocess.SubprocessError) as exc:
        print(f"screenshots: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return 2
    for name in ("results", "workshop", "benchmark", "report"):
        print(f"docs/{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
