"""Writes of the KPI page: an assessment's recorded baselines and targets."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from assessment.models import Assessment
from reports.models import Kpi, KpiRecord


@transaction.atomic
def kpi_records_save(*, assessment: Assessment,
                     values: dict[str, tuple[Decimal | None, Decimal | None]]) -> int:
    """Stores each KPI's (baseline, target); no baseline removes the KPI's record.
    Returns how many records changed."""
    kpis = dict(Kpi.objects.filter(code__in=values).values_list("code", "id"))
    current = {r.kpi_id: r for r in KpiRecord.objects.filter(assessment=assessment,
                                                              kpi_id__in=kpis.values())}
    changed = 0
    for code, (baseline, target) in values.items():
        record = current.get(kpis.get(code))
        if code not in kpis or (record is None and baseline is None):
            continue
        if baseline is None:
            record.delete()
        elif record is None:
            KpiRecord.objects.create(assessment=assessment, kpi_id=kpis[code],
                                     baseline=baseline, target=target)
        elif (record.baseline, record.target) != (baseline, target):
            record.baseline, record.target = baseline, target
            record.save(update_fields=["baseline", "target", "updated_at"])
        else:
            continue
        changed += 1
    return changed
