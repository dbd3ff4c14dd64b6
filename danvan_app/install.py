"""Install / uninstall hooks."""

import frappe

from danvan_app.hooks import DV_ROLES


def before_uninstall():
	"""Remove the roles the app brought, so an uninstalled site keeps no trace of them."""
	for role in DV_ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		frappe.delete_doc("Role", role, force=True, ignore_missing=True, ignore_permissions=True)
