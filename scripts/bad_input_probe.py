"""Send a served site seeded random bad input, as a misbehaving client would (not a CI test).

    python scripts/bad_input_probe.py --base http://127.0.0.1:8012 --host SITE --password admin --seed 1

As Administrator it makes a province with two districts and a commune, a district officer (DV Officer,
granted district 1 and below), a DV Administrator, a directive, tasks, an evaluation template and an
evaluation, and a Dân vận khéo model. Then, as Administrator, the DV Administrator and the officer, it sends
``--requests`` requests to every whitelisted method of the app and to POST/PUT /api/resource for every DV
DocType, nearly all of them malformed: missing arguments, broken JSON strings, lists for dicts and dicts for
lists, names given as dicts, impossible dates and numbers, megabyte strings, child rows without their
required fields, links to records that do not exist; a few valid ones so that writes happen.

For each request it records the HTTP status and whether a refusal says why in Vietnamese; after each
refused write it checks, as Administrator, that nothing was written (row counts and the latest ``modified``
of the DocTypes the request aims at). At the end it looks for DV links to units, tasks or directives that
do not exist. It prints a table per target and outcome, the causes of HTTP 500, the refusals without a
Vietnamese message, the partial writes and dangling links, and the summary line; it exits 1 when any
request got HTTP 500, any refused write left something behind, or any link dangles.
"""

import argparse
import http.client
import http.cookiejar
import json
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

