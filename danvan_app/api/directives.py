"""Directive importer and quick task entry: from a directive's text to reviewed DV Tasks, all or nothing.

``preview_directive_text`` reads and proposes, writing nothing; the person reviews every field; then
``confirm_directive_import`` (or ``create_tasks`` for tasks typed in by hand) saves the directive and its
tasks through the normal ``insert()``, so controllers and permission hooks decide as for a form save.
"""

from __future__ import annotations

import io
import os

import frappe
from frappe import _

from danvan_app.api import arguments
from danvan_app.domain import directive_import, limits
from danvan_app.domain.directive_text import DirectiveTextError, looks_vietnamese, parse_directive_text
from danvan_app.domain.document_files import (
	MAX_FILE_BYTES,
	DocumentFileError,
	check_size,
	file_kind,
	text_from_positioned_lines,
	text_of_file,
)
from danvan_app.domain.unit_matching import UnitRecord, match_unit_names
from danvan_app.exceptions import DirectiveImportError, DirectiveNumberError, TaskEntryError
from danvan_app.utils import all_or_nothing

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
DIRECTIVE_FIELDS = (
	"directive_number",
	"doc_type",
	"issue_date",
	"issuing_unit",
	"issuer_name",
	"title",
	"summary",
	"full_text",
	"attachment",
	"parent_directive",
)


# --- whitelisted ---------------------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def preview_directive_text(text=None, file_url=None) -> dict:
	"""Read a pasted text or an uploaded file into a proposed directive and tasks; writes nothing."""
	assert_may_create_tasks()
	# Any character is at most 4 bytes: the size itself is the reader's check, in bytes, as for a file.
	text = arguments.text(text, _("Văn bản dán vào"), 4 * MAX_FILE_BYTES)
	file_url = arguments.text(file_url, _("Tệp văn bản"), 1000)
	if text and text.strip() and file_url:
		frappe.throw(_("Chỉ dán văn bản hoặc chọn một tệp, không dùng cả hai."), DirectiveImportError)
	source = text_of_uploaded_file(file_url) if file_url else pasted_text(text)
	parse = read_directive(source)
	units = matchable_units()
	preview = parse.to_json_dict()
	for task in preview["tasks"]:
		propose_task_fields(task, units)
	document = preview["document"]
	issuer_matches = match_unit_names([document["issuer"]] if document["issuer"] else [], units)
	preview["issuer_match"] = unit_match_dict(issuer_matches[0]) if issuer_matches else None
	if document["title"] and len(document["title"]) > directive_import.DATA_MAX_CHARS:
		# The full title goes to the summary; the Data field holds a cut one the person can reword.
		document["summary"] = document["title"]
		document["title"] = directive_import.short_title(document["title"])
	issuing_unit = (preview["issuer_match"] or {}).get("unit")
	preview["existing_directive"] = existing_directive(document["number"], issuing_unit, document["issuer"])
	preview["same_number"] = directives_numbered(document["number"])
	preview["source_text"] = source
	preview["file_url"] = file_url or None
	return preview


@frappe.whitelist(methods=["POST"])
def confirm_directive_import(payload=None) -> dict:
	"""Save the reviewed directive (or reuse the one already filed) and its tasks, all or nothing."""
	assert_may_create_tasks()
	payload = arguments.mapping(payload, _("Dữ liệu xác nhận"))
	values = frappe._dict(arguments.mapping(payload.get("directive"), _("Văn bản chỉ đạo")))
	values.references = arguments.rows(values.get("references"), _("Văn bản căn cứ"), 100)
	check_text_fields(values, DIRECTIVE_FIELDS, _("Văn bản chỉ đạo"))
	for position, reference in enumerate(values.references, 1):
		check_text_fields(
			reference, ("number", "date", "issuer"), _("Văn bản căn cứ thứ {0}").format(position)
		)
	use_directive = arguments.name(payload.get("use_directive"), _("Văn bản đã có"), required=False)
	raw_tasks = arguments.rows(payload.get("tasks"), _("Nhiệm vụ"), limits.TASKS_PER_IMPORT)
	if use_directive:
		assert_may_read_directive(use_directive)
	else:
		check_directive_values(values)
	tasks = reviewed_tasks(raw_tasks)
	with all_or_nothing():
		directive, directive_created = directive_for_import(values, use_directive)
		created, skipped = insert_tasks(directive, tasks)
	return {
		"directive": directive,
		"directive_created": directive_created,
		"tasks": created,
		"skipped": skipped,
	}


