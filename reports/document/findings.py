"""The report's findings in words: the executive summary and each dimension's reading.

Plain data in, sentences out, in the active language. Every figure arrives
already rounded (``assessment.numbers.whole``) and derived figures (gaps, shares
above a cluster) are computed here from those shown values, so a sentence never
disagrees with the table beside it. "Don't know" answers are never strengths or
gaps: they are listed apart, as things to clarify.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessment.numbers import whole
from assessment.scoring.engine import CLUSTERS, QuestionnaireSpec, strengths_and_gaps

# What each answer level means, in the questionnaire's own scale (questions.yaml).
LEVEL_WORDS = {
    1: gettext_lazy("absent or ad hoc"),
    2: gettext_lazy("occasional, without a defined process"),
    3: gettext_lazy("a defined process, mostly followed"),
    4: gettext_lazy("systematic, always followed"),
    5: gettext_lazy("measured against business impact and continuously improved"),
}


@dataclass(frozen=True)
class Dimension:
    """One dimension as the report shows it: every figure already rounded once."""

    code: str
    name: str
    score: int
    target: int
    median: int | None = None
    percentile: int | None = None

    @property
    def gap(self) -> int:
        """Target minus score as shown (never below 0)."""
        return max(0, self.target - self.score)


@dataclass(frozen=True)
class Answer:
    """A scored question and the company's answer (level None: don't know)."""

    code: str
    dimension: str
    text: str
    level: int | None
    weight: float = 1.0
    options: Mapping[int, str] = field(default_factory=dict)
    dimension_name: str = ""


@dataclass(frozen=True)
class Standing:
    """Where the company stands: its cluster, score, peer group and the reference."""

    cluster_name: str
    overall: int
    percentile: int | None
    peer_median: int | None
    peers: str  # the peer group in words, "" when there is none
    reference_source: str
    shares: Mapping[str, int]  # the reference's share per cluster code, as shown
    cluster: str


def level_words(level: int | None) -> str:
    """An answer level in words ("a defined process, mostly followed")."""
    return str(LEVEL_WORDS[level]) if level in LEVEL_WORDS else _("don't know")


def level_needed(target: int) -> int:
    """The lowest answer level whose score (L - 1) / 4 x 100 reaches ``target``."""
    return min(5, max(1, math.ceil(target / 25) + 1))


def typical_level(score: int) -> int:
    """The answer level a dimension score sits closest to."""
    return min(5, max(1, (whole(score / 25) or 0) + 1))


def percentile_words(percentile: int | None) -> str:
    """A peer percentile in words: "better than 62% of peers"."""
    if percentile is None:
        return ""
    if percentile >= 100:
        return _("better than every peer")
    if percentile <= 0:
        return _("less well than every peer")
    return ngettext("better than %(p)s%% of peers", "better than %(p)s%% of peers",
                    percentile) % {"p": percentile}


def join(items: Sequence[str]) -> str:
    """"A, B and C" in the active language."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def peers_in_words(*, level: str, size: int, sector: str, size_band: str) -> str:
    """The peer group named for a reader: how many companies, and which."""
    if level == "sector_size" and sector and size_band:
        return ngettext(
            "%(n)s company of the same sector (%(sector)s) and size (%(size)s)",
            "%(n)s companies of the same sector (%(sector)s) and size (%(size)s)",
            size) % {"n": size, "sector": sector, "size": size_band}
    if level in ("sector_size", "sector") and sector:
        return ngettext("%(n)s company of the same sector (%(sector)s)",
                        "%(n)s companies of the same sector (%(sector)s)",
                        size) % {"n": size, "sector": sector}
    if size:
        return ngettext("%(n)s company in our database", "%(n)s companies in our database",
                        size) % {"n": size}
    return ""


def standing_paragraph(s: Standing) -> str:
    """Where the company stands against its peers and the published reference."""
    parts = [_("The company is in the %(cluster)s cluster, with an overall score of "
               "%(score)s out of 100.") % {"cluster": s.cluster_name, "score": s.overall}]
    if s.peers and s.percentile is not None:
        parts.append(_("Against its peer group, %(peers)s, it does %(better)s (peer median "
                       "%(median)s).") % {"peers": s.peers, "better": percentile_words(
                           s.percentile), "median": s.peer_median})
    else:
        parts.append(_("Fewer than five comparable companies have answered, so no peer group "
                       "is shown and the comparison rests on the published reference."))
    if s.shares and s.cluster == CLUSTERS[-1]:
        parts.append(_("In the published reference (%(source)s), %(share)s%% of companies are "
                       "in this top cluster.") % {"source": s.reference_source,
                                                  "share": s.shares.get(s.cluster, 0)})
    elif s.shares:
        above = sum(v for c, v in s.shares.items() if CLUSTERS.index(c) > CLUSTERS.index(
            s.cluster))
        parts.append(_("In the published reference (%(source)s), %(share)s%% of companies are "
                       "in the same cluster and %(above)s%% in a higher one.")
                     % {"source": s.reference_source, "share": s.shares.get(s.cluster, 0),
                        "above": above})
    return " ".join(parts)


