"""The dashboard's score aggregates, read in one pass over the selection.

Every figure of the dashboard that rests on scores (percentiles, means, company
counts, means by sector, counts and sums by wave and cluster) comes from one
read of the selected assessments: their scores are stored as JSON, and taking
the six values out of each row is what costs, so it is done once.

On PostgreSQL that read is one aggregate query with ``GROUPING SETS``: the
whole selection, by sector, and by wave and cluster, percentiles through
``percentile_cont``. SQLite has neither, so there the score columns of the
selection (and nothing else) are fetched and aggregated in pandas, with the
same interpolation (``maths.percentile_table``): both give the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db import connection
from django.db.models import F, FloatField, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from benchmark import maths

# GROUPING(sector, wave, cluster): a bit is set for each column a set leaves out.
_WHOLE, _BY_SECTOR, _BY_WAVE = 0b111, 0b011, 0b100


def dimension_value(code: str) -> Cast:
    """A dimension score read from the stored ``scores`` JSON, as a float column."""
    return Cast(KeyTextTransform(code, "scores"), FloatField())


@dataclass(frozen=True)
class ScoreAggregates:
    """Unrounded aggregates of a selection; ``benchmark.maths`` rounds and masks them."""

    percentiles: pd.DataFrame  # dimensions + overall x p10..p90
    means: dict[str, float]  # NaN where nothing was measured
    companies: int
    assessments: int
    sectors: pd.DataFrame  # sector, companies, a mean per dimension
    trends: pd.DataFrame  # wave, cluster, n, sum:<dimension> and sum:overall


def score_aggregates(qs: QuerySet, dimensions: Sequence[str]) -> ScoreAggregates:
    """The aggregates of the assessments in ``qs`` (one query)."""
    dims = list(dimensions)
    names = [f"s{i}" for i in range(len(dims))]  # aliases: dimension codes are content
    selection = qs.annotate(**dict(zip(names, map(dimension_value, dims), strict=True)),
                            s_overall=F("overall"))
    selection = selection.values_list("company_id", "company__sector", "wave", "cluster",
                                      *names, "s_overall")
    if connection.vendor == "postgresql":
        return _grouped(selection, dims)
    frame = pd.DataFrame(list(selection), columns=["company", "sector", "wave", "cluster",
                                                   *dims, "overall"])
    return _from_frame(frame, dims)


def _grouped(selection: QuerySet, dims: list[str]) -> ScoreAggregates:
    """PostgreSQL: the three groupings in one scan of the selection."""
    inner, params = selection.query.sql_with_params()
    cols = [f"v{i}" for i in range(len(dims) + 1)]  # the dimensions, then overall
    fractions = ", ".join(repr(float(p)) for p in maths.PERCENTILES)  # constants of the code
    sql = (
        "SELECT GROUPING(sector, wave, cluster), sector, wave, cluster, COUNT(*), "
        "COUNT(DISTINCT company), "
        + ", ".join(f"AVG({c}), SUM({c})" for c in cols) + ", "
        + ", ".join(f"CASE WHEN GROUPING(sector, wave, cluster) = {_WHOLE} THEN "
                    f"percentile_cont(ARRAY[{fractions}]::float8[]) WITHIN GROUP "
                    f"(ORDER BY {c}) END" for c in cols)
        + f" FROM ({inner}) AS s(company, sector, wave, cluster, {', '.join(cols)})"
        " GROUP BY GROUPING SETS ((), (sector), (wave, cluster))"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = [*dims, "overall"]
    width = len(columns)
    sectors, trends, whole = [], [], None
    for grouping, sector, wave, cluster, n, companies, *rest in rows:
        means = [float(v) if v is not None else np.nan for v in rest[0:2 * width:2]]
        sums = [float(v) if v is not None else np.nan for v in rest[1:2 * width:2]]
        if grouping == _WHOLE:
            whole = (n, companies, means, rest[2 * width:])
        elif grouping == _BY_SECTOR:
            sectors.append([sector, companies, *means[:-1]])
        elif grouping == _BY_WAVE:
            trends.append([wave, cluster, n, *sums])
    n, companies, means, pct = whole or (0, 0, [np.nan] * width, [None] * width)
    nan_row = [np.nan] * len(maths.PERCENTILES)
    return ScoreAggregates(
        percentiles=pd.DataFrame([p or nan_row for p in pct], index=columns,
                                 columns=list(maths.PERCENTILE_LABELS), dtype=float),
        means=dict(zip(columns, means, strict=True)), companies=companies, assessments=n,
        sectors=pd.DataFrame(sectors, columns=["sector", "companies", *dims]),
        trends=pd.DataFrame(trends, columns=["wave", "cluster", "n",
                                             *[f"sum:{c}" for c in columns]]),
    )


def _from_frame(frame: pd.DataFrame, dims: list[str]) -> ScoreAggregates:
    """SQLite: the same aggregates from the fetched score columns."""
    columns = [*dims, "overall"]
    frame[columns] = frame[columns].astype(float)
    by_sector = frame.groupby("sector", sort=True)
    sectors = by_sector[dims].mean()
    sectors.insert(0, "companies", by_sector["company"].nunique())
    by_wave = frame.groupby(["wave", "cluster"], sort=True)
    trends = by_wave[columns].sum(min_count=1).add_prefix("sum:")
    trends.insert(0, "n", by_wave.size())
    return ScoreAggregates(
        percentiles=maths.percentile_table(frame, columns),
        means={c: float(frame[c].mean()) for c in columns},
        companies=int(frame["company"].nunique()), assessments=len(frame),
        sectors=sectors.reset_index(), trends=trends.reset_index(),
    )
