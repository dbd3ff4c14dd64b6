"""Walk the daily screens in headless Chromium as a province officer and a commune leader, at 1280 px and
480 px, and fail on what issue 10 found (a check run by hand, not a CI test).

Needs a site served on 127.0.0.1 (gunicorn) with danvan_app installed and its assets built, Debian's
chromium, and `pip install playwright` (no browser download: it drives /usr/bin/chromium):

    python scripts/ui_walk.py --site SITE --port 8013 --password admin --shots /tmp/ui_walk

It builds a small province through the app's own REST API and endpoints (units, one closed with a
successor, two users made with "add a user to this unit", a directive, tasks with reports), then opens
each screen for each user and width, and reports per screen:

- codes where names belong (DVI-00012, NV-2026-000003, VB-00004, MH-…, DG-…) in the visible text;
- English words outside an allow-list (words of Frappe's English strings that are no Vietnamese syllable);
- decimals written like "0.000" or "24.500";
- the task list without its deadline columns (1280 px) or without a visible due date per row (480 px);
- the screen's main action hidden behind "···" at 480 px;
- errors in the browser console or uncaught exceptions.

It prints one line per screen and a summary, saves a screenshot of each, and exits 1 on any defect.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from desk_browser import launch
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

CODE = re.compile(r"\b(?:DVI|VB|MH|DG)-(?:\d{4}-)?\d{5}\b|\bNV-\d{4}-\d{6}\b")
DECIMAL = re.compile(r"(?<![\d.,/])\d{1,3}\.\d{3}(?![\d.,/])")
WORD = re.compile(r"[A-Za-z]{2,}")
# Names, codes and abbreviations an official reads as they are.
ALLOWED_WORDS = {
	"frappe",
	"erpnext",
	"kanban",
	"gantt",
	"email",
	"pdf",
	"excel",
	"csv",
	"id",
	"ok",
	"url",
	"ctrl",
	"enter",
	"shift",
	"esc",
	"alt",
	"tab",
	"dv",
	"ubnd",
	"hđnd",
	"mttq",
	"bdv",
	"administrator",
	"docx",
	"txt",
	"qr",
	"sms",
	"api",
	"vi",
	"vn",
	"cv",
	"ct",
	"tu",
	"nq",
	"qđ",
	"kh",
	"hd",
	"tw",
	"am",
	"pm",
}

FRAPPE_VI = Path("apps/frappe/frappe/translations/vi.csv")
APP_VI = Path(__file__).resolve().parents[1] / "danvan_app" / "translations" / "vi.csv"


def fold(text: str) -> str:
	text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
	return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def english_words(bench: Path) -> set[str]:
	"""Words of Frappe's English strings that are not also (folded) Vietnamese syllables."""
	english, vietnamese = set(), set()
	for path in (bench / FRAPPE_VI, APP_VI):
		with path.open(encoding="utf-8") as handle:
			for row in csv.reader(handle):
				if len(row) >= 2:
					english |= {w.lower() for w in WORD.findall(row[0])}
					vietnamese |= {fold(w) for w in re.findall(r"[^\W\d_]+", row[1])}
	return english - vietnamese - ALLOWED_WORDS


class Site:
	"""The REST side: builds the province as an administrator would, through the app's own doors."""

	def __init__(self, request, base: str):
		self.request, self.base = request, base

	def call(self, method: str, **data):
		response = self.request.post(f"{self.base}/api/method/{method}", data=data)
		assert response.ok, f"{method}: {response.status} {response.text()[:300]}"
		return response.json().get("message")

	def insert(self, doctype: str, **values) -> dict:
		response = self.request.post(f"{self.base}/api/resource/{quote(doctype)}", data=values)
		assert response.ok, f"{doctype}: {response.status} {response.text()[:300]}"
		return response.json()["data"]

	def find(self, doctype: str, filters: list) -> str | None:
		response = self.request.get(
			f"{self.base}/api/resource/{quote(doctype)}",
			params={"filters": json.dumps(filters), "limit_page_length": 1},
		)
		data = response.json().get("data") or []
		return data[0]["name"] if data else None


