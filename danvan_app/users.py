"""DV users as Frappe users."""

import frappe

from danvan_app.domain import access


def speak_vietnamese(user, method=None):
	"""DV users are Vietnamese officials: a user given a DV role reads Frappe's own words in Vietnamese too
	(unless a language was chosen for them)."""
	if not user.language and {row.role for row in user.roles} & set(access.DV_ROLES):
		user.language = "vi"


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