@frappe.whitelist(methods=["POST"])
def create_tasks(directive=None, tasks=None) -> list[str]:
	"""Quick entry: several tasks at once for an existing directive, all or nothing; returns their names."""
	assert_may_create_tasks()
	directive = arguments.name(directive, _("Văn bản chỉ đạo"))
	assert_may_read_directive(directive)
	tasks = reviewed_tasks(arguments.rows(tasks, _("Nhiệm vụ"), limits.TASKS_PER_IMPORT), resolve_names=True)
	if not tasks:
		frappe.throw(_("Chưa nhập nhiệm vụ nào."), TaskEntryError)
	with all_or_nothing():
		created, skipped = insert_tasks(directive, tasks)
	if skipped:
		frappe.msgprint(
			_("Bỏ qua {0} nhiệm vụ đã có trong văn bản này: {1}.").format(len(skipped), ", ".join(skipped)),
			indicator="orange",
		)
	return created


# --- permissions ---------------------------------------------------------------------------------------


def assert_may_create_tasks() -> None:
	if not frappe.has_permission("DV Task", "create"):
		frappe.throw(_("Vai trò của bạn không được tạo nhiệm vụ."), frappe.PermissionError)


def assert_may_read_directive(directive: str) -> None:
	if not frappe.db.exists("DV Directive", directive):
		frappe.throw(
			_("Không có văn bản chỉ đạo {0}.").format(frappe.bold(directive)), frappe.DoesNotExistError
		)
	if not frappe.has_permission("DV Directive", "read", doc=directive):
		frappe.throw(
			_("Bạn không được xem văn bản chỉ đạo {0}.").format(frappe.bold(directive)),
			frappe.PermissionError,
		)


# --- reading the text ----------------------------------------------------------------------------------