UNIT_NAMES = {
	"province": "Ban Dân vận Tỉnh ủy Thử",
	"commune": "Ủy ban nhân dân xã Bắc Hà",
	"commune2": "Đảng ủy xã Nam Hà",
	"old": "Đảng ủy xã Cũ",
}


def build_province(site: Site, run: str) -> dict:
	today = date.today()
	unit = lambda name, parent=None, kind="Cấp ủy Đảng", **v: site.insert(  # noqa: E731
		"DV Unit", unit_name=f"{name} {run}", unit_kind=kind, parent_dv_unit=parent, **v
	)["name"]
	u = {}
	u["province"] = unit(UNIT_NAMES["province"], admin_level="Tỉnh, thành phố", abbreviation=f"BDVTU{run}")
	u["commune"] = unit(
		UNIT_NAMES["commune"], u["province"], "Ủy ban nhân dân", admin_level="Xã, phường, đặc khu"
	)
	u["commune2"] = unit(UNIT_NAMES["commune2"], u["province"], admin_level="Xã, phường, đặc khu")
	u["old"] = unit(
		UNIT_NAMES["old"],
		u["province"],
		admin_level="Xã, phường, đặc khu",
		valid_to="2025-06-30",
		successors=[{"successor_unit": u["commune2"]}],
	)
	if not site.find("User", [["name", "=", "quantri.ui@dv.test"]]):
		site.insert(
			"User",
			email="quantri.ui@dv.test",
			first_name="Quản trị",
			roles=[{"role": "System Manager"}],
			send_welcome_email=0,
		)
	users = {
		who: site.call(
			"danvan_app.api.access.add_unit_user",
			unit=u[unit],
			email=f"{who}.{run}@dv.test",
			full_name=full_name,
			role="DV Unit Manager",
		)
		for who, unit, full_name in (
			("tinh", "province", "Cán bộ Ban Dân vận tỉnh"),
			("xa", "commune", "Lãnh đạo xã Bắc Hà"),
		)
	}
	directive = site.insert(
		"DV Directive",
		directive_number=f"{run[:3]}-CT/TU",
		doc_type="Chỉ thị",
		issue_date=str(today - timedelta(days=60)),
		issuing_unit=u["province"],
		title="Về tăng cường công tác dân vận trong tình hình mới",
	)["name"]
	tasks = {}
	for key, title, due, presiding in (
		("overdue", "Sơ kết việc thực hiện Chỉ thị", today - timedelta(days=9), u["commune"]),
		("soon", "Báo cáo tình hình nhân dân quý", today + timedelta(days=5), u["commune"]),
		("later", "Xây dựng mô hình Dân vận khéo", today + timedelta(days=60), u["commune2"]),
	):
		tasks[key] = site.insert(
			"DV Task",
			title=title,
			directive=directive,
			presiding_unit=presiding,
			coordinating_units=[{"unit": u["province"]}],
			deadline_kind="Ngày cụ thể",
			due_date=str(due),
		)["name"]
	site.call(
		"danvan_app.api.tasks.report_progress",
		task=tasks["soon"],
		unit=u["commune"],
		progress=40,
		narrative="Đã tổ chức hội nghị",
	)
	model = site.insert(
		"DV Kheo Model",
		title=f"Dân vận khéo trong hiến đất làm đường {run}",
		registering_unit=u["commune"],
		year=today.year,
		kheo_field="Xây dựng nông thôn mới",
		address="Thôn Bản Mới",
		people="Chi hội Nông dân thôn",
		work="Vận động hiến đất làm đường",
		objectives="1,2 km đường",
		measurement="Số mét đường",
		method="Họp dân, vận động từng hộ",
		scale="Một thôn",
		forces="Chi hội Nông dân, Đoàn Thanh niên",
		resources="Ngày công của dân",
		plan_start=str(date(today.year, 2, 1)),
		plan_end=str(date(today.year, 11, 30)),
		expected_output="Đường hoàn thành",
		sustainability="Tổ tự quản",
	)
	# Approved through the shipped Workflow, as the province would.
	site.call("frappe.model.workflow.apply_workflow", doc=json.dumps(model), action="Duyệt")
	inspection = site.insert(
		"DV Inspection",
		title=f"Kiểm tra thực hiện Quy chế dân chủ {run}",
		inspecting_unit=u["province"],
		year=today.year,
		inspected_units=[
			{
				"inspected_unit": u["commune"],
				"findings": "Chưa niêm yết",
				"recommendation": "Niêm yết công khai",
			},
			{"inspected_unit": u["commune2"], "findings": "Thực hiện tốt"},
		],
	)["name"]
	site.call("danvan_app.api.inspections.create_follow_ups", inspection=inspection)
	template = site.insert(
		"DV Evaluation Template",
		template_title=f"Tiêu chí đánh giá năm {today.year} {run}",
		issuing_unit=u["province"],
		year=today.year,
		version=1,
		criteria=[
			{
				"criterion_code": "1",
				"criterion": "Nhiệm vụ đúng hạn",
				"max_score": 40,
				"measure_key": "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
			},
			{"criterion_code": "2", "criterion": "Kết quả công tác dân vận", "max_score": 60},
		],
	)["name"]
	cycle = site.insert(
		"DV Evaluation Cycle",
		title=f"Đánh giá công tác dân vận năm {today.year} {run}",
		evaluating_unit=u["province"],
		year=today.year,
		template=template,
	)["name"]
	names = {key: f"{name} {run}" for key, name in UNIT_NAMES.items()}
	return {
		"units": u,
		"users": users,
		"directive": directive,
		"tasks": tasks,
		"names": names,
		"model": model["name"],
		"inspection": inspection,
		"cycle": cycle,
	}


