"""Directive importer and quick task entry: from a directive's text to reviewed DV Tasks, all or nothing.

``preview_directive_text`` reads and proposes, writing nothing; the person reviews every field; then
``confirm_directive_import`` (or ``create_tasks`` for tasks typed in by hand) saves the directive and its
tasks through the normal ``insert()``, so controllers and permission hooks decide as for a form save.
"""

from __future__ import annotations

import frappe
from frappe import _

from danvan_app.api import arguments
from danvan_app.domain import directive_import, limits, ocr
from danvan_app.domain.document_files import (
	MAX_FILE_BYTES,
)
from danvan_app.domain.unit_matching import match_unit_names
from danvan_app.exceptions import DirectiveImportError, TaskEntryError
from danvan_app.importer.directive import (
	DIRECTIVE_FIELDS,
	REVIEWED_DIRECTIVE_FIELDS,
	assert_mail_draft,
	assert_may_read_directive,
	check_directive_values,
	directive_for_import,
	directive_from_mail_draft,
	directives_numbered,
	existing_directive,
)
from danvan_app.importer.reading import (
	ScanQueued,
	page_image_of_upload,
	pasted_text,
	read_directive,
	scan_progress,
	text_of_uploaded_file,
)
from danvan_app.importer.tasks import assert_may_create_tasks, check_text_fields, insert_tasks, reviewed_tasks
from danvan_app.importer.units import matchable_units, propose_groups, propose_task_fields, unit_match_dict
from danvan_app.utils import all_or_nothing


@frappe.whitelist(methods=["POST"])
def preview_directive_text(text=None, file_url=None) -> dict:
	"""Read a pasted text or an uploaded file into a proposed directive and tasks; writes nothing."""
	assert_may_create_tasks()
	# Any character is at most 4 bytes: the size itself is the reader's check, in bytes, as for a file.
	text = arguments.text(text, _("Văn bản dán vào"), 4 * MAX_FILE_BYTES)
	file_url = arguments.text(file_url, _("Tệp văn bản"), 1000)
	if text and text.strip() and file_url:
		frappe.throw(_("Chỉ dán văn bản hoặc chọn một tệp, không dùng cả hai."), DirectiveImportError)
	try:
		source, recognition = (
			text_of_uploaded_file(file_url, background=True) if file_url else (pasted_text(text), None)
		)
	except ScanQueued as queued:
		# A long scan: the dialog follows scan_reading_progress, then asks for the preview again.
		return {"reading_in_background": queued.info}
	parse = read_directive(source)
	units = matchable_units()
	preview = parse.to_json_dict()
	for task in preview["tasks"]:
		propose_task_fields(task, units)
	propose_groups(preview["tasks"])
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
	preview["reviewed_fields"] = list(REVIEWED_DIRECTIVE_FIELDS)
	preview["file_url"] = file_url or None
	# A scan's text came from OCR: pages, seconds, and the doubtful words' places in source_text; each task
	# names the page its clause starts on, which the dialog shows beside it, and the doubtful words of its
	# own clause, placed in the clause, which the dialog marks.
	preview["recognition"] = recognition
	if recognition:
		cursor = 0
		doubtful = recognition.get("low_confidence") or []
		for task in preview["tasks"]:
			task["page"], cursor = ocr.page_of(
				source, task["clause"], recognition.get("page_starts") or [0], cursor
			)
			found = task["page"] is not None
			task["doubtful"] = (
				ocr.doubtful_in_clause(source, cursor, task["clause"], doubtful) if found else []
			)
	return preview


@frappe.whitelist(methods=["POST"])
def scan_page_image(file_url=None, page=None) -> dict:
	"""One page of an uploaded scan the user may read, for the review dialog: ``{"image": data URL}``."""
	assert_may_create_tasks()
	file_url = arguments.text(file_url, _("Tệp văn bản"), 1000)
	if not file_url:
		frappe.throw(_("Chưa chọn tệp bản quét."), DirectiveImportError)
	try:
		page = int(page)
	except (TypeError, ValueError):
		frappe.throw(_("Số trang phải là một số nguyên."), DirectiveImportError)
	if not 1 <= page <= ocr.MAX_PAGES:
		frappe.throw(_("Bản quét không có trang {0}.").format(page), DirectiveImportError)
	return {"image": page_image_of_upload(file_url, page)}


@frappe.whitelist(methods=["POST"])
def scan_reading_progress(file_url=None) -> dict:
	"""How far the background reading of an uploaded scan is: ``{done, pages}`` or ``{finished: true}``."""
	assert_may_create_tasks()
	file_url = arguments.text(file_url, _("Tệp văn bản"), 1000)
	if not file_url:
		frappe.throw(_("Chưa chọn tệp bản quét."), DirectiveImportError)
	return scan_progress(file_url)


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
	# A draft received by e-mail ("Chờ nhập từ thư"): the confirmation fills it in, or files its attachments
	# on the directive already in the system.
	from_draft = arguments.name(payload.get("from_draft"), _("Văn bản nhận qua thư"), required=False)
	draft = assert_mail_draft(from_draft) if from_draft else None
	if draft and use_directive == draft.name:
		use_directive = None  # the draft itself is filled in, with the reviewed values checked below
	if use_directive:
		assert_may_read_directive(use_directive)
	else:
		check_directive_values(values)
	tasks = reviewed_tasks(raw_tasks)
	with all_or_nothing():
		if draft:
			directive, directive_created = directive_from_mail_draft(draft, values, use_directive)
		else:
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
