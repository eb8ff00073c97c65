from django.contrib import admin
from django.urls import include, path

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/benchmark/", include("benchmark.urls")),
    path("admin/", admin.site.urls),
    path("consultant/", include("consultants.urls")),
    path("", include("survey.urls")),
    path("", include("reports.urls")),
]
