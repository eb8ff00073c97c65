"""The benchmark dashboard, mounted under /admin/benchmark/ behind the admin site's login."""

from django.contrib import admin
from django.urls import path

from benchmark import views as dashboard_views

app_name = "benchmark"

urlpatterns = [
    path("", admin.site.admin_view(dashboard_views.benchmark_dashboard), name="dashboard"),
    path("method-health/", admin.site.admin_view(dashboard_views.method_health),
         name="method_health"),
    path("export.<str:fmt>", admin.site.admin_view(dashboard_views.benchmark_export),
         name="export"),
]
