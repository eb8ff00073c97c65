from django.contrib.auth import views as auth_views
from django.urls import path

from assessment.answers import privacy_views
from assessment.answers import views as history_views
from consultants import views
from reports import views as report_views
from reports.kpiplan import views as kpi_views
from reports.roadmap import views as roadmap_views
from workshops import views as workshop_views

app_name = "consultant"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(
        template_name="consultants/login.html", redirect_authenticated_user=True),
        name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("companies/new/", views.company_create, name="company_create"),
    path("brand/", views.brand_edit, name="brand"),
    path("companies/<int:pk>/", views.company_detail, name="company"),
    path("companies/<int:pk>/assessments/new/", views.assessment_create,
         name="assessment_create"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/participants/", views.participant_invite, name="invite"),
    path("participants/<int:pk>/link/", views.participant_link, name="participant_link"),
    path("participants/<int:pk>/revoke/", views.participant_revoke, name="revoke"),
    path("participants/<int:pk>/resend/", views.participant_resend, name="resend"),
    path("participants/<int:pk>/privacy/export/", privacy_views.participant_export,
         name="privacy_export"),
    path("participants/<int:pk>/privacy/erase/", privacy_views.participant_erase,
         name="privacy_erase"),
    path("assessments/<int:pk>/workshop/", workshop_views.workshop, name="workshop"),
    path("assessments/<int:pk>/consensus/", workshop_views.consensus, name="consensus"),
    path("assessments/<int:pk>/import/", workshop_views.answers_upload, name="import"),
    path("assessments/<int:pk>/history/", history_views.history, name="history"),
    path("assessments/<int:pk>/history/<int:change>/restore/", history_views.restore,
         name="restore"),
    path("assessments/<int:pk>/roadmap/", roadmap_views.roadmap, name="roadmap"),
    path("assessments/<int:pk>/kpis/", kpi_views.kpis, name="kpis"),
    path("assessments/<int:pk>/results/", views.assessment_results, name="results"),
    path("assessments/<int:pk>/report/", report_views.consultant_report_start, name="report"),
    path("assessments/<int:pk>/report/status/", report_views.consultant_report_status,
         name="report_status"),
    path("assessments/<int:pk>/report/share/", workshop_views.report_share,
         name="report_share"),
    path("assessments/<int:pk>/report/<str:language>.pdf", report_views.consultant_report_download,
         name="report_download"),
    path("questionnaires/<int:pk>/template.<str:fmt>",
         workshop_views.answers_template_download, name="template"),
]