def holding_back(dimensions: Sequence[Dimension], n: int = 2) -> list[Dimension]:
    """The ``n`` dimensions furthest below their target (widest shown gap first)."""
    order = {d.code: i for i, d in enumerate(dimensions)}
    gaps = [d for d in dimensions if d.gap > 0]
    return sorted(gaps, key=lambda d: (-d.gap, order[d.code]))[:n]


def holding_back_paragraph(*, dimensions: Sequence[Dimension], next_name: str | None,
                           requirements: Sequence[tuple[str, str]]) -> str:
    """The two dimensions that hold the company back most, and why they matter.

    ``requirements`` are the next cluster's failing rule checks as (subject, sentence):
    a subject is a dimension code, dimensions joined by "+", or a key. The checks on the
    dimensions named say why they matter; the others (a missing budget) come after.
    """
    worst = holding_back(dimensions)
    each = [ngettext("%(name)s (%(score)s against %(target)s, %(gap)s point short)",
                     "%(name)s (%(score)s against %(target)s, %(gap)s points short)", d.gap)
            % {"name": d.name, "score": d.score, "target": d.target, "gap": d.gap}
            for d in worst]
    if next_name is None:
        if not worst:
            return _("The company is in the top cluster and every dimension is at full marks.")
        return _("The company is in the top cluster; the dimensions with most room left "
                 "before full marks are %(dims)s.") % {"dims": join(each)}
    if worst:
        text = ngettext("Against the typical %(next)s profile, what holds the company back "
                        "most is %(dims)s.",
                        "Against the typical %(next)s profile, what holds the company back "
                        "most are %(dims)s.", len(worst)) % {"next": next_name,
                                                              "dims": join(each)}
    else:
        text = _("Every dimension already reaches the typical %(next)s profile.") % {
            "next": next_name}
    named = {d.code for d in worst}
    related = [t for subject, t in requirements if named & set(subject.split("+"))]
    others = [t for subject, t in requirements if not named & set(subject.split("+"))]
    values = {"next": next_name, "checks": join(related)}
    if related:
        text += " " + _("This matters because reaching %(next)s requires %(checks)s.") % values
    if others and related:
        text += " " + _("It also requires %(checks)s.") % {"checks": join(others)}
    elif others:
        text += " " + _("Reaching %(next)s depends above all on %(checks)s.") % {
            **values, "checks": join(others)}
    return text


def outcome_of(description: str) -> str:
    """The last sentence of an action's description: what it is expected to change."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", description.strip()) if s]
    if len(sentences) < 2:
        return ""
    last = sentences[-1]
    # It follows a colon: lower-case its first word, unless that is an acronym ("NPS").
    return last[0].lower() + last[1:] if last[1:2].islower() else last


def first_steps_paragraph(*, titles: Sequence[str], phase: str, dimensions: Sequence[str],
                          outcome: str) -> str:
    """What to do first: the first phase's actions by title, and what they change."""
    if not titles:
        return _("The action library proposes nothing more for these answers: what is left "
                 "is to keep the practices measured and improving.")
    quoted = [f"“{t}”" for t in titles]
    text = ngettext("What to do first (%(phase)s): %(actions)s.",
                    "What to do first (%(phase)s): %(actions)s.", len(titles)) % {
        "phase": phase, "actions": join(quoted)}
    if dimensions:
        text += " " + ngettext("It works on %(dims)s.", "Together they work on %(dims)s.",
                               len(titles)) % {"dims": join(dimensions)}
    if outcome:
        text += " " + _("Expected change: %(outcome)s") % {"outcome": outcome}
    return text


def _item(a: Answer) -> dict[str, object]:
    return {"text": a.text, "answer": a.options.get(a.level, "") if a.level else "",
            "level": a.level, "level_words": level_words(a.level), "dimension": a.dimension_name}


