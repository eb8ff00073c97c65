"""From the results page to a downloaded PDF, through the real database task queue."""

import pytest
from django.core.management import call_command

from assessment.services import respondent_submit
from reports.models import ReportFile
from tests.factories import answer, make_questionnaire, make_report_content, make_respondent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_results_page_prepares_the_report_in_the_background_and_downloads_it(
    live_server, page, tmp_path
):
    make_questionnaire(per_dimension=3)
    make_report_content()
    respondent = make_respondent(name="Verdi Retail")
    answer(respondent, default=2)
    assert respondent_submit(respondent=respondent).ok

    page.goto(f"{live_server.url}/r/{respondent.token}/results/")
    page.get_by_label("Report language").select_option("en")
    page.get_by_role("button", name="Prepare the PDF report").click()
    page.get_by_text("Preparing your report").wait_for()
    report = ReportFile.objects.get()
    assert report.status == ReportFile.Status.PENDING

    # The worker of `make run`, here for the queued tasks only.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    report.refresh_from_db()
    assert report.status == ReportFile.Status.DONE, report.error

    download_link = page.get_by_role("link", name="Download the PDF report")
    download_link.wait_for(state="visible", timeout=20000)
    with page.expect_download() as info:
        download_link.click()
    path = tmp_path / "report.pdf"
    info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert info.value.suggested_filename == "omnimaturity-verdi-retail-en.pdf"
    assert bytes(ReportFile.objects.get().pdf) == data
