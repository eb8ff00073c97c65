from datetime import timedelta

import numpy as np
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from assessment import demo
from assessment.choices import Role, SizeBand
from assessment.management.cli import current_questionnaire
from assessment.models import Answer, Assessment, Company, Option, Respondent
from assessment.rescoring import snapshots
from assessment.scoring import engine as scoring
from assessment.selectors import questionnaire_spec
from assessment.waves import waves_number

SECTORS = {"retail": 18, "fashion": 10, "food": 9, "consumer_goods": 8, "banking": 10,
           "insurance": 7, "telecom": 6, "utilities": 6, "travel": 6, "automotive": 5,
           "healthcare": 5, "manufacturing": 6, "services": 4}
SIZES = {SizeBand.MEDIUM: 25, SizeBand.MEDIUM_LARGE: 35, SizeBand.LARGE: 28,
         SizeBand.VERY_LARGE: 12}
COUNTRIES = {"IT": 70, "ES": 8, "FR": 8, "DE": 6, "CH": 4, "GB": 4}
NAMES_A = ["Alpi", "Borgo", "Corte", "Delta", "Eridano", "Fiume", "Gran", "Isola", "Lago",
           "Monte", "Nova", "Olmo", "Porta", "Riva", "Sole", "Torre", "Valle", "Vento"]
NAMES_B = ["Retail", "Moda", "Foods", "Bank", "Assicura", "Telecom", "Energia", "Viaggi",
           "Motori", "Salute", "Industrie", "Servizi", "Market", "Group", "Digital"]


def _pick(rng, weights: dict, n: int) -> list:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return [keys[i] for i in rng.choice(len(keys), size=n, p=p / p.sum())]


