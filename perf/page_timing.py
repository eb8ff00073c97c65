"""Page weight and Navigation Timing of the executive's survey in a real Chromium.

Run against a running demo (`make run`, or any server given as --base):

    .venv/bin/python -m perf.page_timing --base http://127.0.0.1:8000 --runs 5

Each run starts a self-assessment, answers it with the keyboard, submits it and
reads the results page's navigation entry (the POST, its redirect and the results
page up to its load event: "submit → results"); then a fresh browser, with an empty
cache, opens the results link ("first visit"). JavaScript is counted as sent over
the wire (compressed), from the Resource Timing entries of the first visit.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from dataclasses import dataclass

from playwright.sync_api import Browser, sync_playwright

NAVIGATION = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const js = performance.getEntriesByType("resource").filter((r) => r.initiatorType === "script"
      || r.name.endsWith(".js"));
  return {load: nav.loadEventEnd, response: nav.responseEnd, redirect: nav.redirectEnd,
          request: nav.requestStart, dcl: nav.domContentLoadedEventEnd,
          js_wire: js.reduce((s, r) => s + r.transferSize, 0),
          js_body: js.reduce((s, r) => s + r.decodedBodySize, 0),
          drawn: Boolean(document.querySelector(".radar svg, .chart .main-svg"))};
}"""


@dataclass
class Run:
    submit_to_results: float
    first_visit: float
    js_wire: int
    js_body: int


def _answer_all(page, base: str) -> str:
    page.goto(base + "/start/")
    page.fill("#id_company", "Timing Spa")
    for field, value in (("sector", "retail"), ("size", "large"), ("country", "IT"),
                         ("role", "CMO")):
        page.select_option(f"#id_{field}", value)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/step/1/")
    token = page.url.split("/r/")[1].split("/")[0]
    for step in range(1, 6):
        for fieldset in page.locator("fieldset.question").all():
            page.keyboard.press("4")
            fieldset.locator(".save-state.saved").wait_for()
        page.locator("#next").click()
        page.wait_for_url(f"**/step/{step + 1}/" if step < 5 else "**/review/")
    return token


def one_run(browser: Browser, base: str) -> Run:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    token = _answer_all(page, base)
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url("**/results/")
    page.wait_for_load_state("load")
    submitted = page.evaluate(NAVIGATION)
    context.close()
    fresh = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = fresh.new_page()
    page.goto(f"{base}/r/{token}/results/", wait_until="load")
    first = page.evaluate(NAVIGATION)
    assert first["drawn"], "the radar was not drawn"
    fresh.close()
    return Run(submitted["load"], first["load"], first["js_wire"], first["js_body"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu"])
        runs = [one_run(browser, args.base.rstrip("/")) for _ in range(args.runs)]
        browser.close()
    med = statistics.median
    print(f"{args.runs} runs against {args.base} (median, max)")
    print(f"  submit → results loaded: {med(r.submit_to_results for r in runs):.0f} ms, "
          f"{max(r.submit_to_results for r in runs):.0f} ms")
    print(f"  results, first visit (empty cache) loaded: {med(r.first_visit for r in runs):.0f} ms,"
          f" {max(r.first_visit for r in runs):.0f} ms")
    print(f"  results JavaScript: {runs[0].js_wire / 1000:.0f} kB over the wire "
          f"({runs[0].js_body / 1000:.0f} kB uncompressed)")


if __name__ == "__main__":
    main()
