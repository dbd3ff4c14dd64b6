"""Static checks over danvan_app's Frappe metadata JSON (DocType, Report, Workflow, dashboards, fixtures...).

Runs without Frappe installed (plain Python 3.10+, standard library only) so CI can gate on it:

	python tools/meta_check.py [APP_DIR]

prints one `path: message` line per problem and exits 1, or prints `meta_check: N files, 0 problems`
and exits 0. Importable as `check_app(app_dir) -> list[Problem]`.

Why this exists: `bench migrate` imports module JSON with `ignore_validate=True`
(frappe/modules/import_file.py, import_doc), so none of DocType.validate() runs on sync. A broken
DocType lands in the database as written and fails later, at run time, on someone else's site.
What Frappe's own DocType validation proves (fields, options, defaults, fetch sources, permission rows)
is no longer restated here: the bench tier runs Frappe's `validate_fields` and `validate_permissions`
over every DV DocType (danvan_app/bench_tests/test_doctype_definitions.py). What stays is what that cannot
see, or sees only at install: the app's layout and modules, naming, controllers, trees, reports,
workflows, cards, charts, workspaces and fixtures.

Design: each check is a small function registered with `@check` (app-wide) or `@check(kind)` (once
per document of that kind, yielding messages). `check_app` runs them all.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_APP_DIR = HERE.parent / "danvan_app"
EXTERNAL_DOCTYPES_FILE = HERE / "external_doctypes.txt"
CHILD_TABLES_MARKER = "# [child tables]"

# --- Frappe v15 facts -------------------------------------------------------------------------

# frappe/core/doctype/docfield/docfield.json, options of `fieldtype`. "Long Int" is in
# frappe.model.data_fieldtypes but NOT in these options, so a DocType using it syncs yet can never be
# saved again from the DocType form (BaseDocument._validate_selects rejects it).
FIELDTYPES = frozenset(
	(
		"Autocomplete|Attach|Attach Image|Barcode|Button|Check|Code|Color|Column Break|Currency|Data|Date|"
		"Datetime|Duration|Dynamic Link|Float|Fold|Geolocation|Heading|HTML|HTML Editor|Icon|Image|Int|JSON|"
		"Link|Long Text|Markdown Editor|Password|Percent|Phone|Read Only|Rating|Section Break|Select|"
		"Signature|Small Text|Tab Break|Table|Table MultiSelect|Text|Text Editor|Time"
	).split("|")
)
# frappe.model.no_value_fields / table_fields / default_fields / child_table_fields / optional_fields
NO_VALUE_FIELDS = frozenset(
	"Section Break|Column Break|Tab Break|HTML|Table|Table MultiSelect|Button|Image|Fold|Heading".split("|")
)
TABLE_FIELDS = frozenset(("Table", "Table MultiSelect"))
DEFAULT_FIELDS = ("doctype", "name", "owner", "creation", "modified", "modified_by", "docstatus", "idx")
CHILD_TABLE_FIELDS = ("parent", "parentfield", "parenttype")
OPTIONAL_FIELDS = ("_user_tags", "_comments", "_assign", "_liked_by", "_seen")
DATA_FIELD_OPTIONS = frozenset(("Email", "Name", "Phone", "URL", "Barcode"))
# Roles present on every Frappe v15 site: frappe.permissions.AUTOMATIC_ROLES, the roles
# frappe/utils/install.py inserts, and every role used in a permission row of a frappe v15 DocType
# (DocType sync creates those, doctype.make_module_and_roles). Anything else must come from
# danvan_app/fixtures/role.json: an unknown role in a permission row is silently *created* empty, so a
# typo ("DV Admin" for "DV Administrator") grants nobody anything.
STANDARD_ROLES = frozenset(
	(
		"Administrator|Guest|All|Desk User|Report Manager|Translator|Accounts Manager|Accounts User|Blogger|"
		"Dashboard Manager|Inbox User|Knowledge Base Contributor|Knowledge Base Editor|Maintenance Manager|"
		"Maintenance User|Newsletter Manager|Prepared Report User|Purchase Manager|Purchase Master Manager|"
		"Purchase User|Sales Manager|Sales Master Manager|Sales User|Script Manager|System Manager|"
		"Website Manager|Workspace Manager"
	).split("|")
)
# Standard reports shipped by frappe v15 (frappe/*/report/*/*.json): the only non-app reports a
# workspace, number card or chart may name.
FRAPPE_REPORTS = frozenset(
	(
		"Addresses And Contacts|Audit System Hooks|Database Storage Usage By Tables|Document Share Report|"
		"Permitted Documents For User|ToDo|Transaction Log Report|Website Analytics"
	).split("|")
)
# Records frappe/utils/install.py creates; a workflow's states/actions must exist as such records
# (frappe/desk/form/meta.py loads `Workflow State` docs for every state: a missing one breaks the form).
STANDARD_WORKFLOW_STATES = frozenset(("Pending", "Approved", "Rejected"))
STANDARD_WORKFLOW_ACTIONS = frozenset(("Approve", "Reject", "Review"))
# DocPerm rights (frappe/core/doctype/docperm/docperm.json Check fields).
PERM_RIGHTS = (
	"select read write create delete submit cancel amend report export import share print email if_owner"
).split()
BASIC_RIGHTS = ("select", "read", "write", "submit", "cancel", "create")  # validate_permissions
# naming_rule -> predicate on autoname (frappe/public/js/frappe/doctype/index.js, autoname()).
NAMING_RULES: dict[str, Callable[[str], bool]] = {
	"Set by user": lambda a: a.lower() == "prompt",
	"Autoincrement": lambda a: a == "autoincrement",
	"By fieldname": lambda a: a.startswith("field:"),
	'By "Naming Series" field': lambda a: a.startswith("naming_series:"),
	"Expression": lambda a: a.startswith("format:"),
	"Expression (old style)": lambda a: (
		"#" in a and not a.startswith(("field:", "format:", "naming_series:"))
	),
	"Random": lambda a: a.lower() == "hash",
	"By script": lambda a: a == "",
}
# frappe/model/naming.py parse_naming_series: words a format:/series part may use besides fieldnames.
NAMING_DATE_PARTS = frozenset(("YY", "MM", "DD", "YYYY", "WW", "timestamp"))
FORMAT_PLACEHOLDER = re.compile(r"\{(.*?)\}")

# <module>/<folder>/<name>/<name>.json -> the "doctype" such a file must declare.
MODULE_KINDS = {
	"doctype": "DocType",
	"report": "Report",
	"workflow": "Workflow",
	"number_card": "Number Card",
	"dashboard_chart": "Dashboard Chart",
	"workspace": "Workspace",
	"notification": "Notification",
	"print_format": "Print Format",
	"assignment_rule": "Assignment Rule",
}
# Folders `bench migrate` never reads (model/sync.py IMPORTABLE_DOCTYPES lacks them and
# utils/dashboard.py only adds number_card/dashboard_chart): such records ship only as fixtures.
NOT_SYNCED_FROM_MODULES = frozenset(("workflow", "assignment_rule"))
APP_DIRS_WITHOUT_MODULES = frozenset(("fixtures", "public", "templates", "www", "config", "patches"))


# --- model --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
	path: str
	message: str
	check: str = ""  # name of the check function that found it, so tests can prove which check bites

	def __str__(self) -> str:
		return f"{self.path}: {self.message}"


@dataclass
class Doc:
	"""One metadata record: a module file (`folder` set) or one item of a fixture file."""

	path: Path
	data: dict[str, Any]
	folder: str | None = None  # "doctype", "report", ... for module files; None for fixtures
	module_dir: str | None = None  # e.g. "dv_units"
	label: str = ""  # prefix for messages about fixture items (one file holds many records)

	@property
	def kind(self) -> str:
		return str(self.data.get("doctype") or "")

	@property
	def name(self) -> str:
		return str(self.data.get("name") or "")

	@cached_property
	def fields(self) -> list[dict[str, Any]]:
		return rows(self.data, "fields")

	@cached_property
	def field_map(self) -> dict[str, dict[str, Any]]:
		return {str(f.get("fieldname")): f for f in self.fields if f.get("fieldname")}

	@property
	def istable(self) -> bool:
		return bool(self.data.get("istable"))

	def columns(self) -> set[str]:
		"""Names usable in filters/sort/charts: declared value fields plus Frappe's standard columns."""
		cols = {n for n, f in self.field_map.items() if f.get("fieldtype") not in NO_VALUE_FIELDS}
		cols.update(DEFAULT_FIELDS, OPTIONAL_FIELDS)
		if self.istable:
			cols.update(CHILD_TABLE_FIELDS)
		return cols


