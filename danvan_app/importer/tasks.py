"""The tasks of an import or a quick entry: each entry checked, then inserted through the controller."""

from __future__ import annotations

import frappe
from frappe import _

from danvan_app.domain import directive_import, limits
from danvan_app.exceptions import TaskEntryError
from danvan_app.importer.units import (
	existing_unit_ids,
	group_members,
	matchable_units,
	matches_today,
	unit_title,
)

TASK_FIELDS = (
	"title",
	"source_clause",
	"description",
	"deadline_kind",
	"deadline_text",
	"due_date",
	"start_date",
	"deadline_year",
	"deadline_month",
	"deadline_quarter",
	"recurrence",
)


# Entry fields read as text (the rest of an entry's values are checked by the task's own value guard).
ENTRY_TEXT_FIELDS = (
	"title",
	"presiding_unit",
	"source_clause",
	"clause",
	"description",
	"deadline_kind",
	"deadline_text",
	"due_date",
	"start_date",
	"deadline_quarter",
	"recurrence",
)


def assert_may_create_tasks() -> None:
	if not frappe.has_permission("DV Task", "create"):
		frappe.throw(_("Vai trò của bạn không được tạo nhiệm vụ."), frappe.PermissionError)


def reviewed_tasks(raw_tasks: list, resolve_names: bool = False) -> list[dict]:
	"""Entries turned into DV Task values: each entry's shape is checked and its units resolved here;
	every rule of a task is the task's own, applied when it is inserted (``insert_tasks``), whose refusal
	names the task. With ``resolve_names`` units may be typed by name or alias."""
	raw_tasks = [frappe._dict(raw) for raw in raw_tasks]
	for position, raw in enumerate(raw_tasks, 1):
		check_entry_types(raw, task_label(position, raw.get("title")))
	resolve = unit_resolver(raw_tasks) if resolve_names else None
	tasks = []
	for position, raw in enumerate(raw_tasks, 1):
		label = task_label(position, raw.get("title"))
		task = {field: raw.get(field) for field in TASK_FIELDS if raw.get(field) not in (None, "")}
		task["source_clause"] = task.get("source_clause") or raw.get("clause")
		task["title"] = (task.get("title") or "").strip()
		written = [str(raw.get("presiding_unit") or "").strip()]
		written += directive_import.unit_names(raw.get("coordinating_units"))
		ids = [resolve(name, label) if resolve and name else name or None for name in written]
		task["presiding_unit"], task["coordinating_units"] = ids[0], ids[1:]
		# The parser's keys become the stored labels; a value that names none is passed on as written, for
		# the task's value guard to refuse.
		for field, as_label in (
			("deadline_kind", directive_import.kind_label),
			("recurrence", directive_import.recurrence_label),
			("deadline_quarter", directive_import.quarter_numeral),
		):
			label_value = as_label(task.get(field))
			task[field] = task.get(field) if label_value is None else label_value
		task["label"] = label
		task["group"] = None if task["presiding_unit"] else group_of(raw, label)
		tasks.append(task)
	tasks = one_task_per_group_member(tasks)
	for task in tasks:
		assert_may_preside(task)
	return tasks


def group_of(raw: dict, label: str) -> dict | None:
	"""An entry's group of presiding units ({"kinds": [...], "level": ...}), checked for shape."""
	group = raw.get("presiding_group")
	if group in (None, "", {}):
		return None
	kinds = group.get("kinds") if isinstance(group, dict) else None
	level = group.get("level") if isinstance(group, dict) else None
	if (
		not isinstance(kinds, list)
		or len(kinds) > 20
		or not all(isinstance(kind, str) and 0 < len(kind) <= limits.NAME_CHARS for kind in kinds)
		or not isinstance(level, str | type(None))
	):
		frappe.throw(_("{0}: nhóm đơn vị chủ trì không hợp lệ.").format(label), TaskEntryError)
	return {"kinds": kinds, "level": level or None} if kinds else None


def one_task_per_group_member(tasks: list[dict]) -> list[dict]:
	"""A task given to a group of units ("UBND các xã") becomes one task for each open unit of the group
	the user may read; the group's members are read in one query for all the entries."""
	grouped = [task for task in tasks if task["group"]]
	if not grouped:
		return tasks
	members = group_members([task["group"] for task in grouped])
	expanded = []
	for task in tasks:
		if not task["group"]:
			expanded.append(task)
			continue
		units = members(task["group"])
		if not units:
			frappe.throw(
				_(
					"{0}: nhóm đơn vị chủ trì không có đơn vị nào đang hoạt động trong phạm vi của bạn."
				).format(task["label"]),
				TaskEntryError,
			)
		for unit, unit_name in units:
			coordinating = [other for other in task["coordinating_units"] if other != unit]
			label = _("{0}, giao cho {1}").format(task["label"], unit_name)
			expanded.append(
				{**task, "presiding_unit": unit, "coordinating_units": coordinating, "label": label}
			)
	if len(expanded) > limits.UNITS_PER_CASCADE:
		frappe.throw(
			_("Lần nhập này sẽ tạo {0} nhiệm vụ, quá giới hạn {1}; hãy chia thành nhiều lần.").format(
				len(expanded), limits.UNITS_PER_CASCADE
			),
			TaskEntryError,
		)
	return expanded