def screens(world: dict) -> list[tuple[str, str]]:
	t = world["tasks"]
	return [
		("workspace", "/app/dan-van"),
		("task-list", "/app/dv-task"),
		("task-form", f"/app/dv-task/{t['soon']}"),
		("directive-list", "/app/dv-directive"),
		("directive-form", f"/app/dv-directive/{world['directive']}"),
		("unit-tree", "/app/dv-unit/view/tree"),
		("task-calendar", "/app/dv-task/view/calendar/default"),
		("summary-report", "/app/query-report/DV Task Deadline Summary"),
		("model-list", "/app/dv-kheo-model"),
		("model-form", f"/app/dv-kheo-model/{world['model']}"),
		("model-kanban", f"/app/dv-kheo-model/view/kanban/{quote('Mô hình Dân vận khéo')}"),
		("model-targets", "/app/query-report/DV Kheo Targets"),
		("model-statistics", "/app/query-report/DV Kheo Statistics"),
		("inspection-form", f"/app/dv-inspection/{world['inspection']}"),
		("inspection-statistics", "/app/query-report/DV Inspection Statistics"),
		("cycle-form", f"/app/dv-evaluation-cycle/{world['cycle']}"),
		("ranking-report", "/app/query-report/DV Evaluation Ranking"),
		("outcomes-tree-report", "/app/query-report/DV Task Outcomes by Unit Tree"),
		("lineage-report", f"/app/query-report/DV Directive Lineage?directive={world['directive']}"),
		("leader-coverage-report", "/app/query-report/DV Leader Coverage"),
		("overdue-report", "/app/query-report/DV Overdue Tasks"),
		# After one click: the filter it sets is described by names, not ids.
		("task-list-mine", "/app/dv-task"),
		# The importer's dialog, opened from the directive list, and the report draft's, from a directive.
		("directive-import", "/app/dv-directive"),
		("result-report-dialog", f"/app/dv-directive/{world['directive']}"),
	]