@dataclass
class External:
	names: frozenset[str]
	child_tables: frozenset[str]


@dataclass
class App:
	root: Path
	modules: list[str]
	docs: list[Doc]
	external: External
	files: int = 0
	load_problems: list[Problem] = field(default_factory=list)

	def rel(self, path: Path) -> str:
		try:
			return str(path.relative_to(self.root.parent))
		except ValueError:
			return str(path)

	def of_kind(self, kind: str) -> list[Doc]:
		return [d for d in self.docs if d.kind == kind]

	@cached_property
	def doctypes(self) -> dict[str, Doc]:
		return {d.name: d for d in self.docs if d.kind == "DocType" and d.folder == "doctype"}

	@cached_property
	def app_roles(self) -> set[str]:
		return {d.name for d in self.of_kind("Role")}

	def names_of(self, kind: str) -> set[str]:
		return {d.name for d in self.of_kind(kind)}

	def doctype_exists(self, name: Any) -> bool:
		return isinstance(name, str) and (name in self.doctypes or name in self.external.names)

	def is_child_table(self, name: Any) -> bool:
		if not isinstance(name, str):
			return False
		if name in self.doctypes:
			return self.doctypes[name].istable
		return name in self.external.child_tables

	def role_exists(self, role: Any) -> bool:
		return isinstance(role, str) and (role in STANDARD_ROLES or role in self.app_roles)

	def report_exists(self, name: Any) -> bool:
		return isinstance(name, str) and (name in FRAPPE_REPORTS or name in self.names_of("Report"))

	@cached_property
	def module_dirs(self) -> dict[str, str]:
		return {scrub(m): m for m in self.modules}


