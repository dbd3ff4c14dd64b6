"""From the parser's proposal to DV Task field values.

Pure: the importer (``danvan_app.importer``) reads and writes; this module only translates. Whether a task
may be saved is the task's own question (its controller and value guard), asked once, on insert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from danvan_app.domain.periods import QUARTER_NUMERALS, parse_quarter, quarter_of
from danvan_app.domain.tasks import (
	DEADLINE_KIND_KEYS,
	DEADLINE_KIND_LABELS,
	RECURRENCE_KEYS,
	RECURRENCE_LABELS,
)
from danvan_app.domain.vn_text import normalize_whitespace

DATA_MAX_CHARS = 140  # a Frappe Data column is varchar(140)
_UNIT_SEPARATORS = re.compile(r"[;\n]")


def deadline_fields(deadline: Mapping[str, object]) -> dict[str, object]:
	"""DV Task deadline fields proposed from the parser's ``deadline`` (``{kind, due, start, recurrence,
	month, text}``, ISO dates): the kind's label, and the year/month/quarter the kind is stated in."""
	kind = str(deadline.get("kind") or "none")
	due, start = _iso_date(deadline.get("due")), _iso_date(deadline.get("start"))
	fields: dict[str, object] = {
		"deadline_kind": DEADLINE_KIND_LABELS.get(kind, DEADLINE_KIND_LABELS["none"]),
		"deadline_text": deadline.get("text") or None,
		"due_date": due.isoformat() if due else None,
		"start_date": start.isoformat() if start else None,
		"recurrence": RECURRENCE_LABELS.get(
			str(deadline.get("recurrence") or "none"), RECURRENCE_LABELS["none"]
		),
		"deadline_year": None,
		"deadline_month": None,
		"deadline_quarter": None,
	}
	if kind == "within_month":
		fields["deadline_month"] = deadline.get("month") or (due.month if due else None)
		fields["deadline_year"] = due.year if due else None
	elif kind == "quarter" and due:
		fields["deadline_year"], fields["deadline_quarter"] = due.year, QUARTER_NUMERALS[quarter_of(due)]
	elif kind == "from_year" and start:
		fields["deadline_year"] = start.year
	elif kind == "recurring":
		fields["deadline_month"] = deadline.get("month") or None
	return fields


def kind_label(value: object) -> str | None:
	"""A deadline kind as a DV Task label, from the label or the parser's key; blank is "no deadline"."""
	text = str(value or "").strip()
	if not text:
		return DEADLINE_KIND_LABELS["none"]
	if text in DEADLINE_KIND_KEYS:
		return text
	return DEADLINE_KIND_LABELS.get(text)


def recurrence_label(value: object) -> str | None:
	"""A recurrence as a DV Task label, from the label or the parser's key; blank is "not recurring"."""
	text = str(value or "").strip()
	if not text:
		return RECURRENCE_LABELS["none"]
	if text in RECURRENCE_KEYS:
		return text
	return RECURRENCE_LABELS.get(text)


def quarter_numeral(value: object) -> str | None:
	"""``"II"``, ``2`` or ``"2"`` → ``"II"``; blank → ``""``; anything else → None."""
	text = str(value if value is not None else "").strip()
	if not text:
		return ""
	try:
		return QUARTER_NUMERALS[parse_quarter(text)]
	except ValueError:
		return None


def unit_names(value: object) -> list[str]:
	"""Units as written in an entry: a list of names or ``{"unit": name}`` rows, or one string separated by
	``;`` or new lines (or by commas when it has neither, since unit names themselves may hold a comma)."""
	if value is None:
		items: Iterable[object] = ()
	elif isinstance(value, str):
		items = _UNIT_SEPARATORS.split(value) if _UNIT_SEPARATORS.search(value) else value.split(",")
	elif isinstance(value, Mapping):
		items = [value.get("unit")]
	else:
		items = [item.get("unit") if isinstance(item, Mapping) else item for item in value]
	names = (normalize_whitespace(str(item)) for item in items if item)
	return list(dict.fromkeys(name for name in names if name))


def task_key(title: object, source_clause: object, presiding_unit: object) -> tuple[str, str]:
	"""Two entries are the same task of a directive when they quote the same clause (or, without a clause,
	bear the same title) for the same presiding unit: confirming an import twice must not double it."""
	clause = normalize_whitespace(str(source_clause or "")).casefold()
	wording = clause or normalize_whitespace(str(title or "")).casefold()
	return wording, str(presiding_unit or "")


def short_title(title: str, limit: int = DATA_MAX_CHARS) -> str:
	"""A title cut at a word to fit a Data field, marked with an ellipsis when cut."""
	title = normalize_whitespace(title)
	if len(title) <= limit:
		return title
	return title[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"


def _iso_date(value: object) -> date | None:
	try:
		return date.fromisoformat(str(value)) if value else None
	except ValueError:
		return None