# Screens of the evaluating body only: a commune neither runs the cycle nor reads the inspection plan.
ONLY_FOR = {"inspection-form": {"tinh"}, "cycle-form": {"tinh"}}

# Screens whose expected texts are looked for on a wide screen only.
WIDE_ONLY = {"model-kanban", "inspection-form", "cycle-form"}

# Screens reached by clicking a button on the page first.
CLICKS = {
	"task-list-mine": "Nhiệm vụ của đơn vị tôi",
	"directive-import": "Nhập từ văn bản",
	"result-report-dialog": "Soạn báo cáo kết quả",
}
# Screens whose click set a list filter, cleared afterwards (list filters are saved per user).
CLEAR_FILTER_AFTER = {"task-list-mine"}


# The main action of each screen, which must be visible (not behind "···") at every width.
MAIN_ACTIONS = {
	"task-list": "Quá hạn",
	"task-form": "Báo cáo tiến độ",
	"directive-list": "Nhập từ văn bản",
	"model-targets": "Nhắc các đơn vị chưa đạt chỉ tiêu",
	"cycle-form": "Tạo phiếu đánh giá",
	"leader-coverage-report": "Nhắc lãnh đạo cấp trên phân công",
}


def visible_text(page) -> str:
	"""What a person sees: text of rendered, unclipped elements, and the placeholders of visible inputs
	(screen-reader-only text and closed menus are not on the screen)."""
	return page.evaluate(
		"""() => {
			const shown = (el) => {
				if (!el || !el.getClientRects().length) return false;
				const rect = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				const on_screen = rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth;
				return rect.width > 1 && rect.height > 1 && on_screen && style.visibility !== 'hidden'
					&& style.opacity !== '0' && !el.closest('.sr-only, .visually-hidden, .hidden, .hide, '
					+ '[aria-hidden="true"], .dropdown-menu:not(.show)');
			};
			const out = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
				const node = walker.currentNode;
				if (node.textContent.trim() && shown(node.parentElement)) out.push(node.textContent.trim());
			}
			for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
				if (shown(input)) out.push(input.placeholder);
			}
			return out.join('\\n');
		}"""
	)


def check_screen(page, key: str, width: int, english: set[str], expected_texts: dict) -> list[str]:
	defects = []
	text = visible_text(page)
	for code in sorted(set(CODE.findall(text))):
		defects.append(f"code shown: {code}")
	# Whole words only: "Hiện" is Vietnamese, not "Hi" followed by something.
	words = sorted({w for w in re.findall(r"[^\W\d_]+", text) if w.isascii() and w.lower() in english})
	if words:
		defects.append("English: " + ", ".join(words[:15]))
	for number in sorted(set(DECIMAL.findall(text))):
		defects.append(f"decimal read as thousands: {number}")
	if key == "task-list":
		if not re.search(r"trễ \d+ ngày", text):
			defects.append("task list without the days late of its overdue task")
		if width >= 1000:
			header = page.locator(".list-row-head:visible").first.inner_text(timeout=5000)
			for label in (
				"Trạng thái",
				"Kết quả theo thời hạn",
				"Đơn vị chủ trì",
				"Hạn hoàn thành",
				"Tiến độ",
			):
				if label not in header:
					defects.append(f"task list without column “{label}”")
		else:
			rows = page.locator(".list-row-container .list-row")
			due = page.locator(".list-row-container .dv-phone-visible:visible")
			if rows.count() and due.count() < rows.count():
				defects.append("task list rows without a visible due date on a phone")
	# A kanban's columns scroll sideways, a child table drops columns and a form folds its buttons on a phone:
	# what those screens must show is checked on a wide screen.
	for expected in expected_texts.get(key, ()) if key not in WIDE_ONLY or width >= 1000 else ():
		if expected not in text:
			defects.append(f"missing on screen: {expected}")
	# Nothing wider than a phone's screen: the page itself never scrolls sideways (a table may, inside it).
	overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
	if width < 1000 and overflow > 1:
		defects.append(f"page {overflow} px wider than the screen")
	action = MAIN_ACTIONS.get(key)
	if action:
		button = page.locator(f"button:visible:has-text('{action}')")
		if button.count() == 0:
			defects.append(f"main action “{action}” not visible")
	return defects


