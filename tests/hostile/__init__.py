"""Hostile and careless input, as an attacker or a hurried user would send it: every
case gets a clear refusal (a 4xx, a message on the page, exit status 2) and changes
nothing already saved. The fuzzing of the public pages is in tests/test_fuzz.py."""
