"""Stored Select values live in the domain core; the desk scripts read them from frappe.boot.danvan."""

import re
from pathlib import Path

from danvan_app.domain import tasks as t

APP = Path(__file__).resolve().parents[1] / "danvan_app"
STORED = {
	*t.STATUSES,
	*t.OUTCOMES,
	*t.RECURRENCE_LABELS.values(),
	*t.DEADLINE_KIND_LABELS.values(),
	t.EXTENSION_PENDING,
	t.EXTENSION_APPROVED,
}
# A string literal that is not the argument of __() (a label shown to the user may say the same words).
LITERAL = re.compile(r"""(?<!__\()(["'`])(.*?)\1""")


def test_no_stored_value_is_written_in_the_desk_scripts():
	found = []
	for path in APP.rglob("*.js"):
		for number, line in enumerate(path.read_text().splitlines(), 1):
			found += [(path.name, number, m[2]) for m in LITERAL.finditer(line) if m[2] in STORED]
	assert found == []


def test_the_boot_vocabulary_names_every_status_and_outcome():
	source = (APP / "boot.py").read_text()
	for name in ("STATUS_NOT_STARTED", "STATUS_IN_PROGRESS", "STATUS_DONE", "STATUS_CANCELLED"):
		assert f"task_rules.{name}" in source
	for name in ("ON_TIME", "DONE_LATE", "WITHIN_DEADLINE", "OVERDUE", "NO_DEADLINE"):
		assert f"task_rules.OUTCOME_{name}" in source
