"""tools/meta_check.py: the real app passes, and every registered check bites on a minimal broken app.

Each bite test builds two small apps in tmp_path from `good_spec()`: the untouched ("fixed") one must
give no problem, the mutated ("broken") one must give problems from exactly the expected check(s),
one of them carrying the expected text. A coverage test makes sure no registered check goes untested.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tools import meta_check
from tools.meta_check import check_app

REPO = Path(__file__).resolve().parents[1]
Spec = dict[str, Any]  # relative path -> JSON value (dict/list) or file text (str)


# --- building small apps ------------------------------------------------------------------------


def field(fieldname: str, fieldtype: str, **props: Any) -> dict[str, Any]:
	return {"fieldname": fieldname, "fieldtype": fieldtype, "label": fieldname.title(), **props}


def perm(role: str, **rights: int) -> dict[str, Any]:
	return {"role": role, "permlevel": 0, **(rights or {"read": 1})}


def doctype(name: str, fields: list[dict[str, Any]], **props: Any) -> dict[str, Any]:
	return {
		"doctype": "DocType",
		"name": name,
		"module": "Alpha Mod",
		"field_order": [f["fieldname"] for f in fields],
		"fields": fields,
		"permissions": [],
		**props,
	}


def controller(name: str, base: str = "Document") -> str:
	module = "frappe.utils.nestedset" if base == "NestedSet" else "frappe.model.document"
	return f"from {module} import {base}\n\n\nclass {meta_check.controller_class(name)}({base}):\n\tpass\n"


def add_doctype(
	spec: Spec, data: dict[str, Any], base: str = "Document", module_dir: str = "alpha_mod"
) -> None:
	folder = f"{module_dir}/doctype/{meta_check.scrub(data['name'])}"
	spec[f"{folder}/{meta_check.scrub(data['name'])}.json"] = data
	spec[f"{folder}/{meta_check.scrub(data['name'])}.py"] = controller(data["name"], base)


def good_spec() -> Spec:
	"""A small app touching every feature the checker looks at, and passing every check."""
	spec: Spec = {"modules.txt": "Alpha Mod\n", "alpha_mod/__init__.py": ""}
	widget_fields = [
		field("naming_series", "Select", options="WID-.YYYY.-\nWX-.#####"),
		field("title", "Data", reqd=1, in_list_view=1),
		field("kind", "Select", options="A\nB", default="A"),
		field("unit", "Link", options="Widget Group"),
		field("group_label", "Data", fetch_from="unit.group_name", read_only=1),
		field("owner_user", "Link", options="User"),
		field("ref_type", "Link", options="DocType"),
		field("ref_name", "Dynamic Link", options="ref_type"),
		field("fold_here", "Fold"),
		field("details_section", "Section Break"),
		field("notes", "Small Text"),
		field("amount", "Currency", precision="2"),
		field("due_date", "Date"),
		field("score", "Rating", options="5"),
		field("email", "Data", options="Email"),
		field("image", "Attach Image", hidden=1),
		field("parts", "Table", options="Widget Part"),
		field("tags", "Table MultiSelect", options="Widget Tag"),
		field("roles_table", "Table", options="Has Role"),
		field("amended_from", "Link", options="Widget", read_only=1, no_copy=1),
	]
	add_doctype(
		spec,
		doctype(
			"Widget",
			widget_fields,
			autoname="naming_series:",
			naming_rule='By "Naming Series" field',
			is_submittable=1,
			allow_import=1,
			title_field="title",
			search_fields="title,kind",
			sort_field="modified",
			sort_order="DESC",
			image_field="image",
			timeline_field="owner_user",
			links=[{"link_doctype": "Widget Group", "link_fieldname": "group_name"}],
			permissions=[
				perm("Widget Maker", read=1, write=1, create=1, submit=1, cancel=1, amend=1, **{"import": 1}),
				perm("Widget Maker", read=1, write=1) | {"permlevel": 1},
				perm("System Manager"),
			],
		),
	)
	group_fields = [
		field("group_name", "Data", reqd=1, unique=1),
		field("parent_widget_group", "Link", options="Widget Group"),
		field("is_group", "Check", default="0"),
		field("lft", "Int", hidden=1, read_only=1),
		field("rgt", "Int", hidden=1, read_only=1),
		field("old_parent", "Link", options="Widget Group", hidden=1),
	]
	group = doctype(
		"Widget Group",
		group_fields,
		autoname="field:group_name",
		naming_rule="By fieldname",
		is_tree=1,
		nsm_parent_field="parent_widget_group",
		permissions=[perm("System Manager", read=1, write=1, create=1)],
	)
	add_doctype(spec, group, base="NestedSet")
	part = doctype(
		"Widget Part", [field("part_name", "Data"), field("qty", "Float", precision="3")], istable=1
	)
	add_doctype(spec, part)
	add_doctype(spec, doctype("Widget Tag", [field("group", "Link", options="Widget Group")], istable=1))
	report = {
		"doctype": "Report",
		"name": "Widget Summary",
		"report_name": "Widget Summary",
		"module": "Alpha Mod",
		"ref_doctype": "Widget",
		"report_type": "Script Report",
		"is_standard": "Yes",
		"roles": [{"role": "Widget Maker"}, {"role": "System Manager"}],
	}
	spec["alpha_mod/report/widget_summary/widget_summary.json"] = report
	spec["alpha_mod/report/widget_summary/widget_summary.py"] = (
		"def execute(filters=None):\n\treturn [], []\n"
	)
	spec["alpha_mod/number_card/open_widgets/open_widgets.json"] = {
		"doctype": "Number Card",
		"name": "Open Widgets",
		"label": "Open Widgets",
		"module": "Alpha Mod",
		"is_standard": 1,
		"type": "Document Type",
		"document_type": "Widget",
		"function": "Sum",
		"aggregate_function_based_on": "amount",
	}
	spec["alpha_mod/dashboard_chart/widgets_by_month/widgets_by_month.json"] = {
		"doctype": "Dashboard Chart",
		"name": "Widgets By Month",
		"chart_name": "Widgets By Month",
		"module": "Alpha Mod",
		"is_standard": 1,
		"chart_type": "Sum",
		"document_type": "Widget",
		"based_on": "creation",
		"value_based_on": "amount",
		"timeseries": 1,
		"roles": [{"role": "Widget Maker"}],
	}
	spec["alpha_mod/notification/widget_changed/widget_changed.json"] = {
		"doctype": "Notification",
		"name": "Widget Changed",
		"module": "Alpha Mod",
		"is_standard": 1,
		"channel": "System Notification",
		"document_type": "Widget",
		"event": "Value Change",
		"value_changed": "kind",
		"recipients": [{"receiver_by_role": "Widget Maker"}, {"receiver_by_document_field": "owner_user"}],
	}
	spec["alpha_mod/print_format/widget_print/widget_print.json"] = {
		"doctype": "Print Format",
		"name": "Widget Print",
		"module": "Alpha Mod",
		"doc_type": "Widget",
		"standard": "Yes",
	}
	spec["alpha_mod/workspace/alpha/alpha.json"] = {
		"doctype": "Workspace",
		"name": "Alpha",
		"label": "Alpha",
		"title": "Alpha",
		"module": "Alpha Mod",
		"links": [
			{"type": "Card Break", "label": "Widgets"},
			{"type": "Link", "label": "Widget", "link_type": "DocType", "link_to": "Widget"},
			{"type": "Link", "label": "Summary", "link_type": "Report", "link_to": "Widget Summary"},
			{"type": "Link", "label": "Users", "link_type": "DocType", "link_to": "User"},
		],
		"shortcuts": [{"type": "Report", "label": "ToDo", "link_to": "ToDo"}],
		"charts": [{"chart_name": "Widgets By Month"}],
		"number_cards": [{"number_card_name": "Open Widgets"}],
		"quick_lists": [{"document_type": "Widget", "label": "Widgets"}],
		"roles": [{"role": "Widget Maker"}],
	}
	spec["fixtures/role.json"] = [{"doctype": "Role", "name": "Widget Maker", "role_name": "Widget Maker"}]
	spec["fixtures/workflow_state.json"] = [
		{"doctype": "Workflow State", "name": "Returned", "workflow_state_name": "Returned"}
	]
	spec["fixtures/workflow_action_master.json"] = [
		{"doctype": "Workflow Action Master", "name": "Return", "workflow_action_name": "Return"}
	]
	spec["fixtures/workflow.json"] = [
		{
			"doctype": "Workflow",
			"name": "Widget Approval",
			"workflow_name": "Widget Approval",
			"document_type": "Widget",
			"workflow_state_field": "workflow_state",
			"states": [
				{"state": "Pending", "doc_status": "0", "allow_edit": "Widget Maker"},
				{"state": "Returned", "doc_status": "0", "allow_edit": "Widget Maker"},
				{"state": "Approved", "doc_status": "1", "allow_edit": "System Manager"},
				{"state": "Rejected", "doc_status": "2", "allow_edit": "System Manager"},
			],
			"transitions": [
				{
					"state": "Pending",
					"action": "Approve",
					"next_state": "Approved",
					"allowed": "System Manager",
				},
				{
					"state": "Pending",
					"action": "Return",
					"next_state": "Returned",
					"allowed": "System Manager",
				},
				{
					"state": "Approved",
					"action": "Reject",
					"next_state": "Rejected",
					"allowed": "System Manager",
				},
			],
		}
	]
	spec["fixtures/assignment_rule.json"] = [
		{
			"doctype": "Assignment Rule",
			"name": "Widget Owner",
			"document_type": "Widget",
			"rule": "Based on Field",
			"field": "owner_user",
			"due_date_based_on": "due_date",
		}
	]
	spec["fixtures/custom_field.json"] = [
		{
			"doctype": "Custom Field",
			"name": "User-widget",
			"dt": "User",
			"fieldname": "widget",
			"fieldtype": "Link",
		}
	]
	spec["fixtures/property_setter.json"] = [
		{"doctype": "Property Setter", "name": "User-main-sort", "doc_type": "User", "property": "sort_field"}
	]
	spec["fixtures/widget_group.json"] = [{"doctype": "Widget Group", "name": "All Groups", "is_group": 1}]
	return spec


def build(root: Path, spec: Spec) -> Path:
	app = root / "alpha_app"
	for rel, content in spec.items():
		path = app / rel
		path.parent.mkdir(parents=True, exist_ok=True)
		text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False, indent=1)
		path.write_text(text, encoding="utf-8")
	return app


# --- mutation helpers ---------------------------------------------------------------------------


def dt(spec: Spec, name: str) -> dict[str, Any]:
	return next(
		v
		for v in spec.values()
		if isinstance(v, dict) and v.get("doctype") == "DocType" and v["name"] == name
	)


def fld(spec: Spec, doctype_name: str, fieldname: str) -> dict[str, Any]:
	return next(f for f in dt(spec, doctype_name)["fields"] if f.get("fieldname") == fieldname)


def add_field(spec: Spec, doctype_name: str, f: dict[str, Any]) -> None:
	d = dt(spec, doctype_name)
	d["fields"].append(f)
	if f.get("fieldname"):
		d["field_order"].append(f["fieldname"])


def drop_field(spec: Spec, doctype_name: str, fieldname: str) -> None:
	d = dt(spec, doctype_name)
	d["fields"] = [f for f in d["fields"] if f.get("fieldname") != fieldname]
	d["field_order"].remove(fieldname)


def rename_field(spec: Spec, doctype_name: str, old: str, new: str) -> None:
	d = dt(spec, doctype_name)
	fld(spec, doctype_name, old)["fieldname"] = new
	d["field_order"][d["field_order"].index(old)] = new


def set_field(doctype_name: str, fieldname: str, **props: Any) -> Callable[[Spec], None]:
	return lambda spec: fld(spec, doctype_name, fieldname).update(props)


def set_doc(path: str, **props: Any) -> Callable[[Spec], None]:
	return lambda spec: spec[path].update(props)


def set_dt(name: str, **props: Any) -> Callable[[Spec], None]:
	return lambda spec: dt(spec, name).update(props)


def fixture(spec: Spec, name: str, i: int = 0) -> dict[str, Any]:
	return spec[f"fixtures/{name}.json"][i]


def set_fixture(name: str, **props: Any) -> Callable[[Spec], None]:
	return lambda spec: fixture(spec, name).update(props)


def set_perm(i: int, **props: Any) -> Callable[[Spec], None]:
	return lambda spec: dt(spec, "Widget")["permissions"][i].update(props)


def seq(*steps: Callable[[Spec], None]) -> Callable[[Spec], None]:
	def run(spec: Spec) -> None:
		for step in steps:
			step(spec)

	return run


def add_module(spec: Spec) -> None:
	spec["modules.txt"] += "Beta Mod\n"
	spec["beta_mod/__init__.py"] = ""


WF = "fixtures/workflow.json"
PF = "alpha_mod/print_format/widget_print/widget_print.json"
NC = "alpha_mod/number_card/open_widgets/open_widgets.json"
CH = "alpha_mod/dashboard_chart/widgets_by_month/widgets_by_month.json"
NT = "alpha_mod/notification/widget_changed/widget_changed.json"
WS = "alpha_mod/workspace/alpha/alpha.json"
RP = "alpha_mod/report/widget_summary/widget_summary.json"


def workflow(spec: Spec) -> dict[str, Any]:
	return spec[WF][0]


# --- cases ------------------------------------------------------------------------------------------


@dataclass
class Case:
	id: str
	check: str
	mutate: Callable[[Spec], None]
	expect: str
	also: frozenset[str] = frozenset()  # other checks the same breakage legitimately trips


def c(id: str, check: str, mutate: Callable[[Spec], None], expect: str, also: tuple[str, ...] = ()) -> Case:
	"""A case; `check` and `also` name registered checks without their "check_" prefix."""
	full = {n: n if n == "load" else f"check_{n}" for n in (check, *also)}
	return Case(id, full[check], mutate, expect, frozenset(full[n] for n in also))


CASES = [
	# loading
	c("bad-json", "load", lambda s: s.update({"alpha_mod/doctype/junk/junk.json": "{oops"}), "invalid JSON"),
	c("json-not-object", "load", lambda s: s.update({"alpha_mod/doctype/junk/junk.json": []}), "JSON object"),
	c(
		"folder-without-json",
		"load",
		lambda s: s.update({"alpha_mod/doctype/junk/__init__.py": ""}),
		"no junk.json",
	),
	c(
		"fixture-no-name",
		"load",
		lambda s: s["fixtures/role.json"].append({"doctype": "Role"}),
		"needs 'doctype' and 'name'",
	),
	c("fixture-not-list", "load", lambda s: s.update({"fixtures/x.json": "3"}), "list of records"),
	# layout & identity
	c(
		"module-no-package",
		"modules",
		lambda s: s.update({"modules.txt": "Alpha Mod\nBeta Mod\n"}),
		"no package",
	),
	c(
		"modules-empty",
		"modules",
		lambda s: s.update({"modules.txt": "\n"}),
		"missing or empty",
		also=("module_record_identity",),
	),
	c(
		"records-outside-modules",
		"modules",
		lambda s: s.update({"gamma/print_format/gp/gp.json": {**s[PF], "name": "GP"}}),
		"no module in modules.txt",
		also=("module_record_identity",),
	),
	c(
		"wrong-doctype-key",
		"module_record_identity",
		set_doc(PF, doctype="Property Setter"),
		"must be 'Print Format'",
	),
	c(
		"name-vs-folder",
		"module_record_identity",
		set_doc(PF, name="Widget Print 2"),
		"scrubs to 'widget_print_2'",
	),
	c("module-unlisted", "module_record_identity", set_doc(PF, module="Zeta"), "not listed in modules.txt"),
	c(
		"module-mismatch",
		"module_record_identity",
		seq(add_module, set_doc(PF, module="Beta Mod")),
		"belongs in beta_mod/",
	),
	c(
		"workflow-in-module",
		"module_record_identity",
		lambda s: s.update(
			{
				"alpha_mod/workflow/wf_two/wf_two.json": {
					**workflow(s),
					"name": "WF Two",
					"workflow_name": "WF Two",
					"module": "Alpha Mod",
				}
			}
		),
		"never syncs workflow/",
	),
	c(
		"duplicate-fixture",
		"duplicate_names",
		lambda s: s["fixtures/role.json"].append(fixture(s, "role")),
		"more than once",
	),
	c(
		"fixture-unknown-doctype",
		"fixture_doctypes",
		set_fixture("widget_group", doctype="Widget Gruop"),
		"unknown doctype",
	),
	c(
		"record-name-mismatch",
		"record_names",
		set_doc(RP, report_name="Widget Sum"),
		"differs from its report_name",
	),
	c("record-name-missing", "record_names", set_fixture("workflow_state", workflow_state_name=None), "None"),
	# DocType
	c(
		"field-order-missing",
		"field_order",
		lambda s: dt(s, "Widget")["field_order"].remove("notes"),
		"misses fields ['notes']",
	),
	c(
		"field-order-extra",
		"field_order",
		lambda s: dt(s, "Widget")["field_order"].append("ghost"),
		"unknown fields ['ghost']",
	),
	c(
		"field-order-twice",
		"field_order",
		lambda s: dt(s, "Widget")["field_order"].append("notes"),
		"lists 'notes' 2 times",
	),
	c("naming-series-unused", "naming", set_dt("Widget", autoname="", naming_rule=""), "autoname is empty"),
	c(
		"naming-series-not-select",
		"naming",
		set_field("Widget", "naming_series", fieldtype="Data", options=None),
		"needs a Select",
	),
	c(
		"naming-field-missing",
		"naming",
		set_dt("Widget Group", autoname="field:nope"),
		"'nope' is not a value field",
	),
	c(
		"naming-format-unknown",
		"naming",
		set_dt("Widget Part", autoname="format:P-{nope}-{####}"),
		"{nope} is neither",
	),
	c("naming-uuid", "naming", set_dt("Widget Part", autoname="UUID"), "only from Frappe v16"),
	c(
		"naming-nonsense",
		"naming",
		set_dt("Widget Part", autoname="Autoincrement"),
		"not a Frappe v15 naming rule",
	),
	c(
		"naming-rule-mismatch",
		"naming_rule",
		set_dt("Widget", naming_rule="Random"),
		"does not match autoname",
	),
	c(
		"naming-rule-unknown",
		"naming_rule",
		set_dt("Widget", naming_rule="Magic"),
		"not a Frappe v15 naming rule",
	),
	c(
		"naming-rule-script",
		"naming_rule",
		set_dt("Widget Part", naming_rule="By script"),
		"no autoname() method",
	),
	c(
		"controller-missing",
		"controller",
		lambda s: s.pop("alpha_mod/doctype/widget_part/widget_part.py"),
		"is missing",
	),
	c(
		"controller-wrong-class",
		"controller",
		lambda s: s.update({"alpha_mod/doctype/widget_part/widget_part.py": controller("Widget Parts")}),
		"no class WidgetPart",
	),
	c("tree-no-lft", "tree", lambda s: drop_field(s, "Widget Group", "lft"), "field 'lft'"),
	c(
		"tree-no-parent-field",
		"tree",
		set_dt("Widget Group", nsm_parent_field=None),
		"needs nsm_parent_field",
	),
	c(
		"tree-old-parent",
		"tree",
		set_field("Widget Group", "old_parent", options="Widget"),
		"'old_parent' of type Link",
	),
	c(
		"tree-not-nestedset",
		"tree",
		lambda s: s.update({"alpha_mod/doctype/widget_group/widget_group.py": controller("Widget Group")}),
		"does not extend",
	),
	c(
		"submittable-no-amended",
		"submittable",
		lambda s: drop_field(s, "Widget", "amended_from"),
		"amended_from",
	),
	c(
		"connection-doctype",
		"doctype_connections",
		set_dt("Widget", links=[{"link_doctype": "Nope", "link_fieldname": "x"}]),
		"unknown link_doctype",
	),
	c(
		"connection-field",
		"doctype_connections",
		set_dt("Widget", links=[{"link_doctype": "Widget Group", "link_fieldname": "nope"}]),
		"has no field 'nope'",
	),
	# Report
	c("report-type", "report", set_doc(RP, report_type="Custom Report"), "report_type"),
	c("report-ref-doctype", "report", set_doc(RP, ref_doctype="Nope"), "ref_doctype 'Nope'"),
	c("report-not-standard", "report", set_doc(RP, is_standard="No"), "is_standard 'Yes'"),
	c("report-query-empty", "report", set_doc(RP, report_type="Query Report"), "without a query"),
	c("report-role", "report", set_doc(RP, roles=[{"role": "Nobody"}]), "unknown role 'Nobody'"),
	c(
		"script-report-no-execute",
		"script_report_module",
		lambda s: s.update({RP.replace(".json", ".py"): "def run():\n\tpass\n"}),
		"no top-level def execute",
	),
	c(
		"script-report-no-py",
		"script_report_module",
		lambda s: s.pop(RP.replace(".json", ".py")),
		"readable widget_summary.py",
	),
	# Workflow
	c("wf-doctype", "workflow", lambda s: workflow(s).update(document_type="Nope"), "document_type 'Nope'"),
	c(
		"wf-state-field",
		"workflow",
		lambda s: workflow(s).update(workflow_state_field=""),
		"workflow_state_field",
	),
	c(
		"wf-no-states",
		"workflow",
		lambda s: workflow(s).update(states=[]),
		"no states",
		also=("workflow_transitions",),
	),
	c(
		"wf-docstatus",
		"workflow",
		lambda s: workflow(s)["states"][1].update(doc_status="3"),
		"must be 0, 1 or 2",
	),
	c(
		"wf-submit-not-submittable",
		"workflow",
		seq(set_dt("Widget", is_submittable=0), set_perm(0, submit=0, cancel=0, amend=0)),
		"is not submittable",
		also=("submittable",),
	),
	c(
		"wf-allow-edit",
		"workflow",
		lambda s: workflow(s)["states"][0].update(allow_edit="Nobody"),
		"allow_edit role",
	),
	c(
		"wf-state-record",
		"workflow",
		lambda s: workflow(s)["states"][1].update(state="Sent Back"),
		"not a Workflow State",
		also=("workflow_transitions",),
	),
	c(
		"wf-undeclared",
		"workflow_transitions",
		lambda s: workflow(s)["transitions"][0].update(next_state="Done"),
		"not declared",
	),
	c(
		"wf-allowed",
		"workflow_transitions",
		lambda s: workflow(s)["transitions"][0].update(allowed="Nobody"),
		"allowed role",
	),
	c(
		"wf-action",
		"workflow_transitions",
		lambda s: workflow(s)["transitions"][0].update(action="Bless"),
		"Workflow Action Master",
	),
	c(
		"wf-back-to-draft",
		"workflow_transitions",
		lambda s: workflow(s)["transitions"][2].update(next_state="Pending"),
		"1 -> 0",
	),
	# dashboards etc.
	c("card-doctype", "number_card", set_doc(NC, document_type="Nope"), "document_type 'Nope'"),
	c(
		"card-aggregate",
		"number_card",
		set_doc(NC, aggregate_function_based_on="nope"),
		"not a field of 'Widget'",
	),
	c("card-report", "number_card", set_doc(NC, type="Report", report_name="Nope"), "report_name 'Nope'"),
	c("card-custom", "number_card", set_doc(NC, type="Custom"), "without method"),
	c("chart-doctype", "dashboard_chart", set_doc(CH, document_type="Nope"), "document_type 'Nope'"),
	c("chart-based-on", "dashboard_chart", set_doc(CH, based_on="nope"), "based_on 'nope'"),
	c(
		"chart-report",
		"dashboard_chart",
		set_doc(CH, chart_type="Report", report_name="Nope"),
		"report_name 'Nope'",
	),
	c("chart-custom", "dashboard_chart", set_doc(CH, chart_type="Custom"), "without source"),
	c("chart-role", "dashboard_chart", set_doc(CH, roles=[{"role": "Nobody"}]), "unknown role"),
	c("notification-doctype", "notification", set_doc(NT, document_type="Nope"), "document_type 'Nope'"),
	c("notification-field", "notification", set_doc(NT, value_changed="nope"), "value_changed 'nope'"),
	c(
		"notification-role",
		"notification",
		lambda s: s[NT]["recipients"][0].update(receiver_by_role="Nobody"),
		"unknown role",
	),
	c(
		"notification-recipient-field",
		"notification",
		lambda s: s[NT]["recipients"][1].update(receiver_by_document_field="nope"),
		"receiver_by_document_field 'nope'",
	),
	c(
		"assignment-doctype",
		"assignment_rule",
		set_fixture("assignment_rule", document_type="Nope"),
		"document_type 'Nope'",
	),
	c(
		"assignment-field",
		"assignment_rule",
		set_fixture("assignment_rule", due_date_based_on="nope"),
		"due_date_based_on",
	),
	c(
		"assignment-based-on-field",
		"assignment_rule",
		set_fixture("assignment_rule", field=""),
		"needs field",
	),
	c("print-doctype", "print_format", set_doc(PF, doc_type="Nope"), "doc_type 'Nope'"),
	c("print-standard", "print_format", set_doc(PF, standard="No"), "standard 'Yes'"),
	c("ws-link", "workspace", lambda s: s[WS]["links"][1].update(link_to="Nope"), "unknown DocType 'Nope'"),
	c(
		"ws-report",
		"workspace",
		lambda s: s[WS]["shortcuts"][0].update(link_to="Nope"),
		"unknown Report 'Nope'",
	),
	c(
		"ws-chart",
		"workspace",
		lambda s: s[WS]["charts"][0].update(chart_name="Nope"),
		"unknown Dashboard Chart",
	),
	c(
		"ws-card",
		"workspace",
		lambda s: s[WS]["number_cards"][0].update(number_card_name="Nope"),
		"unknown Number Card",
	),
	c(
		"ws-quick-list",
		"workspace",
		lambda s: s[WS]["quick_lists"][0].update(document_type="Nope"),
		"document_type 'Nope'",
	),
	c("ws-role", "workspace", set_doc(WS, roles=[{"role": "Nobody"}]), "unknown role"),
	c("custom-field-dt", "custom_field", set_fixture("custom_field", dt="Nope"), "dt 'Nope'"),
	c(
		"custom-field-type",
		"custom_field",
		set_fixture("custom_field", fieldtype="Textarea"),
		"not a Frappe v15 fieldtype",
	),
	c(
		"property-setter-dt",
		"property_setter",
		set_fixture("property_setter", doc_type="Nope"),
		"doc_type 'Nope'",
	),
]


# --- tests ------------------------------------------------------------------------------------------


def test_real_app_passes() -> None:
	"""The CI gate: every DocType/Report/Workflow/... JSON of danvan_app must pass."""
	problems = check_app(REPO / "danvan_app")
	assert problems == [], "\n".join(map(str, problems))


def test_good_spec_passes(tmp_path: Path) -> None:
	assert check_app(build(tmp_path, good_spec())) == []


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_bites(tmp_path: Path, case: Case) -> None:
	fixed = check_app(build(tmp_path / "fixed", good_spec()))
	assert fixed == [], "\n".join(map(str, fixed))
	spec = good_spec()
	case.mutate(spec)
	problems = check_app(build(tmp_path / "broken", spec))
	report = "\n".join(f"[{p.check}] {p}" for p in problems)
	assert any(p.check == case.check and case.expect in p.message for p in problems), report
	assert {p.check for p in problems} <= {case.check} | case.also, report


def test_every_check_has_a_bite_test() -> None:
	registered = {name for name, _kind, _fn in meta_check.CHECKS} | {"load"}
	assert registered - {case.check for case in CASES} == set()
	assert len({case.id for case in CASES}) == len(CASES)


def test_problem_paths_point_at_the_file(tmp_path: Path) -> None:
	spec = good_spec()
	spec["alpha_mod/doctype/widget/widget.json"].update(autoname="bogus", naming_rule=None)
	(problem,) = check_app(build(tmp_path, spec))
	assert problem.path == "alpha_app/alpha_mod/doctype/widget/widget.json"
	assert str(problem).startswith("alpha_app/alpha_mod/doctype/widget/widget.json: autoname 'bogus'")


def test_cli_exit_codes_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	good = build(tmp_path / "good", good_spec())
	assert meta_check.main([str(good)]) == 0
	out = capsys.readouterr().out
	assert out.strip().endswith(" files, 0 problems") and out.startswith("meta_check: ")
	spec = good_spec()
	spec["alpha_mod/doctype/widget/widget.json"].update(autoname="bogus", naming_rule=None)
	assert meta_check.main([str(build(tmp_path / "bad", spec))]) == 1
	lines = capsys.readouterr().out.splitlines()
	assert lines[0].startswith("alpha_app/alpha_mod/doctype/widget/widget.json: autoname 'bogus'")
	assert lines[-1].endswith("1 problems")
	assert meta_check.main([str(tmp_path / "missing")]) == 2


def test_external_list_generation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
	core = tmp_path / "frappe" / "core" / "doctype"
	for name, istable in (("User", 0), ("Has Role", 1)):
		folder = core / meta_check.scrub(name)
		folder.mkdir(parents=True)
		(folder / f"{folder.name}.json").write_text(
			json.dumps({"doctype": "DocType", "name": name, "istable": istable})
		)
	(core / "user" / "test_records.json").write_text("[]")
	assert meta_check.main(["--external-from", str(tmp_path / "frappe")]) == 0
	listing = tmp_path / "external.txt"
	listing.write_text("# header\n" + capsys.readouterr().out)
	external = meta_check.load_external(listing)
	assert external.names == {"User", "Has Role"} and external.child_tables == {"Has Role"}


def test_shipped_external_list() -> None:
	external = meta_check.load_external()
	assert {"User", "DocType", "Role", "File", "Workflow State"} <= external.names
	assert {"Has Role", "DocField", "DocPerm"} <= external.child_tables
	assert "Employee" not in external.names  # ERPNext is not a dependency (see the file's header)
	assert len(external.names) > 250


def test_malformed_shapes_are_reported_not_raised(tmp_path: Path) -> None:
	spec = good_spec()
	dt(spec, "Widget Part")["fields"] = "oops"
	dt(spec, "Widget Group")["permissions"] = [1, "x"]
	workflow(spec)["transitions"] = [None, "x"]
	fld(spec, "Widget", "notes")["fieldtype"] = ["Data"]  # unhashable: a check itself fails
	problems = check_app(build(tmp_path, spec))
	messages = "\n".join(map(str, problems))
	assert "could not check this (TypeError" in messages
	assert "field_order names unknown fields ['part_name', 'qty']" in messages


def test_every_doctype_name_has_a_vietnamese_translation():
	"""Users read Vietnamese: the desk shows DocType names through the app's vi translations."""
	import csv

	translations = dict(csv.reader((REPO / "danvan_app" / "translations" / "vi.csv").open(encoding="utf-8")))
	names = {json.loads(p.read_text())["name"] for p in (REPO / "danvan_app").glob("*/doctype/*/*.json")}
	assert names, "no DocTypes found"
	missing = sorted(n for n in names if not translations.get(n))
	assert missing == []
