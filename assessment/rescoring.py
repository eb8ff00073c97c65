"""Re-scoring many assessments at once: one vectorised pass, one bulk write.

``services.result_snapshot`` explains one scored row at a time; here the same
snapshot is computed for a whole table with NumPy (rule checks, strengths and
gaps as matrix operations), and written back in a single statement on
PostgreSQL (``COPY`` into a temporary table, then ``UPDATE ... FROM``) or with ``bulk_update`` elsewhere.
The snapshots are identical to ``result_snapshot``'s (a test compares them).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import numpy as np
import orjson
import pandas as pd
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone

from assessment.choices import Mode
from assessment.models import Answer, Assessment, Question, Questionnaire
from assessment.scoring import engine as scoring
from assessment.scoring.borderline import borderline
from assessment.scoring.packed import pack_rows, unpack
from assessment.selectors import questionnaire_spec
from assessment.waves import waves_number

RESULT_FIELDS = ["overall", "cluster", "scores", "result", "scored_at"]


def _strengths_and_gaps(spec: scoring.QuestionnaireSpec, levels: np.ndarray,
                        targets: Sequence[str], n: int = 3) -> tuple[list[list[str]],
                                                                      list[list[str]]]:
    """``scoring.strengths_and_gaps`` for every row of a levels matrix (NaN = level 1)."""
    questions = spec.scored
    codes = np.array([q.code for q in questions], dtype=object)
    weight = np.array([q.weight for q in questions], dtype=float)
    scores = scoring.level_score(levels)
    # Strengths: highest score, then heaviest, then questionnaire order (stable sorts).
    by_weight = np.argsort(-weight, kind="stable")
    order = np.argsort(-scores[:, by_weight], axis=1, kind="stable")
    ranked = by_weight[order]
    top = np.take_along_axis(scores, ranked, axis=1)[:, :n] >= 50
    strengths = [list(codes[r[:n][t]]) for r, t in zip(ranked, top)]
    # Gaps: (dimension target - score) x weight, widest first, then questionnaire order.
    profiles = spec.profiles
    target_rows = {name: np.array([profiles.get(name, {}).get(q.dimension, 100.0)
                                   for q in questions], dtype=float)
                   for name in {*targets}}
    target = np.vstack([target_rows[t] for t in targets]) if len(targets) else scores
    gap = (target - scores) * weight
    # A strength is never listed as a gap too.
    strong = np.zeros(scores.shape, dtype=bool)
    rows = np.arange(len(ranked))[:, None]
    strong[rows, ranked[:, :n]] = top
    gap[strong] = -np.inf
    gap[np.isnan(levels)] = -np.inf  # a "don't know" is something to clarify, not a gap
    order = np.argsort(-gap, axis=1, kind="stable")[:, :n]
    wide = np.take_along_axis(gap, order, axis=1) > 0
    gaps = [list(codes[o[w]]) for o, w in zip(order, wide)]
    return strengths, gaps


def snapshots(spec: scoring.QuestionnaireSpec, table: pd.DataFrame,
              levels: pd.DataFrame) -> list[dict[str, Any]]:
    """The stored result of every row of a ``scoring.score`` table (same order).

    ``levels``: the same rows x the scored question codes, NaN for don't know.
    """
    explanations = scoring.explanations(spec, table)
    near = borderline(spec, table, levels)
    targets = [e["next_cluster"] or e["cluster"] for e in explanations]
    codes = [q.code for q in spec.scored]
    matrix = levels.reindex(columns=codes).to_numpy(dtype=float)
    strengths, gaps = _strengths_and_gaps(spec, matrix, targets)
    packed = pack_rows(matrix)
    dims = list(spec.dimensions)
    dim_values = [[round(v, 1) for v in row] for row in table[dims].to_numpy(dtype=float).tolist()]
    overall = [round(v, 1) for v in table["overall"].to_numpy(dtype=float).tolist()]
    dont_know = table["dont_know"].to_numpy().tolist()
    questions = table["questions"].to_numpy().tolist()
    now = timezone.now()
    return [
        {"overall": overall[i], "cluster": e["cluster"],
         "scores": dict(zip(dims, dim_values[i])),
         "result": {"version": spec.version, "explanation": e, "dont_know": int(dont_know[i]),
                    "questions": int(questions[i]), "strengths": strengths[i],
                    "gaps": gaps[i], "borderline": near[i], "levels": packed[i]},
         "scored_at": now}
        for i, e in enumerate(explanations)
    ]


def _frame(rows: QuerySet, columns: list[str]) -> pd.DataFrame:
    """The rows of a numeric ``values_list`` query as a frame (empty values are NaN).

    On PostgreSQL the database joins the rows into one CSV text, read by pandas'
    C parser: for the 450,000 answers of 10,000 assessments that takes a fraction of
    building one Python tuple per row.
    """
    if connection.vendor != "postgresql":
        return pd.DataFrame(list(rows), columns=columns)
    sql, params = rows.query.sql_with_params()
    names = ", ".join(f"c{i}" for i in range(len(columns)))
    line = " || ',' || ".join(f"COALESCE(c{i}::text, '')" for i in range(len(columns)))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT string_agg({line}, E'\\n') FROM ({sql}) AS t({names})", params)
        (text,) = cursor.fetchone()
    if not text:
        return pd.DataFrame(columns=columns, dtype=float)
    return pd.read_csv(io.StringIO(text), names=columns, header=None)


def levels_matrix(questionnaire: Questionnaire, assessments: QuerySet,
                  spec: scoring.QuestionnaireSpec) -> tuple[list[int], pd.DataFrame]:
    """Assessment ids and their official levels (ids x scored codes, NaN = don't know).

    Three queries: the ids, the version's question codes and the answers.
    """
    ids = list(assessments.order_by("id").values_list("id", flat=True))
    code_of = dict(Question.objects.filter(questionnaire=questionnaire)
                   .values_list("id", "code"))
    rows = (
        Answer.objects.filter(respondent__assessment__in=assessments.values("id"))
        # Official answers only: a workshop's result is its consensus, not its participants.
        .exclude(respondent__assessment__mode=Mode.WORKSHOP, respondent__is_consensus=False)
        .values_list("respondent__assessment_id", "question_id", "option__level")
    )
    frame = _frame(rows, ["a", "q", "level"])
    codes = [q.code for q in spec.scored]
    column = {qid: codes.index(code) for qid, code in code_of.items() if code in codes}
    matrix = np.full((len(ids), len(codes)), np.nan)
    if len(frame):
        cols = frame["q"].map(column)
        keep = cols.notna().to_numpy()
        row_idx = np.searchsorted(np.asarray(ids), frame["a"].to_numpy()[keep])
        matrix[row_idx, cols.to_numpy()[keep].astype(int)] = (
            frame["level"].to_numpy(dtype=float, na_value=np.nan)[keep])
    return ids, pd.DataFrame(matrix, index=ids, columns=codes)


def stored_levels(questionnaire: Questionnaire, assessments: QuerySet,
                  spec: scoring.QuestionnaireSpec) -> np.ndarray:
    """The levels matrix (assessments x scored codes, NaN = don't know), read from the
    levels packed in each result snapshot: one short text per assessment.

    Results stored before the snapshots carried their levels are read from their
    answers (``levels_matrix``, three more queries, only for them) and come last:
    the rows are in no particular order.
    """
    width = len(spec.scored)
    rows = list(assessments.order_by("id").annotate(packed=KeyTextTransform("levels", "result"))
                .values_list("id", "packed"))
    missing = [i for i, text in rows if text is None or len(text) != width]
    matrix = unpack([text for _, text in rows if text is not None and len(text) == width],
                    width)
    if not missing:
        return matrix
    _ids, older = levels_matrix(questionnaire, Assessment.objects.filter(id__in=missing), spec)
    return np.vstack([matrix, older.to_numpy(dtype=float)])


def _write(ids: list[int], results: list[dict[str, Any]]) -> None:
    if not ids:
        return
    if connection.vendor != "postgresql":
        Assessment.objects.bulk_update([Assessment(id=i, **r) for i, r in zip(ids, results)],
                                       RESULT_FIELDS, batch_size=500)
        return
    table = Assessment._meta.db_table
    with connection.cursor() as cursor:
        # COPY into a temporary table, then one UPDATE ... FROM: about twice as fast
        # as bulk_update's CASE per field or a single jsonb_to_recordset parameter.
        # Several versions, or a caller's own transaction, may reuse the table.
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS rescored (id bigint, overall float8, "
                       "cluster text, scores jsonb, result jsonb) ON COMMIT DROP")
        cursor.execute("TRUNCATE rescored")
        with cursor.cursor.copy(
            "COPY rescored (id, overall, cluster, scores, result) FROM STDIN"
        ) as copy:
            for i, r in zip(ids, results):
                copy.write_row((i, r["overall"], r["cluster"], orjson.dumps(r["scores"]).decode(),
                                orjson.dumps(r["result"]).decode()))
        cursor.execute(
            f'UPDATE "{table}" AS a SET overall = v.overall, cluster = v.cluster, '
            "scores = v.scores, result = v.result, scored_at = %s "
            "FROM rescored AS v WHERE a.id = v.id",
            [results[0]["scored_at"]],
        )


def assessments_rescore_all(*, assessments: QuerySet | None = None) -> int:
    """Re-scores the given assessments (default: every submitted one), per version.

    Reads the answers in one query per version, scores them in one vectorised
    pass and writes every result at once. Returns the number written.
    """
    if assessments is None:
        assessments = Assessment.objects.filter(submitted_at__isnull=False)
    written = 0
    versions = assessments.order_by().values_list("questionnaire_id", flat=True).distinct()
    for questionnaire in Questionnaire.objects.filter(id__in=list(versions)):
        spec = questionnaire_spec(questionnaire=questionnaire)
        ids, levels = levels_matrix(questionnaire,
                                    assessments.filter(questionnaire=questionnaire), spec)
        table = scoring.score_levels(spec, levels)
        with transaction.atomic():
            _write(ids, snapshots(spec, table, levels))
        written += len(ids)
    waves_number()  # newly scored assessments take their place among their company's waves
    return written
