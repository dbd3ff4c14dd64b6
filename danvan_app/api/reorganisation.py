"""A reorganisation's preview and undo (applying it is submitting it)."""

import frappe
from frappe import _

from danvan_app import reorganisation
from danvan_app.api import arguments
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.exceptions import ReorganisationError


def _reorganisation(name, right: str):
	name = arguments.name(name, _("Quyết định sắp xếp"))
	if not frappe.db.exists("DV Reorganisation", name) or not frappe.has_permission(
		"DV Reorganisation", "read", doc=name
	):
		frappe.throw(_("Không tìm thấy quyết định sắp xếp này."), frappe.DoesNotExistError)
	doc = frappe.get_doc("DV Reorganisation", name)
	doc.check_permission(right)
	return doc


@frappe.whitelist(methods=["POST"])
def preview(reorganisation_name=None) -> dict:
	"""Counts, per old → new pair, of what the reorganisation would move and what stays; a draft becomes
	"previewed" (it may then be submitted) and keeps the summary."""
	doc = _reorganisation(reorganisation_name, "write")
	result = reorganisation.preview(doc)
	result["summary"] = reorganisation.summary(doc, result)
	if doc.docstatus == 0:
		doc.db_set(
			{"status": reorg_rules.STATUS_PREVIEWED, "preview_summary": result["summary"]},
			update_modified=False,
		)
	return result


@frappe.whitelist(methods=["POST"])
def undo(reorganisation_name=None) -> str:
	"""Undo an applied reorganisation within the window of DV Settings, if nothing new was recorded since."""
	doc = _reorganisation(reorganisation_name, "submit")
	if doc.docstatus != 1:
		frappe.throw(_("Chỉ hoàn tác được quyết định sắp xếp đã áp dụng."), ReorganisationError)
	reorganisation.undo(doc)
	return doc.name
