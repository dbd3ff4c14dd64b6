import json
from itertools import product
from pathlib import Path

import pytest

from danvan_app.domain import access as a

APP = Path(__file__).resolve().parents[1] / "danvan_app"
RIGHTS = (
	"read",
	"write",
	"create",
	"delete",
	"submit",
	"cancel",
	"amend",
	"report",
	"export",
	"import",
	"print",
	"email",
	"share",
)

TREE = {"TINH": ["H1", "H2", "X11", "X12", "X21", "X22"], "H1": ["X11", "X12"], "H2": ["X21", "X22"]}


def scope(*grants, roles=(a.OFFICER,), user="u@x"):
	"""A user's scope as Frappe's User Permissions give it: each grant, with its subtree when asked."""
	units = set()
	for unit, with_descendants in grants:
		units |= {unit, *(TREE.get(unit, ()) if with_descendants else ())}
	return a.UserScope(user=user, roles=frozenset(roles), units=frozenset(units))


def test_grants_expand_to_descendants_only_when_asked():
	assert scope(("H1", True)).units == {"H1", "X11", "X12"}
	assert scope(("H1", False)).units == {"H1"}
	assert scope(("X11", True), ("X22", True)).units == {"X11", "X22"}


def test_district_sees_its_communes_but_never_a_siblings_data():
	district = scope(("H1", True))
	for unit in ("H1", "X11", "X12"):
		assert a.may_access(district, a.scope_of(owning=[unit]), "read")
		assert a.may_access(district, a.scope_of(owning=[unit]), "write")
	for unit in ("H2", "X21", "TINH"):
		assert not a.may_access(district, a.scope_of(owning=[unit]), "read")


def test_coordinating_unit_reads_but_does_not_change_the_task():
	commune = scope(("X21", True))
	task = a.scope_of(owning=["H1"], participating=["X21"])
	assert a.may_access(commune, task, "read")
	assert not a.may_access(commune, task, "write")
	assert not a.may_access(commune, task, "delete")
	assert a.may_report_progress(commune, "X21", task)
	assert not a.may_report_progress(commune, "H1", task)  # not on behalf of the presiding unit
	assert not a.may_report_progress(commune, "X22", task)  # X22 takes no part


def test_reviewer_reads_and_scores_only_what_is_assigned():
	reviewer = scope(roles=(a.REVIEWER,), user="rev@x")
	assigned = a.scope_of(owning=["X11"], reviewer="rev@x")
	other = a.scope_of(owning=["X11"], reviewer="someone@x")
	assert a.may_access(reviewer, assigned, "read") and a.may_access(reviewer, assigned, "write")
	assert not a.may_access(reviewer, assigned, "delete")
	assert not a.may_access(reviewer, other, "read")


def test_administrators_are_unrestricted_and_an_ungranted_user_sees_nothing():
	assert a.may_access(scope(roles=(a.ADMIN,)), a.scope_of(owning=["X22"]), "delete")
	assert a.may_access(scope(roles=(a.SYSTEM_MANAGER,)), a.scope_of(owning=["X22"]), "write")
	nobody = scope()
	assert not a.may_access(nobody, a.scope_of(owning=["X22"]), "read")
	assert a.may_access(nobody, a.scope_of(public=True), "read")
	assert not a.may_access(nobody, a.scope_of(public=True), "write")


@pytest.mark.parametrize(
	("grant", "owner", "action"),
	list(product(["TINH", "H1", "X11"], ["TINH", "H1", "H2", "X11", "X21"], ["read", "write", "delete"])),
)
def test_access_follows_the_subtree(grant, owner, action):
	user = scope((grant, True))
	in_subtree = owner == grant or owner in TREE.get(grant, [])
	assert a.may_access(user, a.scope_of(owning=[owner]), action) == in_subtree


def rights(doctype: str, *roles: str) -> set[str]:
	return set().union(*(a.ROLE_RIGHTS[doctype].get(role, ()) for role in roles))


def test_role_rights_read_only_roles():
	for doctype in a.ROLE_RIGHTS:
		assert "write" not in rights(doctype, a.VIEWER), doctype
		# Leaders read all the work; the settings and reorganisations are for administrators (and managers).
		assert ("read" in rights(doctype, a.VIEWER)) == (doctype not in a.NOT_FOR_EVERY_ROLE), doctype
	assert "submit" in rights("DV Evaluation", a.MANAGER)
	assert "submit" not in rights("DV Evaluation", a.OFFICER)
	assert "cancel" not in rights("DV Evaluation", a.MANAGER, a.OFFICER)


def doctype_jsons():
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		doc = json.loads(path.read_text())
		if doc.get("doctype") == "DocType" and not doc.get("istable"):
			yield doc


def test_every_doctype_permission_row_is_the_role_matrix():
	seen = set()
	for doc in doctype_jsons():
		seen.add(doc["name"])
		in_json = {row["role"]: {r for r in RIGHTS if row.get(r)} for row in doc["permissions"]}
		expected = {role: set(rights) for role, rights in a.ROLE_RIGHTS[doc["name"]].items()}
		assert in_json == expected, doc["name"]
	assert seen == set(a.ROLE_RIGHTS)


def test_acting_for_a_unit():
	district = scope(("H1", True))
	assert a.may_act_for(district, "X11")
	assert not a.may_act_for(district, "TINH")
	assert not a.may_act_for(district, None)
	assert a.may_act_for(scope(roles=(a.ADMIN,)), None)


def test_a_reviewer_is_named_from_above_never_by_the_unit_itself():
	district = scope(("H1", True))
	assert a.may_act_above(district, ["H1", "TINH"])  # X11's ancestors
	assert not a.may_act_above(district, ["TINH"])  # H1's own ancestors: H1 cannot name its reviewer
	assert a.may_act_above(scope(roles=(a.ADMIN,)), [])


def test_a_new_task_names_an_assigning_unit_only_if_the_user_acts_for_it():
	commune = scope(("X11", True))
	assert a.may_set_assigning_unit(commune, None, "TINH")
	assert a.may_set_assigning_unit(commune, "TINH", "TINH")  # the directive's issuer, as derived
	assert a.may_set_assigning_unit(commune, "X11", None)  # its own work
	assert a.may_set_assigning_unit(commune, "X11", "TINH")  # its own plan under the directive
	assert not a.may_set_assigning_unit(commune, "H1", "TINH")  # never in its superior's name
	assert not a.may_set_assigning_unit(commune, "H2", None)


def test_every_child_table_of_a_scoped_doctype_is_scoped_with_its_parent():
	tables = {}
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		doc = json.loads(path.read_text())
		if doc.get("doctype") != "DocType" or doc["name"] not in a.SCOPED_DOCTYPES:
			continue
		for field in doc["fields"]:
			if field["fieldtype"] in ("Table", "Table MultiSelect"):
				tables[field["options"]] = doc["name"]
	assert tables == a.CHILD_TABLES


def test_every_scoped_doctype_names_its_owning_field():
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		doc = json.loads(path.read_text())
		if doc.get("doctype") == "DocType" and doc["name"] in a.OWNING_FIELD:
			field = a.OWNING_FIELD[doc["name"]]
			assert field == "name" or any(
				f["fieldname"] == field and f["options"] == "DV Unit" for f in doc["fields"]
			), doc["name"]
