"""Names and descriptions of the five clusters, in the interface languages.

Descriptions are our own summary of the published cluster profiles
(Osservatorio Omnichannel Customer Experience, Politecnico di Milano, 2022).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def _check_sentence(check: Mapping[str, Any], dimension_names: Mapping[str, str]) -> str:
    subject = _subject(check, dimension_names)
    values = {"subject": subject, "actual": check["actual"], "target": check["target"]}
    if check["kind"] == "key_present":
        values["target"] = int(check["target"])
        values["actual"] = int(check["actual"])
        if check["ok"]:
            return _("%(subject)s is in place (level %(actual)s of 5)") % values
        return _("%(subject)s is missing (level %(actual)s, needs %(target)s)") % values
    if check["kind"] == "mean_min":
        return _("mean of %(subject)s %(actual).0f (threshold %(target).0f)") % values
    return _("%(subject)s %(actual).0f (threshold %(target).0f)") % values


def explanation_sentences(
    explanation: Mapping[str, Any], dimension_names: Mapping[str, str]
) -> list[str]:
    """The explanation of a result as readable sentences in the active language."""
    cluster = explanation["cluster"]
    met = [_check_sentence(c, dimension_names) for c in explanation.get("met", [])]
    sentences = []
    if met:
        sentences.append(
            _("%(cluster)s because the rule of this cluster holds: %(checks)s.")
            % {"cluster": cluster_name(cluster), "checks": "; ".join(met)}
        )
    else:
        sentences.append(
            _("%(cluster)s: the conditions of the higher clusters are not met.")
            % {"cluster": cluster_name(cluster)}
        )
    nxt = explanation.get("next_cluster")
    missing = [_check_sentence(c, dimension_names) for c in explanation.get("missing", [])]
    if nxt and missing:
        sentences.append(
            _("To reach %(next)s: %(checks)s.")
            % {"next": cluster_name(nxt), "checks": "; ".join(missing)}
        )
    distances = explanation.get("distances", {})
    if distances:
        closest = min(distances, key=distances.get)
        sentences.append(
            _("Closest cluster profile: %(name)s (%(distance).1f points away on average).")
            % {"name": cluster_name(closest), "distance": distances[closest]}
        )
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
