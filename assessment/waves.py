"""An assessment's wave: its order among its company's scored assessments by start
date (1 = first), stored on ``Assessment.wave``.

Stored, so the benchmark filters and groups on a column instead of counting the
earlier assessments of every row. ``waves_number`` renumbers in one statement
(a window function, the same SQL on PostgreSQL and SQLite); it runs whenever a
company's set of scored assessments changes: scoring, re-scoring (and so
``seed_demo``), deletion, and once in the migration that added the column.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

NUMBER_SQL = """
UPDATE {table} SET wave = numbered.n FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY created_at, id) AS n
    FROM {table} WHERE scored_at IS NOT NULL{companies}
) AS numbered
WHERE {table}.id = numbered.id AND ({table}.wave IS NULL OR {table}.wave <> numbered.n)
"""


def number_sql(table: str, company_ids: list[int] | None) -> tuple[str, list[int]]:
    """The renumbering statement and its parameters (every company when ``None``)."""
    companies = ""
    if company_ids is not None:
        companies = f" AND company_id IN ({', '.join(['%s'] * len(company_ids))})"
    return NUMBER_SQL.format(table=table, companies=companies), list(company_ids or [])


def waves_number(*, company_ids: Iterable[int] | None = None, using=None) -> int:
    """Renumbers the waves of these companies (default: all); returns the rows changed."""
    from assessment.models import Assessment

    ids = None if company_ids is None else sorted(set(company_ids))
    if ids == []:
        return 0
    conn = using or connection
    sql, params = number_sql(conn.ops.quote_name(Assessment._meta.db_table), ids)
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
