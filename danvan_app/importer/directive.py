"""The directive of an import: found again by its number, or checked and created."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow, get_transitions

from danvan_app.domain import directive_import
from danvan_app.domain import directives as directive_rules
from danvan_app.exceptions import DirectiveNumberError, TaskEntryError
from danvan_app.importer.units import existing_unit_ids

# The directive's fields the person reviews in the import dialog (sent with the preview, so the dialog
# does not list them again), and those the import fills itself.
REVIEWED_DIRECTIVE_FIELDS = (
	"directive_number",
	"doc_type",
	"issue_date",
	"issuing_unit",
	"issuer_name",
	"title",
	"summary",
)
DIRECTIVE_FIELDS = (*REVIEWED_DIRECTIVE_FIELDS, "full_text", "attachment", "parent_directive")


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
	put_in_force(doc)
	return doc.name, True


def put_in_force(doc) -> None:
	"""A text that arrives to be imported has been signed and sent: it is issued at once, by the Workflow's
	own step, where the Workflow lets the user take it (an administrator may have reserved it); otherwise
	it stays a draft for whoever may issue it."""
	for transition in get_transitions(doc):
		if transition.next_state == directive_rules.IN_FORCE:
			apply_workflow(doc, transition.action)
			return


def assert_mail_draft(draft: str):
	"""The draft received by e-mail that this import fills in, if the user may write it."""
	assert_may_read_directive(draft)
	doc = frappe.get_doc("DV Directive", draft)
	if not doc.awaiting_import:
		frappe.throw(
			_("Văn bản {0} không còn chờ nhập từ thư (đã được xác nhận).").format(frappe.bold(draft)),
			TaskEntryError,
		)
	if not frappe.has_permission("DV Directive", "write", doc=doc):
		frappe.throw(
			_(
				"Bạn không được xác nhận văn bản nhận qua thư {0}; hãy nhờ lãnh đạo hoặc quản trị viên đơn vị."
			).format(frappe.bold(draft)),
			frappe.PermissionError,
		)
	return doc


def directive_from_mail_draft(draft, values: dict, use_directive: str | None) -> tuple[str, bool]:
	"""(directive name, whether a new directive was filed): the draft filled with the reviewed values, or,
	when the directive is already filed (chosen, or found by its number), that one with the draft's files and
	mail moved onto it and the draft removed, so the same directive is never filed twice."""
	target = use_directive or (
		(
			existing_directive(
				values["directive_number"], values.get("issuing_unit"), values.get("issuer_name")
			)
			or {}
		).get("name")
	)
	if target and target != draft.name:
		_merge_draft_into(draft, target)
		return target, False
	draft.update({field: values.get(field) for field in DIRECTIVE_FIELDS if values.get(field)})
	draft.set("references", [])
	for reference in values.get("references") or []:
		if reference.get("number"):
			draft.append(
				"references",
				{
					"reference_number": reference["number"],
					"reference_date": reference.get("date"),
					"reference_issuer": reference.get("issuer"),
				},
			)
	draft.awaiting_import = 0
	if not frappe.has_permission("DV Directive", "write", doc=draft):
		frappe.throw(
			_(
				"Bạn không được lưu văn bản của cơ quan ban hành {0}. Hãy để trống ô Cơ quan ban hành (giữ tên"
				" như ghi trên văn bản) để lưu văn bản cho đơn vị nhận, hoặc chọn văn bản đã có."
			).format(frappe.bold(draft.issuing_unit)),
			frappe.PermissionError,
		)
	draft.save()
	put_in_force(draft)
	return draft.name, True


def _merge_draft_into(draft, target: str) -> None:
	"""The draft's attachments and its mail go to the directive already filed; the draft goes."""
	File, Communication = frappe.qb.DocType("File"), frappe.qb.DocType("Communication")
	frappe.qb.update(File).set(File.attached_to_name, target).where(
		(File.attached_to_doctype == "DV Directive") & (File.attached_to_name == draft.name)
	).run()
	frappe.qb.update(Communication).set(Communication.reference_name, target).where(
		(Communication.reference_doctype == "DV Directive") & (Communication.reference_name == draft.name)
	).run()
	# The user may write the draft (checked before); removing it is the confirmation's, not a delete right.
	frappe.delete_doc("DV Directive", draft.name, ignore_permissions=True, force=True)
