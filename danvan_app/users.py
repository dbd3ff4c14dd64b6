"""DV users as Frappe users."""

from danvan_app.domain import access


def speak_vietnamese(user, method=None):
	"""DV users are Vietnamese officials: a user given a DV role reads Frappe's own words in Vietnamese too
	(unless a language was chosen for them)."""
	if not user.language and {row.role for row in user.roles} & set(access.DV_ROLES):
		user.language = "vi"
