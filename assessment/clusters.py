"""Names and descriptions of the five clusters, in the interface languages.

Descriptions are our own summary of the published cluster profiles
(Osservatorio Omnichannel Customer Experience, Politecnico di Milano, 2022).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    """A score as a reader sees it: whole when it is whole, else one decimal, localised."""
    value = float(value)
    return number_format(value, 0 if value.is_integer() else 1)


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


def rule_descriptions(
    method: Mapping[str, Any], dimension_names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each cluster's rule as readable conditions, top cluster first, for the method page."""
    rules = method.get("rules", {})
    present = method.get("key_present_level", 3)
    out = []
    for code in reversed(CLUSTERS):
        conditions: list[str] = []
        for kind, arg in rules.get(code, {}).items():
            if kind == "all_dimensions_min":
                conditions.append(_("every dimension at least %(v)s") % {"v": arg})
            elif kind == "dimension_min":
                conditions += [
                    _("%(dim)s at least %(v)s") % {"dim": dimension_names.get(d, d), "v": v}
                    for d, v in arg.items()
                ]
            elif kind == "mean_min":
                conditions += [
                    _("mean of %(dims)s at least %(v)s")
                    % {"dims": ", ".join(dimension_names.get(d, d) for d in item["dimensions"]),
                       "v": item["value"]}
                    for item in arg
                ]
            elif kind == "keys_present":
                conditions += [
                    _("%(key)s in place (answer at level %(level)s or above)")
                    % {"key": KEY_NAMES.get(k, k), "level": present}
                    for k in arg
                ]
        profile = method.get("profiles", {}).get(code, {})
        out.append({
            "code": code, "name": str(NAMES[code]), "description": str(DESCRIPTIONS[code]),
            "conditions": conditions,
            "profile": [profile.get(d) for d in dimension_names],
        })
    return out
