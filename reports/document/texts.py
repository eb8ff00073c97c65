"""Translatable fixed texts of the report: practice titles and next steps, labels."""

from django.utils.translation import gettext_lazy as _

PRACTICE_TITLES = {
    "cx_leader": _("Make a Chief Experience Officer (or equivalent) the leader of every "
                   "experience and of their unification"),
    "internal_audit": _("Run an internal audit: which departments shape experiences, which "
                        "technologies they use, which customer data they hold and where"),
    "journey_design": _("Track and deliberately design every interaction of the customer "
                        "with the company"),
    "involve_departments": _("Involve every area linked to customers: meet department "
                             "leaders, learn their priorities, show how CX helps them"),
    "cross_functional_team": _("Create a cross-functional team that meets regularly to find "
                               "the biggest improvements and follow results"),
}

NEXT_STEPS = {
    ("cx_leader", "todo"): _("Appoint a CX leader with a mandate from top management and "
                             "a first 90-day plan."),
    ("cx_leader", "partly"): _("Extend the CX leader's mandate to every journey and give "
                               "them a budget line and shared objectives."),
    ("cx_leader", "done"): _("Review the CX leader's objectives yearly against measured "
                             "business impact."),
    ("internal_audit", "todo"): _("Map departments, tools and customer data sources in a "
                                  "four-week audit; name an owner for each data source."),
    ("internal_audit", "partly"): _("Complete the audit for the missing departments and "
                                    "turn it into a data-unification backlog."),
    ("internal_audit", "done"): _("Repeat the audit yearly and track the backlog it "
                                  "produces."),
    ("journey_design", "todo"): _("Map the three most valuable customer journeys across "
                                  "physical and digital touchpoints."),
    ("journey_design", "partly"): _("Extend tracking to offline touchpoints and set one "
                                    "owner and one KPI per journey."),
    ("journey_design", "done"): _("Redesign journeys from measured friction points each "
                                  "quarter."),
    ("involve_departments", "todo"): _("Meet each department leader to learn their "
                                       "priorities and agree one shared CX goal."),
    ("involve_departments", "partly"): _("Bring the remaining departments in and give each "
                                         "a CX objective in its plan."),
    ("involve_departments", "done"): _("Share CX results with every department monthly."),
    ("cross_functional_team", "todo"): _("Set up a cross-functional CX team (marketing, "
                                         "sales, IT, operations, care) meeting every two "
                                         "weeks."),
    ("cross_functional_team", "partly"): _("Give the team a backlog, decision rights and a "
                                           "fixed cadence."),
    ("cross_functional_team", "done"): _("Measure the team's results against its backlog "
                                         "and business KPIs."),
}

STATUS = {"done": _("Done"), "partly": _("Partly"), "todo": _("To do")}

PHASES = {
    "quick_wins": _("Quick wins · 0–3 months"),
    "foundations": _("Foundations · 3–12 months"),
    "scale": _("Scale · 12–24 months"),
}

PEER_LEVELS = {
    "sector_size": _("companies of the same sector and size band"),
    "sector": _("companies of the same sector (too few of the same size)"),
    "all": _("all companies in the database (too few in the sector)"),
    "reference": _("none: fewer than 5 comparable companies, so only the published "
                   "reference distribution is used"),
}

DIRECTIONS = {"higher": _("higher is better"), "lower": _("lower is better"),
              "context": _("read in context")}

CADENCES = {"monthly": _("monthly"), "quarterly": _("quarterly"),
            "half_yearly": _("every six months"), "yearly": _("yearly")}

PEER_LABEL = _("Peer median")
FULL_MARKS = _("Full marks")

AFTER_PHASE = {"today": _("Today"), "quick_wins": _("After the quick wins"),
               "foundations": _("After the foundations"), "scale": _("After the scale phase")}