class BrowserErrors(list):
	"""What went wrong in the page: uncaught exceptions, console errors and failed requests (the walk
	runs without Frappe's realtime server, so socket.io's 404s are not the app's failures)."""

	def __init__(self, page):
		super().__init__()
		self.frappe_errors = []
		page.on("pageerror", self.on_error)
		page.on("response", self.on_response)
		page.on("console", self.on_console)

	def on_error(self, error):
		# Where it was thrown: the app's bundle (danvan) or Frappe's own code.
		stack = error.stack or ""
		frames = " | ".join(line.strip() for line in stack.splitlines()[1:3])[:240]
		if "danvan" in stack or "dv_" in stack:
			self.append(f"uncaught in app code: {error.message} [{frames}]")
		else:
			# Thrown inside Frappe's own bundles (seen: frappe-charts redrawing a workspace chart): printed,
			# not counted as the app's defect.
			self.frappe_errors.append(f"uncaught in Frappe: {error.message} [{frames}]")

	def on_response(self, response):
		if response.status >= 400 and "/socket.io/" not in response.url:
			self.append(f"HTTP {response.status}: {response.url[-90:]}")

	def on_console(self, message):
		# A failed request is reported once, by on_response, with its address.
		if message.type == "error" and not message.text.startswith("Failed to load resource"):
			self.append(f"console: {message.text[:200]}")


def click_action(page, label: str) -> None:
	"""Click a button by its label; on a phone Frappe folds a form's extra buttons into its "···" menu, where
	the action is then looked for."""
	button = page.locator(f"button:visible:has-text('{label}')").first
	try:
		button.click(timeout=5000)
	except PlaywrightError:
		page.locator(".page-actions .menu-btn-group button:visible").first.click(timeout=5000)
		page.locator(f".dropdown-menu:visible .dropdown-item:has-text('{label}')").first.click(timeout=5000)


