"""Fixed lists offered on the company profile and participant forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class Sector(models.TextChoices):
    RETAIL = "retail", _("Retail and large-scale distribution")
    FASHION = "fashion", _("Fashion and luxury")
    FOOD = "food", _("Food and beverage")
    CONSUMER_GOODS = "consumer_goods", _("Consumer goods")
    BANKING = "banking", _("Banking and financial services")
    INSURANCE = "insurance", _("Insurance")
    TELECOM = "telecom", _("Telecommunications and media")
    UTILITIES = "utilities", _("Energy and utilities")
    TRAVEL = "travel", _("Travel, transport and hospitality")
    AUTOMOTIVE = "automotive", _("Automotive")
    HEALTHCARE = "healthcare", _("Healthcare and pharma")
    MANUFACTURING = "manufacturing", _("Manufacturing and B2B")
    SERVICES = "services", _("Professional services")
    PUBLIC = "public", _("Public sector")
    OTHER = "other", _("Other")


class SizeBand(models.TextChoices):
    SMALL = "small", _("Fewer than 50 employees")
    MEDIUM = "medium", _("50–249 employees")
    MEDIUM_LARGE = "medium_large", _("250–999 employees")
    LARGE = "large", _("1,000–4,999 employees")
    VERY_LARGE = "very_large", _("5,000 employees or more")


class Role(models.TextChoices):
    CEO = "CEO", _("CEO or general manager")
    CMO = "CMO", _("Marketing (CMO)")
    CIO = "CIO", _("IT (CIO)")
    CDO = "CDO", _("Digital or data (CDO)")
    CXO = "CXO", _("Customer experience (CXO)")
    SALES = "sales", _("Sales")
    OPERATIONS = "operations", _("Operations and logistics")
    CUSTOMER_CARE = "customer_care", _("Customer care")
    HR = "HR", _("Human resources")
    CFO = "CFO", _("Finance (CFO)")
    OTHER = "other", _("Other")


def role_label(value: str) -> str:
    """A role's label in the active language when ``value`` is a role code; any other
    text (an owner a consultant typed) as it is."""
    return str(Role(value).label) if value in Role.values else value


class Mode(models.TextChoices):
    SELF = "self", _("Self-assessment")
    WORKSHOP = "workshop", _("Workshop")


def country_choices() -> list[tuple[str, str]]:
    """Every country, named in the active language and sorted in it, after a blank.

    A callable for ``ChoiceField(choices=...)``: Django calls it whenever the
    choices are read, so each request gets its own language's names and order.
    """
    return [("", "—"), *countries]


def label_of(choices: type[models.TextChoices], code: str) -> str:
    """The label of a stored code in the active language (the code itself if unknown)."""
    return str(choices(code).label) if code in choices.values else code