def scrub(txt: str) -> str:
	"""frappe.scrub: `DV Unit-Kind` -> `dv_unit_kind` (folder and file names of module records)."""
	return txt.replace(" ", "_").replace("-", "_").lower()


def controller_class(doctype: str) -> str:
	"""frappe.model.base_document.import_controller: the class a DocType's .py must define."""
	return doctype.replace(" ", "").replace("-", "")


def rows(d: dict[str, Any], key: str) -> list[dict[str, Any]]:
	"""The dict rows of a child table; anything else in it is malformed input we must not crash on."""
	value = d.get(key)
	return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def split_options(options: Any) -> list[str]:
	return [o.strip() for o in str(options or "").split("\n") if o.strip()]


# --- loading ------------------------------------------------------------------------------------


def load_external(path: Path = EXTERNAL_DOCTYPES_FILE) -> External:
	names: set[str] = set()
	children: set[str] = set()
	in_children = False
	for raw in path.read_text(encoding="utf-8").splitlines():
		line = raw.strip()
		if line.startswith(CHILD_TABLES_MARKER):
			in_children = True
		elif line and not line.startswith("#"):
			names.add(line)
			if in_children:
				children.add(line)
	return External(frozenset(names), frozenset(children))


def read_json(path: Path, app: App) -> Any:
	app.files += 1
	try:
		return json.loads(path.read_text(encoding="utf-8"))
	except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
		app.load_problems.append(Problem(app.rel(path), f"invalid JSON: {e}", "load"))
		return None


def load_module_docs(app: App) -> None:
	for mod_dir in sorted(p for p in app.root.iterdir() if p.is_dir()):
		if mod_dir.name in APP_DIRS_WITHOUT_MODULES or mod_dir.name.startswith((".", "__")):
			continue
		for folder in MODULE_KINDS:
			kind_dir = mod_dir / folder
			if not kind_dir.is_dir():
				continue
			for rec_dir in sorted(p for p in kind_dir.iterdir() if p.is_dir() and p.name != "__pycache__"):
				path = rec_dir / f"{rec_dir.name}.json"
				if not path.is_file():
					# sync reads exactly <folder>/<x>/<x>.json (model/sync.py get_doc_files)
					msg = f"no {path.name} in {folder} folder {rec_dir.name}/: Frappe would not sync it"
					app.load_problems.append(Problem(app.rel(rec_dir), msg, "load"))
					continue
				data = read_json(path, app)
				if isinstance(data, dict):
					app.docs.append(Doc(path, data, folder, mod_dir.name))
				elif data is not None:
					app.load_problems.append(Problem(app.rel(path), "expected a JSON object", "load"))


def load_fixture_docs(app: App) -> None:
	fixtures = app.root / "fixtures"
	if not fixtures.is_dir():
		return
	for path in sorted(fixtures.glob("*.json")):
		data = read_json(path, app)
		items = data if isinstance(data, list) else [data] if isinstance(data, dict) else None
		if items is None:
			if data is not None:
				app.load_problems.append(Problem(app.rel(path), "expected a list of records", "load"))
			continue
		for i, item in enumerate(items):
			label = f"record {i} ({item.get('name')!r}): " if isinstance(item, dict) else f"record {i}: "
			if not isinstance(item, dict) or not item.get("doctype") or not item.get("name"):
				# frappe.modules.import_file.import_file_by_path reads doc["doctype"] and doc["name"]
				msg = f"{label}every fixture record needs 'doctype' and 'name'"
				app.load_problems.append(Problem(app.rel(path), msg, "load"))
				continue
			app.docs.append(Doc(path, item, label=label))


def load_app(app_dir: Path, external: External | None = None) -> App:
	app_dir = Path(app_dir).resolve()
	modules_txt = app_dir / "modules.txt"
	modules = (
		[m.strip() for m in modules_txt.read_text(encoding="utf-8").splitlines() if m.strip()]
		if modules_txt.is_file()
		else []
	)
	app = App(app_dir, modules, [], external or load_external())
	load_module_docs(app)
	load_fixture_docs(app)
	return app


