"""Benchmark maths for the admin dashboard: plain data in, plain data out.

The selector (``reports/dashboard_queries.py``) aggregates in the database and
hands over small tables; everything here is pandas on those tables, tested
without HTTP or a database.

Privacy: any group of fewer than ``MIN_PEERS`` companies is masked (NaN and
``suppressed``), so no figure on the dashboard describes a single company.
When the whole selection is that small, only the published reference
distribution is shown.

Every figure is computed once, from unrounded inputs, and rounded once by
``rounded`` when the dashboard is assembled (``dashboard_build``): the page,
its charts and tables show those same numbers, never rounded again. Shares
are computed from the counts shown beside them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from assessment.scoring.engine import CLUSTERS
from benchmark.peers import MIN_PEERS

PERCENTILES: tuple[float, ...] = (0.10, 0.25, 0.50, 0.75, 0.90)
PERCENTILE_LABELS: tuple[str, ...] = ("p10", "p25", "median", "p75", "p90")
DECIMALS = 1  # every score, mean, percentile and share on the dashboard
HEATMAP_DECIMALS = 0  # the heat map writes whole points in its cells


def rounded(value: float | None, decimals: int = DECIMALS) -> float | None:
    """The one rounding of a dashboard figure, halves up as Django's ``floatformat``
    (and ``assessment.numbers``) round; None for a missing (or masked) one."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def rounded_frame(frame: pd.DataFrame, decimals: int = DECIMALS) -> pd.DataFrame:
    """``rounded`` over a table (NaN stays NaN)."""
    return frame.astype(float).map(
        lambda v: np.nan if np.isnan(v) else rounded(v, decimals)).astype(float)


