"""Names and descriptions of the five clusters, in the interface languages.

Descriptions are our own summary of the published cluster profiles
(Osservatorio Omnichannel Customer Experience, Politecnico di Milano, 2022).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessment.numbers import whole
from assessment.scoring.engine import CLUSTERS

NAMES = {
    "first_steps": gettext_lazy("First steps"),
    "aware": gettext_lazy("Aware"),
    "enterprising": gettext_lazy("Enterprising"),
    "structured": gettext_lazy("Structured"),
    "advanced": gettext_lazy("Advanced"),
}

DESCRIPTIONS = {
    "first_steps": gettext_lazy(
        "The omnichannel journey has just begun: strategy and organisation, where it starts, "
        "are still little developed."
    ),
    "aware": gettext_lazy(
        "Strategy and organisation have moved forward, but not every dimension has reached a "
        "good level yet: usually data strategy, technology and execution lag behind."
    ),
    "enterprising": gettext_lazy(
        "The company is organised around omnichannel, but essentials such as a dedicated "
        "budget or a dedicated owner are missing or not yet complete."
    ),
    "structured": gettext_lazy(
        "A dedicated budget and owner are in place and every dimension is at a good level, "
        "with room to improve in collecting and managing customer data and in executing "
        "customer processes."
    ),
    "advanced": gettext_lazy(
        "Mature on every dimension: defined organisational models and roles, a widespread "
        "omnichannel and data-driven culture, business impact measured."
    ),
}

KEY_NAMES = {
    "dedicated_budget": gettext_lazy("a dedicated omnichannel budget"),
    "dedicated_owner": gettext_lazy("a dedicated omnichannel owner"),
    "top_management": gettext_lazy("top-management commitment"),
    "single_customer_view": gettext_lazy("a single customer view"),
    "cross_functional_team": gettext_lazy("a cross-functional team"),
    "cx_leader": gettext_lazy("a CX leader"),
    "internal_audit": gettext_lazy("an internal audit"),
    "journey_tracking": gettext_lazy("customer-journey tracking"),
    "department_leaders": gettext_lazy("the involvement of department leaders"),
}


def cluster_name(code: str) -> str:
    return str(NAMES.get(code, code))


def clusters_table() -> list[dict[str, str]]:
    return [
        {"code": c, "name": str(NAMES[c]), "description": str(DESCRIPTIONS[c])} for c in CLUSTERS
    ]


def _subject(check: Mapping[str, Any], dimension_names: Mapping[str, str]) -> str:
    if check["kind"] == "key_present":
        return str(KEY_NAMES.get(check["subject"], check["subject"]))
    parts = [dimension_names.get(d, d) for d in check["subject"].split("+")]
    return " + ".join(parts)


def number(value: float) -> str:
    """A score as a reader sees it beside the scores table: rounded once (``whole``),
    localised."""
    return number_format(whole(value) or 0, 0)


def check_sentence(check: Mapping[str, Any], dimension_names: Mapping[str, str]) -> str:
    """One condition of a rule in a manager's words: "data 47 of the 50 needed"."""
    subject = _subject(check, dimension_names)
    if check["kind"] == "key_present":
        values = {"subject": subject, "actual": int(check["actual"]),
                  "target": int(check["target"])}
        if check["ok"]:
            return _("%(subject)s is in place (level %(actual)s of 5)") % values
        return _("%(subject)s at level %(actual)s of the %(target)s needed") % values
    values = {"subject": subject, "actual": number(check["actual"]),
              "target": number(check["target"])}
    if not check["ok"] and (whole(check["actual"]) or 0) >= (whole(check["target"]) or 0):
        # 39.6 of 40 shows as 40: say "just below" rather than "40 of the 40 needed".
        return _("%(subject)s just below the %(target)s needed") % values
    if check["kind"] == "mean_min":
        if check["ok"]:
            return _("mean of %(subject)s %(actual)s (%(target)s needed)") % values
        return _("mean of %(subject)s %(actual)s of the %(target)s needed") % values
    if check["ok"]:
        return _("%(subject)s %(actual)s (%(target)s needed)") % values
    return _("%(subject)s %(actual)s of the %(target)s needed") % values