# --- registry -------------------------------------------------------------------------------------

# An app check is fn(app) -> Iterable[Problem]; a kind check is fn(app, doc) -> Iterable[str] (messages).
CheckFn = Callable[..., Iterable[Any]]
CHECKS: list[tuple[str, str | None, CheckFn]] = []


def check(kind: str | None = None) -> Callable[[CheckFn], CheckFn]:
	"""Register a check. With `kind`, it runs once per record of that kind and yields messages."""

	def register(fn: CheckFn) -> CheckFn:
		CHECKS.append((fn.__name__, kind, fn))
		return fn

	return register


def run_checks(app: App) -> list[Problem]:
	problems = list(app.load_problems)
	for name, kind, fn in CHECKS:
		if kind is None:
			problems.extend(guarded(name, app.rel(app.root), partial(fn, app)))
			continue
		for doc in app.of_kind(kind):
			where = app.rel(doc.path)
			for found in guarded(name, where, partial(fn, app, doc)):
				problems.append(
					found if isinstance(found, Problem) else Problem(where, doc.label + found, name)
				)
	return problems


def guarded(name: str, where: str, run: Callable[[], Iterable[Any]]) -> list[Any]:
	"""Run one check. Input so malformed that the check itself fails becomes a problem, not a traceback."""
	try:
		return [replace(p, check=name) if isinstance(p, Problem) else p for p in run()]
	except Exception as e:
		return [Problem(where, f"{name} could not check this ({type(e).__name__}: {e})", name)]


def check_app(app_dir: Path, external: External | None = None) -> list[Problem]:
	return run_checks(load_app(app_dir, external))


# --- layout & identity --------------------------------------------------------------------------


@check()
def check_modules(app: App) -> Iterator[Problem]:
	modules_txt = app.root / "modules.txt"
	if not app.modules:
		yield Problem(app.rel(modules_txt), "modules.txt is missing or empty")
	for module in app.modules:
		init = app.root / scrub(module) / "__init__.py"
		if not init.is_file():
			# frappe.get_module(app + "." + scrub(module)) must import
			yield Problem(app.rel(modules_txt), f"module {module!r} has no package {app.rel(init)}")
	for mod_dir in sorted({d.module_dir for d in app.docs if d.module_dir}):
		if mod_dir not in app.module_dirs:
			msg = f"folder {mod_dir}/ holds records but is no module in modules.txt: Frappe never syncs it"
			yield Problem(app.rel(app.root / mod_dir), msg)


@check()
def check_module_record_identity(app: App) -> Iterator[Problem]:
	"""<module>/<folder>/<x>/<x>.json: right "doctype", x == scrub(name), module listed and matching."""
	for doc in app.docs:
		if doc.folder is None:
			continue
		where = app.rel(doc.path)
		expected = MODULE_KINDS[doc.folder]
		if doc.kind != expected:
			yield Problem(
				where, f'"doctype" is {doc.kind!r}; a file under {doc.folder}/ must be {expected!r}'
			)
		if not doc.name:
			yield Problem(where, '"name" is missing')
		elif scrub(doc.name) != doc.path.parent.name:
			msg = f"name {doc.name!r} scrubs to {scrub(doc.name)!r} but lives in {doc.path.parent.name}/"
			yield Problem(where, msg)
		module = doc.data.get("module")
		if module not in app.modules:
			yield Problem(where, f"module {module!r} is not listed in modules.txt")
		elif scrub(module) != doc.module_dir:
			yield Problem(where, f"module {module!r} belongs in {scrub(module)}/, not {doc.module_dir}/")
		if doc.folder in NOT_SYNCED_FROM_MODULES:
			msg = f"Frappe v15 never syncs {doc.folder}/ folders from modules; ship it in fixtures/ instead"
			yield Problem(where, msg)


@check()
def check_duplicate_names(app: App) -> Iterator[Problem]:
	seen: Counter[tuple[str, str]] = Counter((d.kind, d.name) for d in app.docs)
	for doc in app.docs:
		if seen[(doc.kind, doc.name)] > 1:
			yield Problem(app.rel(doc.path), f"{doc.label}{doc.kind} {doc.name!r} is defined more than once")


# Kinds named by one of their own fields (autoname "field:<x>" in their v15 DocType JSON). Import keeps
# the file's "name", so a differing <x> leaves a record whose name and label disagree; fixtures also
# run the mandatory check, which fails when <x> is missing.
NAMED_BY_FIELD = {
	"Report": "report_name",
	"Dashboard Chart": "chart_name",
	"Workspace": "label",
	"Workflow": "workflow_name",
	"Role": "role_name",
	"Workflow State": "workflow_state_name",
	"Workflow Action Master": "workflow_action_name",
}


