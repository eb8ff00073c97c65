from django.contrib import admin

# The admin index links to the benchmark dashboard (reports/dashboard_urls.py).
admin.site.index_template = "benchmark/dashboard_admin_index.html"