def pasted_text(text: str | None) -> str:
	text = text or ""
	if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
		frappe.throw(
			_("Văn bản dán vào quá lớn; giới hạn là {0} MB.").format(MAX_FILE_BYTES // 1024 // 1024),
			DirectiveImportError,
		)
	return text


def text_of_uploaded_file(file_url: str) -> str:
	"""Text of an uploaded File the user may read: .txt, .docx, or a PDF that has a text layer."""
	found = frappe.get_list("File", filters={"file_url": file_url, "is_folder": 0}, pluck="name", limit=1)
	if not found:
		frappe.throw(
			_("Không tìm thấy tệp {0} hoặc bạn không được xem tệp này.").format(file_url),
			DirectiveImportError,
		)
	file_doc = frappe.get_doc("File", found[0])
	if not file_doc.has_permission("read"):
		frappe.throw(_("Bạn không được xem tệp {0}.").format(file_doc.file_name), frappe.PermissionError)
	try:
		kind = file_kind(file_doc.file_name or file_url)
		path = file_doc.get_full_path()
		check_size(os.path.getsize(path))
		with open(path, "rb") as stream:
			data = stream.read()
		return pdf_text(data) if kind == "pdf" else text_of_file(file_doc.file_name or file_url, data)
	except DocumentFileError as error:
		frappe.throw(_("Không đọc được tệp {0}: {1}").format(file_doc.file_name, error), DirectiveImportError)
	except OSError:
		frappe.throw(
			_("Không mở được tệp {0} trên máy chủ.").format(file_doc.file_name), DirectiveImportError
		)


def pdf_text(data: bytes) -> str:
	"""The text layer of a PDF; a scanned (image-only) PDF has none and is refused with a way forward."""
	import pypdf  # ships with Frappe; loaded only when a PDF arrives

	try:
		reader = pypdf.PdfReader(io.BytesIO(data))
		if reader.is_encrypted:
			reader.decrypt("")
		text = "\n".join(page_lines(page) for page in reader.pages)
	except Exception as error:  # pypdf raises many types for a damaged file; all mean "cannot read"
		raise DocumentFileError("Tệp PDF bị hỏng hoặc có mật khẩu, không đọc được.") from error
	if not text.strip():
		raise DocumentFileError(
			"Tệp PDF không có lớp chữ (có thể là bản quét, chỉ có hình ảnh). Hãy dán nội dung văn bản, hoặc"
			" dùng tệp .docx/.txt hay bản PDF có chữ."
		)
	return text


def page_lines(page) -> str:
	"""A PDF page's text with its paragraph gaps kept as blank lines (see text_from_positioned_lines)."""
	lines: list[list] = [["", None]]

	def visit(text, cm, tm, font_dict, font_size):
		height = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the baseline in page space
		for index, part in enumerate(text.split("\n")):
			if index:
				lines.append(["", None])
			if part.strip() and lines[-1][1] is None:
				lines[-1][1] = height
			lines[-1][0] += part

	page.extract_text(visitor_text=visit)
	return text_from_positioned_lines([(text, height) for text, height in lines])


def read_directive(text: str):
	"""The parse of a Vietnamese text; empty, binary, oversized or foreign text is refused."""
	try:
		parse = parse_directive_text(text)
	except DirectiveTextError as error:
		frappe.throw(_("Không phân tích được văn bản: {0}").format(error), DirectiveImportError)
	if not looks_vietnamese(text):
		frappe.throw(
			_(
				"Văn bản không phải tiếng Việt (không thấy chữ có dấu). Trình nhập chỉ đọc văn bản chỉ đạo"
				" tiếng Việt."
			),
			DirectiveImportError,
		)
	return parse


# --- units ---------------------------------------------------------------------------------------------


def matchable_units() -> list[UnitRecord]:
	"""Open units the user can read, with their abbreviation and aliases, read in one query."""
	rows = frappe.get_list(
		"DV Unit",
		filters={"enabled": 1},
		fields=["name", "unit_name", "abbreviation", "`tabDV Unit Alias`.`alias` as alias"],
		order_by="`tabDV Unit`.`lft` asc",
		limit_page_length=0,
	)
	names: dict[str, str] = {}
	spellings: dict[str, list[str]] = {}
	for row in rows:
		names[row.name] = row.unit_name
		other = spellings.setdefault(row.name, [])
		for spelling in (row.abbreviation, row.alias):
			if spelling and spelling not in other:
				other.append(spelling)
	return [UnitRecord(name, unit_name, tuple(spellings[name])) for name, unit_name in names.items()]


def unit_match_dict(match) -> dict:
	return {
		"written": match.written,
		"unit": match.unit_id,
		"unit_name": match.unit_name,
		"method": match.method,
		"candidates": list(match.candidates),
	}


def propose_task_fields(task: dict, units: list[UnitRecord]) -> None:
	"""Add to a parsed task its unit matches and the DV Task fields a reviewer starts from."""
	presiding = [unit_match_dict(m) for m in match_unit_names(task["presiding"], units)]
	coordinating = [unit_match_dict(m) for m in match_unit_names(task["coordinating"], units)]
	task["presiding_matches"], task["coordinating_matches"] = presiding, coordinating
	presiding_unit = next((m["unit"] for m in presiding if m["unit"]), None)
	task["fields"] = {
		"title": directive_import.short_title(task["title"]),
		"source_clause": task["clause"],
		"presiding_unit": presiding_unit,
		"coordinating_units": list(
			dict.fromkeys(m["unit"] for m in coordinating if m["unit"] and m["unit"] != presiding_unit)
		),
		**directive_import.deadline_fields(task["deadline"]),
	}


def existing_unit_ids(names: set[str]) -> set[str]:
	"""Which of the given ids are units at all (existence only, as Link validation checks it; a task may
	name a coordinating unit outside the user's own subtree)."""
	if not names:
		return set()
	Unit = frappe.qb.DocType("DV Unit")
	return set(frappe.qb.from_(Unit).select(Unit.name).where(Unit.name.isin(sorted(names))).run(pluck=True))


# --- the directive -------------------------------------------------------------------------------------


def number_key(directive_number: str, issuing_unit: str | None, issuer_name: str | None) -> str | None:
	"""The duplicate key DV Directive stores, built by the controller's own code."""
	if not directive_number:
		return None
	draft = frappe.new_doc("DV Directive")
	draft.update(
		{"directive_number": directive_number, "issuing_unit": issuing_unit, "issuer_name": issuer_name}
	)
	try:
		draft.read_directive_number()
	except DirectiveNumberError:
		frappe.clear_last_message()
		return None
	return draft.number_key


def existing_directive(directive_number: str | None, issuing_unit: str | None, issuer_name: str | None):
	"""The readable directive an import of this number and issuer would reuse, or None."""
	key = number_key(directive_number or "", issuing_unit, issuer_name)
	if not key:
		return None
	found = frappe.get_list(
		"DV Directive",
		filters={"number_key": key},
		fields=["name", "directive_number", "title", "issue_date", "issuing_unit", "issuer_name"],
		limit=1,
	)
	return found[0] if found else None


def directives_numbered(directive_number: str | None) -> list[dict]:
	"""Readable directives with this number from any issuer, so the reviewer sees a near-duplicate."""
	if not directive_number:
		return []
	return frappe.get_list(
		"DV Directive",
		filters={"directive_number": directive_number},
		fields=["name", "directive_number", "title", "issue_date", "issuing_unit", "issuer_name"],
		limit=10,
	)


def check_directive_values(values: dict) -> None:
	"""The reviewed directive has what a DV Directive needs before anything is written."""
	missing = [
		label
		for field, label in (
			("directive_number", _("Số, ký hiệu")),
			("issue_date", _("Ngày ban hành")),
			("title", _("Trích yếu")),
		)
		if not str(values.get(field) or "").strip()
	]
	if missing:
		frappe.throw(
			_("Văn bản chưa có: {0}. Hãy nhập trước khi xác nhận.").format(", ".join(missing)), TaskEntryError
		)
	if len(str(values["title"]).strip()) > directive_import.DATA_MAX_CHARS:
		frappe.throw(
			_(
				"Trích yếu dài {0} ký tự, tối đa {1}; hãy rút gọn (bản đầy đủ có thể ghi ở phần Tóm tắt)."
			).format(len(str(values["title"]).strip()), directive_import.DATA_MAX_CHARS),
			TaskEntryError,
		)
	if values.get("issuing_unit") and not existing_unit_ids({values["issuing_unit"]}):
		frappe.throw(
			_("Không có đơn vị ban hành {0} trong danh mục đơn vị.").format(
				frappe.bold(values["issuing_unit"])
			),
			TaskEntryError,
		)


def directive_for_import(values: dict, use_directive: str | None) -> tuple[str, bool]:
	"""(directive name, whether it was created): the chosen one, the one already filed, or a new one."""
	if use_directive:
		return use_directive, False
	found = existing_directive(
		values["directive_number"], values.get("issuing_unit"), values.get("issuer_name")
	)
	if found:
		return found.name, False
	doc = frappe.new_doc("DV Directive")
	doc.update({field: values.get(field) for field in DIRECTIVE_FIELDS if values.get(field)})
	for reference in values.get("references") or []:
		if reference.get("number"):
			doc.append(
				"references",
				{
					"reference_number": reference["number"],
					"reference_date": reference.get("date"),
					"reference_issuer": reference.get("issuer"),
				},
			)
	if not frappe.has_permission("DV Directive", "create", doc=doc):
		frappe.throw(
			_("Bạn không được tạo văn bản chỉ đạo của đơn vị ban hành này; hãy chọn văn bản đã có."),
			frappe.PermissionError,
		)
	doc.insert()
	return doc.name, True


# --- the tasks -----------------------------------------------------------------------------------------


def reviewed_tasks(raw_tasks: list, resolve_names: bool = False) -> list[dict]:
	"""Every entry checked and turned into DV Task values before anything is written; the first problem
	stops everything, naming the task. With ``resolve_names`` units may be typed by name or alias."""
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
		for problem in directive_import.task_problems(task):
			frappe.throw(problem_message(problem, label, task), TaskEntryError)
		task["deadline_kind"] = directive_import.kind_label(task.get("deadline_kind"))
		task["recurrence"] = directive_import.recurrence_label(task.get("recurrence"))
		task["deadline_quarter"] = directive_import.quarter_numeral(task.get("deadline_quarter"))
		task["label"] = label
		tasks.append(task)
	named = {t["presiding_unit"] for t in tasks} | {u for t in tasks for u in t["coordinating_units"]}
	unknown = named - existing_unit_ids(named)
	if unknown:
		frappe.throw(
			_("Không có đơn vị {0} trong danh mục đơn vị; hãy chọn đơn vị tương ứng.").format(
				", ".join(sorted(unknown))
			),
			TaskEntryError,
		)
	for task in tasks:
		assert_may_preside(task)
	return tasks


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
		found = name if name in ids else match_unit_names([name], units)[0].unit_id
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
		try:
			doc.insert()
		except Exception:
			frappe.msgprint(
				_("{0} không lưu được, nên không nhiệm vụ nào được tạo.").format(task["label"]),
				indicator="red",
			)
			raise
		known[key] = doc.name
		created.append(doc.name)
	return created, skipped


def problem_message(problem: directive_import.TaskEntryProblem, label: str, task: dict) -> str:
	limit = directive_import.DATA_MAX_CHARS
	messages = {
		"no_title": _("{0}: chưa có tên nhiệm vụ."),
		"title_too_long": _("{0}: tên nhiệm vụ dài {1} ký tự, tối đa {2}; hãy rút gọn."),
		"no_presiding": _("{0}: chưa có đơn vị chủ trì; hãy chọn đơn vị chủ trì trước khi xác nhận."),
		"presiding_also_coordinating": _("{0}: đơn vị {1} đã chủ trì, không đồng thời là đơn vị phối hợp."),
		"bad_kind": _("{0}: loại thời hạn “{1}” không hợp lệ."),
		"bad_recurrence": _("{0}: kiểu lặp lại “{1}” không hợp lệ."),
		"bad_month": _("{0}: tháng “{1}” không hợp lệ (từ 1 đến 12)."),
		"bad_year": _("{0}: năm “{1}” không hợp lệ."),
		"bad_quarter": _("{0}: quý “{1}” không hợp lệ (I, II, III hoặc IV)."),
		"deadline_text_too_long": _("{0}: phần thời hạn như ghi trong văn bản dài {1} ký tự, tối đa {2}."),
	}
	value = problem.value
	if problem.code == "presiding_also_coordinating":
		value = frappe.bold(unit_title(value))
	return messages[problem.code].format(label, value, limit)


def task_label(position: int, title) -> str:
	title = str(title or "").strip()
	if not title:
		return _("Nhiệm vụ thứ {0}").format(position)
	return _("Nhiệm vụ thứ {0} “{1}”").format(position, directive_import.short_title(title, 60))


def unit_title(unit: str) -> str:
	return frappe.db.get_value("DV Unit", unit, "unit_name") or unit