def login(context, base: str, user: str, password: str):
	response = context.request.post(f"{base}/api/method/login", form={"usr": user, "pwd": password})
	assert response.ok, f"login {user}: {response.status}"


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--port", type=int, default=8013)
	parser.add_argument("--password", default="admin")
	parser.add_argument("--user-password", default="Dv#ui-walk-2026")
	parser.add_argument("--bench", default="/home/frappe/frappe-bench")
	parser.add_argument("--shots", default="/tmp/ui_walk")
	parser.add_argument("--run", default=date.today().strftime("%m%d") + str(os.getpid() % 1000))
	args = parser.parse_args()
	shots = Path(args.shots)
	shots.mkdir(parents=True, exist_ok=True)
	base = f"http://{args.site}:{args.port}"
	english = english_words(Path(args.bench))

	with sync_playwright() as p:
		browser = launch(p, args.site)
		admin = browser.new_context(locale="vi-VN")
		login(admin, base, "Administrator", args.password)
		site = Site(admin.request, base)
		world = build_province(site, args.run)
		for user in world["users"].values():
			admin.request.put(
				f"{base}/api/resource/User/{quote(user)}", data={"new_password": args.user_password}
			)

		# What each user must find: their unit and its sub-units in the tree, a closed unit marked.
		names = world["names"]
		expected = {
			"tinh": {
				"unit-tree": (names["province"], names["commune"], "Đã thôi hoạt động từ 30/06/2025"),
				"task-list": ("Sơ kết việc thực hiện", "Xây dựng mô hình"),
				"task-list-mine": ("Sơ kết việc thực hiện", "Xây dựng mô hình"),
				"model-list": ("Đã duyệt",),
				"model-kanban": ("Đã duyệt", "Dân vận khéo trong hiến đất"),
				"model-targets": (names["commune"],),
				"inspection-form": (names["commune"], "Niêm yết công khai", "Nhiệm vụ khắc phục: đã giao 1"),
				"inspection-statistics": ("trong đó có 2 xã",),
				"cycle-form": ("Chốt kết quả", "Đang mở"),
				"outcomes-tree-report": (names["province"], "Quá hạn"),
				"lineage-report": (names["commune"], "Chưa có kế hoạch"),
				"leader-coverage-report": ("Tỷ lệ đã phân công",),
				"overdue-report": ("Sơ kết việc thực hiện Chỉ thị", "1 nhiệm vụ quá hạn"),
				"workspace": (
					"Nhiệm vụ quá hạn",
					"Đơn vị đã phân công lãnh đạo phụ trách (%)",
					'Mô hình "Dân vận khéo" năm nay',
					"Mô hình đăng ký năm nay",
					"Đơn vị chưa đạt chỉ tiêu mô hình",
				),
			},
			"xa": {
				"unit-tree": (names["commune"],),
				"task-list": ("Sơ kết việc thực hiện",),
				"task-list-mine": ("Sơ kết việc thực hiện",),
				"model-list": ("Đã duyệt",),
				"model-form": ("Đã duyệt", "Cách làm, phương pháp thực hiện"),
				"model-targets": (names["commune"],),
				"outcomes-tree-report": (names["commune"],),
				"overdue-report": ("Sơ kết việc thực hiện Chỉ thị",),
			},
		}
		total, report = 0, []
		for who, user in world["users"].items():
			for width in (1280, 480):
				context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
				login(context, base, user, args.user_password)
				page = context.new_page()
				errors = BrowserErrors(page)
				for key, path in screens(world):
					if who not in ONLY_FOR.get(key, {who}):
						continue
					errors.clear()
					errors.frappe_errors.clear()
					page.goto(f"{base}{path}", wait_until="networkidle")
					page.wait_for_timeout(1200)
					shot = shots / f"{who}-{width}-{key}.png"
					try:
						if key == "workspace":
							# The first screen after login waits for its cards longer than the others do: until
							# every card and chart it must show has drawn its title (up to 30 s; on a loaded
							# machine the charts came after the first card by more than a second).
							page.locator(".number-widget-box").first.wait_for(timeout=15000)
							wanted = [text for text in expected[who].get(key, ()) if text]
							try:
								page.wait_for_function(
									"texts => texts.every(t => document.body.innerText.includes(t))",
									arg=wanted,
									timeout=30000,
								)
							except PlaywrightError:
								pass  # what is still missing is reported by check_screen below
							page.wait_for_timeout(1000)
						if key in CLICKS:
							click_action(page, CLICKS[key])
							page.wait_for_timeout(1500)
						page.screenshot(path=str(shot), full_page=False)
						defects = check_screen(page, key, width, english, expected[who])
						if key in CLEAR_FILTER_AFTER:
							# List filters are saved per user: leave the list as it was found.
							page.locator(".filter-x-button:visible").first.click()
							page.wait_for_timeout(800)
					except PlaywrightError as error:
						defects = [f"screen did not render as expected: {str(error).splitlines()[0]}"]
					defects += sorted(set(errors))
					notes = sorted(set(errors.frappe_errors))
					errors.frappe_errors.clear()
					total += len(defects)
					status = "ok" if not defects else "; ".join(defects)
					report.append(f"{who:4} {width:4}px {key:15} {status}")
					report += [f"{'':4} {'':6} {'':15} (not counted) {note}" for note in notes]
				context.close()
		browser.close()

	print("\n".join(report))
	print(f"screens {len(report)}, defects {total}, screenshots in {shots}")
	sys.exit(1 if total else 0)


if __name__ == "__main__":
	main()
