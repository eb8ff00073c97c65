"""The consultant's KPI page: a baseline and a target per KPI of an assessment's plan."""
