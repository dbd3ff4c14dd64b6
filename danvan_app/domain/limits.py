"""How much one request may ask for. Beyond these a request is refused in Vietnamese, not half done.

Sized on the real organisation: a province has at most a few hundred communes and departments to cascade
a task to, a directive rarely carries more than a few dozen tasks, and a directive's text is tens of
kilobytes (the longest shared text is 25 KB).
"""

UNITS_PER_CASCADE = 500
UNITS_PER_GRANT = 500
TASKS_PER_IMPORT = 300
NAME_CHARS = 140
NARRATIVE_CHARS = 10_000
