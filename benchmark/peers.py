"""Peer groups and percentiles (plain pandas).

A peer group never shows fewer than ``MIN_PEERS`` companies: sector and size,
then sector, then every company, then the published reference distribution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_PEERS = 5
LEVELS = ("sector_size", "sector", "all", "reference")


@dataclass(frozen=True)
class PeerGroup:
    level: str  # one of LEVELS
    size: int
    frame: pd.DataFrame  # one row per peer company: dimension columns, overall, cluster


def peer_group(peers: pd.DataFrame, *, sector: str, size: str,
               min_peers: int = MIN_PEERS) -> PeerGroup:
    """The narrowest group of at least ``min_peers`` companies (the subject excluded)."""
    masks = {
        "sector_size": (peers["sector"] == sector) & (peers["size"] == size),
        "sector": peers["sector"] == sector,
        "all": pd.Series(True, index=peers.index),
    }
    for level, mask in masks.items():
        group = peers[mask]
        if len(group) >= min_peers:
            return PeerGroup(level, len(group), group)
    return PeerGroup("reference", 0, peers.iloc[0:0])


def percentile_rank(values: Sequence[float] | np.ndarray, x: float) -> float:
    """Share of values below x, counting ties as half (0-100)."""
    arr = np.asarray(values, dtype=float)
    if arr.size == 0:
        return float("nan")
    below = np.sum(arr < x - 1e-9)
    equal = np.sum(np.abs(arr - x) <= 1e-9)
    return float((below + 0.5 * equal) / arr.size * 100)


def percentiles(group: PeerGroup, scores: Mapping[str, float],
                dimensions: Sequence[str]) -> dict[str, float]:
    """The subject's percentile in the group per dimension and overall (unrounded: a page
    rounds it once, as it shows it)."""
    return {d: percentile_rank(group.frame[d].to_numpy(), scores[d])
            for d in [*dimensions, "overall"] if d in group.frame}


def medians(group: PeerGroup, dimensions: Sequence[str]) -> dict[str, float]:
    """The group's median per column, unrounded (rounded once where it is shown)."""
    return {d: float(group.frame[d].median()) for d in dimensions}


def cluster_shares(group: PeerGroup, clusters: Sequence[str]) -> dict[str, float]:
    counts = group.frame["cluster"].value_counts()
    return {c: 100 * counts.get(c, 0) / group.size for c in clusters}
