"""The arguments of the app's whitelisted methods, checked before anything reads them.

Frappe hands a method whatever the request carried: a JSON string, a list where a dict belongs, ``null``
items, a dict as a document name, nothing at all. Every method declares its arguments optional and passes
each through one of these, which returns it in the expected shape or refuses in Vietnamese
(``ArgumentError``, HTTP 417) before anything is read or written. The methods leave their parameters
unannotated on purpose: Frappe 15 validates annotated parameters itself and refuses in English.
"""

import json

import frappe
from frappe import _

from danvan_app.domain import limits, values
from danvan_app.exceptions import ArgumentError


def refuse(message: str):
	frappe.throw(message, exc=ArgumentError, title=_("Yêu cầu không hợp lệ"))


def _parsed(value, label: str):
	if isinstance(value, str) and value.lstrip()[:1] in ("[", "{"):
		try:
			return json.loads(value)
		except ValueError:
			refuse(_("{0}: dữ liệu gửi lên không đọc được (JSON sai).").format(label))
	return value


def name(value, label: str, required: bool = True) -> str | None:
	"""A document's name: a non-empty string of at most 140 characters."""
	if value is None or value == "":
		if required:
			refuse(_("Thiếu {0}.").format(label))
		return None
	if not isinstance(value, str) or not value.strip():
		refuse(_("{0} phải là tên một bản ghi.").format(label))
	if len(value) > limits.NAME_CHARS:
		refuse(_("{0} dài quá {1} ký tự.").format(label, limits.NAME_CHARS))
	return value


def names(value, label: str, limit: int) -> list[str]:
	"""A list of document names (a JSON list, a list, or one name), distinct, at most ``limit``."""
	value = _parsed(value, label)
	if value is None or value == "":
		return []
	if isinstance(value, str):
		value = [value]
	if not isinstance(value, list):
		refuse(_("{0} phải là một danh sách.").format(label))
	if len(value) > limit:
		refuse(_("{0}: nhiều nhất {1} mục trong một lần, đã gửi {2}.").format(label, limit, len(value)))
	result = []
	for item in value:
		item = name(item, label)
		if item not in result:
			result.append(item)
	return result


def mapping(value, label: str) -> dict:
	"""A dict (or a JSON object)."""
	value = _parsed(value, label)
	if value is None or value == "":
		return {}
	if not isinstance(value, dict):
		refuse(_("{0} phải là một đối tượng (các trường và giá trị).").format(label))
	return value


def rows(value, label: str, limit: int) -> list[dict]:
	"""A list of dicts (or a JSON list of objects), at most ``limit``."""
	value = _parsed(value, label)
	if value is None or value == "":
		return []
	if not isinstance(value, list):
		refuse(_("{0} phải là một danh sách.").format(label))
	if len(value) > limit:
		refuse(_("{0}: nhiều nhất {1} mục trong một lần, đã gửi {2}.").format(label, limit, len(value)))
	for position, row in enumerate(value, 1):
		if not isinstance(row, dict):
			refuse(_("{0}, mục {1}: phải là một đối tượng (các trường và giá trị).").format(label, position))
	return value


def filters(value, label: str) -> dict | list | None:
	"""List filters as Frappe takes them: a dict of field → value, or a list of [doctype,] field, operator,
	value conditions (at most 50), with field names as text. What Frappe would choke on is refused here."""
	value = _parsed(value, label)
	if value is None or value == "" or value == [] or value == {}:
		return None
	if isinstance(value, dict):
		if not all(isinstance(field, str) and len(field) <= limits.NAME_CHARS for field in value):
			refuse(_("{0}: tên trường phải là văn bản.").format(label))
		return value
	if not isinstance(value, list) or len(value) > 50:
		refuse(_("{0} phải là một danh sách điều kiện (nhiều nhất 50).").format(label))
	for position, condition in enumerate(value, 1):
		# [field, operator, value], [doctype, field, operator, value], or the desk's [..., value, hidden].
		names = 2 if isinstance(condition, list) and len(condition) == 3 else 3
		if not (
			isinstance(condition, list)
			and len(condition) in (3, 4, 5)
			and all(isinstance(part, str) for part in condition[:names])
		):
			refuse(
				_("{0}, điều kiện {1}: phải có dạng [trường, phép so sánh, giá trị].").format(label, position)
			)
	return value


def number(value, label: str, low: float, high: float, required: bool = True) -> float | None:
	"""A finite number within [low, high]."""
	if value is None or value == "":
		if required:
			refuse(_("Thiếu {0}.").format(label))
		return None
	if values.number_problem(value, "Float") or isinstance(value, bool):
		refuse(_("{0} phải là một số.").format(label))
	number_value = float(value)
	if not low <= number_value <= high:
		refuse(_("{0} phải từ {1} đến {2}.").format(label, f"{low:g}", f"{high:g}"))
	return number_value


def date(value, label: str) -> str | None:
	"""An ISO date (or nothing): a real calendar date in the plausible range."""
	if value is None or value == "":
		return None
	if values.date_problem(value):
		refuse(_("{0} không phải một ngày hợp lệ (dạng năm-tháng-ngày, ví dụ 2025-12-31).").format(label))
	return str(values.as_calendar_date(value))


def text(value, label: str, limit: int) -> str | None:
	"""A string of at most ``limit`` characters (or nothing)."""
	if value is None:
		return None
	if not isinstance(value, str):
		refuse(_("{0} phải là văn bản.").format(label))
	if len(value) > limit:
		refuse(_("{0} dài quá {1} ký tự.").format(label, limit))
	return value


def flag(value, label: str) -> bool:
	"""A yes/no: 0/1, true/false."""
	if value in (None, "", 0, 1, "0", "1", True, False, "true", "false"):
		return value in (1, "1", True, "true")
	refuse(_("{0} phải là có (1) hoặc không (0).").format(label))
