from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("r/<str:token>/report/", views.report_start, name="start"),
    path("r/<str:token>/report/status/", views.report_status, name="status"),
    path("r/<str:token>/report/<str:language>.pdf", views.report_download, name="download"),
]
