"""The shape of a REST body for a DV DocType, checked before Frappe builds a document from it.

Frappe's ``/api/resource`` (and ``/api/v2/document``) turns the body into a document before any
controller runs, and fails with an HTTP 500 on a body that is a list, a child table given as text or as a
dict, a row that is not an object, or a name that is not a string. This ``before_request`` hook refuses
those bodies for DV DocTypes in Vietnamese (HTTP 417); every value inside is then the value guard's.
"""

import re

import frappe
from frappe import _

from danvan_app.exceptions import FieldValueError

RESOURCE = re.compile(r"^/api/(?:resource|v2/document)/(DV [^/]+)(?:/([^/]*))?/?$")
# docstatus moves Draft → Submitted → Cancelled, and only on submittable DocTypes.
ALLOWED_DOCSTATUS = {None: {0, 1}, 0: {0, 1}, 1: {1, 2}, 2: {2}}


def refuse(message: str):
	frappe.throw(message, exc=FieldValueError, title=_("Dữ liệu không hợp lệ"))


def check_dv_resource_body():
	request = getattr(frappe.local, "request", None)
	if request is None or request.method not in ("POST", "PUT", "PATCH"):
		return
	match = RESOURCE.match(request.path or "")
	if not match or not frappe.db.exists("DocType", match[1]):
		return
	from frappe.api.v1 import get_request_form_data

	body = get_request_form_data()
	if not isinstance(body, dict):
		refuse(_("Dữ liệu gửi lên phải là một đối tượng (các trường và giá trị), không phải một danh sách."))
	for key in ("name", "doctype"):
		if body.get(key) is not None and not isinstance(body[key], str):
			refuse(_("{0} phải là một chuỗi ký tự.").format(key))
	doctype, name = match[1], match[2]
	meta = frappe.get_meta(doctype)
	stored = None
	if name and request.method != "POST":
		stored = frappe.db.get_value(doctype, name, "docstatus") if not meta.issingle else 0
		if stored is None:
			frappe.throw(_("Không tìm thấy {0} «{1}».").format(_(doctype), name), frappe.DoesNotExistError)
	check_docstatus(body.get("docstatus"), stored, meta.is_submittable)
	for df in meta.get_table_fields():
		rows = body.get(df.fieldname)
		if rows is None:
			continue
		if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
			refuse(_("{0}: cần một danh sách các dòng, mỗi dòng là một đối tượng.").format(_(df.label)))


def check_docstatus(wanted, stored, submittable: bool):
	"""A body may keep the docstatus, or submit a draft and cancel a submitted record of a submittable
	DocType; anything else is refused in Vietnamese before Frappe's own English refusal."""
	if wanted is None or wanted == "":
		return
	try:
		wanted = int(wanted)
	except (TypeError, ValueError):
		refuse(_("Trạng thái bản ghi (docstatus) chỉ nhận 0, 1 hoặc 2."))
	allowed = ALLOWED_DOCSTATUS.get(stored, set()) if submittable else {0}
	if wanted not in allowed:
		refuse(
			_(
				"Không thể chuyển bản ghi sang trạng thái {0} bằng cách này: hãy dùng thao tác Gửi hoặc Hủy."
			).format(wanted)
		)
