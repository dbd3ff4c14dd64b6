"""Probe unit scope through every Frappe door we know of, over real HTTP to a served site (not a CI test).

    python scripts/http_permission_probe.py --base http://127.0.0.1:8011 --host SITE --password ADMINPASS \
        [--seed N]

As Administrator it builds its own fixture, named after a per-run suffix so runs never mix: a unit tree
(province → 2 districts → 2 communes each), a user of each DV role at province, district 1 and commune 1.1
(granted with descendants), a manager and an officer granted nothing, a DV Administrator and a System
Manager; tasks, directives, "Dân vận khéo" models and evaluations, each carrying its own secret token
(SECRET-<run>-<nnn>Z) in its text fields and child rows, plus a file, comments, an assignment, a
communication and versions about some of them.

Then, logged in as each user, it reads through list doors, per-record doors and Frappe's other whitelisted
methods that take a DocType and a name, and tries to write through the write doors. The oracle is the
README's "Who sees what" rule, restated in ``Fixture.readable``.

- READ LEAK: a response to the user holds the token (or a child row's name) of a record they may not read,
  lists such a record as a row, counts more records than they may read, or serves it (200 from a door
  whose only answer is the record).
- WRONG DENIAL: a main read door (GET /api/resource/<dt>/<name>, getdoc, get_list by name) does not return a
  record the user may read; an allowed write (an in-scope user editing their own record) is refused.
- WRITE LEAK: the database changed (checked as Administrator) after a write that must be refused.

Every leak and wrong denial is printed on one line, then a per-door table, then one summary line
``cases N, leaks L, wrong denials W``. Exit code 1 if either is non-zero. Requests go only to 127.0.0.1 and
stay under ``MAX_REQUESTS``.

The generic doors (``GENERIC_DOORS``) were chosen by reading Frappe's source: every ``@frappe.whitelist``
function with a doctype/docname-like parameter whose name and body look read-only.
"""

import argparse
import base64
import collections
import http.cookiejar
import io
import json
import random
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from datetime import date