@check()
def check_record_names(app: App) -> Iterator[Problem]:
	for doc in app.docs:
		prop = NAMED_BY_FIELD.get(doc.kind)
		if prop and doc.data.get(prop) != doc.name and not doc.data.get("for_user"):
			msg = f"{doc.label}{doc.kind} name {doc.name!r} differs from its {prop} {doc.data.get(prop)!r}"
			yield Problem(app.rel(doc.path), msg)


@check()
def check_fixture_doctypes(app: App) -> Iterator[Problem]:
	for doc in app.docs:
		if doc.folder is None and not app.doctype_exists(doc.kind):
			yield Problem(app.rel(doc.path), f"{doc.label}unknown doctype {doc.kind!r}")


# --- DocType ------------------------------------------------------------------------------------


@check("DocType")
def check_field_order(app: App, doc: Doc) -> Iterator[str]:
	"""DocType.prepare_for_import orders fields by field_order; it must list each field exactly once."""
	order = doc.data.get("field_order")
	if order is None:
		return
	names = [str(f["fieldname"]) for f in doc.fields if f.get("fieldname")]  # nameless: check_fieldnames
	for name, n in Counter(order).items():
		if n > 1:
			yield f"field_order lists {name!r} {n} times"
	if missing := [n for n in names if n not in order]:
		yield f"field_order misses fields {missing}"
	if extra := [n for n in order if n not in names]:
		yield f"field_order names unknown fields {extra}"


@check("DocType")
def check_naming(app: App, doc: Doc) -> Iterator[str]:
	"""autoname forms that frappe.model.naming.set_name_from_naming_options understands."""
	autoname = str(doc.data.get("autoname") or "")
	names = set(doc.field_map)
	if not autoname:
		if "naming_series" in names:
			# validate_series would set "naming_series:", but validate never runs on sync -> hash names
			yield "has a naming_series field but autoname is empty: set autoname to 'naming_series:'"
		return
	if autoname.startswith("field:"):
		target = autoname[len("field:") :]
		if target not in names or doc.field_map[target].get("fieldtype") in NO_VALUE_FIELDS:
			yield f"autoname {autoname!r}: {target!r} is not a value field"
	elif autoname.startswith("naming_series:"):
		# validate_series always uses the field "naming_series" (its split(...)[0] is always "")
		series = doc.field_map.get("naming_series")
		if series is None or series.get("fieldtype") != "Select" or not split_options(series.get("options")):
			yield "autoname 'naming_series:' needs a Select field 'naming_series' with options"
	elif autoname.startswith("format:"):
		for part in FORMAT_PLACEHOLDER.findall(autoname):
			if part not in NAMING_DATE_PARTS and not re.fullmatch(r"#+", part) and part not in doc.columns():
				yield f"autoname {autoname!r}: {{{part}}} is neither a field, a date part nor a #-series"
	elif autoname == "UUID":
		yield "autoname 'UUID' exists only from Frappe v16; v15 silently falls back to hash names"
	elif autoname.lower() in ("prompt", "hash") or autoname == "autoincrement":
		pass
	elif "#" not in autoname:
		# neither a known keyword nor an old-style series: set_name_from_naming_options ignores it
		yield f"autoname {autoname!r} is not a Frappe v15 naming rule (names fall back to random hash)"


@check("DocType")
def check_naming_rule(app: App, doc: Doc) -> Iterator[str]:
	rule = doc.data.get("naming_rule")
	autoname = str(doc.data.get("autoname") or "")
	if not rule:
		return
	if rule not in NAMING_RULES:
		yield f"naming_rule {rule!r} is not a Frappe v15 naming rule"
	elif not NAMING_RULES[rule](autoname):
		yield f"naming_rule {rule!r} does not match autoname {autoname!r}"
	elif rule == "By script" and "autoname" not in controller_methods(doc):
		yield "naming_rule 'By script' but the controller defines no autoname() method"


@check("DocType")
def check_controller(app: App, doc: Doc) -> Iterator[str]:
	"""import_controller: a standard DocType needs <x>.py defining class <NameWithoutSpaces>."""
	if doc.data.get("custom"):
		return
	py = doc.path.with_suffix(".py")
	cls = controller_class(doc.name)
	if not py.is_file():
		yield f"controller {py.name} is missing (Frappe raises ImportError loading {doc.name!r})"
	elif controller_bases(doc) is None:
		yield f"{py.name} defines no class {cls}"


def controller_tree(doc: Doc) -> ast.Module | None:
	try:
		return ast.parse(doc.path.with_suffix(".py").read_text(encoding="utf-8"))
	except (OSError, SyntaxError, UnicodeDecodeError):
		return None


