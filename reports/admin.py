from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reports.forms import SiteBrandForm
from reports.models import Brand

# The admin index links to the benchmark dashboard (reports/dashboard_urls.py).
admin.site.index_template = "benchmark/dashboard_admin_index.html"


@admin.register(Brand)
class BrandAdmin(admin.ModelAdmin):
    """Consultants' brands and the site's own (self-assessment reports), with the same
    checks as the consultant's page."""

    form = SiteBrandForm
    list_display = ("firm_name", "owner", "site_default", "accent", "has_logo", "updated_at")
    list_filter = ("site_default",)
    search_fields = ("firm_name", "owner__username")

    @admin.display(boolean=True, description=_("logo"))
    def has_logo(self, brand: Brand) -> bool:
        return bool(brand.logo)