def check_text_fields(raw: dict, fields, label: str) -> None:
	"""The named fields of an entry hold text (or nothing) before anything reads them."""
	for field in fields:
		if raw.get(field) is not None and not isinstance(raw[field], str):
			frappe.throw(_("{0}: trường {1} phải là văn bản.").format(label, field), TaskEntryError)


def check_entry_types(raw: dict, label: str) -> None:
	"""An entry's fields hold text (or a number for a year or month, a list for coordinating units)
	before anything reads them."""
	check_text_fields(raw, ENTRY_TEXT_FIELDS, label)
	for field in ("deadline_year", "deadline_month"):
		if raw.get(field) not in (None, "") and (
			isinstance(raw[field], bool) or not isinstance(raw[field], int | str)
		):
			frappe.throw(_("{0}: trường {1} phải là một số nguyên.").format(label, field), TaskEntryError)
	if not isinstance(raw.get("coordinating_units"), list | str | type(None)):
		frappe.throw(_("{0}: đơn vị phối hợp phải là một danh sách.").format(label), TaskEntryError)


def unit_resolver(raw_tasks: list[dict]):
	"""A function (written unit, task label) → unit id, for units typed by id, name, alias or abbreviation.

	Ids are taken as they are (the unit may lie outside the user's subtree, as a coordinating unit may);
	names are matched against the units the user can read, and must fit exactly one.
	"""
	written = {str(raw.get("presiding_unit") or "").strip() for raw in raw_tasks}
	written |= {
		name for raw in raw_tasks for name in directive_import.unit_names(raw.get("coordinating_units"))
	}
	ids = existing_unit_ids(written - {""})
	units = matchable_units() if written - ids - {""} else []

	def resolve(name: str, label: str) -> str:
		found = name if name in ids else matches_today([name], units)[0].unit_id
		if not found:
			frappe.throw(
				_(
					"{0}: không xác định được đơn vị “{1}” (không có hoặc trùng tên); hãy chọn đúng đơn vị."
				).format(label, name),
				TaskEntryError,
			)
		return found

	return resolve


def assert_may_preside(task: dict) -> None:
	"""A user assigns tasks only to units in their scope, as insert() would refuse, but said in words."""
	draft = frappe.new_doc("DV Task")
	draft.presiding_unit = task["presiding_unit"]
	for unit in task["coordinating_units"]:
		draft.append("coordinating_units", {"unit": unit})
	if not frappe.has_permission("DV Task", "create", doc=draft):
		frappe.throw(
			_(
				"{0}: bạn không được giao nhiệm vụ cho đơn vị chủ trì {1} (ngoài phạm vi đơn vị của bạn)."
			).format(task["label"], frappe.bold(unit_title(task["presiding_unit"]))),
			frappe.PermissionError,
		)


def insert_tasks(directive: str, tasks: list[dict]) -> tuple[list[str], list[str]]:
	"""Insert the tasks not already in the directive; returns (created names, names of those already there)."""
	existing = frappe.get_list(
		"DV Task",
		filters={"directive": directive},
		fields=["name", "title", "source_clause", "presiding_unit"],
		limit_page_length=0,
	)
	known = {directive_import.task_key(t.title, t.source_clause, t.presiding_unit): t.name for t in existing}
	created, skipped = [], []
	for task in tasks:
		key = directive_import.task_key(task["title"], task.get("source_clause"), task["presiding_unit"])
		if key in known:
			if known[key] not in skipped:
				skipped.append(known[key])
			continue
		doc = frappe.new_doc("DV Task")
		doc.update({field: task.get(field) for field in TASK_FIELDS if task.get(field) not in (None, "")})
		doc.update({"directive": directive, "presiding_unit": task["presiding_unit"]})
		for unit in task["coordinating_units"]:
			doc.append("coordinating_units", {"unit": unit})
		shown = len(frappe.local.message_log)
		try:
			doc.insert()
		except (frappe.ValidationError, frappe.PermissionError) as error:
			# The task's own refusal, named after the entry it came from (and shown once).
			del frappe.local.message_log[shown:]
			frappe.throw(_("{0}: {1}").format(task["label"], error), exc=type(error))
		known[key] = doc.name
		created.append(doc.name)
	return created, skipped


def task_label(position: int, title) -> str:
	title = str(title or "").strip()
	if not title:
		return _("Nhiệm vụ thứ {0}").format(position)
	return _("Nhiệm vụ thứ {0} “{1}”").format(position, directive_import.short_title(title, 60))