TIMEOUT = 60  # seconds per request
WORKER_TIMEOUT = 125  # a little over the served gunicorn's -t 120: a request still running is killed by then
VIETNAMESE_LETTERS = frozenset(
	"àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
	"ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
)
MB = 1024 * 1024
BIG = ("Dân vận khéo " * (MB // 13 + 1))[:MB]  # a megabyte of text (characters)
LAYOUT = frozenset({"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading", "Fold"})
TABLES = frozenset({"Table", "Table MultiSelect"})
DOCTYPES = (
	"DV Unit",
	"DV Task",
	"DV Directive",
	"DV Kheo Model",
	"DV Evaluation",
	"DV Evaluation Template",
	"DV Unit Kind",
	"DV Admin Level",
	"DV Kheo Field",
	"DV Commendation",
	"DV Kheo Target",
	"DV Inspection",
	"DV Evaluation Cycle",
)
METHODS = {
	"report_progress": "danvan_app.api.tasks.report_progress",
	"cascade_task": "danvan_app.api.tasks.cascade_task",
	"preview_directive_text": "danvan_app.api.directives.preview_directive_text",
	"confirm_directive_import": "danvan_app.api.directives.confirm_directive_import",
	"create_tasks": "danvan_app.api.directives.create_tasks",
	"grant_unit_access": "danvan_app.api.access.grant_unit_access",
	"tree_children": "danvan_app.api.units.tree_children",
	"dashboard_chart": "frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
	"overdue_by_unit": (
		"danvan_app.dv_directives.dashboard_chart_source.dv_overdue_tasks_by_unit.dv_overdue_tasks_by_unit.get"
	),
	"remind_units_below_target": "danvan_app.api.kheo.remind_units_below_target",
	"units_below_target": "danvan_app.api.kheo.units_below_target",
	"targets_report": "frappe.desk.query_report.run",
	"create_follow_ups": "danvan_app.api.inspections.create_follow_ups",
	"create_cycle_evaluations": "danvan_app.api.evaluations.create_cycle_evaluations",
	"close_cycle": "danvan_app.api.evaluations.close_cycle",
	"leaders_report": "frappe.desk.query_report.run",
	"remind_about_missing_leaders": "danvan_app.api.units.remind_about_missing_leaders",
	"unit_history": "danvan_app.api.units.unit_history",
	"leader_coverage_card": "danvan_app.api.units.leader_coverage_card",
	"schedule_overdue_summaries": "danvan_app.api.email_reports.schedule_overdue_summaries",
	"download_result_report": "danvan_app.api.report_drafts.download_result_report",
}
MISSING_NAME = {
	"DV Unit": "DVI-99999",
	"DV Directive": "VB-99999",
	"DV Task": "NV-2025-999999",
	"DV Evaluation Template": "BTC-2025-DVI-99999-v9",
	"DV Kheo Model": "MH-2025-99999",
	"DV Evaluation": "DG-2025-99999",
	"DV Commendation": "KT-2025-99999",
	"DV Inspection": "KTGS-2025-99999",
	"DV Evaluation Cycle": "DGK-2025-9999",
	"User": "khong.co.ai@dv.test",
}
DIRECTIVE_TEXT = """TỈNH ỦY THỬ NGHIỆM
Số {number}
CHỈ THỊ
về tăng cường công tác dân vận trong tình hình mới

1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc tỉnh tham mưu sơ kết việc thực hiện
Quy chế công tác dân vận, hoàn thành trước ngày 30/6/2027.
2. Các huyện ủy xây dựng kế hoạch triển khai phong trào thi đua "Dân vận khéo", báo cáo hằng quý.
"""


# --- talking to the site -------------------------------------------------------------------------------


class Client:
	def __init__(self, base: str, host: str, label: str):
		self.base, self.host, self.label = base, host, label
		self.opener = urllib.request.build_opener(
			urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
		)

	def call(self, method: str, path: str, data=None, params: dict | None = None, form: bool = False):
		"""(status, decoded body): status 0 when the site did not answer within TIMEOUT, -1 when the
		connection broke."""
		url = self.base + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(params) if params else "")
		body = None
		if data is not None and form:
			fields = {
				key: value if isinstance(value, str) else json.dumps(value)
				for key, value in data.items()
				if value is not None
			}
			body = urllib.parse.urlencode(fields).encode()
		elif data is not None:
			body = json.dumps(data).encode()
		request = urllib.request.Request(url, data=body, method=method)
		request.add_header("Host", self.host)
		request.add_header("Accept", "application/json")
		if body is not None:
			request.add_header(
				"Content-Type", "application/x-www-form-urlencoded" if form else "application/json"
			)
		try:
			with self.opener.open(request, timeout=TIMEOUT) as response:
				return response.status, decode(response.read())
		except urllib.error.HTTPError as error:
			return error.code, decode(error.read())
		except TimeoutError:
			return 0, {"_raw": f"no answer within {TIMEOUT} s"}
		except urllib.error.URLError as error:
			if isinstance(error.reason, TimeoutError):
				return 0, {"_raw": f"no answer within {TIMEOUT} s"}
			return -1, {"_raw": f"connection failed: {error.reason}"}
		except (ConnectionError, http.client.HTTPException) as error:
			return -1, {"_raw": f"connection failed: {error!r}"}

	def login(self, user: str, password: str):
		status, body = self.call("POST", "/api/method/login", {"usr": user, "pwd": password})
		assert status == 200, f"login {user}: {status} {body}"


def decode(raw: bytes) -> dict:
	try:
		body = json.loads(raw or b"{}")
	except ValueError:
		return {"_raw": raw[:3000].decode("utf-8", "replace")}
	return body if isinstance(body, dict) else {"_raw": body}


def strip_html(text: str) -> str:
	return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()


def messages_of(body: dict) -> list[str]:
	"""The message texts of a response: ``_server_messages`` (a JSON list of JSON strings) and
	``exception``."""
	found = []
	server_messages = body.get("_server_messages")
	if isinstance(server_messages, str):
		try:
			items = json.loads(server_messages)
		except ValueError:
			items = [server_messages]
		for item in items if isinstance(items, list) else [items]:
			try:
				message = json.loads(item) if isinstance(item, str) else item
			except ValueError:
				message = item
			text = message.get("message") if isinstance(message, dict) else message
			if text:
				found.append(strip_html(str(text)))
	if body.get("exception"):
		found.append(strip_html(str(body["exception"])))
	return found


def is_vietnamese(text: str) -> bool:
	return any(letter in VIETNAMESE_LETTERS for letter in text)


def traceback_lines(body: dict) -> list[str]:
	"""The lines of the last traceback in the response's ``exc`` field (a JSON list of tracebacks)."""
	exc = body.get("exc")
	if not isinstance(exc, str):
		return []
	try:
		tracebacks = json.loads(exc)
	except ValueError:
		tracebacks = [exc]
	for traceback in reversed(tracebacks if isinstance(tracebacks, list) else [tracebacks]):
		lines = [line.strip() for line in str(traceback).splitlines() if line.strip()]
		if lines:
			return lines
	return []


def last_traceback_line(body: dict) -> str:
	lines = traceback_lines(body)
	if lines:
		return lines[-1][:300]
	return str(body.get("exception") or body.get("exc_type") or body.get("_raw") or "(no traceback)")[:300]


def traceback_origin(body: dict) -> str:
	"""Where the exception was raised: the innermost frame, and the innermost frame in danvan_app."""
	frames = [line for line in traceback_lines(body) if line.startswith('File "')]

	def short(frame: str) -> str:
		match = re.match(r'File "(?:.*/apps/)?([^"]+)", line (\d+), in (.+)', frame)
		return f"{match[1]}:{match[2]} {match[3]}" if match else frame

	if not frames:
		return "(no frames)"
	app = [frame for frame in frames if "danvan_app/" in frame]
	origin = short(frames[-1])
	if app and app[-1] != frames[-1]:
		origin += f" (from {short(app[-1])})"
	return origin


def describe(value, depth: int = 0):
	"""A value small enough to print: long strings and long lists are summarised."""
	if isinstance(value, str) and len(value) > 80:
		return f"<str of {len(value):,} chars: {value[:24]!r}…>"
	if isinstance(value, float) and value != value:
		return "<NaN>"
	if isinstance(value, float) and value in (float("inf"), float("-inf")):
		return f"<{value}>"
	if isinstance(value, list):
		items = [describe(item, depth + 1) for item in value[:3]]
		return [*items, f"<… {len(value):,} items>"] if len(value) > 3 else items
	if isinstance(value, dict):
		return {key: describe(item, depth + 1) for key, item in value.items()}
	return value


def shown(value, limit: int = 400) -> str:
	text = json.dumps(describe(value), ensure_ascii=False, default=str)
	return text if len(text) <= limit else text[:limit] + "…"


# --- the probe -----------------------------------------------------------------------------------------


class Probe:
	def __init__(self, args):
		self.args = args
		self.rng = random.Random(args.seed)
		self.admin = Client(args.base, args.host, "Administrator")
		self.admin.login("Administrator", args.password)
		self.meta: dict[str, list[dict]] = {}
		self.counter = 0
		self.records: list[dict] = []
		self.snapshot_cache: dict[tuple, object] = {}
		self.year = int(time.strftime("%Y"))
		self.today = time.strftime("%Y-%m-%d")
		self.due = f"{self.year + 1}-06-30"

	# setup ------------------------------------------------------------------------------------------

	def make(self, doctype: str, values: dict) -> str:
		status, body = self.admin.call("POST", f"/api/resource/{doctype}", values)
		assert status == 200, f"setup: {doctype}: {status} {messages_of(body) or body}"
		return body["data"]["name"]

	def load_meta(self, doctype: str):
		if doctype in self.meta:
			return
		status, body = self.admin.call(
			"GET", "/api/method/frappe.desk.form.load.getdoctype", params={"doctype": doctype}
		)
		assert status == 200, f"setup: meta of {doctype}: {status}"
		for doc in body["docs"]:
			if doc.get("doctype") == "DocType":
				self.meta[doc["name"]] = [
					field for field in doc.get("fields", []) if field.get("fieldtype") not in LAYOUT
				]

	def setup(self):
		for doctype in (*DOCTYPES, "DV Settings"):
			self.load_meta(doctype)
		self.run = f"{self.args.seed}-{time.strftime('%H%M%S')}"
		run, cap = self.run, "Cấp ủy Đảng"
		self.province = self.make("DV Unit", {"unit_name": f"Tỉnh thử {run}", "unit_kind": cap})
		self.district1 = self.make(
			"DV Unit", {"unit_name": f"Huyện thử 1 {run}", "unit_kind": cap, "parent_dv_unit": self.province}
		)
		self.district2 = self.make(
			"DV Unit", {"unit_name": f"Huyện thử 2 {run}", "unit_kind": cap, "parent_dv_unit": self.province}
		)
		self.commune = self.make(
			"DV Unit", {"unit_name": f"Xã thử {run}", "unit_kind": cap, "parent_dv_unit": self.district1}
		)
		self.password = "Dv-bad-input-2026!"
		self.officer = self.make_user(f"bad.officer.{run}@dv.test", "DV Officer")
		self.dv_admin = self.make_user(f"bad.admin.{run}@dv.test", "DV Administrator")
		self.grantee = self.make_user(f"bad.grantee.{run}@dv.test", "DV Officer")
		status, body = self.admin.call(
			"POST",
			f"/api/method/{METHODS['grant_unit_access']}",
			{"user": self.officer, "units": [self.district1], "with_descendants": 1},
		)
		assert status == 200, f"setup: grant: {status} {messages_of(body)}"
		self.number_base = 100 + self.rng.randrange(800)
		self.directive = self.make(
			"DV Directive",
			{
				"directive_number": self.directive_number(),
				"issue_date": f"{self.year - 1}-03-15",
				"title": f"Chỉ thị thử nghiệm {run}",
				"issuing_unit": self.province,
			},
		)
		task = {"deadline_kind": "Trước ngày", "due_date": self.due, "directive": self.directive}
		self.task_province = self.make(
			"DV Task",
			{
				**task,
				"title": "Tỉnh chủ trì, huyện 1 phối hợp",
				"presiding_unit": self.province,
				"coordinating_units": [{"unit": self.district1}],
			},
		)
		self.task_district1 = self.make(
			"DV Task", {**task, "title": "Huyện 1 chủ trì", "presiding_unit": self.district1}
		)
		self.task_district2 = self.make(
			"DV Task", {**task, "title": "Huyện 2 chủ trì", "presiding_unit": self.district2}
		)
		self.template = self.make(
			"DV Evaluation Template",
			{
				"template_title": f"Bộ tiêu chí thử {run}",
				"issuing_unit": self.province,
				"year": self.year,
				"version": 1,
				"criteria": [
					{"criterion_code": "1", "criterion": "Nắm tình hình nhân dân", "max_score": 50},
					{"criterion_code": "2", "criterion": "Dân vận chính quyền", "max_score": 50},
				],
				"thresholds": [
					{"classification": "Hoàn thành xuất sắc nhiệm vụ", "min_score": 90},
					{"classification": "Hoàn thành tốt nhiệm vụ", "min_score": 70},
					{"classification": "Hoàn thành nhiệm vụ", "min_score": 50},
					{"classification": "Không hoàn thành nhiệm vụ", "min_score": 0},
				],
			},
		)
		self.evaluation = self.make(
			"DV Evaluation", {"evaluated_unit": self.district1, "year": self.year, "template": self.template}
		)
		self.model = self.make("DV Kheo Model", self.valid_doc("DV Kheo Model"))
		self.kind = self.make("DV Unit Kind", self.valid_doc("DV Unit Kind"))
		self.level = self.make("DV Admin Level", self.valid_doc("DV Admin Level"))
		self.field = self.make("DV Kheo Field", self.valid_doc("DV Kheo Field"))
		self.commendation = self.make("DV Commendation", self.valid_doc("DV Commendation"))
		# The run's own unit kind, so its targets never meet an earlier run's.
		self.kind_for_targets = self.kind
		self.target = self.make("DV Kheo Target", self.valid_doc("DV Kheo Target"))
		self.inspection = self.make("DV Inspection", self.valid_doc("DV Inspection"))
		self.cycle = self.make("DV Evaluation Cycle", self.valid_doc("DV Evaluation Cycle"))
		self.records_to_update = {
			"DV Unit": [self.district2, self.commune],
			"DV Task": [self.task_district1, self.task_province, self.task_district2],
			"DV Directive": [self.directive],
			"DV Kheo Model": [self.model],
			"DV Evaluation": [self.evaluation],
			"DV Evaluation Template": [self.template],
			"DV Unit Kind": [self.kind],
			"DV Admin Level": [self.level],
			"DV Kheo Field": [self.field],
			"DV Commendation": [self.commendation],
			"DV Kheo Target": [self.target],
			"DV Inspection": [self.inspection],
			"DV Evaluation Cycle": [self.cycle],
			"DV Settings": ["DV Settings"],
		}
		self.clients = {"Administrator": self.admin}
		for label, user in (("DV Administrator", self.dv_admin), ("officer", self.officer)):
			self.clients[label] = Client(self.args.base, self.args.host, label)
			self.clients[label].login(user, self.password)
		print(
			f"setup: province {self.province}, districts {self.district1} (officer's) {self.district2}, commune "
			f"{self.commune}; directive {self.directive}; tasks {self.task_province} {self.task_district1} "
			f"{self.task_district2}; template {self.template}; evaluation {self.evaluation}; model {self.model}"
		)

	def make_user(self, email: str, role: str) -> str:
		return self.make(
			"User",
			{
				"email": email,
				"first_name": f"Thử {role}",
				"send_welcome_email": 0,
				"new_password": self.password,
				"roles": [{"role": role}],
			},
		)

	def next(self) -> int:
		self.counter += 1
		return self.counter

	def directive_number(self) -> str:
		return f"{self.number_base + self.next()}-CT/TU"

	# valid values -----------------------------------------------------------------------------------

	def valid_doc(self, doctype: str, actor: str = "Administrator") -> dict:
		i, run = self.next(), self.run
		officer = actor == "officer"
		if doctype == "DV Unit":
			parent = self.commune if officer else self.rng.choice([self.district1, self.district2])
			return {
				"unit_name": f"Đơn vị thử {run}-{i}",
				"unit_kind": "Cấp ủy Đảng",
				"parent_dv_unit": parent,
			}
		if doctype == "DV Task":
			presiding = self.district1 if officer else self.rng.choice([self.district1, self.district2])
			return {
				"title": f"Nhiệm vụ thử {i}",
				"presiding_unit": presiding,
				"deadline_kind": "Trước ngày",
				"due_date": self.due,
				"coordinating_units": [
					{"unit": self.commune if presiding == self.district1 else self.district1}
				],
			}
		if doctype == "DV Directive":
			return {
				"directive_number": self.directive_number(),
				"issue_date": f"{self.year - 1}-05-20",
				"title": f"Kế hoạch thử {run}-{i}",
				"issuing_unit": self.province,
			}
		if doctype == "DV Kheo Model":
			return {
				"title": f"Mô hình thử {run}-{i}",
				"registering_unit": self.district1,
				"year": self.year,
				"kheo_field": "Kinh tế",
				"model_type": "Tập thể",
				"status": "Đăng ký",
				"address": "Xã thử",
				"people": "Hội viên nông dân",
				"work": "Làm đường giao thông nông thôn",
			}
		if doctype == "DV Evaluation":
			return {"evaluated_unit": self.commune, "year": self.year, "template": self.template}
		if doctype == "DV Evaluation Template":
			return {
				"template_title": f"Bộ tiêu chí thử {run}-{i}",
				"issuing_unit": self.province,
				"year": self.year,
				"version": 100 + i,
				"criteria": [{"criterion_code": "1", "criterion": "Tiêu chí một", "max_score": 100}],
				"thresholds": [
					{"classification": "Hoàn thành nhiệm vụ", "min_score": 50},
					{"classification": "Không hoàn thành nhiệm vụ", "min_score": 0},
				],
			}
		if doctype == "DV Unit Kind":
			return {"kind_name": f"Loại đơn vị thử {run}-{i}", "description": "Thử"}
		if doctype == "DV Admin Level":
			return {"level_name": f"Cấp thử {run}-{i}", "level_order": 9}
		if doctype == "DV Kheo Field":
			return {"field_name": f"Lĩnh vực thử {run}-{i}", "description": "Thử"}
		if doctype == "DV Commendation":
			return {
				"commended_unit": self.district1,
				"recipient_name": f"Chi hội thử {run}-{i}",
				"commendation_form": "Giấy khen",
				"decision_number": f"{i}/QĐ-KT",
				"decision_date": f"{self.year}-10-15",
			}
		if doctype == "DV Inspection":
			return {
				"title": f"Kiểm tra thử {run}-{i}",
				"inspecting_unit": self.district1 if officer else self.province,
				"year": self.year,
				"inspected_units": [{"inspected_unit": self.commune, "recommendation": "Khắc phục thử"}],
			}
		if doctype == "DV Evaluation Cycle":
			return {
				"title": f"Đợt đánh giá thử {run}-{i}",
				"evaluating_unit": self.province,
				"year": self.year,
				"template": self.template,
			}
		if doctype == "DV Kheo Target":
			# One target per kind, level and year: a fresh combination for each run and request.
			return {
				"unit_kind": self.kind_for_targets,
				"year": 1999 + i % 28,
				"admin_level": self.rng.choice(["Xã, phường, đặc khu", "Tỉnh, thành phố", None]),
				"min_registered": 1,
			}
		raise ValueError(doctype)

	def valid_update(self, doctype: str) -> dict:
		return {
			"DV Unit": {"address": "Địa chỉ sửa"},
			"DV Task": {"description": "Mô tả sửa"},
			"DV Directive": {"summary": "Tóm tắt sửa"},
			"DV Kheo Model": {"objectives": "Mục tiêu sửa"},
			"DV Evaluation": {},
			"DV Evaluation Template": {"template_title": f"Bộ tiêu chí sửa {self.next()}"},
			"DV Unit Kind": {"description": "Mô tả sửa"},
			"DV Admin Level": {"level_order": 8},
			"DV Kheo Field": {"description": "Mô tả sửa"},
			"DV Commendation": {"issuer": "Ủy ban nhân dân tỉnh"},
			"DV Inspection": {"topic": "Nội dung sửa"},
			"DV Evaluation Cycle": {"review_until": f"{self.year}-12-20"},
			"DV Kheo Target": {"min_recognised": self.rng.randint(0, 2)},
			"DV Settings": {"due_soon_days": self.rng.randint(3, 10)},
		}[doctype]

	def valid_row(self, child: str) -> dict:
		rows = {
			"DV Task Coordinating Unit": {"unit": self.commune},
			"DV Task Progress": {
				"update_date": self.today,
				"unit": self.district1,
				"progress": 30,
				"narrative": "Đã làm",
			},
			"DV Task Extension": {
				"requested_due_date": f"{self.year + 2}-01-31",
				"reason": "Cần thêm thời gian",
			},
			"DV Task Explanation": {"request": "Đề nghị giải trình"},
			"DV Directive Reference": {"reference_number": "12-CT/TW", "reference_date": "2020-01-10"},
			"DV Evaluation Criterion": {"criterion_code": "9", "criterion": "Tiêu chí thêm", "max_score": 10},
			"DV Evaluation Threshold": {"classification": "Hoàn thành nhiệm vụ", "min_score": 0},
			"DV Evaluation Score": {"criterion_code": "1", "self_score": 10},
			"DV Unit Alias": {"alias": "Tên gọi khác"},
			"DV Unit Successor": {"successor_unit": self.district2},
		}
		return dict(rows.get(child) or {})

	def valid_task_entry(self, actor: str) -> dict:
		presiding = (
			self.district1 if actor == "officer" else self.rng.choice([self.district1, self.district2])
		)
		return {
			"title": f"Nhiệm vụ nhập nhanh {self.run}-{self.next()}",
			"presiding_unit": presiding,
			"coordinating_units": [self.commune] if presiding == self.district1 else [],
			"deadline_kind": "Trước ngày",
			"due_date": self.due,
		}

	# bad values -------------------------------------------------------------------------------------

	def pick(self, choices: list[tuple]) -> tuple:
		return self.rng.choice(choices)

	def bad_name(self, doctype: str, valid: str) -> tuple:
		return self.pick(
			[
				("nonexistent name", MISSING_NAME.get(doctype, "Không có")),
				("name as dict", {"name": valid}),
				("name as list", [valid]),
				("name as nested list", [[valid]]),
				("name as number", 12345),
				("name null", None),
				("name empty", ""),
				("name 1 MB", BIG),
				("name with quote", f"{valid}' OR '1'='1"),
				("malformed JSON name", '{"name": '),
			]
		)

	def bad_text(self) -> tuple:
		return self.pick(
			[
				("1 MB string", BIG),
				("number", 12345),
				("list", ["chuỗi"]),
				("dict", {"a": 1}),
				("nested list", [[None]]),
				("control bytes", "\x00\x01\x02\ufffe"),
				("1e308", 1e308),
			]
		)

	def bad_number(self, percent: bool = False) -> tuple:
		choices = [
			("'abc'", "abc"),
			("'inf'", "inf"),
			("1e308", 1e308),
			("Infinity", float("inf")),
			("NaN", float("nan")),
			("-5", -5),
			("'1e999'", "1e999"),
			("2**70", 2**70),
			("list", [1]),
			("dict", {}),
			("nested list", [[5]]),
		]
		if percent:
			choices += [("101", 101), ("101 as string", "101"), ("-0.5", -0.5)]
		return self.pick(choices)

	def bad_date(self) -> tuple:
		return self.pick(
			[
				("'99999-01-01'", "99999-01-01"),
				("'2025-02-30'", "2025-02-30"),
				("'hôm qua'", "hôm qua"),
				("12345", 12345),
				("{}", {}),
				("[]", ["2025-01-01"]),
				("'2025-13-45'", "2025-13-45"),
				("'0000-00-00'", "0000-00-00"),
				("'31/12/2025'", "31/12/2025"),
				("'1800-01-01'", "1800-01-01"),
				("1e308", 1e308),
			]
		)

	def bad_select(self, options: str) -> tuple:
		first = (options or "").split("\n")[-1]
		return self.pick(
			[
				("list", [first]),
				("dict", {"value": first}),
				("unknown option", "Không có lựa chọn này"),
				("number", 3),
				("nested list", [[first]]),
				("1 MB string", BIG),
			]
		)

	def bad_check(self) -> tuple:
		return self.pick(
			[("'abc'", "abc"), ("2", 2), ("-1", -1), ("list", [1]), ("dict", {}), ("'inf'", "inf")]
		)

	def bad_attach(self) -> tuple:
		return self.pick(
			[
				("path outside files", "/etc/passwd"),
				("relative path", "../../site_config.json"),
				("1 MB string", BIG),
				("dict", {"file_url": "/files/x.txt"}),
				("list", ["/files/x.txt"]),
			]
		)

	def bad_for_field(self, doctype: str, field: dict, depth: int = 0) -> tuple:
		fieldtype, options = field.get("fieldtype"), field.get("options") or ""
		if fieldtype in TABLES and depth == 0:
			return self.bad_table(options)
		if fieldtype == "Link":
			valid = {
				"DV Unit": self.district1,
				"DV Directive": self.directive,
				"DV Task": self.task_district1,
			}
			return self.bad_name(options, valid.get(options, "x"))
		if fieldtype == "Select":
			return self.bad_select(options)
		if fieldtype in ("Int", "Float", "Currency", "Percent"):
			return self.bad_number(percent=fieldtype == "Percent")
		if fieldtype == "Check":
			return self.bad_check()
		if fieldtype in ("Date", "Datetime"):
			return self.bad_date()
		if fieldtype == "Attach":
			return self.bad_attach()
		return self.bad_text()

	def bad_table(self, child: str) -> tuple:
		row = self.valid_row(child)
		fields = self.meta.get(child, [])
		required = [f["fieldname"] for f in fields if f.get("reqd")]
		choices = [
			("table as dict", lambda: row),
			("table row null", lambda: [None]),
			("table row nested list", lambda: [[row]]),
			("table row string", lambda: ["DVI-99999"]),
			("table malformed JSON string", lambda: '[{"' + next(iter(row), "x") + '": '),
			("table as string", lambda: "không phải danh sách"),
		]
		for fieldname in required:
			choices.append(
				(
					f"row without required {fieldname}",
					lambda fieldname=fieldname: [{k: v for k, v in row.items() if k != fieldname}],
				)
			)
		editable = [f for f in fields if f.get("fieldtype") not in TABLES]
		for _ in range(3):
			if editable:
				choices.append(("row with bad field", None))
		if child == "DV Task Coordinating Unit":
			choices.append(
				("10,000 nonexistent units", lambda: [{"unit": f"DVI-9{i:05d}"} for i in range(10_000)])
			)
		label, make = self.pick(choices)
		if make is None:
			field = self.rng.choice(editable)
			bad_label, value = self.bad_for_field(child, field, depth=1)
			return f"row {field['fieldname']}: {bad_label}", [{**row, field["fieldname"]: value}]
		return label, make()

	# requests ---------------------------------------------------------------------------------------

	def resource_request(self, doctype: str, verb: str, actor: str) -> dict:
		fields = self.meta[doctype]
		if verb == "POST":
			path, body = f"/api/resource/{doctype}", self.valid_doc(doctype, actor)
		else:
			name = self.rng.choice(self.records_to_update[doctype])
			path, body = f"/api/resource/{doctype}/{name}", self.valid_update(doctype)
		labels = []
		if self.rng.random() < 0.12:
			labels.append("valid")
		else:
			for _ in range(1 if self.rng.random() < 0.75 else 2):
				kind = self.rng.random()
				required = [f for f in fields if f.get("reqd")]
				if kind < 0.12 and required:
					field = self.rng.choice(required)
					if verb == "POST":
						body.pop(field["fieldname"], None)
						labels.append(f"{field['fieldname']}: missing required")
					else:
						body[field["fieldname"]] = self.rng.choice([None, ""])
						labels.append(f"{field['fieldname']}: required set to {body[field['fieldname']]!r}")
				elif kind < 0.17:
					label, value = self.pick([("dict", {"name": "x"}), ("list", ["x"]), ("number", 5)])
					body["name"] = value
					labels.append(f"name: given as {label}")
				elif kind < 0.19:
					label, value = self.pick([("'abc'", "abc"), ("5", 5), ("list", [1]), ("2", 2)])
					body["docstatus"] = value
					labels.append(f"docstatus: {label}")
				elif kind < 0.21 and verb == "PUT" and doctype != "DV Settings":
					path = f"/api/resource/{doctype}/" + self.rng.choice(
						['{"name": "x"}', '["x"]', "DVI-99999"]
					)
					labels.append("document name in URL: dict/list/nonexistent")
				else:
					field = self.rng.choice(fields)
					label, value = self.bad_for_field(doctype, field)
					body[field["fieldname"]] = value
					labels.append(f"{field['fieldname']} ({field['fieldtype']}): {label}")
		if "valid" not in labels and self.rng.random() < 0.03:
			body = [body]
			labels = ["body: a list instead of a dict"]
		return {"verb": verb, "path": path, "body": body, "labels": labels, "form": False}

	def method_request(self, target: str, actor: str) -> dict:
		args, arg_kinds = self.valid_method_args(target, actor)
		labels = []
		if self.rng.random() < 0.12:
			labels.append("valid")
		else:
			for _ in range(1 if self.rng.random() < 0.75 else 2):
				arg = self.rng.choice(list(arg_kinds))
				if self.rng.random() < 0.12 and arg_kinds[arg][1]:
					args.pop(arg, None)
					labels.append(f"{arg}: missing required")
					continue
				label, value = self.bad_arg(arg, arg_kinds[arg][0], args.get(arg), actor)
				args[arg] = value
				labels.append(f"{arg}: {label}")
		form = self.rng.random() < 0.2
		if form:
			labels.append("(form-encoded)")
		return {
			"verb": "POST",
			"path": f"/api/method/{METHODS[target]}",
			"body": args,
			"labels": labels,
			"form": form,
		}

	def valid_method_args(self, target: str, actor: str) -> tuple[dict, dict]:
		"""Valid arguments for the actor, and each argument's kind and whether it is required."""
		officer = actor == "officer"
		if target == "report_progress":
			task, unit = self.rng.choice(
				[(self.task_district1, self.district1), (self.task_province, self.district1)]
				+ (
					[]
					if officer
					else [(self.task_province, self.province), (self.task_district2, self.district2)]
				)
			)
			args = {
				"task": task,
				"unit": unit,
				"progress": self.rng.randint(0, 100),
				"narrative": "Báo cáo thử",
			}
			kinds = {
				"task": ("name:DV Task", True),
				"unit": ("name:DV Unit", True),
				"progress": ("percent", True),
				"narrative": ("text", False),
				"update_date": ("date", False),
			}
			return args, kinds
		if target == "cascade_task":
			if officer:
				args = {"task": self.task_district1, "units": [self.commune]}
			else:
				args = {
					"task": self.task_province,
					"units": [self.rng.choice([self.district1, self.district2])],
				}
			kinds = {"task": ("name:DV Task", True), "units": ("units", True), "due_date": ("date", False)}
			return args, kinds
		if target == "preview_directive_text":
			args = {"text": DIRECTIVE_TEXT.format(number=self.directive_number())}
			return args, {"text": ("directive text", False), "file_url": ("file url", False)}
		if target == "confirm_directive_import":
			payload = {"tasks": [self.valid_task_entry(actor)]}
			if officer or self.rng.random() < 0.3:
				payload["use_directive"] = self.directive
			else:
				payload["directive"] = {
					**self.valid_doc("DV Directive"),
					"references": [{"number": "12-CT/TW", "date": "2020-01-10"}],
				}
			return {"payload": payload}, {"payload": ("payload", True)}
		if target == "create_tasks":
			args = {"directive": self.directive, "tasks": [self.valid_task_entry(actor)]}
			return args, {"directive": ("name:DV Directive", True), "tasks": ("tasks", True)}
		if target == "grant_unit_access":
			args = {
				"user": self.grantee,
				"units": [self.rng.choice([self.commune, self.district2])],
				"with_descendants": 1,
			}
			kinds = {
				"user": ("name:User", True),
				"units": ("units", True),
				"with_descendants": ("flag", False),
			}
			return args, kinds
		if target == "tree_children":
			args = {"doctype": "DV Unit", "parent": self.rng.choice([self.district1, ""]), "is_root": 0}
			kinds = {"parent": ("name:DV Unit", False), "is_root": ("flag", False)}
			return args, kinds
		if target in ("dashboard_chart", "overdue_by_unit"):
			chart = (
				"DV Tasks By Deadline Outcome"
				if target == "dashboard_chart"
				else "DV Tasks By Presiding Unit"
			)
			args = {"chart_name": chart, "refresh": 1}
			kinds = {"chart_name": ("name:Dashboard Chart", True), "filters": ("text", False)}
			return args, kinds
		if target == "remind_units_below_target":
			args = {"year": self.year, "unit": self.rng.choice([self.district1, ""])}
			return args, {"year": ("number", True), "unit": ("name:DV Unit", False)}
		if target == "create_follow_ups":
			return {"inspection": self.inspection}, {"inspection": ("name:DV Inspection", True)}
		if target in ("create_cycle_evaluations", "close_cycle"):
			return {"cycle": self.cycle}, {"cycle": ("name:DV Evaluation Cycle", True)}
		if target == "units_below_target":
			return {}, {"filters": ("text", False)}
		if target == "leaders_report":
			report = self.rng.choice(
				[
					("DV Task Outcomes by Unit Tree", {"parent_unit": self.district1, "year": self.year}),
					("DV Directive Lineage", {"directive": self.directive}),
					("DV Leader Coverage", {"unit": self.district1}),
					("DV Overdue Tasks", {"unit": self.district1, "directive": self.directive}),
					("DV Task Outcomes by Unit Tree", {"as_of_date": "2024-06-30", "year": self.year}),
					("DV Task Deadline Summary", {"as_of_date": "2024-06-30", "unit": self.district1}),
				]
			)
			args = {"report_name": report[0], "filters": json.dumps(report[1])}
			return args, {"report_name": ("name:Report", True), "filters": ("filters", False)}
		if target == "remind_about_missing_leaders":
			return {"unit": self.district1}, {"unit": ("name:DV Unit", False)}
		if target == "unit_history":
			return {"unit": self.district1}, {"unit": ("name:DV Unit", True)}
		if target == "leader_coverage_card":
			return {}, {"filters": ("text", False)}
		if target == "schedule_overdue_summaries":
			return {"admin_level": "Xã, phường, đặc khu"}, {"admin_level": ("name:DV Admin Level", False)}
		if target == "download_result_report":
			args = {"directive": self.directive, "year": self.year, "period": "Quý I", "file_format": "docx"}
			kinds = {
				"directive": ("name:DV Directive", True),
				"year": ("number", True),
				"period": ("text", True),
				"file_format": ("text", True),
			}
			return args, kinds
		if target == "targets_report":
			args = {
				"report_name": self.rng.choice(["DV Kheo Targets", "DV Kheo Statistics"]),
				"filters": json.dumps({"year": self.year, "unit": self.district1}),
			}
			return args, {"report_name": ("name:Report", True), "filters": ("filters", False)}
		raise ValueError(target)

	def bad_arg(self, arg: str, kind: str, valid, actor: str) -> tuple:
		if kind.startswith("name:"):
			return self.bad_name(kind[5:], valid or "x")
		if kind == "percent":
			return self.bad_number(percent=True)
		if kind == "number":
			return self.bad_number()
		if kind == "filters":
			# A report's filters: broken JSON, a list, or good JSON holding bad values.
			return self.pick(
				[
					("broken JSON", '{"year": '),
					("a list", "[1, 2]"),
					("year 'abc'", json.dumps({"year": "abc"})),
					("year 99999", json.dumps({"year": 99999})),
					("unit as a dict", json.dumps({"year": self.year, "unit": {"name": "x"}})),
					("unit that does not exist", json.dumps({"year": self.year, "unit": "DVI-99999"})),
					("below_target_only 'x'", json.dumps({"year": self.year, "below_target_only": "x"})),
					("as_of_date 'abc'", json.dumps({"as_of_date": "abc"})),
					("as_of_date 31/02/2024", json.dumps({"as_of_date": "2024-02-31"})),
					("as_of_date as a list", json.dumps({"as_of_date": ["2024-01-01"]})),
					("roll_up_level that does not exist", json.dumps({"roll_up_level": "Cấp không có"})),
				]
			)
		if kind == "text":
			return self.bad_text()
		if kind == "date":
			return self.bad_date()
		if kind == "flag":
			return self.pick(
				[("'abc'", "abc"), ("list", []), ("dict", {}), ("'inf'", "inf"), ("1e308", 1e308)]
			)
		if kind == "units":
			return self.bad_units()
		if kind == "directive text":
			return self.pick(
				[
					("1 MB text", "Chỉ thị về công tác dân vận.\n" + BIG),
					("text over the 10 MB limit", "Chỉ thị. " + "a" * (10 * MB)),
					("list", ["Chỉ thị"]),
					("dict", {"text": "Chỉ thị"}),
					("binary", "\x00\x01\x02%PDF-1.4"),
					("English text", "Directive 16-CT/TU on mass mobilisation. 1. Do the work by 2027."),
					("empty", ""),
					("number", 12345),
				]
			)
		if kind == "file url":
			return self.pick(
				[
					("nonexistent file", "/files/khong-co.docx"),
					("path outside files", "/etc/passwd"),
					("dict", {"file_url": "/files/x.txt"}),
					("list", ["/files/x.txt"]),
					("1 MB string", BIG),
				]
			)
		if kind == "tasks":
			return self.bad_tasks(actor)
		if kind == "payload":
			return self.bad_payload(valid, actor)
		raise ValueError(kind)

	def bad_units(self) -> tuple:
		valid = self.commune
		choices = [
			("malformed JSON string", '["DVI-'),
			("JSON dict string", '{"unit": "' + valid + '"}'),
			("dict", {"unit": valid}),
			("list of null", [None]),
			("nested list", [[valid]]),
			("list of dicts", [{"name": valid}]),
			("nonexistent unit", ["DVI-99999"]),
			("empty list", []),
			("empty string", ""),
			("number", 5),
			("1 MB string", BIG),
			("10,000 nonexistent units", [f"DVI-9{i:05d}" for i in range(10_000)]),
			("valid unit then 9,999 nonexistent", [valid] + [f"DVI-9{i:05d}" for i in range(9_999)]),
			("10,000 junk items", [self.rng.choice([None, {}, [], 1, "", "DVI-0"]) for _ in range(10_000)]),
		]
		return self.pick(choices)

	def bad_task_entry(self, actor: str) -> tuple:
		entry = self.valid_task_entry(actor)
		task_fields = {f["fieldname"]: f for f in self.meta["DV Task"]}
		choice = self.rng.random()
		if choice < 0.2:
			field = self.rng.choice(["title", "presiding_unit"])
			entry.pop(field)
			return f"task without {field}", entry
		if choice < 0.35:
			label, value = self.bad_units()
			entry["coordinating_units"] = value
			return f"task coordinating_units: {label}", entry
		field = task_fields[
			self.rng.choice(
				[
					"title",
					"presiding_unit",
					"deadline_kind",
					"due_date",
					"start_date",
					"deadline_year",
					"deadline_month",
					"deadline_quarter",
					"recurrence",
					"source_clause",
					"description",
					"deadline_text",
				]
			)
		]
		label, value = self.bad_for_field("DV Task", field, depth=1)
		entry[field["fieldname"]] = value
		return f"task {field['fieldname']}: {label}", entry

	def bad_tasks(self, actor: str) -> tuple:
		valid = self.valid_task_entry(actor)
		if self.rng.random() < 0.55:
			label, entry = self.bad_task_entry(actor)
			return label, [entry]
		return self.pick(
			[
				("malformed JSON string", '[{"title": '),
				("dict instead of list", valid),
				("list of null", [None]),
				("nested list", [[valid]]),
				("list of strings", ["Nhiệm vụ"]),
				("empty list", []),
				("number", 7),
				("JSON string of a dict", json.dumps(valid)),
			]
		)

	def bad_payload(self, payload: dict, actor: str) -> tuple:
		choice = self.rng.random()
		if choice < 0.15:
			return self.pick(
				[
					("malformed JSON string", '{"directive": {"title": '),
					("list instead of dict", [payload]),
					("plain string", "không phải JSON"),
					("null", None),
					("number", 1),
				]
			)
		if not isinstance(payload, dict):  # a second mutation of a payload the first one already broke
			payload = self.valid_method_args("confirm_directive_import", actor)[0]["payload"]
		payload = json.loads(json.dumps(payload))
		if choice < 0.45:
			label, payload["tasks"] = self.bad_tasks(actor)
			return f"tasks: {label}", payload
		if choice < 0.55:
			label, payload["use_directive"] = self.bad_name("DV Directive", self.directive)
			payload.pop("directive", None)
			return f"use_directive: {label}", payload
		directive = {
			**self.valid_doc("DV Directive"),
			"references": [{"number": "12-CT/TW", "date": "2020-01-10"}],
		}
		payload.pop("use_directive", None)
		payload["directive"] = directive
		special = self.rng.random()
		if special < 0.15:
			directive["summary"] = BIG
			return "directive summary: 1 MB string", payload
		if special < 0.35:
			label, value = self.pick(
				[
					("'2025-02-30'", "2025-02-30"),
					("'99999-01-01'", "99999-01-01"),
					("'hôm qua'", "hôm qua"),
					("dict", {}),
					("12345", 12345),
				]
			)
			directive["references"] = [{"number": "12-CT/TW", "date": value}]
			return f"directive reference date: {label}", payload
		if special < 0.45:
			label, value = self.pick(
				[
					("dict instead of list", {"number": "12-CT/TW"}),
					("list of null", [None]),
					("list of strings", ["12-CT/TW"]),
					("nested list", [[{"number": "12-CT/TW"}]]),
					("number 1 MB", [{"number": BIG}]),
				]
			)
			directive["references"] = value
			return f"directive references: {label}", payload
		if special < 0.55:
			label, value = self.pick(
				[("list", [directive]), ("string", "abc"), ("malformed JSON", '{"title": ')]
			)
			payload["directive"] = value
			return f"directive: {label}", payload
		field = self.rng.choice(
			[
				f
				for f in self.meta["DV Directive"]
				if f["fieldname"]
				in (
					"directive_number",
					"doc_type",
					"issue_date",
					"issuing_unit",
					"issuer_name",
					"title",
					"summary",
					"full_text",
					"attachment",
					"parent_directive",
				)
			]
		)
		label, value = self.bad_for_field("DV Directive", field, depth=1)
		directive[field["fieldname"]] = value
		return f"directive {field['fieldname']}: {label}", payload

	# snapshots --------------------------------------------------------------------------------------

	def watched(self, target: str) -> list[tuple]:
		"""(DocType, parent DocType) pairs whose rows a request to ``target`` could write."""
		children = {
			"DV Task": [
				"DV Task Progress",
				"DV Task Coordinating Unit",
				"DV Task Extension",
				"DV Task Explanation",
			],
			"DV Directive": ["DV Directive Reference"],
			"DV Unit": ["DV Unit Alias", "DV Unit Successor"],
			"DV Evaluation": ["DV Evaluation Score"],
			"DV Evaluation Template": ["DV Evaluation Criterion", "DV Evaluation Threshold"],
		}
		by_method = {
			"report_progress": [("DV Task", None), ("DV Task Progress", "DV Task")],
			"cascade_task": [("DV Task", None), ("DV Task Coordinating Unit", "DV Task")],
			"preview_directive_text": [("DV Directive", None), ("DV Task", None)],
			"confirm_directive_import": [
				("DV Directive", None),
				("DV Directive Reference", "DV Directive"),
				("DV Task", None),
				("DV Task Coordinating Unit", "DV Task"),
			],
			"create_tasks": [("DV Task", None), ("DV Task Coordinating Unit", "DV Task")],
			"grant_unit_access": [("User Permission", None)],
			# Read-only doors: they must write nothing, whatever they are sent.
			"tree_children": [("DV Unit", None)],
			"units_below_target": [("DV Kheo Model", None)],
			"targets_report": [("DV Kheo Model", None)],
			"remind_units_below_target": [("ToDo", None)],
			"create_follow_ups": [("DV Task", None)],
			"create_cycle_evaluations": [("DV Evaluation", None)],
			"close_cycle": [("DV Evaluation Cycle", None)],
			"leaders_report": [("DV Task", None)],
			"remind_about_missing_leaders": [("ToDo", None)],
			"unit_history": [("DV Unit", None)],
			"leader_coverage_card": [("DV Unit", None)],
			"schedule_overdue_summaries": [("Auto Email Report", None)],
			"download_result_report": [("DV Task", None), ("File", None)],
			"dashboard_chart": [("DV Task", None)],
			"overdue_by_unit": [("DV Task", None)],
		}
		if target in by_method:
			return by_method[target]
		doctype = target.split(" ", 1)[1]
		if doctype == "DV Settings":
			return [("DV Settings", "single")]
		return [(doctype, None), *((child, doctype) for child in children.get(doctype, []))]

	def observe(self, key: tuple):
		doctype, parent = key
		if parent == "single":
			status, body = self.admin.call("GET", f"/api/resource/{doctype}/{doctype}")
			assert status == 200, f"snapshot {doctype}: {status}"
			data = body["data"]
			return (data.get("modified"), *(data.get(f["fieldname"]) for f in self.meta[doctype]))
		params = {"fields": json.dumps(["count(name) as n", "max(modified) as m"]), "limit_page_length": 0}
		if parent:
			params["parent"] = parent
		status, body = self.admin.call("GET", f"/api/resource/{doctype}", params=params)
		assert status == 200, f"snapshot {doctype}: {status} {messages_of(body)}"
		row = body["data"][0]
		return row["n"], row["m"]

	def snapshot(self, keys: list[tuple], fresh: bool) -> dict:
		for key in keys:
			if fresh or key not in self.snapshot_cache:
				self.snapshot_cache[key] = self.observe(key)
		return {key: self.snapshot_cache[key] for key in keys}

	# running ----------------------------------------------------------------------------------------

	def targets(self) -> list[tuple[str, int]]:
		found = [(name, 2) for name in METHODS]
		found += [(f"POST {doctype}", 1) for doctype in DOCTYPES]
		found += [(f"PUT {doctype}", 1) for doctype in (*DOCTYPES, "DV Settings")]
		return found

	def send(self, number: int, target: str):
		actor = self.rng.choices(["Administrator", "DV Administrator", "officer"], weights=[2, 4, 4])[0]
		if target in METHODS:
			request = self.method_request(target, actor)
		else:
			verb, doctype = target.split(" ", 1)
			request = self.resource_request(doctype, verb, actor)
		keys = self.watched(target)
		before = self.snapshot(keys, fresh=False)
		started = time.monotonic()
		status, body = self.clients[actor].call(
			request["verb"], request["path"], request["body"], form=request["form"]
		)
		elapsed = time.monotonic() - started
		if status in (0, -1):
			# The worker may still be running the request: wait until gunicorn has killed or finished it.
			time.sleep(max(0.0, WORKER_TIMEOUT - elapsed))
		after = self.snapshot(keys, fresh=True)
		messages = messages_of(body)
		vietnamese = any(is_vietnamese(m) for m in messages)
		if status == 200:
			outcome = "200 accepted"
		elif status == 500:
			outcome = "500"
		elif 400 <= status < 500:
			outcome = f"{status} refused, Vietnamese" if vietnamese else f"{status} refused, no Vietnamese"
		elif status == 0:
			outcome = "no answer in 60 s"
		else:
			outcome = f"{status} other"
		changed = [key for key in keys if before[key] != after[key]]
		if not 400 <= status < 500:
			# A write that went through (or may have) can touch what other targets watch: look again.
			self.snapshot_cache = dict(after)
		record = {
			"number": number,
			"target": target,
			"actor": actor,
			"labels": request["labels"],
			"path": request["path"],
			"body": request["body"],
			"status": status,
			"outcome": outcome,
			"messages": messages,
			"exc_type": body.get("exc_type"),
			"last_line": last_traceback_line(body) if status == 500 else None,
			"origin": traceback_origin(body) if status == 500 else None,
			"partial": [(key, before[key], after[key]) for key in changed] if status != 200 else [],
			"seconds": round(elapsed, 2),
		}
		self.records.append(record)

	def run_requests(self):
		targets = self.targets()
		names, weights = [t for t, _ in targets], [w for _, w in targets]
		for number in range(1, self.args.requests + 1):
			self.send(number, self.rng.choices(names, weights=weights)[0])
			if number % 100 == 0:
				print(f"… {number} requests sent", flush=True)

	def dangling_links(self) -> list[tuple]:
		def names(doctype: str, fields: list[str], parent: str | None = None) -> list[dict]:
			params = {"fields": json.dumps(fields), "limit_page_length": 0}
			if parent:
				params["parent"] = parent
			status, body = self.admin.call("GET", f"/api/resource/{doctype}", params=params)
			assert status == 200, f"scan {doctype}: {status} {messages_of(body)}"
			return body["data"]

		units = {row["name"] for row in names("DV Unit", ["name"])}
		tasks = names("DV Task", ["name", "presiding_unit", "assigning_unit", "directive", "parent_task"])
		task_names = {row["name"] for row in tasks}
		directives = {row["name"] for row in names("DV Directive", ["name", "issuing_unit"])}
		found = []
		for row in tasks:
			for field, known in (
				("presiding_unit", units),
				("assigning_unit", units),
				("directive", directives),
				("parent_task", task_names),
			):
				if row.get(field) and row[field] not in known:
					found.append(("DV Task", row["name"], field, row[field]))
		for row in names("DV Task Coordinating Unit", ["parent", "unit"], parent="DV Task"):
			if row.get("unit") and row["unit"] not in units:
				found.append(("DV Task", row["parent"], "coordinating_units.unit", row["unit"]))
		for doctype, field in (
			("DV Directive", "issuing_unit"),
			("DV Kheo Model", "registering_unit"),
			("DV Evaluation", "evaluated_unit"),
			("DV Evaluation Template", "issuing_unit"),
			("DV Commendation", "commended_unit"),
			("DV Inspection", "inspecting_unit"),
			("DV Evaluation Cycle", "evaluating_unit"),
		):
			for row in names(doctype, ["name", field]):
				if row.get(field) and row[field] not in units:
					found.append((doctype, row["name"], field, row[field]))
		return found

	def generic(self, message: str) -> str:
		"""A message with this run's users and record names replaced, so that alike refusals group."""
		for user, placeholder in (
			(self.officer, "<officer>"),
			(self.dv_admin, "<dv admin>"),
			(self.grantee, "<grantee>"),
		):
			message = message.replace(user, placeholder)
		message = re.sub(
			r"\b(?:BTC-\d{4}-DVI-\d+-v\d+|NV-\d{4}-\d+|(?:DVI|VB|MH|DG)-\d+)\b", "<name>", message
		)
		return re.sub(r"(thử|sửa) [\d-]+", r"\1 <n>", message)

	def report(self, dangling: list[tuple]) -> int:
		records = self.records
		print("\nper target and outcome:")
		table = Counter((r["target"], r["outcome"]) for r in records)
		width = max(len(t) for t, _ in table) + 2
		for (target, outcome), count in sorted(table.items()):
			print(f"  {target:<{width}}{outcome:<32}{count:>5}")

		errors = [r for r in records if r["status"] == 500]
		if errors:
			print("\nHTTP 500, by last traceback line:")
			groups = defaultdict(list)
			for r in errors:
				groups[r["last_line"]].append(r)
			for line, group in sorted(groups.items(), key=lambda item: -len(item[1])):
				print(f"  {len(group)} × {line}")
				for origin, count in Counter(r["origin"] for r in group).most_common(3):
					print(f"      raised at {origin} ({count})")
				where = Counter(f"{r['target']} [{'; '.join(r['labels'])}]" for r in group)
				for place, count in where.most_common(6):
					print(f"      {count} × {place}")
				example = group[0]
				print(
					f"      e.g. #{example['number']} as {example['actor']}: {example['path']} {shown(example['body'])}"
				)

		silent = [
			r for r in records if 400 <= r["status"] < 500 and not any(map(is_vietnamese, r["messages"]))
		]
		if silent:
			print("\nrefusals without a Vietnamese message, by message:")
			groups = defaultdict(list)
			for r in silent:
				key = self.generic(" | ".join(r["messages"])) or f"(no message; exc_type {r['exc_type']})"
				groups[(r["status"], key[:300])].append(r)
			for (status, message), group in sorted(groups.items(), key=lambda item: -len(item[1])):
				print(f"  {len(group)} × {status} {message}")
				for place, count in Counter(
					f"{r['target']} [{'; '.join(r['labels'])}]" for r in group
				).most_common(4):
					print(f"      {count} × {place}")
				example = group[0]
				print(
					f"      e.g. #{example['number']} as {example['actor']}: {example['path']} {shown(example['body'])}"
				)

		partial = [r for r in records if r["partial"]]
		if partial:
			print("\nrefused writes that left something behind:")
			for r in partial:
				print(
					f"  #{r['number']} {r['target']} as {r['actor']} → {r['status']} [{'; '.join(r['labels'])}]"
				)
				for key, before, after in r["partial"]:
					print(f"      {key[0]}: before {before}, after {after}")
				print(f"      {r['path']} {shown(r['body'])}")

		if dangling:
			print("\ndangling links:")
			for doctype, name, field, value in dangling[:40]:
				print(f"  {doctype} {name}.{field} = {value} (no such record)")
			if len(dangling) > 40:
				print(f"  … {len(dangling) - 40} more")

		other = Counter(r["outcome"] for r in records if r["status"] in (0, -1) or r["status"] > 500)
		if other:
			print(f"\nno answer / other statuses: {dict(other)}")
		slowest = max(records, key=lambda r: r["seconds"])
		print(
			f"slowest request: #{slowest['number']} {slowest['target']} {slowest['seconds']} s [{'; '.join(slowest['labels'])}]"
		)

		http500 = len(errors)
		print(
			f"\nrequests {len(records)}, http500 {http500}, partial_writes {len(partial)}, "
			f"refusals_without_vietnamese_message {len(silent)}, dangling_links {len(dangling)}"
		)
		return 1 if http500 or partial or dangling else 0


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("--base", default="http://127.0.0.1:8012")
	parser.add_argument("--host", required=True, help="the site's name, sent as the Host header")
	parser.add_argument("--password", default="admin", help="Administrator's password")
	parser.add_argument("--seed", type=int, default=1)
	parser.add_argument("--requests", type=int, default=1200)
	args = parser.parse_args()
	if urllib.parse.urlsplit(args.base).hostname != "127.0.0.1":
		parser.error("--base must be a http://127.0.0.1:PORT address: this probe only talks to a local site")

	probe = Probe(args)
	probe.setup()
	probe.run_requests()
	sys.exit(probe.report(probe.dangling_links()))


if __name__ == "__main__":
	main()