def controller_class_node(doc: Doc) -> ast.ClassDef | None:
	tree = controller_tree(doc)
	cls = controller_class(doc.name)
	for node in tree.body if tree else []:
		if isinstance(node, ast.ClassDef) and node.name == cls:
			return node
	return None


def controller_bases(doc: Doc) -> list[str] | None:
	node = controller_class_node(doc)
	if node is None:
		return None
	return [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]


def controller_methods(doc: Doc) -> set[str]:
	node = controller_class_node(doc)
	return {n.name for n in node.body if isinstance(n, ast.FunctionDef)} if node else set()


@check("DocType")
def check_tree(app: App, doc: Doc) -> Iterator[str]:
	"""is_tree: DocType.add_nestedset_fields never runs on sync, so the JSON must carry the NestedSet fields."""
	if not doc.data.get("is_tree"):
		return
	wanted = {"lft": ("Int", None), "rgt": ("Int", None), "is_group": ("Check", None)}
	wanted["old_parent"] = ("Link", doc.name)
	parent_field = doc.data.get("nsm_parent_field")
	if not parent_field:
		yield f"is_tree needs nsm_parent_field (Frappe's default is {'parent_' + scrub(doc.name)!r})"
	else:
		wanted[parent_field] = ("Link", doc.name)
	for name, (ftype, options) in wanted.items():
		f = doc.field_map.get(name)
		if f is None or f.get("fieldtype") != ftype or (options and f.get("options") != options):
			target = f" to {options!r}" if options else ""
			yield f"is_tree needs field {name!r} of type {ftype}{target}"
	bases = controller_bases(doc)
	if bases is not None and "NestedSet" not in bases:
		yield f"is_tree but class {controller_class(doc.name)} does not extend frappe.utils.nestedset.NestedSet"


@check("DocType")
def check_submittable(app: App, doc: Doc) -> Iterator[str]:
	"""DocType.make_amendable adds amended_from only in validate, which sync skips."""
	if not doc.data.get("is_submittable"):
		return
	f = doc.field_map.get("amended_from")
	if f is None or f.get("fieldtype") != "Link" or f.get("options") != doc.name:
		yield f"is_submittable needs field 'amended_from' (Link to {doc.name!r})"


@check("DocType")
def check_doctype_connections(app: App, doc: Doc) -> Iterator[str]:
	"""links (dashboard connections): link_doctype exists and has link_fieldname (_test_connection_query)."""
	for i, link in enumerate(rows(doc.data, "links")):
		target, fieldname = link.get("link_doctype"), link.get("link_fieldname")
		if not target or not app.doctype_exists(target):
			yield f"links row {i}: unknown link_doctype {target!r}"
		elif target in app.doctypes and not link.get("is_child_table"):
			if fieldname not in app.doctypes[target].columns():
				yield f"links row {i}: {target!r} has no field {fieldname!r}"


# --- Report ---------------------------------------------------------------------------------------

REPORT_TYPES = ("Script Report", "Query Report", "Report Builder")


