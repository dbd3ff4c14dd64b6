"""What a field may hold before any rule looks at it: its type, a plausible size, a real calendar date.

A client can send anything (a list for a Select, a dict for a name, ``inf`` for a score, a date in the
year 99999, a megabyte of text). Each check returns the reason a value is refused, or None; the controllers
turn the reason into a Vietnamese message before a rule or the database ever sees the value.
"""

from __future__ import annotations

import datetime
import math
import re

TEXT_LIMITS = {
	# Frappe stores these as varchar(140) unless the field says otherwise.
	"Data": 140,
	"Link": 140,
	"Dynamic Link": 140,
	"Select": 140,
	"Small Text": 10_000,
	"Text": 100_000,
	"Long Text": 200_000,
	"Text Editor": 200_000,
	"Code": 200_000,
	"Attach": 1_000,
}
# Characters no one types: C0 controls other than tab and line breaks, and the Unicode non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
NUMBER_TYPES = frozenset({"Int", "Check", "Float", "Currency", "Percent"})
DATE_TYPES = frozenset({"Date", "Datetime"})
# Dates officials write: from the first directives the app may hold to well after any plan's horizon.
EARLIEST_DATE = datetime.date(1930, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
LARGEST_NUMBER = 1e12
LARGEST_INT = 2**31 - 1
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")

# Reasons, one word each: the controller owns the Vietnamese sentence for each.
NOT_TEXT = "not_text"
CONTROL_CHARACTERS = "control_characters"
TOO_LONG = "too_long"
NOT_AN_OPTION = "not_an_option"
NOT_A_NUMBER = "not_a_number"
NOT_A_WHOLE_NUMBER = "not_a_whole_number"
OUT_OF_RANGE = "out_of_range"
NOT_A_DATE = "not_a_date"
DATE_OUT_OF_RANGE = "date_out_of_range"
NOT_ROWS = "not_rows"


def text_problem(value, fieldtype: str, length: int | None = None, options: list[str] | None = None):
	"""A text-like value: a string (or empty), no longer than the field holds, one of the options for a
	Select."""
	if value is None or value == "":
		return None
	if not isinstance(value, str):
		return NOT_TEXT
	if len(value) > (length or TEXT_LIMITS.get(fieldtype, 140)):
		return TOO_LONG
	if _CONTROL.search(value):
		return CONTROL_CHARACTERS
	if fieldtype == "Select" and options is not None and value not in options:
		return NOT_AN_OPTION
	return None


def number_problem(value, fieldtype: str):
	"""A number: finite, of plausible size, whole for Int and Check (0 or 1)."""
	if value is None or value == "":
		return None
	if isinstance(value, bool):
		return None
	if isinstance(value, str):
		try:
			value = float(value.strip())
		except ValueError:
			return NOT_A_NUMBER
	if not isinstance(value, int | float):
		return NOT_A_NUMBER
	if not math.isfinite(value) or abs(value) > LARGEST_NUMBER:
		return OUT_OF_RANGE
	if fieldtype in ("Int", "Check"):
		if value != int(value):
			return NOT_A_WHOLE_NUMBER
		if abs(value) > LARGEST_INT or (fieldtype == "Check" and value not in (0, 1)):
			return OUT_OF_RANGE
	if fieldtype == "Percent" and not 0 <= value <= 100:
		return OUT_OF_RANGE
	return None


def as_calendar_date(value) -> datetime.date | None:
	"""The calendar date a date or datetime value names, or None when it names none."""
	if isinstance(value, datetime.datetime):
		return value.date()
	if isinstance(value, datetime.date):
		return value
	if not isinstance(value, str):
		return None
	match = _ISO_DATE.match(value.strip())
	if not match:
		return None
	try:
		return datetime.date(int(match[1]), int(match[2]), int(match[3]))
	except ValueError:
		return None


def date_problem(value):
	"""A date: a real calendar date (ISO form, as the desk and the API send it) in a plausible range."""
	if value is None or value == "":
		return None
	day = as_calendar_date(value)
	if day is None:
		return NOT_A_DATE
	if not EARLIEST_DATE <= day <= LATEST_DATE:
		return DATE_OUT_OF_RANGE
	return None


def value_problem(value, fieldtype: str, length: int | None = None, options: list[str] | None = None):
	"""Why ``value`` cannot be stored in a field of ``fieldtype``, or None when it can."""
	if fieldtype in TEXT_LIMITS:
		return text_problem(value, fieldtype, length, options)
	if fieldtype in NUMBER_TYPES:
		return number_problem(value, fieldtype)
	if fieldtype in DATE_TYPES:
		return date_problem(value)
	return None