def _closest(explanation: Mapping[str, Any]) -> tuple[str | None, list]:
    """The nearest profile and what its rule lacks (older results: from the distances)."""
    if "closest" in explanation:
        return explanation["closest"]["cluster"], list(explanation["closest"]["missing"])
    distances = explanation.get("distances", {})
    if not distances:
        return None, []
    closest = min(distances, key=distances.get)
    lacks = explanation.get("missing", []) if closest == explanation.get("next_cluster") else []
    return closest, list(lacks)


def explanation_sentences(
    explanation: Mapping[str, Any], dimension_names: Mapping[str, str]
) -> list[str]:
    """The explanation of a result as readable sentences in the active language.

    The rule decides the cluster; the nearest typical profile is named with it
    in words that agree with the rule: "close to Structured, but not yet
    Structured: data 47 of the 50 needed", never "closest profile: Structured"
    beside a different cluster.
    """
    cluster = explanation["cluster"]
    name = cluster_name(cluster)
    met = [check_sentence(c, dimension_names) for c in explanation.get("met", [])]
    if met:
        sentences = [_("%(cluster)s because the rule of this cluster holds: %(checks)s.")
                     % {"cluster": name, "checks": "; ".join(met)}]
    else:
        sentences = [_("%(cluster)s: the conditions of the higher clusters are not met.")
                     % {"cluster": name}]
    nxt = explanation.get("next_cluster")
    closest, lacks = _closest(explanation)
    missing = [check_sentence(c, dimension_names) for c in explanation.get("missing", [])]
    if nxt and missing and closest != nxt:
        sentences.append(_("To reach %(next)s: %(checks)s.")
                         % {"next": cluster_name(nxt), "checks": "; ".join(missing)})
    if closest is None:
        return sentences
    rank, closest_rank = CLUSTERS.index(cluster), CLUSTERS.index(closest)
    values = {"name": cluster_name(closest), "cluster": name}
    if closest_rank == rank:
        distance = explanation.get("distances", {}).get(closest)
        sentences.append(_("Its scores are closest to the typical %(name)s profile "
                           "(%(distance)s points away on average).")
                         % {**values, "distance": number(distance or 0)})
    elif closest_rank > rank and lacks and closest == nxt:
        checks = "; ".join(check_sentence(c, dimension_names) for c in lacks)
        sentences.append(_("Close to %(name)s, but not yet %(name)s: %(checks)s.")
                         % {**values, "checks": checks})
    elif closest_rank > rank and lacks:
        listed = {(c["kind"], c["subject"]) for c in explanation.get("missing", [])}
        extra = [check_sentence(c, dimension_names) for c in lacks
                 if (c["kind"], c["subject"]) not in listed]
        if extra:
            sentences.append(_("Close to %(name)s, which also needs: %(checks)s.")
                             % {**values, "checks": "; ".join(extra)})
        else:
            sentences.append(_("Close to %(name)s: the same conditions would place it "
                               "there.") % values)
    elif closest_rank > rank:
        sentences.append(_("Its scores resemble the typical %(name)s profile, but the "
                           "conditions of %(name)s are not met.") % values)
    else:
        sentences.append(_("Its scores resemble the typical %(name)s profile, but every "
                           "condition of %(cluster)s is met.") % values)
    return sentences


