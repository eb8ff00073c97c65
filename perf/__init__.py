"""Performance tooling, apart from product code: the ``bench`` command, interleaved
timing against a floor (``timing``), the report (``report``) and the
10,000-company scale run (``scale``).

The top layer: may import every product package.
"""
