"""Scored assessments for the dashboard tests, written directly (scores as given)."""

from datetime import UTC, datetime

from assessment.models import Assessment
from assessment.waves import waves_number
from tests.factories import DIMS, make_company


def scored(company, questionnaire, *, when: datetime, cluster: str = "aware",
           score: float = 50.0, **dims: float) -> Assessment:
    """A scored assessment: every dimension at ``score`` unless named in ``dims``."""
    scores = {d: float(dims.get(d, score)) for d in DIMS}
    made = Assessment.objects.create(
        company=company, questionnaire=questionnaire, created_at=when, submitted_at=when,
        scored_at=when, cluster=cluster, scores=scores,
        overall=sum(scores.values()) / len(scores),
    )
    waves_number(company_ids=[company.id])  # as the scoring service does
    return made


def day(year: int, month: int = 6, d: int = 1) -> datetime:
    return datetime(year, month, d, 12, tzinfo=UTC)


def companies(questionnaire, n: int, *, sector="retail", size="large", country="IT",
              cluster="aware", score=50.0, year=2024, prefix="Co"):
    """n companies with one scored assessment each; returns the companies."""
    made = []
    for i in range(n):
        c = make_company(name=f"{prefix} {i:02d}", sector=sector, size=size, country=country)
        scored(c, questionnaire, when=day(year), cluster=cluster, score=score)
        made.append(c)
    return made
