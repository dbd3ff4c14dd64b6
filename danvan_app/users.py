"""DV users as Frappe users."""

import frappe

from danvan_app.domain import access

MODULE_PROFILE = "Cán bộ dân vận"


def set_dv_user_defaults(user, method=None):
	"""A user given a DV role is a Vietnamese official, not a site builder."""
	roles = {row.role for row in user.roles}
	if not roles & set(access.DV_ROLES):
		return
	speak_vietnamese(user)
	keep_building_tools_out(user, roles)


def speak_vietnamese(user):
	"""Frappe's own words in Vietnamese too, unless a language was chosen for the user."""
	if not user.language:
		user.language = "vi"


def keep_building_tools_out(user, roles: set[str]):
	"""Frappe's Website, Tools, Build and Integrations workspaces mean nothing to an official: the app's
	module profile hides them, unless the user manages the site or was given another profile."""
	if (
		"System Manager" in roles
		or user.module_profile
		or not frappe.db.exists("Module Profile", MODULE_PROFILE)
	):
		return
	user.module_profile = MODULE_PROFILE
	user.validate_allowed_modules()  # Frappe copies a profile's blocked modules in validate, which ran


def users_with_role(role: str, *, limit: int | None = None) -> list[str]:
	"""Enabled users holding ``role`` (Administrator aside), in one query."""
	HasRole, User = frappe.qb.DocType("Has Role"), frappe.qb.DocType("User")
	query = (
		frappe.qb.from_(HasRole)
		.join(User)
		.on(HasRole.parent == User.name)
		.select(User.name)
		.distinct()
		.where(
			(HasRole.role == role)
			& (HasRole.parenttype == "User")
			& (User.enabled == 1)
			& (User.name != "Administrator")
		)
	)
	return (query.limit(limit) if limit else query).run(pluck=True)