def percentile_table(values: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """p10, p25, median, p75 and p90 of each column (rows), NaN-free.

    Linear interpolation between ranks, exactly as PostgreSQL's
    ``percentile_cont``, so the SQLite fallback and the database agree.
    """
    if values.empty:
        return pd.DataFrame(np.nan, index=list(columns), columns=list(PERCENTILE_LABELS))
    q = values[list(columns)].astype(float).quantile(list(PERCENTILES), interpolation="linear")
    table = q.T
    table.columns = list(PERCENTILE_LABELS)
    return table


def cluster_shares(counts: Mapping[str, int]) -> dict[str, float]:
    """Share (%) of each cluster, in cluster order; zeros when there is nobody."""
    total = sum(int(counts.get(c, 0)) for c in CLUSTERS)
    if total == 0:
        return {c: 0.0 for c in CLUSTERS}
    return {c: 100.0 * int(counts.get(c, 0)) / total for c in CLUSTERS}


def reference_shares(shares: Mapping[str, float] | None) -> dict[str, float] | None:
    """The published distribution rescaled to 100, in cluster order (None if unknown)."""
    if not shares:
        return None
    total = float(sum(float(shares.get(c, 0)) for c in CLUSTERS)) or 1.0
    return {c: 100.0 * float(shares.get(c, 0)) / total for c in CLUSTERS}


def sector_means(rows: pd.DataFrame, dimensions: Sequence[str],
                 min_peers: int = MIN_PEERS) -> tuple[pd.DataFrame, list[str]]:
    """Dimension means by sector, sectors of fewer than ``min_peers`` companies masked.

    ``rows``: one row per sector with ``sector``, ``companies`` and a mean per
    dimension. Returns (sectors x dimensions, names of the masked sectors).
    """
    if rows.empty:
        return pd.DataFrame(columns=list(dimensions), dtype=float), []
    table = rows.set_index("sector")[list(dimensions)].astype(float).sort_index()
    small = rows.set_index("sector")["companies"] < min_peers
    masked = sorted(small[small].index)
    table.loc[masked] = np.nan
    return table, masked


@dataclass
class Trends:
    """Cluster shares (%) and dimension means per wave; small waves masked."""

    shares: pd.DataFrame  # waves x clusters
    means: pd.DataFrame  # waves x dimensions (and overall)
    companies: pd.Series  # companies per wave
    masked: list[int] = field(default_factory=list)


def wave_trends(rows: pd.DataFrame, dimensions: Sequence[str],
                min_peers: int = MIN_PEERS) -> Trends:
    """Trends across waves from counts and sums per (wave, cluster).

    ``rows``: ``wave``, ``cluster``, ``n`` (assessments, one per company and
    wave) and ``sum:<dim>`` for each dimension and ``overall``.
    """
    cols = [*dimensions, "overall"]
    if rows.empty:
        empty = pd.DataFrame(columns=list(CLUSTERS), dtype=float)
        return Trends(empty, pd.DataFrame(columns=cols, dtype=float), pd.Series(dtype=int))
    # A few rows (waves x clusters): plain Python is quicker here than pandas' reshaping.
    waves = sorted({int(w) for w in rows["wave"]})
    counts = {w: dict.fromkeys(CLUSTERS, 0) for w in waves}
    sums = {w: dict.fromkeys(cols, 0.0) for w in waves}
    for row in rows.to_dict("records"):
        wave = int(row["wave"])
        if row["cluster"] in counts[wave]:
            counts[wave][row["cluster"]] += int(row["n"])
        for c in cols:
            sums[wave][c] += float(row[f"sum:{c}"] or 0.0)
    companies = pd.Series({w: sum(counts[w].values()) for w in waves}, dtype=int)
    masked = [w for w in waves if companies[w] < min_peers]
    nan = float("nan")
    shares = pd.DataFrame(
        [[nan if w in masked else 100.0 * counts[w][c] / companies[w] for c in CLUSTERS]
         for w in waves], index=waves, columns=list(CLUSTERS), dtype=float)
    means = pd.DataFrame(
        [[nan if w in masked else sums[w][c] / companies[w] for c in cols] for w in waves],
        index=waves, columns=cols, dtype=float)
    return Trends(shares, means, companies, masked)


@dataclass
class Dashboard:
    """Everything the benchmark page shows, for one set of filters, rounded once."""

    dimensions: list[str]
    companies: int
    assessments: int
    enough: bool  # at least MIN_PEERS companies in the selection
    counts: dict[str, int] | None  # assessments per cluster, None when hidden
    shares: dict[str, float] | None  # from ``counts``
    reference: dict[str, float] | None
    percentiles: pd.DataFrame  # dimensions + overall x p10..p90
    means: dict[str, float]
    sectors: pd.DataFrame
    sectors_masked: list[str]
    trends: Trends


def dashboard_build(
    *, dimensions: Sequence[str], companies: int, assessments: int,
    cluster_counts: Mapping[str, int], percentiles: pd.DataFrame, means: Mapping[str, float],
    sectors: pd.DataFrame, trends: pd.DataFrame, reference: Mapping[str, float] | None,
    min_peers: int = MIN_PEERS,
) -> Dashboard:
    """Assembles the dashboard, masking whatever rests on fewer than ``min_peers`` companies."""
    enough = companies >= min_peers
    sector_table, sectors_masked = sector_means(sectors, dimensions, min_peers)
    cols = [*dimensions, "overall"]
    if not enough:
        percentiles = pd.DataFrame(np.nan, index=cols, columns=list(PERCENTILE_LABELS))
    counts = {c: int(cluster_counts.get(c, 0)) for c in CLUSTERS}
    reference_ = reference_shares(reference)
    trend = wave_trends(trends, dimensions, min_peers)
    return Dashboard(
        dimensions=list(dimensions),
        companies=companies,
        assessments=assessments,
        enough=enough,
        counts=counts if enough else None,
        shares={c: rounded(v) for c, v in cluster_shares(counts).items()} if enough else None,
        reference={c: rounded(v) for c, v in reference_.items()} if reference_ else None,
        percentiles=rounded_frame(percentiles.reindex(cols)),
        means={c: rounded(means.get(c)) for c in cols} if enough else {},
        sectors=rounded_frame(sector_table, HEATMAP_DECIMALS),
        sectors_masked=sectors_masked,
        trends=Trends(rounded_frame(trend.shares), rounded_frame(trend.means), trend.companies,
                      trend.masked),
    )