@check("Report")
def check_report(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	if d.get("report_type") not in REPORT_TYPES:
		yield f"report_type {d.get('report_type')!r} must be one of {list(REPORT_TYPES)}"
	if not d.get("ref_doctype") or not app.doctype_exists(d["ref_doctype"]):
		yield f"ref_doctype {d.get('ref_doctype')!r} is not a known DocType"
	if doc.folder and d.get("is_standard") != "Yes":
		# Report.export_doc writes only standard reports; non-standard Script Reports run report_script
		yield "a report shipped in a module must have is_standard 'Yes'"
	if d.get("report_type") == "Query Report" and not str(d.get("query") or "").strip():
		yield "Query Report without a query"
	yield from roles_problems(app, d.get("roles"), "roles")


@check("Report")
def check_script_report_module(app: App, doc: Doc) -> Iterator[str]:
	"""Report.execute_module imports <module>.report.<x>.<x> and calls its execute(filters)."""
	if doc.data.get("report_type") != "Script Report" or doc.folder is None:
		return
	py = doc.path.with_suffix(".py")
	try:
		tree = ast.parse(py.read_text(encoding="utf-8"))
	except (OSError, SyntaxError, UnicodeDecodeError) as e:
		yield f"Script Report needs a readable {py.name} ({type(e).__name__})"
		return
	if not any(isinstance(n, ast.FunctionDef) and n.name == "execute" for n in tree.body):
		yield f"{py.name} has no top-level def execute(filters)"


def roles_problems(app: App, table: Any, prop: str) -> Iterator[str]:
	for row in table if isinstance(table, list) else []:
		role = row.get("role") if isinstance(row, dict) else None
		if not role or not app.role_exists(role):
			yield f"{prop}: unknown role {role!r}"


# --- Workflow -----------------------------------------------------------------------------------


@check("Workflow")
def check_workflow(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	target = d.get("document_type")
	if not target or not app.doctype_exists(target):
		yield f"document_type {target!r} is not a known DocType"
	if not str(d.get("workflow_state_field") or "").strip():
		yield "workflow_state_field is empty"
	states = {s.get("state"): s for s in rows(d, "states")}
	if not states:
		yield "workflow has no states"
	known_states = STANDARD_WORKFLOW_STATES | app.names_of("Workflow State")
	for name, s in states.items():
		if str(s.get("doc_status", "0")) not in ("0", "1", "2"):
			yield f"state {name!r}: doc_status {s.get('doc_status')!r} must be 0, 1 or 2"
		elif str(s.get("doc_status")) in ("1", "2") and target in app.doctypes:
			if not app.doctypes[target].data.get("is_submittable"):
				yield f"state {name!r} has doc_status {s.get('doc_status')} but {target!r} is not submittable"
		if not s.get("allow_edit") or not app.role_exists(s["allow_edit"]):
			yield f"state {name!r}: allow_edit role {s.get('allow_edit')!r} is unknown"
		if name not in known_states:
			yield f"state {name!r} is not a Workflow State record (add fixtures/workflow_state.json)"


@check("Workflow")
def check_workflow_transitions(app: App, doc: Doc) -> Iterator[str]:
	"""Workflow.validate_docstatus plus: states declared, roles and actions known."""
	states = {s.get("state"): str(s.get("doc_status", "0")) for s in rows(doc.data, "states")}
	known_actions = STANDARD_WORKFLOW_ACTIONS | app.names_of("Workflow Action Master")
	for i, t in enumerate(rows(doc.data, "transitions")):
		prefix = f"transition {i} ({t.get('state')!r} -{t.get('action')}-> {t.get('next_state')!r}): "
		for key in ("state", "next_state"):
			if t.get(key) not in states:
				yield prefix + f"{key} {t.get(key)!r} is not declared in states"
		if not t.get("allowed") or not app.role_exists(t["allowed"]):
			yield prefix + f"allowed role {t.get('allowed')!r} is unknown"
		if t.get("action") not in known_actions:
			yield (
				prefix
				+ "action is no Workflow Action Master record (add fixtures/workflow_action_master.json)"
			)
		before, after = states.get(t.get("state")), states.get(t.get("next_state"))
		if (before, after) in {("1", "0"), ("0", "2")} or before == "2":
			yield prefix + f"docstatus {before} -> {after} is not allowed"


# --- dashboards, notifications, assignment rules, print formats, workspaces --------------------


def doctype_ref_problems(app: App, d: dict[str, Any], prop: str, required: bool = True) -> Iterator[str]:
	value = d.get(prop)
	if (value or required) and not (value and app.doctype_exists(value)):
		yield f"{prop} {value!r} is not a known DocType"


def field_ref_problems(app: App, doctype: Any, d: dict[str, Any], props: Iterable[str]) -> Iterator[str]:
	"""Fields of an app DocType named by a chart/card/notification; external DocTypes are not checked."""
	target = app.doctypes.get(doctype) if isinstance(doctype, str) else None
	if target is None:
		return
	for prop in props:
		value = d.get(prop)
		if value and value not in target.columns():
			yield f"{prop} {value!r} is not a field of {doctype!r}"


@check("Number Card")
def check_number_card(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	card_type = d.get("type") or "Document Type"
	if card_type == "Document Type":
		yield from doctype_ref_problems(app, d, "document_type")
		yield from field_ref_problems(app, d.get("document_type"), d, ["aggregate_function_based_on"])
	elif card_type == "Report" and not app.report_exists(str(d.get("report_name"))):
		yield f"report_name {d.get('report_name')!r} is not a known Report"
	elif card_type == "Custom" and not d.get("method"):
		yield "Custom number card without method"
	yield from doctype_ref_problems(app, d, "parent_document_type", required=False)


@check("Dashboard Chart")
def check_dashboard_chart(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	chart_type = d.get("chart_type") or "Count"
	if chart_type == "Report":
		if not app.report_exists(str(d.get("report_name"))):
			yield f"report_name {d.get('report_name')!r} is not a known Report"
	elif chart_type == "Custom":
		if not d.get("source"):
			yield "Custom chart without source"
	else:
		yield from doctype_ref_problems(app, d, "document_type")
		props = ["based_on", "value_based_on", "group_by_based_on", "aggregate_function_based_on"]
		yield from field_ref_problems(app, d.get("document_type"), d, props)
	yield from doctype_ref_problems(app, d, "parent_document_type", required=False)
	yield from roles_problems(app, d.get("roles"), "roles")


@check("Notification")
def check_notification(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	yield from doctype_ref_problems(app, d, "document_type")
	props = ["date_changed", "value_changed", "set_property_after_alert"]
	yield from field_ref_problems(app, d.get("document_type"), d, props)
	for i, r in enumerate(rows(d, "recipients")):
		role = r.get("receiver_by_role")
		if role and not app.role_exists(role):
			yield f"recipients row {i}: unknown role {role!r}"
		yield from (
			f"recipients row {i}: {m}"
			for m in field_ref_problems(app, d.get("document_type"), r, ["receiver_by_document_field"])
		)


@check("Assignment Rule")
def check_assignment_rule(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	yield from doctype_ref_problems(app, d, "document_type")
	yield from field_ref_problems(app, d.get("document_type"), d, ["field", "due_date_based_on"])
	if d.get("rule") == "Based on Field" and not d.get("field"):
		yield "rule 'Based on Field' needs field"


@check("Print Format")
def check_print_format(app: App, doc: Doc) -> Iterator[str]:
	yield from doctype_ref_problems(app, doc.data, "doc_type")
	if doc.folder and doc.data.get("standard") != "Yes":
		yield "a print format shipped in a module must have standard 'Yes'"


@check("Workspace")
def check_workspace(app: App, doc: Doc) -> Iterator[str]:
	d = doc.data
	for i, link in enumerate(rows(d, "links")):
		if link.get("type") == "Link":
			yield from (
				f"links row {i}: {m}"
				for m in target_problems(app, link.get("link_type"), link.get("link_to"))
			)
	for i, s in enumerate(rows(d, "shortcuts")):
		yield from (f"shortcuts row {i}: {m}" for m in target_problems(app, s.get("type"), s.get("link_to")))
	charts, cards = app.names_of("Dashboard Chart"), app.names_of("Number Card")
	for row in rows(d, "charts"):
		if row.get("chart_name") not in charts:
			yield f"charts: unknown Dashboard Chart {row.get('chart_name')!r}"
	for row in rows(d, "number_cards"):
		if row.get("number_card_name") not in cards:
			yield f"number_cards: unknown Number Card {row.get('number_card_name')!r}"
	for row in rows(d, "quick_lists"):
		yield from doctype_ref_problems(app, row, "document_type")
	yield from roles_problems(app, d.get("roles"), "roles")


def target_problems(app: App, link_type: Any, target: Any) -> Iterator[str]:
	if link_type == "DocType" and not (target and app.doctype_exists(target)):
		yield f"unknown DocType {target!r}"
	elif link_type == "Report" and not app.report_exists(str(target)):
		yield f"unknown Report {target!r}"


# --- fixtures of Frappe config records -------------------------------------------------------------


@check("Custom Field")
def check_custom_field(app: App, doc: Doc) -> Iterator[str]:
	yield from doctype_ref_problems(app, doc.data, "dt")
	if doc.data.get("fieldtype") not in FIELDTYPES:
		yield f"fieldtype {doc.data.get('fieldtype')!r} is not a Frappe v15 fieldtype"


@check("Property Setter")
def check_property_setter(app: App, doc: Doc) -> Iterator[str]:
	yield from doctype_ref_problems(app, doc.data, "doc_type")


# --- external list generation & CLI ---------------------------------------------------------------


def external_list_from_tree(frappe_pkg: Path) -> str:
	"""Body for external_doctypes.txt from a frappe checkout's package dir (the one holding core/)."""
	names: dict[str, bool] = {}
	for path in sorted(Path(frappe_pkg).glob("*/doctype/*/*.json")):
		if path.stem != path.parent.name:
			continue
		data = json.loads(path.read_text(encoding="utf-8"))
		if isinstance(data, dict) and data.get("doctype") == "DocType":
			names[data["name"]] = bool(data.get("istable"))
	plain = sorted(n for n, child in names.items() if not child)
	children = sorted(n for n, child in names.items() if child)
	return "\n".join([*plain, CHILD_TABLES_MARKER, *children]) + "\n"


def main(argv: list[str] | None = None) -> int:
	parser = argparse.ArgumentParser(description="Static checks over a Frappe app's metadata JSON.")
	parser.add_argument("app_dir", nargs="?", type=Path, default=DEFAULT_APP_DIR)
	parser.add_argument(
		"--external-from",
		type=Path,
		metavar="FRAPPE_PKG",
		help="print DocType names of a frappe package dir (to regenerate external_doctypes.txt) and exit",
	)
	args = parser.parse_args(argv)
	if args.external_from:
		sys.stdout.write(external_list_from_tree(args.external_from))
		return 0
	if not args.app_dir.is_dir():
		print(f"meta_check: {args.app_dir} is not a directory", file=sys.stderr)
		return 2
	app = load_app(args.app_dir)
	problems = run_checks(app)
	for p in problems:
		print(p)
	print(f"meta_check: {app.files} files, {len(problems)} problems")
	return 1 if problems else 0


if __name__ == "__main__":
	sys.exit(main())
