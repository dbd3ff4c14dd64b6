"""Directives that arrive by e-mail, through Frappe's own Email Account.

An administrator points an incoming Email Account at the mailbox where directives arrive and chooses, in
its field "Đơn vị nhận văn bản (Dân vận)" (a Custom Field the app ships on Email Account), the unit that
receives them. Frappe pulls the mail and saves each message as a Communication with its attachments; the
hook below turns a received message with at least one file the importer reads into ONE draft DV Directive
of that unit ("Chờ nhập từ thư"), with those files copied as its private attachments. Nothing else is
created: an officer opens the draft, runs "Nhập từ văn bản" on an attachment, reviews and confirms.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from danvan_app.domain.mail_intake import Attachment, provisional_title, refusal_note, sort_attachments

RECEIVING_FIELD = "dv_receiving_unit"
CUSTOM_FIELDS = {
	"Email Account": [
		{
			"fieldname": RECEIVING_FIELD,
			"fieldtype": "Link",
			"options": "DV Unit",
			"label": "Đơn vị nhận văn bản (Dân vận)",
			"insert_after": "append_to",
			"depends_on": "eval:doc.enable_incoming",
			"description": (
				"Mỗi thư đến hộp thư này có tệp văn bản đính kèm (.pdf, .doc, .docx, .odt, .txt, ảnh"
				' .png/.jpg/.tif) trở thành một văn bản chỉ đạo nháp "Chờ nhập từ thư" của đơn vị này, chờ'
				' cán bộ mở tệp bằng "Nhập từ văn bản" và xác nhận. Để trống: thư không được chuyển thành văn bản.'
			),
		}
	]
}


def sync_custom_fields() -> None:
	"""Install, or update on migrate, the app's field on Email Account. Only a field missing or changed is
	written: Frappe then syncs the table and commits, which a migrate that changes nothing must not do."""
	from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

	to_write = {}
	for doctype, fields in CUSTOM_FIELDS.items():
		for df in fields:
			stored = frappe.db.get_value(
				"Custom Field", {"dt": doctype, "fieldname": df["fieldname"]}, list(df), as_dict=True
			)
			if not stored or any(stored.get(key) != value for key, value in df.items()):
				to_write.setdefault(doctype, []).append(df)
	if to_write:
		create_custom_fields(to_write, update=True)


def remove_custom_fields() -> None:
	"""On uninstall: the field and its column (Frappe keeps a deleted Custom Field's column)."""
	for doctype, fields in CUSTOM_FIELDS.items():
		for df in fields:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": df["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, force=True, ignore_permissions=True)
			if frappe.db.has_column(doctype, df["fieldname"]):
				frappe.db.sql_ddl(f"alter table `tab{doctype}` drop column `{df['fieldname']}`")


def on_communication_update(doc, method=None) -> None:
	"""doc_events hook: a message Frappe has just received (saved again once its attachments are in)."""
	# Frappe inserts the Communication, saves the attachments on it, then saves it again with
	# ``_attachments`` set: that second save is the one with the files.
	if not doc.flags.in_receive or getattr(doc, "_attachments", None) is None or not _is_received_mail(doc):
		return
	unit = _receiving_unit(doc.email_account)
	if not unit:
		return
	key = _message_key(doc)
	if frappe.db.exists("DV Directive", {"email_message_id": key}):
		return  # the same message pulled again (another UID, a second account on the same mailbox)
	files = frappe.get_all(
		"File",
		filters={"attached_to_doctype": "Communication", "attached_to_name": doc.name, "is_folder": 0},
		fields=["name", "file_name", "file_size"],
		order_by="creation asc",
	)
	found = sort_attachments([Attachment(f.file_name or "", f.file_size or 0, f.name) for f in files])
	if not found.usable:
		_note(
			"Communication",
			doc.name,
			_("Thư không có tệp văn bản đọc được nên không tạo văn bản chỉ đạo.")
			+ ("\n" + refusal_note(found.refused) if found.refused else ""),
		)
		return
	draft = _draft_directive(doc, unit, key)
	urls = [_copy_file(attachment.key, draft.name) for attachment in found.usable]
	draft.db_set("attachment", urls[0], update_modified=False)
	if found.refused:
		_note("DV Directive", draft.name, _("Tệp không nhận từ thư:") + "\n" + refusal_note(found.refused))
	# The mail shows on the draft's timeline, and is exactly as visible as the draft.
	doc.db_set({"reference_doctype": "DV Directive", "reference_name": draft.name}, update_modified=False)


def _is_received_mail(doc) -> bool:
	return (
		doc.communication_medium == "Email"
		and doc.sent_or_received == "Received"
		and doc.communication_type == "Communication"
		and bool(doc.email_account)
	)


def _receiving_unit(email_account: str) -> str | None:
	if not frappe.db.has_column("Email Account", RECEIVING_FIELD):
		return None
	unit = frappe.db.get_value("Email Account", email_account, RECEIVING_FIELD)
	return unit if unit and frappe.db.exists("DV Unit", unit) else None


def _message_key(doc) -> str:
	return (doc.message_id or f"communication:{doc.name}")[:255]


def _draft_directive(communication, unit: str, key: str):
	received = getdate(communication.communication_date or nowdate())
	draft = frappe.new_doc("DV Directive")
	draft.update(
		{
			"title": provisional_title(communication.subject, received),
			"awaiting_import": 1,
			"receiving_unit": unit,
			"email_sender": (communication.sender or "")[:140],
			"email_message_id": key,
		}
	)
	draft.flags.ignore_mandatory = True
	# The mailbox, not a person, files it: permissions are the receiving unit's from here on.
	draft.insert(ignore_permissions=True)
	return draft


def _copy_file(file_name: str, directive: str) -> str:
	source = frappe.get_doc("File", file_name)
	copy = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": source.file_name,
			"attached_to_doctype": "DV Directive",
			"attached_to_name": directive,
			"is_private": 1,
			"content": source.get_content(),
		}
	)
	copy.insert(ignore_permissions=True)
	return copy.file_url


def _note(doctype: str, name: str, text: str) -> None:
	frappe.get_doc(
		{
			"doctype": "Comment",
			"comment_type": "Comment",
			"reference_doctype": doctype,
			"reference_name": name,
			"content": frappe.utils.escape_html(text).replace("\n", "<br>"),
		}
	).insert(ignore_permissions=True)