def _ranked(spec: QuestionnaireSpec, answers: Sequence[Answer], target: Mapping[str, int],
            n: int) -> tuple[list[Answer], list[Answer]]:
    """The method's strengths and gaps (``strengths_and_gaps``) among the definite answers
    only: a "don't know" is never ranked."""
    by_code = {a.code: a for a in answers if a.level is not None}
    definite = replace(spec, questions=tuple(q for q in spec.scored if q.code in by_code))
    if not definite.questions:
        return [], []
    strengths, gaps = strengths_and_gaps(definite, {c: a.level for c, a in by_code.items()},
                                         {d: float(v) for d, v in target.items()}, n=n)
    return [by_code[c] for c in strengths], [by_code[c] for c in gaps]


def practices(*, spec: QuestionnaireSpec, answers: Sequence[Answer],
              target: Mapping[str, int], n: int = 3) -> dict[str, list[dict[str, object]]]:
    """Strengths and gaps among the definite answers; the "don't know" answers apart, as
    things to clarify."""
    strengths, gaps = _ranked(spec, answers, target, n)
    return {"strengths": [_item(a) for a in strengths], "gaps": [_item(a) for a in gaps],
            "to_clarify": [_item(a) for a in answers if a.level is None]}


def dimension_reading(d: Dimension, *, next_name: str | None) -> str:
    """A dimension's score in words: level reached, peers, distance to the target."""
    level = typical_level(d.score)
    parts = [_("A score of %(score)s out of 100: on average the practices sit close to level "
               "%(level)s of 5, %(words)s.") % {"score": d.score, "level": level,
                                                 "words": level_words(level)}]
    if d.percentile is not None and d.median is not None:
        parts.append(_("The company does %(better)s here; the peer median is %(median)s.")
                     % {"better": percentile_words(d.percentile), "median": d.median})
    profile = (_("The typical %(next)s profile") % {"next": next_name} if next_name
               else _("Full marks"))
    if d.gap:
        parts.append(ngettext("%(profile)s asks for %(target)s: %(gap)s point to go.",
                              "%(profile)s asks for %(target)s: %(gap)s points to go.", d.gap)
                     % {"profile": profile, "target": d.target, "gap": d.gap})
    else:
        parts.append(_("%(profile)s asks for %(target)s: already reached.")
                     % {"profile": profile, "target": d.target})
    return " ".join(parts)


def question_gaps(*, spec: QuestionnaireSpec, answers: Sequence[Answer], dimension: str,
                  target: int, n: int = 2) -> list[dict[str, object]]:
    """A dimension's ``n`` widest question gaps (the method's ranking, definite answers
    only): the level now and the lowest level that reaches the target."""
    needed = level_needed(target)
    own = [a for a in answers if a.dimension == dimension]
    _strengths, gaps = _ranked(spec, own, {dimension: target}, n)
    return [{**_item(a), "code": a.code, "needed": needed,
             "needed_words": level_words(needed)} for a in gaps]


AFTER_IN_SENTENCE = {"quick_wins": gettext_lazy("after the quick wins"),
                     "foundations": gettext_lazy("after the foundations phase"),
                     "scale": gettext_lazy("after the scale phase")}


def outlook_sentence(phases: Sequence[Mapping[str, object]]) -> str:
    """Where the projected roadmap leads, in one or two sentences: ``phases`` are the
    projection's rows (today first), each with ``phase``, ``cluster``, ``cluster_name``
    and ``overall`` (as shown)."""
    if len(phases) < 2:
        return ""
    today, later = phases[0], [p for p in phases[1:] if p["phase"] in AFTER_IN_SENTENCE]
    if not later:
        return ""
    moved = [p for p in later if p["cluster"] != today["cluster"]]
    last = later[-1]
    if not moved:
        return _("Our projection keeps the company in the %(cluster)s cluster through the "
                 "roadmap, with an overall score of %(score)s %(when)s.") % {
            "cluster": today["cluster_name"], "score": last["overall"],
            "when": AFTER_IN_SENTENCE[str(last["phase"])]}
    first = moved[0]
    text = _("If the roadmap is carried out, our projection places the company in the "
             "%(cluster)s cluster %(when)s (overall score %(score)s).") % {
        "cluster": first["cluster_name"], "when": AFTER_IN_SENTENCE[str(first["phase"])],
        "score": first["overall"]}
    if last["cluster"] != first["cluster"]:
        text += " " + _("%(When)s: %(cluster)s, overall score %(score)s.") % {
            "When": capfirst(str(AFTER_IN_SENTENCE[str(last["phase"])])),
            "cluster": last["cluster_name"], "score": last["overall"]}
    return text
