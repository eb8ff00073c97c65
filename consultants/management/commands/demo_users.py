from datetime import timedelta

import numpy as np
import pandas as pd
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from assessment.choices import Mode
from assessment.models import Assessment
from assessment.selectors import questionnaire_current
from assessment.waves import waves_number
from workshops.imports import answers_import, questionnaire_codes
from workshops.services import assessment_create, company_create, consensus_save

DEMO = [("admin", "admin-demo-2026", True), ("consultant", "consultant-demo-2026", False)]
# A management team that mostly agrees, with a few questions where it does not.
PARTICIPANTS = [("Giulia Conti", "CEO", 0), ("Marco Ferri", "CMO", 1), ("Sara Gallo", "CIO", -1),
                ("Luca Greco", "customer_care", 0)]


def _workshop_table(codes: list[str], seed: int = 11, lift: int = 0) -> pd.DataFrame:
    """Four participants' levels; ``lift`` moves the team's starting levels up or down."""
    rng = np.random.default_rng(seed)
    base = np.clip(rng.integers(2, 4, size=len(codes)) + lift, 1, 5)
    rows = []
    for name, role, bias in PARTICIPANTS:
        levels = np.clip(base + bias * (rng.random(len(codes)) < 0.35)
                         + rng.integers(-1, 2, len(codes)) * (rng.random(len(codes)) < 0.2), 1, 5)
        rows.append({"participant": name, "role": role,
                     **{c: int(v) for c, v in zip(codes, levels)}})
    return pd.DataFrame(rows)


def _previous_wave(company, codes: list[str]) -> None:
    """Last year's workshop, its consensus recorded (the participants' median level): the
    consultant's results, roadmap, KPI plan and consolidated report have data to show."""
    earlier = assessment_create(company=company, mode=Mode.WORKSHOP, language="it")
    table = _workshop_table(codes, seed=5)
    answers_import(assessment=earlier, name="workshop-last-year.csv",
                   data=table.to_csv(index=False).encode())
    agreed = {c: int(np.ceil(table[c].median())) for c in codes}
    consensus_save(assessment=earlier, levels=agreed)
    year_ago = timezone.now() - timedelta(days=365)
    Assessment.objects.filter(pk=earlier.pk).update(created_at=year_ago, submitted_at=year_ago)
    waves_number(company_ids=[company.pk])


class Command(BaseCommand):
    help = ("Creates the demo logins and a sample client workshop (for the local demo only) "
            "and prints the logins.")

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        for username, password, staff in DEMO:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.is_staff = user.is_superuser = staff
                user.save()
        consultant = User.objects.get(username="consultant")
        if not consultant.companies_owned.exists():
            company = company_create(owner=consultant, name="Bianchi Retail S.p.A.",
                                     sector="retail", size="large", country="IT")
            codes = questionnaire_codes(questionnaire_current())
            _previous_wave(company, codes)
            workshop = assessment_create(company=company, mode=Mode.WORKSHOP, language="it")
            answers_import(assessment=workshop, name="workshop.csv",
                           data=_workshop_table(codes).to_csv(index=False).encode())
        self.stdout.write("\nDemo ready on http://127.0.0.1:8000/")
        for username, password, staff in DEMO:
            role = "admin" if staff else "consultant"
            where = "admin/" if staff else "consultant/"
            self.stdout.write(f"  {role:<11} login: {username} / {password}  "
                              f"(http://127.0.0.1:8000/{where})")
        self.stdout.write("")