MAX_REQUESTS = 5600
PARTY = "Cấp ủy Đảng"
ROLES = {
	"mgr": "DV Unit Manager",
	"off": "DV Officer",
	"rev": "DV Reviewer",
	"view": "DV Viewer",
}
MAIN_DOCTYPES = ("DV Unit", "DV Task", "DV Directive", "DV Kheo Model", "DV Evaluation")
CHILD_TABLES = {
	"DV Task Coordinating Unit": ("DV Task", "coordinating_units", None),
	"DV Task Progress": ("DV Task", "progress_updates", "narrative"),
	"DV Task Extension": ("DV Task", "extensions", "reason"),
	"DV Task Explanation": ("DV Task", "explanations", "request"),
	"DV Directive Reference": ("DV Directive", "references", "reference_issuer"),
	"DV Evaluation Score": ("DV Evaluation", "scores", "comment"),
	"DV Unit Successor": ("DV Unit", "successors", "handover_note"),
	"DV Unit Alias": ("DV Unit", "aliases", "alias"),
}
# Frappe's records about another document: (DocType field, name field).
RELATED = {
	"File": ("attached_to_doctype", "attached_to_name"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Version": ("ref_doctype", "docname"),
}
# The text fields that carry a record's token (units: the name is public, the address is not).
SECRET_FIELDS = {
	"DV Unit": ["address"],
	"DV Task": ["title", "description", "source_clause"],
	"DV Directive": ["title", "summary"],
	"DV Kheo Model": ["title", "address", "people", "work"],
	"DV Evaluation": ["evaluated_unit", "self_total"],
}
OWNING_FIELD = {
	"DV Unit": "parent_dv_unit",
	"DV Task": "presiding_unit",
	"DV Directive": "issuing_unit",
	"DV Kheo Model": "registering_unit",
	"DV Evaluation": "evaluated_unit",
}
# Fields a harmless edit changes; the evaluation has no free text of its own, so its score comment.
EDIT_FIELD = {"DV Unit": "address", "DV Task": "title", "DV Directive": "title", "DV Kheo Model": "title"}


class BudgetExceeded(Exception):
	pass


class Response:
	def __init__(self, status: int, body: bytes, content_type: str):
		self.status, self.content_type, self.body = status, content_type or "", body
		self.text = body.decode("utf-8", errors="replace")
		try:
			self.data = json.loads(self.text) if "json" in self.content_type else None
		except ValueError:
			self.data = None

	@property
	def message(self):
		return self.data.get("message") if isinstance(self.data, dict) else None

	@property
	def exc_type(self) -> str:
		return (self.data or {}).get("exc_type", "") if isinstance(self.data, dict) else ""

	def brief(self) -> str:
		exc = f" {self.exc_type}" if self.exc_type else ""
		return f"{self.status}{exc}"


def encode(value) -> str:
	return value if isinstance(value, str) else json.dumps(value)


class Client:
	requests = 0

	def __init__(self, base: str, host: str, user: str = "Guest"):
		self.base, self.host, self.user = base, host, user
		self.opener = urllib.request.build_opener(
			urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
		)

	def request(self, method: str, path: str, *, params=None, body: bytes | None = None, ctype=None):
		if Client.requests >= MAX_REQUESTS:
			raise BudgetExceeded
		Client.requests += 1
		query = "?" + urllib.parse.urlencode({k: encode(v) for k, v in params.items()}) if params else ""
		request = urllib.request.Request(
			self.base + urllib.parse.quote(path) + query, data=body, method=method
		)
		request.add_header("Host", self.host)
		request.add_header("Accept", "application/json")
		if ctype:
			request.add_header("Content-Type", ctype)
		try:
			with self.opener.open(request, timeout=120) as response:
				return Response(response.status, response.read(), response.headers.get("Content-Type"))
		except urllib.error.HTTPError as error:
			return Response(error.code, error.read(), error.headers.get("Content-Type"))

	def rest(self, method: str, path: str, data: dict | None = None, params=None) -> Response:
		body = json.dumps(data).encode() if data is not None else None
		return self.request(
			method, path, params=params, body=body, ctype="application/json" if body else None
		)

	def get(self, method: str, **params) -> Response:
		return self.request("GET", f"/api/method/{method}", params=params)

	def post(self, method: str, **params) -> Response:
		body = urllib.parse.urlencode({k: encode(v) for k, v in params.items()}).encode()
		return self.request(
			"POST", f"/api/method/{method}", body=body, ctype="application/x-www-form-urlencoded"
		)

	def upload(self, fields: dict, filename: str, content: bytes) -> Response:
		boundary = "probe" + secrets.token_hex(8)
		parts = [
			f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
			for k, v in fields.items()
		]
		parts.append(
			f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
			"Content-Type: text/plain\r\n\r\n".encode()
			+ content
			+ f"\r\n--{boundary}--\r\n".encode()
		)
		return self.request(
			"POST",
			"/api/method/upload_file",
			body=b"".join(parts),
			ctype=f"multipart/form-data; boundary={boundary}",
		)

	def login(self, user: str, password: str):
		response = self.rest("POST", "/api/method/login", {"usr": user, "pwd": password})
		assert response.status == 200, f"login {user}: {response.brief()}"
		self.user = user


@dataclass
class User:
	key: str
	email: str
	role: str
	level: str | None  # the unit key granted (with descendants), None for no grant
	unrestricted: bool = False
	scope: frozenset = frozenset()
	client: Client | None = None


@dataclass
class Rec:
	key: str
	doctype: str
	name: str
	attrs: dict
	secrets: list = field(default_factory=list)  # (label, value)
	rows: dict = field(default_factory=dict)  # child DocType -> row names


class Fixture:
	"""Everything the probe made, and the README's rule for who reads what."""

	def __init__(self):
		self.units: dict[str, str] = {}  # key -> name
		self.parent: dict[str, str | None] = {}
		self.users: dict[str, User] = {}
		self.records: dict[str, Rec] = {}
		self.by_name: dict[tuple, Rec] = {}

	def add(self, rec: Rec) -> Rec:
		self.records[rec.key] = rec
		self.by_name[(rec.doctype, rec.name)] = rec
		return rec

	def subtree(self, key: str) -> set[str]:
		keys = {key}
		changed = True
		while changed:
			more = {k for k, p in self.parent.items() if p in keys} - keys
			keys |= more
			changed = bool(more)
		return {self.units[k] for k in keys}

	def of(self, doctype: str) -> list[Rec]:
		return [r for r in self.records.values() if r.doctype == doctype]

	def readable(self, user: User, rec: Rec) -> bool:
		if user.unrestricted:
			return True
		scope, a = user.scope, rec.attrs
		if rec.doctype == "DV Unit":
			return rec.name in scope
		if rec.doctype == "DV Task":
			return a["presiding"] in scope or bool(scope & set(a.get("coord", ())))
		if rec.doctype == "DV Directive":
			if not a.get("issuing") or a["issuing"] in scope:
				return True
			return any(
				self.readable(user, t) for t in self.of("DV Task") if t.attrs.get("directive") == rec.name
			)
		if rec.doctype == "DV Kheo Model":
			return a["registering"] in scope
		if rec.doctype == "DV Evaluation":
			return a["evaluated"] in scope or a.get("reviewer") == user.email
		raise ValueError(rec.doctype)


class Probe:
	def __init__(self, args):
		self.args = args
		self.rng = random.Random(args.seed)
		self.run = time.strftime("%H%M%S") + secrets.token_hex(2)
		self.prefix = f"SECRET-{self.run}-"
		self.token_count = 0
		self.password = "Pr0be!" + secrets.token_hex(6) + "xY"
		self.admin = Client(args.base, args.host)
		self.admin.login("Administrator", args.password)
		self.fx = Fixture()
		self.findings: list[tuple] = []  # (kind, user, door, doctype, record, detail)
		self.notes: list[str] = []
		self.stats = collections.defaultdict(collections.Counter)
		self.seen = set()
		self.child_done = set()

	# --- fixture -------------------------------------------------------------------------------------------

	def token(self) -> str:
		self.token_count += 1
		return f"{self.prefix}{self.token_count:03d}Z"

	def make(self, doctype: str, values: dict) -> dict:
		response = self.admin.rest("POST", f"/api/resource/{doctype}", values)
		if "Throttled" in response.text:
			raise SystemExit(
				"Frappe refuses more than 60 new users an hour (each run makes 16): raise it with"
				" `bench --site SITE set-config -p throttle_user_limit 1000`"
			)
		assert response.status == 200, (doctype, values, response.status, response.text[:800])
		return response.data["data"]

	def call_admin(self, method: str, **params) -> Response:
		response = self.admin.post(method, **params)
		assert response.status == 200, (method, params, response.status, response.text[:800])
		return response

	def build_units(self):
		fx = self.fx
		tree = [
			("P", None),
			("D1", "P"),
			("D2", "P"),
			("C11", "D1"),
			("C12", "D1"),
			("C21", "D2"),
			("C22", "D2"),
		]
		for key, parent in tree:
			tok = self.token()
			values = {
				"unit_name": f"Đơn vị {key} PROBE {self.run}",
				"unit_kind": PARTY,
				"address": f"{tok} address",
			}
			if parent:
				values["parent_dv_unit"] = fx.units[parent]
			if key == "D2":
				values["aliases"] = [{"alias": f"{tok} alias"}]
			if key == "C22":
				values["successors"] = [
					{"successor_unit": fx.units["C21"], "handover_note": f"{tok} handover"}
				]
			doc = self.make("DV Unit", values)
			fx.units[key], fx.parent[key] = doc["name"], parent
			rec = fx.add(
				Rec(key, "DV Unit", doc["name"], {"parent": fx.units.get(parent)}, [("address", tok)])
			)
			self.note_rows(rec, doc)

	def note_rows(self, rec: Rec, doc: dict):
		"""Remember the child rows of a record: their names are as secret as the record."""
		for child, (parent, table, _field) in CHILD_TABLES.items():
			if parent != rec.doctype:
				continue
			names = [row["name"] for row in doc.get(table) or []]
			rec.rows[child] = names
			for name in names:
				if (f"row:{child}", name) not in rec.secrets:
					rec.secrets.append((f"row:{child}", name))

	def build_users(self):
		fx = self.fx
		specs = [("sysmgr", "System Manager", None, True), ("dvadmin", "DV Administrator", None, True)]
		for level in ("P", "D1", "C11"):
			specs += [(f"{rk}_{level}", role, level, False) for rk, role in ROLES.items()]
		specs += [("mgr_none", ROLES["mgr"], None, False), ("off_none", ROLES["off"], None, False)]
		# The System Manager comes first: Frappe makes the first System User of a site without another
		# System Manager one, whatever roles it was given.
		for key, role, level, unrestricted in specs:
			email = f"probe.{self.run}.{key.lower()}@dv.test"
			doc = self.make(
				"User",
				{
					"email": email,
					"first_name": f"Probe {key}",
					"send_welcome_email": 0,
					"document_follow_notify": 1,
					"new_password": self.password,
					"roles": [{"role": role}],
				},
			)
			roles = {row["role"] for row in doc.get("roles", [])}
			assert roles == {role}, f"{email} got roles {roles}, not {role}"
			user = User(key, email, role, level, unrestricted)
			if level:
				self.call_admin(
					"danvan_app.api.access.grant_unit_access",
					user=email,
					units=[fx.units[level]],
					with_descendants=1,
				)
				user.scope = frozenset(fx.subtree(level))
			fx.users[key] = user
		for user in fx.users.values():
			user.client = Client(self.args.base, self.args.host)
			user.client.login(user.email, self.password)

	def build_records(self):
		fx, u = self.fx, self.fx.units
		year = int(time.strftime("%Y"))
		base_number = 100  # a directive's number is unique per issuer, and every issuer is this run's

		def directive(key, issuing, number_suffix, reference=False, **extra):
			tok = self.token()
			values = {
				"directive_number": f"{base_number + number_suffix}-CT/TU",
				"issue_date": "2025-01-15",
				"title": f"{tok} chỉ thị",
				"summary": f"{tok} tóm tắt",
				**extra,
			}
			if issuing:
				values["issuing_unit"] = u[issuing]
			if reference:
				values["references"] = [{"reference_number": "01-CT/TW", "reference_issuer": f"{tok} ref"}]
			doc = self.make("DV Directive", values)
			rec = fx.add(Rec(key, "DV Directive", doc["name"], {"issuing": u.get(issuing)}, [("title", tok)]))
			self.note_rows(rec, doc)
			return rec

		dir_p = directive("Dir_P", "P", 1)
		dir_d2 = directive("Dir_D2", "D2", 2)
		directive("Dir_D2_private", "D2", 3, reference=True)
		directive("Dir_public", None, 4, issuer_name=f"Ban Bí thư PROBE {self.run}")

		def task(key, presiding, coord=(), directive=None, parent=None, **extra):
			tok = self.token()
			values = {
				"title": f"{tok} nhiệm vụ",
				"description": f"<p>{tok} mô tả</p>",
				"source_clause": f"{tok} điều khoản",
				"presiding_unit": u[presiding],
				"deadline_kind": "Không thời hạn",
				"coordinating_units": [{"unit": u[c]} for c in coord],
				**extra,
			}
			if directive:
				values["directive"] = directive.name
			if parent:
				values["parent_task"] = parent.name
			doc = self.make("DV Task", values)
			attrs = {
				"presiding": u[presiding],
				"coord": [u[c] for c in coord],
				"directive": directive.name if directive else None,
				"assigning": doc.get("assigning_unit"),
			}
			rec = fx.add(Rec(key, "DV Task", doc["name"], attrs, [("title", tok)]))
			self.note_rows(rec, doc)
			return rec

		t_p = task("T_P", "P", directive=dir_p)
		t_d1 = task("T_D1", "D1", directive=dir_p, parent=t_p)
		t_d2 = task("T_D2", "D2", deadline_kind="Ngày cụ thể", due_date="2027-12-31")
		task("T_C11", "C11", parent=t_d1)
		task("T_C21", "C21")
		t_coord = task("T_coord", "D2", coord=("C11",), directive=dir_d2)
		# Past its deadline (overdue on save), for the overdue report; and D1's implementing plan of the
		# province's directive, for the lineage report.
		task("T_C12_late", "C12", directive=dir_p, deadline_kind="Ngày cụ thể", due_date="2025-06-30")
		directive("Dir_D1_plan", "D1", 5, parent_directive=dir_p.name)
		for rec, unit in ((t_d2, "D2"), (t_coord, "C11"), (t_p, "P")):
			self.call_admin(
				"danvan_app.api.tasks.report_progress",
				task=rec.name,
				unit=u[unit],
				progress=30,
				narrative=f"{rec.secrets[0][1]} tiến độ",
			)
		tok = t_d2.secrets[0][1]
		response = self.admin.rest(
			"PUT",
			f"/api/resource/DV Task/{t_d2.name}",
			{
				"extensions": [{"requested_due_date": "2028-06-30", "reason": f"{tok} gia hạn"}],
				"explanations": [{"request": f"{tok} giải trình"}],
			},
		)
		assert response.status == 200, response.text[:800]
		for rec in fx.of("DV Task"):
			self.note_rows(rec, self.admin.rest("GET", f"/api/resource/DV Task/{rec.name}").data["data"])

		for key, unit in (("M_D1", "D1"), ("M_C12", "C12"), ("M_D2", "D2")):
			tok = self.token()
			doc = self.make(
				"DV Kheo Model",
				{
					"title": f"{tok} mô hình",
					"registering_unit": u[unit],
					"year": year,
					"kheo_field": "Kinh tế",
					"model_type": "Tập thể",
					"status": "Đăng ký",
					"address": f"{tok} địa bàn",
					"people": f"{tok} người dân",
					"work": f"{tok} việc làm",
				},
			)
			fx.add(Rec(key, "DV Kheo Model", doc["name"], {"registering": u[unit]}, [("title", tok)]))

		template = self.make(
			"DV Evaluation Template",
			{
				"template_title": f"Bộ tiêu chí PROBE {self.run}",
				"issuing_unit": u["P"],
				"year": 2025,
				"version": 1,
				"criteria": [{"criterion_code": "1", "criterion": "Tiêu chí chung", "max_score": 100}],
				"thresholds": [{"classification": "Hoàn thành nhiệm vụ", "min_score": 50}],
			},
		)
		for key, unit, reviewer in (("E_C11", "C11", None), ("E_C21", "C21", "rev_D1"), ("E_D2", "D2", None)):
			tok = self.token()
			values = {
				"evaluated_unit": u[unit],
				"year": 2025,
				"template": template["name"],
				"scores": [
					{
						"criterion_code": "1",
						"criterion": "Tiêu chí chung",
						"max_score": 100,
						"self_score": 60,
						"comment": f"{tok} nhận xét",
					}
				],
			}
			if reviewer:
				values["reviewer"] = fx.users[reviewer].email
			doc = self.make("DV Evaluation", values)
			attrs = {"evaluated": u[unit], "reviewer": values.get("reviewer")}
			rec = fx.add(Rec(key, "DV Evaluation", doc["name"], attrs, [("comment", tok)]))
			self.note_rows(rec, doc)

	def build_related(self):
		"""A file, comments, an assignment and a communication about hidden-to-most records."""
		fx = self.fx
		t_d2, m_c12 = fx.records["T_D2"], fx.records["M_C12"]
		tok = self.token()
		response = self.admin.upload(
			{"doctype": "DV Task", "docname": t_d2.name, "is_private": 1},
			f"{tok}-file.txt",
			f"{tok} file content".encode(),
		)
		assert response.status == 200, response.text[:800]
		self.file_url = response.message["file_url"]
		t_d2.secrets.append(("File", tok))
		for rec in (t_d2, m_c12):
			tok = self.token()
			self.call_admin(
				"frappe.desk.form.utils.add_comment",
				reference_doctype=rec.doctype,
				reference_name=rec.name,
				content=f"<p>{tok} bình luận</p>",
				comment_email="admin@example.com",
				comment_by="Administrator",
			)
			rec.secrets.append(("Comment", tok))
		tok = self.token()
		self.call_admin(
			"frappe.desk.form.assign_to.add",
			assign_to=[fx.users["mgr_P"].email],
			doctype="DV Task",
			name=t_d2.name,
			description=f"{tok} giao việc",
		)
		t_d2.secrets.append(("ToDo", tok))
		tok = self.token()
		self.call_admin(
			"frappe.core.doctype.communication.email.make",
			doctype="DV Task",
			name=t_d2.name,
			subject=f"{tok} thư",
			content=f"{tok} nội dung thư",
			recipients="probe.recipient@example.com",
			send_email=0,
			communication_medium="Email",
			sent_or_received="Sent",
		)
		t_d2.secrets.append(("Communication", tok))
		self.tag = f"probe{self.run}"
		for rec in fx.records.values():
			if rec.doctype != "DV Unit":
				self.call_admin(
					"frappe.desk.doctype.tag.tag.add_tag", tag=self.tag, dt=rec.doctype, dn=rec.name
				)

	# --- judging -------------------------------------------------------------------------------------------

	def finding(self, kind, user: User, door, doctype, rec_or_name, detail):
		name = rec_or_name.key + f" ({rec_or_name.name})" if isinstance(rec_or_name, Rec) else rec_or_name
		entry = (kind, user.key, door, doctype, name, detail)
		if entry[:5] in self.seen:
			return
		self.seen.add(entry[:5])
		self.findings.append(entry)
		self.stats[door]["leaks" if kind.endswith("LEAK") else "wrong denials"] += 1

	def note(self, text: str):
		if text not in self.notes:
			self.notes.append(text)

	def tally(self, door: str, response: Response | None, n: int = 1):
		self.stats[door]["cases"] += n
		if response is not None:
			self.stats[door]["requests"] += 1
			self.stats[door]["ok"] += response.status == 200
			if response.status >= 500:
				self.stats[door]["5xx"] += 1

	def scan(self, user: User, door: str, doctype: str, response: Response, candidates=None, asked=()):
		"""Tokens (and child row names) of records the user may not read, anywhere in the answer; a value
		the request itself carried (``asked``, a row name the user typed) is not a leak when echoed back."""
		candidates = self.fx.records.values() if candidates is None else candidates
		n, shows = 0, False
		for rec in candidates:
			n += 1
			if self.fx.readable(user, rec):
				shows = shows or any(value in response.text for _label, value in rec.secrets)
				continue
			for label, value in rec.secrets:
				if value in response.text and value not in asked:
					self.finding(
						"READ LEAK",
						user,
						door,
						doctype,
						rec,
						f"{label} token in answer (status {response.status})",
					)
					break
		self.tally(door, response, n)
		self.stats[door]["shows"] += shows

	def rows(self, user: User, door: str, doctype: str, refs):
		"""Rows a list door returned, as (DocType, name) of the record each is (or is about)."""
		for ref in refs:
			rec = self.fx.by_name.get(tuple(ref))
			if rec and not self.fx.readable(user, rec):
				self.finding("READ LEAK", user, door, doctype, rec, f"listed as a row of {ref[0]}")

	def count(
		self, user: User, door: str, doctype: str, got, expected: int, response: Response, scanned=False
	):
		"""A count of this run's records may not exceed the ones the user reads."""
		self.tally(door, None if scanned else response)
		if response.status != 200:
			return
		try:
			got = int(got or 0)
		except (TypeError, ValueError):
			self.notes.append(f"{user.key} {door} {doctype}: unreadable count {got!r}")
			return
		if got > expected:
			self.finding(
				"READ LEAK", user, door, doctype, "-", f"counts {got}, user may read {expected} of this run"
			)

	def expected(self, user: User, doctype: str) -> int:
		return sum(self.fx.readable(user, r) for r in self.fx.of(doctype))

	# --- read doors ----------------------------------------------------------------------------------------

	def main_doors(self, user: User):
		"""GET /api/resource/<dt>/<name> and getdoc for every record; get_list by name per DocType."""
		c = user.client
		for rec in self.fx.records.values():
			readable = self.fx.readable(user, rec)
			door = "GET /api/resource/<dt>/<name>"
			response = c.rest("GET", f"/api/resource/{rec.doctype}/{rec.name}")
			self.scan(user, door, rec.doctype, response, [rec])
			served = response.status == 200 and (response.data or {}).get("data", {}).get("name") == rec.name
			if readable and not served:
				self.finding("WRONG DENIAL", user, door, rec.doctype, rec, f"answered {response.brief()}")
			if not readable and served:
				self.finding("READ LEAK", user, door, rec.doctype, rec, "record served (200)")
			door = "frappe.desk.form.load.getdoc"
			response = c.get(door, doctype=rec.doctype, name=rec.name)
			self.scan(user, door, rec.doctype, response)
			docs = (response.data or {}).get("docs") or []
			served = response.status == 200 and bool(docs) and docs[0].get("name") == rec.name
			if readable and not served:
				self.finding("WRONG DENIAL", user, door, rec.doctype, rec, f"answered {response.brief()}")
			if not readable and served:
				self.finding("READ LEAK", user, door, rec.doctype, rec, "record served (200)")
		for doctype in MAIN_DOCTYPES:
			recs = self.fx.of(doctype)
			door = "frappe.client.get_list (by name)"
			response = c.get(
				"frappe.client.get_list",
				doctype=doctype,
				fields=["name"],
				filters=[["name", "in", [r.name for r in recs]]],
				limit_page_length=0,
			)
			self.scan(user, door, doctype, response, recs)
			names = {row.get("name") for row in response.message or [] if isinstance(row, dict)}
			self.rows(user, door, doctype, [(doctype, n) for n in names])
			for rec in recs:
				if self.fx.readable(user, rec) and rec.name not in names:
					self.finding("WRONG DENIAL", user, door, doctype, rec, f"not listed ({response.brief()})")

	def list_doors(self, user: User, full: bool):
		c, fx = user.client, self.fx
		for doctype in MAIN_DOCTYPES:
			recs = fx.of(doctype)
			names = [r.name for r in recs]
			by_name = [["name", "in", names]]
			fields = ["name", *[f for f in SECRET_FIELDS[doctype] if f != "name"]]
			like = (
				[["unit_name", "like", f"%PROBE {self.run}%"]]
				if doctype == "DV Unit"
				else [["name", "in", names]]
			)
			if doctype in ("DV Task", "DV Directive", "DV Kheo Model"):
				like = [["title", "like", f"%{self.prefix}%"]]
			expected = self.expected(user, doctype)

			door = "GET /api/resource/<dt>"
			response = c.rest(
				"GET", f"/api/resource/{doctype}", params={"fields": ["*"], "limit_page_length": 0}
			)
			self.scan(user, door, doctype, response, recs)
			self.rows(
				user,
				door,
				doctype,
				[(doctype, r.get("name")) for r in (response.data or {}).get("data") or []],
			)

			door = "frappe.client.get_count"
			for filters in (by_name, like):
				response = c.get(door, doctype=doctype, filters=filters)
				self.count(user, door, doctype, response.message, expected, response)

			door = "frappe.desk.search.search_link"
			response = c.get(
				door, doctype=doctype, txt=self.prefix, ignore_user_permissions=1, page_length=100
			)
			self.scan(user, door, doctype, response, recs)
			self.rows(user, door, doctype, [(doctype, r.get("value")) for r in response.message or []])
			if not full:
				continue

			door = "frappe.client.get_list (fields *)"
			response = c.get(
				"frappe.client.get_list", doctype=doctype, fields=["*"], filters=like, limit_page_length=0
			)
			self.scan(user, door, doctype, response, recs)
			self.rows(user, door, doctype, [(doctype, r.get("name")) for r in response.message or []])

			door = "frappe.desk.reportview.get"
			response = c.get(
				door,
				doctype=doctype,
				fields=[f"`tab{doctype}`.`{f}`" for f in fields if f != "self_total"],
				filters=by_name,
				page_length=0,
			)
			self.scan(user, door, doctype, response, recs)
			message = response.message or {}
			if isinstance(message, dict) and "name" in message.get("keys", []):
				index = message["keys"].index("name")
				self.rows(user, door, doctype, [(doctype, v[index]) for v in message.get("values", [])])

			door = "frappe.desk.reportview.get_count"
			response = c.get(door, doctype=doctype, filters=by_name)
			self.count(user, door, doctype, response.message, expected, response)

			door = "frappe.desk.reportview.export_query"
			response = c.post(
				door,
				doctype=doctype,
				file_format_type="CSV",
				fields=[f"`tab{doctype}`.`{f}`" for f in fields],
				filters=by_name,
				title="probe",
			)
			self.scan(user, door, doctype, response, recs)

			door = "frappe.desk.search.search_widget"
			response = c.get(
				door, doctype=doctype, txt=self.prefix, ignore_user_permissions=1, page_length=100, as_dict=1
			)
			self.scan(user, door, doctype, response, recs)
			self.rows(
				user,
				door,
				doctype,
				[(doctype, r.get("name")) for r in response.message or [] if isinstance(r, dict)],
			)

			door = "frappe.desk.listview.get_group_by_count"
			for group_field in ("assigned_to", "owner"):
				response = c.get(door, doctype=doctype, current_filters=by_name, field=group_field)
				self.scan(user, f"{door} ({group_field})", doctype, response, recs)
				groups = response.message if isinstance(response.message, list) else []
				if group_field == "owner":
					got = sum(int(g.get("count") or 0) for g in groups)
					self.count(user, f"{door} (owner)", doctype, got, expected, response, scanned=True)
				else:
					allowed = self.expected_assignees(user, doctype)
					for g in groups:
						if int(g.get("count") or 0) > allowed.get(g.get("name"), 0):
							self.finding(
								"READ LEAK",
								user,
								f"{door} (assigned_to)",
								doctype,
								"-",
								f"{g.get('name')} counted {g.get('count')}, user may see {allowed.get(g.get('name'), 0)}",
							)

			door = "frappe.desk.reportview.get_sidebar_stats"
			response = c.get(
				door, stats=["owner", "_user_tags", *fields[1:2]], doctype=doctype, filters=by_name
			)
			self.scan(user, door, doctype, response, recs)
			stats = (
				((response.message or {}).get("stats") or {}) if isinstance(response.message, dict) else {}
			)
			got = sum(int(row[1] or 0) for row in stats.get("owner", []) if len(row) > 1)
			self.count(user, door, doctype, got, expected, response, scanned=True)

			door = "frappe.desk.query_report.get_data_for_custom_field"
			response = c.get(door, doctype=doctype, field=fields[1], names=names)
			self.scan(user, door, doctype, response, recs)
			if isinstance(response.message, dict):
				self.rows(user, door, doctype, [(doctype, n) for n in response.message])

			door = "frappe.core.doctype.data_export.exporter.export_data"
			response = c.get(
				door,
				doctype=doctype,
				with_data=1,
				all_doctypes=1,
				file_type="CSV",
				select_columns={doctype: fields},
				filters=by_name,
			)
			self.scan(user, door, doctype, response, recs)

			door = "frappe.core.doctype.data_import.data_import.download_template"
			response = c.get(
				door,
				doctype=doctype,
				export_fields={doctype: fields},
				export_records="by_filter",
				export_filters=by_name,
				file_type="CSV",
			)
			self.scan(user, door, doctype, response, recs)

			door = "frappe.desk.doctype.number_card.number_card.get_result"
			response = c.get(door, doc={"function": "Count", "document_type": doctype}, filters=by_name)
			self.count(user, door, doctype, response.message, expected, response)

			if doctype != "DV Unit":
				door = "frappe.desk.doctype.tag.tag.get_tagged_docs"
				response = c.get(door, doctype=doctype, tag=self.tag)
				self.scan(user, door, doctype, response, recs)
				self.rows(
					user,
					door,
					doctype,
					[
						(doctype, r[0] if isinstance(r, list) else r.get("name"))
						for r in response.message or []
					],
				)
			else:
				for door in ("frappe.desk.treeview.get_children", "danvan_app.api.units.tree_children"):
					for parent in (fx.units["P"], fx.units["D2"], ""):
						response = c.get(door, doctype=doctype, parent=parent)
						self.scan(user, door, doctype, response, recs)

		if full:
			self.chart_doors(user)
			self.child_list_doors(user)
			self.related_list_doors(user)
			self.cross_doors(user)
			self.leader_report_doors(user)

	def expected_assignees(self, user: User, doctype: str) -> dict:
		"""Assignments the fixture made (T_D2 to the province manager), counted over readable records."""
		t_d2 = self.fx.records["T_D2"]
		if doctype == "DV Task" and self.fx.readable(user, t_d2):
			return {self.fx.users["mgr_P"].email: 1}
		return {}

	def child_list_doors(self, user: User):
		c, fx = user.client, self.fx
		for child, (parent, _table, text_field) in CHILD_TABLES.items():
			parents = fx.of(parent)
			recs = [r for r in parents if r.rows.get(child)]
			by_parent = [["parent", "in", [r.name for r in parents]]]
			fields = ["name", "parent", *([text_field] if text_field else [])]
			expected = sum(len(r.rows.get(child, [])) for r in recs if fx.readable(user, r))

			door = "GET /api/resource/<child>"
			response = c.rest(
				"GET",
				f"/api/resource/{child}",
				params={"fields": ["*"], "parent": parent, "filters": by_parent, "limit_page_length": 0},
			)
			self.scan(user, door, child, response, parents)
			data = (response.data or {}).get("data") or []
			self.rows(user, door, child, [(parent, r.get("parent")) for r in data])
			for rec in recs:
				if fx.readable(user, rec) and response.status == 200:
					missing = set(rec.rows[child]) - {r.get("name") for r in data}
					if missing:
						self.finding("WRONG DENIAL", user, door, child, rec, f"{len(missing)} rows missing")

			door = "frappe.client.get_list (child)"
			response = c.get(
				"frappe.client.get_list",
				doctype=child,
				parent=parent,
				fields=fields,
				filters=by_parent,
				limit_page_length=0,
			)
			self.scan(user, door, child, response, parents)
			self.rows(user, door, child, [(parent, r.get("parent")) for r in response.message or []])

			door = "frappe.client.get_count (child)"
			response = c.get("frappe.client.get_count", doctype=child, filters=by_parent)
			self.count(user, door, child, response.message, expected, response)

			door = "frappe.desk.reportview.get (child)"
			response = c.get(
				"frappe.desk.reportview.get",
				doctype=child,
				parent_doctype=parent,
				fields=[f"`tab{child}`.`{f}`" for f in fields],
				filters=by_parent,
			)
			self.scan(user, door, child, response, parents)

			if text_field:
				door = "frappe.desk.reportview.get (parent + child field)"
				response = c.get(
					"frappe.desk.reportview.get",
					doctype=parent,
					fields=[f"`tab{parent}`.`name`", f"`tab{child}`.`{text_field}`"],
					filters=[["name", "in", [r.name for r in parents]]],
				)
				self.scan(user, door, child, response, parents)

	def related_list_doors(self, user: User):
		c, fx = user.client, self.fx
		names = [r.name for r in fx.records.values()]
		for doctype, (dt_field, name_field) in RELATED.items():
			filters = [[name_field, "in", names]]
			door = "GET /api/resource/<related>"
			response = c.rest(
				"GET",
				f"/api/resource/{doctype}",
				params={"fields": ["*"], "filters": filters, "limit_page_length": 0},
			)
			self.scan(user, door, doctype, response)
			data = (response.data or {}).get("data") or []
			self.rows(user, door, doctype, [(r.get(dt_field), r.get(name_field)) for r in data])
			door = "frappe.client.get_list (related)"
			response = c.get(
				"frappe.client.get_list",
				doctype=doctype,
				fields=["name", dt_field, name_field],
				filters=filters,
				limit_page_length=0,
			)
			self.scan(user, door, doctype, response)
			self.rows(
				user, door, doctype, [(r.get(dt_field), r.get(name_field)) for r in response.message or []]
			)
			door = "frappe.desk.reportview.get (related)"
			text = {"File": "file_name", "Version": "data", "ToDo": "description"}.get(doctype, "content")
			response = c.get(
				"frappe.desk.reportview.get",
				doctype=doctype,
				fields=[f"`tab{doctype}`.`{f}`" for f in ("name", dt_field, name_field, text)],
				filters=filters,
			)
			self.scan(user, door, doctype, response)
		door = "GET private file url"
		response = c.request("GET", self.file_url)
		self.scan(user, door, "File", response)

	def cross_doors(self, user: User):
		c, fx = user.client, self.fx
		door = "frappe.utils.global_search.search"
		response = c.get(door, text=self.prefix, limit=100)
		self.scan(user, door, "*", response)

		door = "frappe.desk.query_report.run"
		response = c.get(
			door,
			report_name="DV Task Deadline Summary",
			filters={"unit": fx.units["P"]},
			ignore_prepared_report=1,
		)
		self.scan(user, door, "DV Task", response)
		result = (response.message or {}).get("result", []) if isinstance(response.message, dict) else []
		counts = collections.Counter(t.attrs["presiding"] for t in fx.of("DV Task") if fx.readable(user, t))
		for row in result:
			if isinstance(row, dict) and row.get("unit") and int(row.get("total") or 0) > counts[row["unit"]]:
				self.finding(
					"READ LEAK",
					user,
					door,
					"DV Task",
					row["unit"],
					f"counts {row['total']} tasks of this unit, user may read {counts[row['unit']]}",
				)
		self.tally(door, None)

	def run_report(self, user: User, report: str, filters: dict) -> tuple[Response, list[dict]]:
		door = f"frappe.desk.query_report.run ({report})"
		response = user.client.get(
			"frappe.desk.query_report.run", report_name=report, filters=filters, ignore_prepared_report=1
		)
		self.scan(user, door, "*", response)
		message = response.message if isinstance(response.message, dict) else {}
		rows = message.get("result") or []
		return response, [row for row in rows if isinstance(row, dict) and not row.get("is_total_row")]

	def unit_rows_in_scope(self, user: User, report: str, rows: list[dict]):
		"""A restricted user's report rows name only units of the user's subtree."""
		if user.unrestricted:
			return
		for row in rows:
			unit = row.get("unit")
			if unit and unit not in user.scope:
				self.finding(
					"READ LEAK", user, f"frappe.desk.query_report.run ({report})", "DV Unit", unit, "row"
				)

	def leader_report_doors(self, user: User):
		"""The leaders' reports and the report draft: rows of the user's units only, counts no larger than
		the tasks the user reads, a directive the user may not read refused (issue 13)."""
		fx = self.fx
		key_of = {name: key for key, name in fx.units.items()}
		tasks = [t for t in fx.of("DV Task") if fx.readable(user, t)]

		tree = "DV Task Outcomes by Unit Tree"
		for filters in ({}, {"parent_unit": fx.units["P"]}, {"parent_unit": fx.units["D1"]}):
			response, rows = self.run_report(user, tree, filters)
			self.unit_rows_in_scope(user, tree, rows)
			for row in rows:
				if row.get("unit") not in key_of:
					continue
				subtree = fx.subtree(key_of[row["unit"]])
				readable = sum(t.attrs["presiding"] in subtree for t in tasks)
				self.count(
					user,
					f"frappe.desk.query_report.run ({tree})",
					"DV Task",
					row.get("total"),
					readable,
					response,
					scanned=True,
				)

		# The same rows on the tree of a date (issue 14): today's date gives today's tree, so the same counts.
		today = date.today().isoformat()
		for filters in ({"as_of_date": today}, {"as_of_date": today, "parent_unit": fx.units["P"]}):
			response, rows = self.run_report(user, tree, filters)
			self.unit_rows_in_scope(user, tree, rows)
			for row in rows:
				if row.get("unit") not in key_of or row.get("own_tasks_only"):
					continue
				subtree = fx.subtree(key_of[row["unit"]])
				readable = sum(t.attrs["presiding"] in subtree for t in tasks)
				self.count(
					user,
					f"frappe.desk.query_report.run ({tree}, as of a date)",
					"DV Task",
					row.get("total"),
					readable,
					response,
					scanned=True,
				)
		# The summary's rows are presiding units: a unit out of scope may head a row only as the presiding
		# unit of a task the user reads as a coordinating unit (the report's rule, as on today's tree).
		summary = "DV Task Deadline Summary"
		presiding_read = {t.attrs["presiding"] for t in tasks}
		rows = [
			row
			for filters in ({}, {"as_of_date": today})
			for row in self.run_report(user, summary, filters)[1]
		]
		for row in rows:
			unit = row.get("unit")
			if not user.unrestricted and unit and unit not in user.scope and unit not in presiding_read:
				self.finding(
					"READ LEAK", user, f"frappe.desk.query_report.run ({summary})", "DV Unit", unit, "row"
				)

		for report in ("DV Overdue Tasks", "DV Leader Coverage"):
			_response, rows = self.run_report(user, report, {})
			self.unit_rows_in_scope(user, report, rows)

		# A unit's history (issue 14): answered for a unit the user reads, refused for any other.
		door = "danvan_app.api.units.unit_history"
		for rec in fx.of("DV Unit"):
			response = user.client.get(door, unit=rec.name)
			if fx.readable(user, rec):
				if response.status != 200:
					self.finding("WRONG DENIAL", user, door, "DV Unit", rec, response.brief())
				else:
					self.scan(user, door, "DV Unit", response)
			elif response.status == 200:
				self.finding("READ LEAK", user, door, "DV Unit", rec, "the history of a unit out of scope")
			self.tally(door, response)

		lineage = "DV Directive Lineage"
		for rec in fx.of("DV Directive"):
			response, rows = self.run_report(user, lineage, {"directive": rec.name})
			door = f"frappe.desk.query_report.run ({lineage})"
			if not fx.readable(user, rec):
				if response.status == 200:
					self.finding(
						"READ LEAK", user, door, "DV Directive", rec, f"answered with {len(rows)} rows"
					)
				continue
			if response.status != 200:
				self.finding("WRONG DENIAL", user, door, "DV Directive", rec, response.brief())
				continue
			self.unit_rows_in_scope(user, lineage, rows)
			for row in rows:
				readable = sum(
					t.attrs["presiding"] == row.get("unit") and t.attrs.get("directive") == rec.name
					for t in tasks
				)
				self.count(
					user, door, "DV Task", row.get("presiding_tasks"), readable, response, scanned=True
				)

		door = "danvan_app.api.report_drafts.download_result_report"
		for rec in fx.of("DV Directive"):
			response = user.client.get(
				door, directive=rec.name, year=2025, period="Cả năm", file_format="docx"
			)
			is_docx = response.body[:2] == b"PK"
			if not fx.readable(user, rec):
				if response.status == 200 or is_docx:
					self.finding("READ LEAK", user, door, "DV Directive", rec, "a draft of it was made")
				self.tally(door, response)
				continue
			if not is_docx:
				self.finding("WRONG DENIAL", user, door, "DV Directive", rec, response.brief())
				self.tally(door, response)
				continue
			with zipfile.ZipFile(io.BytesIO(response.body)) as document:
				text = document.read("word/document.xml").decode()
			self.scan(user, door, "*", Response(200, text.encode(), "text/xml"))

		if not user.unrestricted:
			door = "danvan_app.api.email_reports.schedule_overdue_summaries"
			response = user.client.post(door)
			self.tally(door, response)
			if response.status == 200:
				self.finding(
					"WRITE LEAK", user, door, "Auto Email Report", "-", "a restricted user scheduled mail"
				)

	def chart_doors(self, user: User):
		"""A chart over DV tasks never counts more than the user may read: Frappe's chart door without
		``refresh`` (its cache is shared by all users) and the overdue-by-unit source, against the user's
		own count of the same tasks (site-wide, so other runs' tasks count on both sides)."""
		c = user.client
		# The administrator's figures go into Frappe's chart cache first: a leak would hand them on.
		self.admin.get(
			"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
			chart_name="DV Tasks By Deadline Outcome",
			refresh=1,
		)
		readable = c.get("frappe.client.get_count", doctype="DV Task").message or 0
		overdue = (
			c.get(
				"frappe.client.get_count", doctype="DV Task", filters={"deadline_outcome": "Quá hạn"}
			).message
			or 0
		)
		source = "danvan_app.dv_directives.dashboard_chart_source.dv_overdue_tasks_by_unit.dv_overdue_tasks_by_unit.get"
		for door, chart, limit in (
			(
				"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
				"DV Tasks By Deadline Outcome",
				readable,
			),
			(source, "DV Tasks By Presiding Unit", overdue),
		):
			response = c.get(door, chart_name=chart)
			self.tally(door, response)
			message = response.message if isinstance(response.message, dict) else {}
			counted = sum(sum(d.get("values") or []) for d in message.get("datasets") or [])
			if counted > limit:
				self.finding(
					"READ LEAK", user, door, "DV Task", chart, f"counts {counted}, user reads {limit}"
				)

	def generic_doors(self, user: User, recs: list[Rec]):
		"""Every per-record door on ``recs`` (the records the user may not read; readable ones are a control
		that the door answers at all, counted in the table's "shows" column)."""
		c, fx = user.client, self.fx
		run_names = {dt: [r.name for r in fx.of(dt)] for dt in MAIN_DOCTYPES}
		for rec in recs:
			readable = fx.readable(user, rec)
			dt, name = rec.doctype, rec.name
			fields = SECRET_FIELDS[dt]
			calls = [
				("frappe.client.get", {"doctype": dt, "name": name}),
				("frappe.client.get_value", {"doctype": dt, "filters": {"name": name}, "fieldname": fields}),
				("frappe.client.validate_link", {"doctype": dt, "docname": name, "fields": fields}),
				("frappe.desk.search.get_link_title", {"doctype": dt, "docname": name}),
				("frappe.desk.form.load.get_docinfo", {"doctype": dt, "name": name}),
				("frappe.desk.form.load.get_communications", {"doctype": dt, "name": name}),
				("frappe.desk.form.linked_with.get", {"doctype": dt, "docname": name}),
				("frappe.desk.form.linked_with.get_submitted_linked_docs", {"doctype": dt, "name": name}),
				("frappe.desk.link_preview.get_preview_data", {"doctype": dt, "docname": name}),
				("frappe.www.printview.get_html_and_style", {"doc": dt, "name": name}),
				("frappe.www.printview.get_rendered_raw_commands", {"doc": dt, "name": name}),
				("frappe.client.is_document_amended", {"doctype": dt, "docname": name}),
				("frappe.share.get_users", {"doctype": dt, "name": name}),
				("frappe.desk.form.document_follow.get_follow_users", {"doctype": dt, "doc_name": name}),
				("frappe.desk.notifications.get_open_count", {"doctype": dt, "name": name}),
				(
					"frappe.social.doctype.energy_point_log.energy_point_log.get_reviews",
					{"doctype": dt, "docname": name},
				),
				(
					"frappe.printing.page.print.print.get_print_settings_to_show",
					{"doctype": dt, "docname": name},
				),
				(
					"frappe.core.doctype.submission_queue.submission_queue.get_latest_submissions",
					{"doctype": dt, "docname": name},
				),
				("frappe.core.api.file.get_attached_images", {"doctype": dt, "names": [name]}),
			]
			for door, params in calls:
				response = c.get(door, **params)
				self.scan(user, door, dt, response, [rec])
				if door in ("frappe.client.get", "frappe.client.get_value") and response.status == 200:
					if response.message and not readable:
						self.finding(
							"READ LEAK", user, door, dt, rec, f"answered {str(response.message)[:80]}"
						)
			door = "GET /printview"
			response = c.request(
				"GET", "/printview", params={"doctype": dt, "name": name, "format": "Standard"}
			)
			self.scan(user, door, dt, response, [rec])
			for door, params in (
				("frappe.utils.print_format.download_pdf", {"doctype": dt, "name": name}),
				("frappe.utils.print_format.download_multi_pdf", {"doctype": dt, "name": [name]}),
				(
					"frappe.utils.weasyprint.download_pdf",
					{"doctype": dt, "name": name, "print_format": "Standard"},
				),
			):
				response = c.get(door, **params)
				self.scan(user, door, dt, response, [rec])
				if readable:
					continue
				if response.status == 200 and "/Count 0" in response.text:
					self.note(f"{door}: 200 with an empty PDF (no page) for hidden records")
				elif response.status == 200:
					self.finding(
						"READ LEAK", user, door, dt, rec, f"served {response.content_type or 'content'} (200)"
					)
				elif "PermissionError" not in response.exc_type and response.status not in (403, 404):
					self.note(f"{door}: {response.brief()} for a hidden record (permission passed?)")
			for prev in (0, 1):
				door = f"frappe.desk.form.utils.get_next (prev={prev})"
				response = c.get(
					"frappe.desk.form.utils.get_next",
					doctype=dt,
					value=name,
					prev=prev,
					filters=[["name", "in", run_names[dt]]],
				)
				self.scan(user, door, dt, response, [rec])
				if isinstance(response.message, str):
					self.rows(user, door, dt, [(dt, response.message)])
			# Answers that say whether the user may read: not a leak of content, noted apart.
			for door, params, says_yes in (
				(
					"frappe.client.has_permission",
					{"doctype": dt, "docname": name, "perm_type": "read"},
					lambda m: isinstance(m, dict) and m.get("has_permission"),
				),
				(
					"frappe.client.get_doc_permissions",
					{"doctype": dt, "docname": name},
					lambda m: isinstance(m, dict) and (m.get("permissions") or {}).get("read"),
				),
				("frappe.realtime.can_subscribe_doc", {"doctype": dt, "docname": name}, lambda m: m is True),
			):
				response = c.get(door, **params)
				self.scan(user, door, dt, response, [rec])
				if response.status == 200 and says_yes(response.message) and not readable:
					self.note(
						f"PERMISSION ANSWER {door} says a hidden {dt} is readable (e.g. {user.key}, {rec.key})"
					)
			if not readable:
				self.child_row_doors(user, rec)

	def child_row_doors(self, user: User, rec: Rec):
		"""A hidden record's child rows, read on their own (once per child DocType and user)."""
		c = user.client
		for child, rows in rec.rows.items():
			parent, _table, text_field = CHILD_TABLES[child]
			if not rows or (user.key, child) in self.child_done:
				continue
			self.child_done.add((user.key, child))
			row = rows[0]
			field = text_field or "unit"
			calls = [
				("GET /api/resource/<child>/<row>", "rest", f"/api/resource/{child}/{row}", {}),
				(
					"frappe.client.get (child row)",
					"get",
					"frappe.client.get",
					{"name": row, "parent": parent},
				),
				(
					"frappe.client.get (child by parent filter)",
					"get",
					"frappe.client.get",
					{"filters": {"parent": rec.name}, "parent": parent},
				),
				(
					"frappe.client.get_value (child)",
					"get",
					"frappe.client.get_value",
					{"filters": {"parent": rec.name}, "fieldname": ["name", field], "parent": parent},
				),
				(
					"frappe.client.validate_link (child row)",
					"get",
					"frappe.client.validate_link",
					{"docname": row, "fields": [field]},
				),
				(
					"frappe.desk.form.load.getdoc (child row)",
					"get",
					"frappe.desk.form.load.getdoc",
					{"name": row},
				),
				(
					"frappe.www.printview.get_html_and_style (child row)",
					"get",
					"frappe.www.printview.get_html_and_style",
					{"doc": child, "name": row},
				),
				("GET /printview (child row)", "page", "/printview", {"doctype": child, "name": row}),
			]
			for door, how, target, params in calls:
				if how == "rest":
					response = c.rest("GET", target)
				elif how == "page":
					response = c.request("GET", target, params=params)
				else:
					response = c.get(target, **({"doctype": child} if "doc" not in params else {}), **params)
				self.scan(user, door, child, response, [rec], asked={row})
				if response.status == 200 and row in response.text:
					self.finding("READ LEAK", user, door, child, rec, "row served (200)")

	# --- write doors ---------------------------------------------------------------------------------------

	def admin_state(self, rec: Rec) -> dict:
		response = self.admin.rest("GET", f"/api/resource/{rec.doctype}/{rec.name}")
		if response.status == 404:
			return {"__deleted__": True}
		doc = response.data["data"]
		extra = self.admin.rest(
			"GET",
			f"/api/resource/{rec.doctype}",
			params={
				"fields": ["_liked_by", "_user_tags", "_assign", "_comments"],
				"filters": [["name", "=", rec.name]],
			},
		).data["data"][0]
		doc.update(extra)
		return strip(doc)

	def related_count(self, doctype: str, rec: Rec, user: User) -> int:
		filters = {
			"File": [["attached_to_name", "=", rec.name], ["owner", "=", user.email]],
			"Comment": [["reference_name", "=", rec.name], ["owner", "=", user.email]],
			"ToDo": [["reference_name", "=", rec.name], ["allocated_to", "=", user.email]],
			"DocShare": [["share_name", "=", rec.name], ["user", "=", user.email]],
			"Document Follow": [["ref_docname", "=", rec.name], ["user", "=", user.email]],
		}[doctype]
		response = self.admin.get("frappe.client.get_count", doctype=doctype, filters=filters)
		return int(response.message or 0)

	def write_attempts(self, user: User, rec: Rec, own_unit: str | None) -> list:
		"""(door, send(marker), what to check) for every write door on ``rec``, as ``user``."""
		c, dt, name = user.client, rec.doctype, rec.name

		def edit(marker):
			if dt == "DV Evaluation":
				return {"scores": self.score_rows(rec, comment=marker)}
			return {EDIT_FIELD[dt]: marker}

		def set_value(marker):
			if dt == "DV Evaluation":
				row = rec.rows["DV Evaluation Score"][0]
				return {
					"doctype": "DV Evaluation Score",
					"name": row,
					"fieldname": "comment",
					"value": marker,
				}
			return {"doctype": dt, "name": name, "fieldname": EDIT_FIELD[dt], "value": marker}

		def full_doc(marker):
			doc = self.admin.rest("GET", f"/api/resource/{dt}/{name}").data["data"]
			doc.update(edit(marker))
			return doc

		attempts = [
			(
				"PUT /api/resource (edit)",
				lambda m: c.rest("PUT", f"/api/resource/{dt}/{name}", edit(m)),
				"doc",
			),
		]
		if own_unit:
			attempts.append(
				(
					"PUT /api/resource (move into own scope)",
					lambda m: c.rest("PUT", f"/api/resource/{dt}/{name}", {OWNING_FIELD[dt]: own_unit}),
					"doc",
				)
			)
		attempts += [
			("frappe.client.set_value", lambda m: c.post("frappe.client.set_value", **set_value(m)), "doc"),
			("frappe.client.save", lambda m: c.post("frappe.client.save", doc=full_doc(m)), "doc"),
			(
				"frappe.client.bulk_update",
				lambda m: c.post(
					"frappe.client.bulk_update", docs=[{"doctype": dt, "docname": name, **edit(m)}]
				),
				"doc",
			),
			(
				"frappe.desk.form.save.savedocs",
				lambda m: c.post("frappe.desk.form.save.savedocs", doc=full_doc(m), action="Save"),
				"doc",
			),
			(
				"bulk_update.submit_cancel_or_update_docs",
				lambda m: c.post(
					"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs",
					doctype=dt,
					docnames=[name],
					action="update",
					data=edit(m),
				),
				"doc",
			),
		]
		if dt != "DV Kheo Model":
			attempts.append(
				(
					"frappe.client.insert (child row)",
					lambda m: c.post("frappe.client.insert", doc=self.child_row(rec, m)),
					"doc",
				)
			)
		attempts += [
			(
				"frappe.desk.like.toggle_like",
				lambda m: c.post("frappe.desk.like.toggle_like", doctype=dt, name=name, add="Yes"),
				"doc",
			),
			(
				"frappe.desk.doctype.tag.tag.add_tag",
				lambda m: c.post(
					"frappe.desk.doctype.tag.tag.add_tag", tag=f"hack{self.run}", dt=dt, dn=name
				),
				"doc",
			),
			(
				"frappe.desk.form.utils.add_comment",
				lambda m: c.post(
					"frappe.desk.form.utils.add_comment",
					reference_doctype=dt,
					reference_name=name,
					content=m,
					comment_email=user.email,
					comment_by=user.key,
				),
				"Comment",
			),
			(
				"frappe.desk.form.assign_to.add",
				lambda m: c.post(
					"frappe.desk.form.assign_to.add",
					assign_to=[user.email],
					doctype=dt,
					name=name,
					description=m,
				),
				"ToDo",
			),
			(
				"upload_file",
				lambda m: c.upload({"doctype": dt, "docname": name, "is_private": 1}, f"{m}.txt", m.encode()),
				"File",
			),
			(
				"frappe.client.attach_file",
				lambda m: c.post(
					"frappe.client.attach_file",
					filename=f"{m}-b64.txt",
					filedata=base64.b64encode(m.encode()).decode(),
					doctype=dt,
					docname=name,
					decode_base64=1,
					is_private=1,
				),
				"File",
			),
			(
				"frappe.share.add",
				lambda m: c.post("frappe.share.add", doctype=dt, name=name, user=user.email, read=1, write=1),
				"DocShare",
			),
			(
				"document_follow.follow_document",
				lambda m: c.post(
					"frappe.desk.form.document_follow.follow_document",
					doctype=dt,
					doc_name=name,
					user=user.email,
				),
				"Document Follow",
			),
		]
		child = next((ch for ch, rows in rec.rows.items() if rows and CHILD_TABLES[ch][2]), None)
		if child:
			row, text_field = rec.rows[child][0], CHILD_TABLES[child][2]
			attempts += [
				(
					"PUT /api/resource/<child>/<row>",
					lambda m: c.rest("PUT", f"/api/resource/{child}/{row}", {text_field: m}),
					"doc",
				),
				(
					"frappe.client.set_value (child row)",
					lambda m: c.post(
						"frappe.client.set_value", doctype=child, name=row, fieldname=text_field, value=m
					),
					"doc",
				),
				(
					"DELETE /api/resource/<child>/<row>",
					lambda m: c.rest("DELETE", f"/api/resource/{child}/{row}"),
					"doc",
				),
				(
					"frappe.client.delete (child row)",
					lambda m: c.post("frappe.client.delete", doctype=child, name=row),
					"doc",
				),
			]
		attempts.append(
			("frappe.client.delete", lambda m: c.post("frappe.client.delete", doctype=dt, name=name), "doc")
		)
		return attempts

	def score_rows(self, rec: Rec, **change) -> list[dict]:
		"""An evaluation's score rows as stored, with ``change`` made to the first."""
		rows = self.admin.rest("GET", f"/api/resource/DV Evaluation/{rec.name}").data["data"]["scores"]
		rows[0].update(change)
		return rows

	def child_row(self, rec: Rec, marker) -> dict:
		"""A child row added straight through frappe.client.insert (Frappe saves the parent)."""
		row = {"parent": rec.name, "parenttype": rec.doctype}
		if rec.doctype == "DV Task":
			row.update(
				doctype="DV Task Progress", parentfield="progress_updates", progress=99, narrative=marker
			)
			row.update(unit=rec.attrs["presiding"], update_date=time.strftime("%Y-%m-%d"))
		elif rec.doctype == "DV Directive":
			row.update(
				doctype="DV Directive Reference", parentfield="references", reference_number="02-CT/TW"
			)
			row["reference_issuer"] = marker
		elif rec.doctype == "DV Unit":
			row.update(doctype="DV Unit Alias", parentfield="aliases", alias=marker)
		else:
			row.update(doctype="DV Evaluation Score", parentfield="scores", criterion_code="9", max_score=10)
			row["comment"] = marker
		return row

	def try_writes(self, user_key: str, rec_key: str, allowed: bool, own: str | None = None, doors=None):
		"""Each write door once; the database, read as Administrator, tells whether it took."""
		fx = self.fx
		user, rec = fx.users[user_key], fx.records[rec_key]
		own_unit = fx.units[own] if own else None
		before = self.admin_state(rec)
		counts = {}
		for i, (door, send, check) in enumerate(self.write_attempts(user, rec, own_unit)):
			if (doors and door not in doors) or (door == "frappe.client.delete" and allowed):
				continue
			marker = f"HACK-{self.run}-{user.key}-{i}"
			if check != "doc" and check not in counts:
				counts[check] = self.related_count(check, rec, user)
			response = send(marker)
			self.tally(f"write: {door}", response)
			if check == "doc":
				after = self.admin_state(rec)
				changed = after != before
				detail = diff(before, after)
				before = after
			else:
				now = self.related_count(check, rec, user)
				changed, detail = now > counts[check], f"{check} rows {counts[check]} → {now}"
				counts[check] = now
			if allowed and not changed:
				self.finding(
					"WRONG DENIAL", user, f"write: {door}", rec.doctype, rec, f"refused {response.brief()}"
				)
			if not allowed and changed:
				self.finding(
					"WRITE LEAK", user, f"write: {door}", rec.doctype, rec, f"{response.brief()}; {detail}"
				)

	def write_phase(self):
		refused = [
			("mgr_D1", "T_D2", "D1"),
			("off_C11", "T_D1", "C11"),
			("mgr_none", "T_C11", None),
			("mgr_C11", "Dir_D2_private", "C11"),
			("off_C11", "M_C12", "C11"),
			("off_D1", "E_C21", "D1"),
			("mgr_D1", "D2", "D1"),
			("off_none", "Dir_P", None),
		]
		for user_key, rec_key, own in refused:
			self.try_writes(user_key, rec_key, allowed=False, own=own)
		edits = {
			"PUT /api/resource (edit)",
			"frappe.client.set_value",
			"frappe.client.save",
			"frappe.desk.form.save.savedocs",
			"frappe.client.bulk_update",
			"bulk_update.submit_cancel_or_update_docs",
			"frappe.client.delete",
		}
		# Readable but not theirs to change: a coordinating unit's task, a directive read through its
		# task, a viewer's own province task.
		for user_key, rec_key in (("off_C11", "T_coord"), ("mgr_C11", "Dir_D2"), ("view_P", "T_P")):
			self.try_writes(user_key, rec_key, allowed=False, doors=edits)
		allowed = {
			"PUT /api/resource (edit)",
			"frappe.client.set_value",
			"frappe.client.save",
			"frappe.desk.form.save.savedocs",
		}
		for user_key, rec_key in (("mgr_D1", "T_D1"), ("off_C11", "T_C11"), ("off_D1", "M_D1")):
			self.try_writes(user_key, rec_key, allowed=True, doors=allowed)
		self.authority_checks()
		self.exposure_checks()

	def refused_change(self, user_key: str, label: str, rec_key: str, send):
		fx = self.fx
		user, rec = fx.users[user_key], fx.records[rec_key]
		before = self.admin_state(rec)
		response = send(user.client, rec)
		self.tally(f"authority: {label}", response)
		after = self.admin_state(rec)
		if after != before:
			self.finding(
				"WRITE LEAK",
				user,
				f"authority: {label}",
				rec.doctype,
				rec,
				f"{response.brief()}; {diff(before, after)}",
			)
		return response, after

	def refused_create(self, user_key: str, label: str, doctype: str, values: dict, allowed=False):
		user = self.fx.users[user_key]
		marker = f"HACK-{self.run}-{label.replace(' ', '_')}"
		title_field = "title"
		values = {title_field: marker, **values}
		response = user.client.rest("POST", f"/api/resource/{doctype}", values)
		self.tally(f"authority: {label}", response)
		made = self.admin.get(
			"frappe.client.get_count", doctype=doctype, filters=[[title_field, "=", marker]]
		).message
		if made and not allowed:
			self.finding(
				"WRITE LEAK", user, f"authority: {label}", doctype, "-", f"{response.brief()}; created"
			)
		if allowed and not made:
			self.finding(
				"WRONG DENIAL", user, f"authority: {label}", doctype, "-", f"refused {response.brief()}"
			)
		return response

	def authority_checks(self):
		fx, u = self.fx, self.fx.units
		off_c11 = fx.users["off_C11"]

		self.refused_change(
			"off_C11",
			"set yourself reviewer of your unit's evaluation",
			"E_C11",
			lambda c, r: c.rest("PUT", f"/api/resource/DV Evaluation/{r.name}", {"reviewer": off_c11.email}),
		)
		self.refused_change(
			"mgr_C11",
			"set assigning_unit of own task to own unit",
			"T_C11",
			lambda c, r: c.rest("PUT", f"/api/resource/DV Task/{r.name}", {"assigning_unit": u["C11"]}),
		)

		def progress_put(unit_key, reported_by):
			def send(c, r):
				doc = c.rest("GET", f"/api/resource/DV Task/{r.name}").data["data"]
				rows = list(doc.get("progress_updates", []))
				rows.append(
					{
						"unit": u[unit_key],
						"progress": 55,
						"update_date": time.strftime("%Y-%m-%d"),
						"narrative": f"HACK-{self.run}-progress",
						"reported_by": reported_by,
					}
				)
				return c.rest("PUT", f"/api/resource/DV Task/{r.name}", {"progress_updates": rows})

			return send

		self.refused_change(
			"off_C11",
			"progress row for another unit via PUT",
			"T_C11",
			progress_put("D1", fx.users["mgr_P"].email),
		)
		# Own unit, someone else named as reporter: it may be taken, but only in the sender's name.
		user = fx.users["off_C11"]
		rec = fx.records["T_C11"]
		response = progress_put("C11", fx.users["mgr_P"].email)(user.client, rec)
		self.tally("authority: progress row reported_by someone else", response)
		rows = self.admin.rest("GET", f"/api/resource/DV Task/{rec.name}").data["data"]["progress_updates"]
		forged = [r for r in rows if r.get("reported_by") not in (None, "", off_c11.email, "Administrator")]
		if forged:
			self.finding(
				"WRITE LEAK",
				user,
				"authority: progress row reported_by someone else",
				"DV Task",
				rec,
				f"stored reported_by {forged[0]['reported_by']}",
			)
		self.refused_change(
			"off_C11",
			"coordinating unit edits progress rows via PUT",
			"T_coord",
			progress_put("C11", off_c11.email),
		)
		for user_key in ("mgr_none", "mgr_C11"):
			me = fx.users[user_key].email
			self.refused_change(
				user_key,
				"set dan_van_leader of a unit to yourself",
				"C11",
				lambda c, r, me=me: c.rest("PUT", f"/api/resource/DV Unit/{r.name}", {"dan_van_leader": me}),
			)
		self.refused_change(
			"mgr_D1",
			"move own unit under another parent",
			"D1",
			lambda c, r: c.rest("PUT", f"/api/resource/DV Unit/{r.name}", {"parent_dv_unit": u["D2"]}),
		)
		self.refused_change(
			"rev_D1",
			"reviewer changes the unit's self score",
			"E_C21",
			lambda c, r: c.rest(
				"PUT", f"/api/resource/DV Evaluation/{r.name}", {"scores": self.score_rows(r, self_score=99)}
			),
		)
		base = {"presiding_unit": u["C11"], "deadline_kind": "Không thời hạn"}
		hidden_dir, hidden_task = fx.records["Dir_D2_private"].name, fx.records["T_D2"].name
		self.refused_create(
			"off_C11", "task under unreadable directive", "DV Task", {**base, "directive": hidden_dir}
		)
		self.refused_create(
			"off_C11", "task under unreadable parent task", "DV Task", {**base, "parent_task": hidden_task}
		)
		self.refused_create(
			"off_C11",
			"task assigned by the district without acting for it",
			"DV Task",
			{**base, "assigning_unit": u["D1"]},
		)
		self.refused_create(
			"off_C11", "task presided by another commune", "DV Task", {**base, "presiding_unit": u["C21"]}
		)
		self.refused_create("off_C11", "own task", "DV Task", base, allowed=True)
		self.refused_create(
			"mgr_C11",
			"model of another commune",
			"DV Kheo Model",
			{
				"registering_unit": u["C21"],
				"year": int(time.strftime("%Y")),
				"kheo_field": "Kinh tế",
				"model_type": "Tập thể",
				"status": "Đăng ký",
				"address": "x",
				"people": "x",
				"work": "x",
			},
		)
		self.refused_create(
			"mgr_C11",
			"directive issued by another commune",
			"DV Directive",
			{
				"directive_number": "500-CT/TU",
				"issue_date": "2025-01-15",
				"issuing_unit": u["C21"],
			},
		)
		for label, task_key, unit_key, allowed in (
			("report progress on unreadable task", "T_D1", "C11", False),
			("report progress for another unit", "T_coord", "D2", False),
			("report progress as coordinating unit", "T_coord", "C11", True),
		):
			rec = fx.records[task_key]
			before = len(self.admin_state(rec).get("progress_updates", []))
			response = off_c11.client.post(
				"danvan_app.api.tasks.report_progress", task=rec.name, unit=u[unit_key], progress=50
			)
			self.tally(f"authority: {label}", response)
			after = len(self.admin_state(rec).get("progress_updates", []))
			if after > before and not allowed:
				self.finding(
					"WRITE LEAK",
					off_c11,
					f"authority: {label}",
					"DV Task",
					rec,
					f"{response.brief()}; row added",
				)
			if allowed and after == before:
				self.finding(
					"WRONG DENIAL",
					off_c11,
					f"authority: {label}",
					"DV Task",
					rec,
					f"refused {response.brief()}",
				)
		rec = fx.records["T_D2"]
		response = off_c11.client.post("danvan_app.api.tasks.cascade_task", task=rec.name, units=[u["C11"]])
		self.tally("authority: cascade unreadable task", response)
		made = self.admin.get(
			"frappe.client.get_count", doctype="DV Task", filters=[["parent_task", "=", rec.name]]
		).message
		if made:
			self.finding(
				"WRITE LEAK",
				off_c11,
				"authority: cascade unreadable task",
				"DV Task",
				rec,
				"sub-task created",
			)

	def exposure_checks(self):
		"""An in-scope user hands a record to someone out of scope: Frappe shares it on assignment."""
		fx = self.fx
		giver, taker, rec = fx.users["mgr_D1"], fx.users["off_none"], fx.records["T_D1"]
		for label, send in (
			(
				"assign_to.add to an out-of-scope user",
				lambda: giver.client.post(
					"frappe.desk.form.assign_to.add",
					assign_to=[taker.email],
					doctype=rec.doctype,
					name=rec.name,
				),
			),
			(
				"share.add to an out-of-scope user",
				lambda: giver.client.post(
					"frappe.share.add", doctype=rec.doctype, name=rec.name, user=taker.email, read=1
				),
			),
		):
			response = send()
			self.tally(f"exposure: {label}", response)
			seen = taker.client.rest("GET", f"/api/resource/{rec.doctype}/{rec.name}")
			if seen.status == 200:
				self.finding(
					"READ LEAK",
					taker,
					f"exposure: {label}",
					rec.doctype,
					rec,
					f"{giver.key}'s call answered {response.brief()}; then GET answered 200",
				)
				# Undo, so the next door is tried on a clean record.
				shares = self.admin.rest(
					"GET",
					"/api/resource/DocShare",
					params={"filters": [["share_name", "=", rec.name], ["user", "=", taker.email]]},
				).data["data"]
				for share in shares:
					self.admin.rest("DELETE", f"/api/resource/DocShare/{share['name']}")

	# --- the run -------------------------------------------------------------------------------------------

	def run_all(self):
		started = time.time()
		self.build_units()
		self.build_users()
		self.build_records()
		self.build_related()
		fixture_requests = Client.requests
		fx = self.fx
		levels = {"P": [], "D1": [], "C11": []}
		for user in fx.users.values():
			if user.level:
				levels[user.level].append(user)
		# Every role at commune level, one seeded role above, and both users with no grant get every list
		# door; the others get the main ones. Per-record doors: one seeded user at district and commune
		# level and the officer with no grant, on every record they may not read; the district user also
		# on one readable record per DocType, as a control that each door answers at all.
		full = {u.key for u in levels["C11"]} | {"mgr_none", "off_none"}
		full |= {self.rng.choice(levels["P"]).key, self.rng.choice(levels["D1"]).key}
		control = self.rng.choice(levels["D1"]).key
		generic = {control, self.rng.choice(levels["C11"]).key, "off_none"}
		print(
			f"run {self.run}: fixture made with {fixture_requests} requests; full list doors for {sorted(full)};"
			f" per-record doors for {sorted(generic)}; the probe users' password is {self.password}",
			flush=True,
		)
		try:
			for user in fx.users.values():
				self.main_doors(user)
				if not user.unrestricted:
					self.list_doors(user, full=user.key in full)
				if user.key in generic:
					recs = [r for r in fx.records.values() if not fx.readable(user, r)]
					if user.key == control:
						recs += [next(r for r in fx.of(dt) if fx.readable(user, r)) for dt in MAIN_DOCTYPES]
					self.generic_doors(user, recs)
				print(f"  read doors as {user.key}: {Client.requests} requests so far", flush=True)
			self.write_phase()
		except BudgetExceeded:
			self.notes.append(f"request budget of {MAX_REQUESTS} reached: the run stopped early")
		self.elapsed = time.time() - started

	def report(self) -> int:
		leaks = [f for f in self.findings if "LEAK" in f[0]]
		denials = [f for f in self.findings if "DENIAL" in f[0]]
		for kind, user, door, doctype, rec, detail in sorted(self.findings):
			print(f"{kind}: user={user} door={door} doctype={doctype} record={rec} :: {detail}")
		if self.notes:
			print("\nnotes:")
			for note in self.notes:
				print(f"  {note}")
		distinct = collections.Counter((f[0], f[2], f[3]) for f in self.findings)
		if distinct:
			print("\ndistinct (kind, door, doctype):")
			for (kind, door, doctype), n in sorted(distinct.items()):
				print(f"  {kind:13} {door} | {doctype} | {n}")
		print(
			"\nper door: cases judged, requests, answered 200, 5xx, answers showing a readable record's token,"
			" leaks, wrong denials"
		)
		print(
			f"{'door':66} {'cases':>6} {'reqs':>5} {'200':>5} {'5xx':>4} {'shows':>5} {'leaks':>5} {'denied':>6}"
		)
		for door in sorted(self.stats):
			s = self.stats[door]
			print(
				f"{door[:66]:66} {s['cases']:>6} {s['requests']:>5} {s['ok']:>5} {s['5xx']:>4} {s['shows']:>5}"
				f" {s['leaks']:>5} {s['wrong denials']:>6}"
			)
		print(f"\n{Client.requests} requests in {self.elapsed:.0f}s (run {self.run}, seed {self.args.seed})")
		cases = sum(s["cases"] for s in self.stats.values())
		print(f"cases {cases}, leaks {len(leaks)}, wrong denials {len(denials)}")
		return 1 if leaks or denials else 0


IGNORED = {"modified", "modified_by", "_seen", "creation", "owner", "idx", "docstatus"}


def strip(value):
	if isinstance(value, dict):
		return {k: strip(v) for k, v in value.items() if k not in IGNORED}
	if isinstance(value, list):
		return [strip(v) for v in value]
	return value


def diff(before: dict, after: dict) -> str:
	changed = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
	return "changed " + ", ".join(
		f"{k}: {str(before.get(k))[:40]!r} → {str(after.get(k))[:40]!r}" for k in changed[:3]
	)


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("--base", default="http://127.0.0.1:8011")
	parser.add_argument("--host", required=True, help="the site name, sent as the Host header")
	parser.add_argument("--password", default="admin", help="Administrator's password")
	parser.add_argument("--seed", type=int, default=None)
	args = parser.parse_args()
	host = urllib.parse.urlsplit(args.base).hostname
	if host != "127.0.0.1":
		parser.error("--base must point at 127.0.0.1")
	if args.seed is None:
		args.seed = random.randrange(10**6)
	probe = Probe(args)
	probe.run_all()
	sys.exit(probe.report())


if __name__ == "__main__":
	main()
