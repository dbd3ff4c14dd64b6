"""Who may do what: role rights per DocType, and unit-subtree scope per document.

Frappe decides the role part from each DocType's permission rows, and the app asks Frappe
(``frappe.has_permission``), so an administrator's change in the Role Permission Manager is obeyed;
``ROLE_RIGHTS`` only states the rows as shipped, as the expected values of a test that reads every DocType
JSON. The scope part is :func:`may_access`: the
hooks in ``danvan_app.permissions`` call it for one document and build the same rule as SQL for lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ADMIN = "DV Administrator"
MANAGER = "DV Unit Manager"
OFFICER = "DV Officer"
REVIEWER = "DV Reviewer"
VIEWER = "DV Viewer"
SYSTEM_MANAGER = "System Manager"
DV_ROLES = (ADMIN, MANAGER, OFFICER, REVIEWER, VIEWER)
# Roles that see every unit: the provincial Ban Dân vận administrators and the site's own managers.
UNRESTRICTED_ROLES = frozenset({ADMIN, SYSTEM_MANAGER, "Administrator"})

READ = frozenset({"read", "report", "export", "print", "email"})
WRITE = READ | {"write", "create", "share"}
FULL = WRITE | {"delete", "import"}
SUBMIT = frozenset({"submit", "cancel", "amend"})

MASTER_RIGHTS = {ADMIN: FULL, MANAGER: READ, OFFICER: READ, REVIEWER: READ, VIEWER: READ}

ROLE_RIGHTS: dict[str, dict[str, frozenset[str]]] = {
	"DV Unit": {ADMIN: FULL, MANAGER: READ | {"write"}, OFFICER: READ, REVIEWER: READ, VIEWER: READ},
	"DV Unit Kind": MASTER_RIGHTS,
	"DV Admin Level": MASTER_RIGHTS,
	"DV Kheo Field": MASTER_RIGHTS,
	"DV Evaluation Template": MASTER_RIGHTS,
	"DV Settings": {
		ADMIN: frozenset({"read", "write", "print", "email", "share"}),
		MANAGER: frozenset({"read"}),
	},
	"DV Directive": {ADMIN: FULL, MANAGER: WRITE, OFFICER: READ, REVIEWER: READ, VIEWER: READ},
	"DV Task": {ADMIN: FULL, MANAGER: FULL, OFFICER: WRITE, REVIEWER: READ, VIEWER: READ},
	"DV Kheo Target": MASTER_RIGHTS,
	# A model is submitted when the supervising body recognises it (or not): the Workflow's last step.
	"DV Kheo Model": {
		ADMIN: FULL | SUBMIT,
		MANAGER: WRITE | {"submit"},
		OFFICER: WRITE,
		REVIEWER: READ | {"write"},
		VIEWER: READ,
	},
	"DV Commendation": {ADMIN: FULL, MANAGER: WRITE, OFFICER: READ, REVIEWER: READ, VIEWER: READ},
	"DV Inspection": {ADMIN: FULL, MANAGER: WRITE, OFFICER: WRITE, REVIEWER: READ, VIEWER: READ},
	"DV Evaluation Cycle": {ADMIN: FULL, MANAGER: WRITE, OFFICER: READ, REVIEWER: READ, VIEWER: READ},
	"DV Evaluation": {
		ADMIN: FULL | SUBMIT,
		MANAGER: WRITE | {"submit"},
		OFFICER: WRITE,
		REVIEWER: READ | {"write"},
		VIEWER: READ,
	},
	# A reorganisation of the tree moves every unit's work and access: administrators only, never imported.
	"DV Reorganisation": {ADMIN: (FULL - {"import"}) | SUBMIT},
}
SUBMITTABLE = frozenset({"DV Evaluation", "DV Kheo Model", "DV Reorganisation"})
# Not read by every DV role: the settings (administrators and managers), reorganisations (administrators).
NOT_FOR_EVERY_ROLE = frozenset({"DV Settings", "DV Reorganisation"})
# System Manager keeps full rights everywhere, as on every Frappe DocType.
for _doctype, _rights in ROLE_RIGHTS.items():
	_rights[SYSTEM_MANAGER] = (
		_rights[ADMIN]
		if _doctype in NOT_FOR_EVERY_ROLE
		else FULL | (SUBMIT if _doctype in SUBMITTABLE else frozenset())
	)

READ_ACTIONS = frozenset({"read", "select", "report", "export", "print", "email"})

# The DocTypes whose records belong to units, and the field naming the unit that owns each record.
OWNING_FIELD = {
	"DV Unit": "name",
	"DV Task": "presiding_unit",
	"DV Directive": "issuing_unit",
	"DV Kheo Model": "registering_unit",
	"DV Evaluation": "evaluated_unit",
	"DV Commendation": "commended_unit",
	"DV Inspection": "inspecting_unit",
	"DV Evaluation Cycle": "evaluating_unit",
}
SCOPED_DOCTYPES = frozenset(OWNING_FIELD)
# Child tables of scoped DocTypes: exactly as visible as their parent (a static test checks the list is
# complete against the DocType JSON).
CHILD_TABLES = {
	"DV Task Coordinating Unit": "DV Task",
	"DV Task Progress": "DV Task",
	"DV Task Extension": "DV Task",
	"DV Task Explanation": "DV Task",
	"DV Directive Reference": "DV Directive",
	"DV Evaluation Score": "DV Evaluation",
	"DV Kheo Monitoring": "DV Kheo Model",
	"DV Inspection Unit": "DV Inspection",
	"DV Evaluation Cycle Kind": "DV Evaluation Cycle",
	"DV Evaluation Cycle Level": "DV Evaluation Cycle",
	"DV Unit Successor": "DV Unit",
	"DV Unit Alias": "DV Unit",
	"DV Unit Parent Period": "DV Unit",
}
# Frappe's records about another document (its files, comments, versions, mail, assignments), as
# (DocType field, name field): one about a scoped document is as visible as that document.
RELATED_RECORDS = {
	"File": ("attached_to_doctype", "attached_to_name"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Version": ("ref_doctype", "docname"),
	"ToDo": ("reference_type", "reference_name"),
}


@dataclass(frozen=True)
class UserScope:
	"""The units a user acts for: every unit granted to them, expanded to descendants where granted so."""

	user: str
	roles: frozenset[str]
	units: frozenset[str] = frozenset()

	@property
	def unrestricted(self) -> bool:
		return bool(self.roles & UNRESTRICTED_ROLES)


@dataclass(frozen=True)
class DocScope:
	"""The units a document belongs to.

	``owning``: the units whose document it is (a task's presiding unit, a directive's issuing unit, a
	model's registering unit, an evaluation's evaluated unit). ``participating``: units that take part but do
	not own it (a task's coordinating units; the units a directive assigns tasks to). ``reviewer``: the user
	assigned to review it. ``public``: reference documents every DV user may read (a directive of the
	Central Committee that no unit of the tree issued).
	"""

	owning: frozenset[str] = frozenset()
	participating: frozenset[str] = frozenset()
	reviewer: str | None = None
	public: bool = False


def scope_of(
	*, owning: Iterable[str | None] = (), participating: Iterable[str | None] = (), **kw
) -> DocScope:
	# Only names count: a value a client sent as a list or a dict names no unit.
	return DocScope(
		owning=frozenset(u for u in owning if u and isinstance(u, str)),
		participating=frozenset(u for u in participating if u and isinstance(u, str)),
		**kw,
	)


def may_access(user: UserScope, doc: DocScope, action: str) -> bool:
	"""May ``user`` do ``action`` on ``doc`` as far as units go (roles are checked separately).

	Reading needs one of the doc's units (owning or participating) in the user's scope, or to be its
	reviewer, or the doc to be public. Changing it needs an owning unit in scope; a reviewer may also
	write (review scores). Participating units read, and report their part through their own action.
	"""
	if user.unrestricted:
		return True
	if action in READ_ACTIONS:
		return bool(
			doc.public
			or user.units & (doc.owning | doc.participating)
			or (doc.reviewer and doc.reviewer == user.user)
		)
	if action == "write" and doc.reviewer and doc.reviewer == user.user:
		return True
	return bool(user.units & doc.owning)


def may_report_progress(user: UserScope, unit: str, doc: DocScope) -> bool:
	"""A unit reports progress on a task it presides or coordinates, and only for itself."""
	if unit not in doc.owning | doc.participating:
		return False
	return user.unrestricted or unit in user.units


def may_act_for(user: UserScope, unit: str | None) -> bool:
	"""May the user act on behalf of ``unit`` (decide its extensions, ask or answer in its name)?
	A task with no such unit is decided by the unrestricted administrators only."""
	return user.unrestricted or bool(unit and unit in user.units)


def may_act_above(user: UserScope, ancestors: Iterable[str]) -> bool:
	"""May the user act for a unit strictly above another one (given that unit's ancestors)? Reviewers of a
	unit's evaluation are named from above: a unit never picks its own reviewer."""
	return user.unrestricted or bool(user.units & set(ancestors))


def may_set_assigning_unit(user: UserScope, chosen: str | None, derived: str | None) -> bool:
	"""The assigning unit of a new task is the one its directive or parent task gives, or one the user acts
	for (a unit assigns its own work); never a unit the user does not act for, such as a superior."""
	return not chosen or chosen == derived or may_act_for(user, chosen)