def _condition_lines(kind: str, arg: Any, present: int,
                     dimension_names: Mapping[str, str]) -> list[str]:
    """One condition of a rule as lines of the method page."""
    name = dimension_names.get
    if kind == "all_dimensions_min":
        return [_("every dimension at least %(v)s") % {"v": arg}]
    if kind == "dimension_min":
        # Grouped by threshold: "strategy, organisation, technology at least 50".
        # In the questionnaire's order (a stored method's keys may come back sorted).
        order = [d for d in dimension_names if d in arg] + [d for d in arg
                                                           if d not in dimension_names]
        by_value: dict[Any, list[str]] = {}
        for d in order:
            by_value.setdefault(arg[d], []).append(str(name(d, d)))
        return [_("%(dims)s at least %(v)s") % {"dims": ", ".join(dims), "v": v}
                for v, dims in sorted(by_value.items(), key=lambda item: -item[0])]
    if kind == "mean_min":
        return [_("mean of %(dims)s at least %(v)s")
                % {"dims": ", ".join(str(name(d, d)) for d in item["dimensions"]),
                   "v": item["value"]} for item in arg]
    if kind == "keys_present":
        return [_("%(key)s in place (answer at level %(level)s or above)")
                % {"key": KEY_NAMES.get(k, k), "level": present} for k in arg]
    return []


def rule_descriptions(
    method: Mapping[str, Any], dimension_names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each cluster's rule as readable conditions, top cluster first, for the method page.

    A cluster whose rule lacks the keys the rule above it requires (enterprising
    below structured) says so: it is where a company lands without them.
    """
    rules = method.get("rules", {})
    present = method.get("key_present_level", 3)
    out = []
    for i, code in reversed(list(enumerate(CLUSTERS))):
        rule = rules.get(code, {})
        conditions = [line for kind, arg in rule.items()
                      for line in _condition_lines(kind, arg, present, dimension_names)]
        above = rules.get(CLUSTERS[i + 1], {}) if i + 1 < len(CLUSTERS) else {}
        lacking = [k for k in above.get("keys_present", []) if k not in rule.get(
            "keys_present", [])]
        if conditions and lacking:
            conditions.append(
                _("%(keys)s missing or incomplete (below level %(level)s): with them in "
                  "place the same company is %(above)s")
                % {"keys": _(" or ").join(str(KEY_NAMES.get(k, k)) for k in lacking),
                   "level": present, "above": cluster_name(CLUSTERS[i + 1])})
        profile = method.get("profiles", {}).get(code, {})
        out.append({
            "code": code, "name": str(NAMES[code]), "description": str(DESCRIPTIONS[code]),
            "conditions": conditions,
            "profile": [profile.get(d) for d in dimension_names],
        })
    return out


def borderline_questions(item: Mapping[str, Any] | None) -> list[str]:
    """The codes of the questions ``borderline_sentences`` names (their texts are needed)."""
    return [change["question"] for change in (item or {}).values()
            if change and change.get("steps") == 1]


def borderline_sentences(item: Mapping[str, Any] | None, texts: Mapping[str, str]) -> list[str]:
    """What makes a result borderline, in words: the one-level changes that move it.

    ``item`` is the stored ``borderline`` of a result, ``texts`` the question texts
    by code. Empty when no single answer one level up or down changes the cluster.
    """
    sentences = []
    for side in ("up", "down"):
        change = (item or {}).get(side)
        if not change or change["steps"] != 1:
            continue
        values = {"cluster": cluster_name(change["cluster"]),
                  "question": texts.get(change["question"], ""),
                  "from": change["from"] if change["from"] is not None else _("don't know"),
                  "to": change["to"], "count": change["count"]}
        if side == "up":
            text = _("One answer one level higher would place the company in %(cluster)s: "
                     "“%(question)s” from %(from)s to %(to)s.") % values
        else:
            text = _("One answer one level lower would place the company in %(cluster)s: "
                     "“%(question)s” from %(from)s to %(to)s.") % values
        if change["count"] > 1:
            text += " " + ngettext(
                "%(count)s question could do it on its own.",
                "%(count)s questions could each do it on their own.",
                change["count"]) % values
        sentences.append(text)
    return sentences