class Command(BaseCommand):
    help = "Creates sample companies with scored assessments (several waves with progress)."

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, default=300)
        parser.add_argument("--waves", type=int, default=1)
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument("--unfinished", type=int, default=None,
                            help="questionnaires started in the last month and left unfinished "
                                 "(default: a fifth of --companies)")
        parser.add_argument("--if-empty", action="store_true",
                            help="do nothing when companies already exist")

    def handle(self, *args, companies, waves, seed, if_empty, unfinished=None, **options):
        unfinished = companies // 5 if unfinished is None else unfinished
        if companies < 1 or not 1 <= waves <= 10 or not 0 <= unfinished <= companies:
            raise CommandError("--companies must be ≥ 1, --waves 1–10 and --unfinished "
                               "0–companies", returncode=2)
        if if_empty and Company.objects.exists():
            self.stdout.write("demo data already present: nothing to do")
            return
        questionnaire = current_questionnaire()
        spec = questionnaire_spec(questionnaire=questionnaire)
        rng = np.random.default_rng(seed)
        levels, _ = demo.generate(spec, companies, rng)
        order = rng.permutation(len(levels))
        levels = levels.iloc[order].reset_index(drop=True)
        options = {(q, lv): oid for oid, q, lv in Option.objects.filter(
            question__questionnaire=questionnaire).values_list("id", "question__code", "level")}
        qids = dict(questionnaire.questions.values_list("code", "id"))
        now = timezone.now()
        with transaction.atomic():
            made = Company.objects.bulk_create([
                Company(name=f"{rng.choice(NAMES_A)} {rng.choice(NAMES_B)} {i + 1:04d}",
                        sector=s, size=z, country=c)
                for i, (s, z, c) in enumerate(zip(_pick(rng, SECTORS, companies),
                                                  _pick(rng, SIZES, companies),
                                                  _pick(rng, COUNTRIES, companies)))
            ], batch_size=1000)
            ids = []
            taking = np.ones(len(made), dtype=bool)
            for wave in range(waves):
                when = now - timedelta(days=365 * (waves - 1 - wave) + 30)
                if wave:
                    # Some companies drop out and never come back.
                    taking &= demo.stays(len(made), rng)
                ids += self._wave(questionnaire=questionnaire, spec=spec, number=wave + 1,
                                  companies=[c for c, t in zip(made, taking) if t],
                                  levels=levels[taking], options=options, qids=qids,
                                  when=when, rng=rng)
                levels = demo.progress(levels, rng)
            written = len(ids)
            waves_number(company_ids=[c.pk for c in made])  # a no-op check: already numbered
            # The completion funnel's records, from a generator of their own so that the
            # scores above stay those of the seed.
            funnel_rng = np.random.default_rng(seed + 1)
            self._pages(ids=ids, steps=len(spec.dimensions), rng=funnel_rng)
            self._unfinished(companies=made[:unfinished], questionnaire=questionnaire,
                             steps=len(spec.dimensions), now=now, rng=funnel_rng)
        self.stdout.write(f"{companies} companies, {written} assessments scored"
                          + (f", {unfinished} questionnaires left unfinished" if unfinished else ""))

    def _wave(self, *, questionnaire, spec, number, companies, levels, options, qids, when,
              rng) -> list[int]:
        """One wave's assessments, written once with their results and wave number (scored
        from the same levels as their answers, as ``rescore`` would: a test compares)."""
        results = snapshots(spec, scoring.score_levels(spec, levels), levels)
        assessments = Assessment.objects.bulk_create([
            Assessment(company=c, questionnaire=questionnaire, created_at=when, submitted_at=when,
                       language="it", wave=number, **result)
            for c, result in zip(companies, results)
        ], batch_size=1000)
        roles = _pick(rng, {Role.CEO: 3, Role.CMO: 3, Role.CDO: 2, Role.CXO: 2, Role.CIO: 1,
                            Role.SALES: 1}, len(assessments))
        respondents = Respondent.objects.bulk_create([
            Respondent(assessment=a, role=r, submitted_at=when)
            for a, r in zip(assessments, roles)
        ], batch_size=1000)
        answers = []
        codes = list(levels.columns)
        matrix = levels.to_numpy()
        for respondent, row in zip(respondents, matrix):
            for code, level in zip(codes, row):
                if np.isnan(level):  # don't know
                    answers.append(Answer(respondent=respondent, question_id=qids[code],
                                          dont_know=True))
                else:
                    answers.append(Answer(respondent=respondent, question_id=qids[code],
                                          option_id=options[(code, int(level))]))
        Answer.objects.bulk_create(answers, batch_size=5000)
        return [a.id for a in assessments]

    def _pages(self, *, ids, steps, rng) -> None:
        """Submitted respondents: every page and the review reached, 10–60 minutes to finish."""
        respondents = list(Respondent.objects.filter(assessment_id__in=ids).order_by("id"))
        minutes = np.clip(rng.lognormal(np.log(24), 0.35, len(respondents)), 10, 60)
        for respondent, spent in zip(respondents, minutes):
            respondent.created_at = respondent.submitted_at - timedelta(minutes=float(spent))
            respondent.reviewed_at = respondent.submitted_at - timedelta(minutes=1)
            respondent.furthest_step = steps
        Respondent.objects.bulk_update(respondents, ["created_at", "reviewed_at",
                                                     "furthest_step"], batch_size=1000)

    def _unfinished(self, *, companies, questionnaire, steps, now, rng) -> None:
        """A new self-assessment for some companies, started in the last month and left at
        some page (a few at the review), with no answers kept."""
        if not companies:
            return
        started = [now - timedelta(days=float(d)) for d in rng.uniform(1, 28, len(companies))]
        assessments = Assessment.objects.bulk_create([
            Assessment(company=c, questionnaire=questionnaire, created_at=when, language="it")
            for c, when in zip(companies, started)], batch_size=1000)
        # Where people stop: most on the first pages, some at the review.
        stops = rng.choice(steps + 2, size=len(assessments),
                           p=_stop_weights(steps))  # steps + 1: the review
        respondents = Respondent.objects.bulk_create([
            Respondent(assessment=a, role=Role.CMO, furthest_step=min(int(stop), steps))
            for a, stop in zip(assessments, stops)], batch_size=1000)
        for respondent, when, stop in zip(respondents, started, stops):
            respondent.created_at = when
            respondent.reviewed_at = when + timedelta(minutes=20) if stop > steps else None
        Respondent.objects.bulk_update(respondents, ["created_at", "reviewed_at"],
                                       batch_size=1000)


def _stop_weights(steps: int) -> list[float]:
    """Chances of stopping on page 1..steps or at the review (never before page 1: the
    start leads there)."""
    weights = np.array([0.0, 4.0, *[2.0 / k for k in range(2, steps + 1)], 1.0])
    return list(weights / weights.sum())
