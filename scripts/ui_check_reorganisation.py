"""Click through a reorganisation in headless Chromium as Administrator (issue 14; a check run by hand, not a
CI test): create a merge of two communes in the desk form, press "Xem trước" and read the counts it shows,
submit (which applies it), check that the old communes closed and that their form's history names the new
commune with the decision, then "Hoàn tác" and check that everything is back.

Needs a site served on 127.0.0.1 with danvan_app installed and built (e.g. /tmp/ui_serve.sh), Debian's
chromium and playwright (no browser download):

    python scripts/ui_check_reorganisation.py --site ui.localhost --port 8013 --shots /tmp/ui_reorg

Each screen is checked as scripts/ui_walk.py checks them (English words, codes where names belong, console
errors and failed requests); it saves a screenshot of each step and exits 1 on any defect.
"""

import argparse
import json
import re
import secrets
import sys
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from desk_browser import launch
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from ui_walk import CODE, BrowserErrors, Site, english_words, login, visible_text

PARTY, COMMUNE = "Cấp ủy Đảng", "Xã, phường, đặc khu"
OPEN, DONE = "Đang thực hiện", "Hoàn thành"


def build(site: Site, run: str) -> dict:
	"""A province with two communes: the first has 2 open tasks and 1 done, the second 1 open."""
	province = site.insert("DV Unit", unit_name=f"Tỉnh ủy Sắp Xếp {run}", unit_kind=PARTY)["name"]
	old = [
		site.insert(
			"DV Unit",
			unit_name=f"Đảng ủy xã {label} {run}",
			unit_kind=PARTY,
			admin_level=COMMUNE,
			parent_dv_unit=province,
		)["name"]
		for label in ("Đông", "Tây")
	]
	for unit, count in ((old[0], 2), (old[1], 1)):
		for i in range(count):
			site.insert("DV Task", title=f"Việc đang làm {i} {run}", presiding_unit=unit, status=OPEN)
	site.insert(
		"DV Task",
		title=f"Việc đã xong {run}",
		presiding_unit=old[0],
		status=DONE,
		completed_on=str(date.today()),
	)
	return {"province": province, "old": old, "new_name": f"Đảng ủy xã Đông Tây {run}"}


def speak_vietnamese(site: Site) -> None:
	"""The site as deployed: language, date format and time zone saved through System Settings (its save
	writes the defaults the desk reads; values written straight into the table leave the desk in English)."""
	response = site.request.put(
		f"{site.base}/api/resource/System Settings/System Settings",
		data=json.dumps({"language": "vi", "date_format": "dd/mm/yyyy", "time_zone": "Asia/Ho_Chi_Minh"}),
		headers={"Content-Type": "application/json"},
	)
	assert response.ok, f"System Settings: {response.status} {response.text()[:300]}"


def get(site: Site, doctype: str, name: str) -> dict:
	response = site.request.get(f"{site.base}/api/resource/{quote(doctype)}/{quote(name)}")
	assert response.ok, f"{doctype} {name}: {response.status}"
	return response.json()["data"]


class Check:
	def __init__(self, page, english: set[str], shots: Path):
		self.page, self.english, self.shots = page, english, shots
		self.errors = BrowserErrors(page)
		self.defects: list[str] = []

	def screen(self, key: str, expected: tuple[str, ...] = ()) -> str:
		self.page.wait_for_timeout(800)
		self.page.screenshot(path=str(self.shots / f"{key}.png"), full_page=True)
		text = visible_text(self.page)
		words = sorted(
			{w for w in re.findall(r"[^\W\d_]+", text) if w.isascii() and w.lower() in self.english}
		)
		found = [f"{key}: English: {', '.join(words[:15])}"] if words else []
		found += [f"{key}: code shown: {code}" for code in sorted(set(CODE.findall(text)))]
		# A button's label may be split by the letter Frappe underlines for its Alt shortcut ("X" + "em
		# trước"), so a visible button with that text counts as shown.
		found += [
			f"{key}: missing on screen: {want}"
			for want in expected
			if want not in text and not self.page.locator(f"button:visible:has-text('{want}')").count()
		]
		found += [f"{key}: {error}" for error in self.errors]
		self.errors.clear()
		self.defects += found
		print(f"{key}: {'ok' if not found else '; '.join(found)}")
		return text

	def wait_for(self, selector: str) -> None:
		"""Wait for what the screen must show; if it never comes, that is a defect (with what the page said)."""
		try:
			self.page.wait_for_selector(selector, timeout=60000)
		except PlaywrightError:
			self.require(False, f"{selector} not shown within 60 s; page errors: {list(self.errors)}")

	def require(self, condition: bool, message: str) -> None:
		if not condition:
			self.defects.append(message)
			print(f"defect: {message}")


def fill_reorganisation(page, world: dict, number: str) -> None:
	"""The header typed into its fields, the kind chosen in its select, the tables' rows added as the grid's
	"Thêm dòng" adds them (the grid's link inputs are filled through the form's own model)."""
	page.locator('[data-fieldname="decision_number"] input').fill(number)
	page.locator('[data-fieldname="kind"] select').select_option("Sáp nhập")
	page.evaluate(
		"""async ([today, old, newName, province]) => {
			const frm = cur_frm;
			// The names the grid shows, as a link typed in would have fetched them.
			await Promise.all([...old, province].map((u) => frappe.utils.fetch_link_title("DV Unit", u)));
			frm.set_value("decision_date", today);
			frm.set_value("effective_date", today);
			for (const unit of old) frappe.model.add_child(frm.doc, "old_units").unit = unit;
			const row = frappe.model.add_child(frm.doc, "new_units");
			Object.assign(row, {new_unit_name: newName, unit_kind: "Cấp ủy Đảng", parent_unit: province});
			frm.refresh_field("old_units");
			frm.refresh_field("new_units");
		}""",
		[str(date.today()), world["old"], world["new_name"], world["province"]],
	)


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--port", type=int, default=8013)
	parser.add_argument("--password", default="admin")
	parser.add_argument("--bench", default="/home/frappe/frappe-bench")
	parser.add_argument("--shots", default="/tmp/ui_reorg")
	parser.add_argument(
		"--width", type=int, default=1280, help="the viewport's width (1280, or 480 for a phone)"
	)
	args = parser.parse_args()
	shots = Path(args.shots)
	shots.mkdir(parents=True, exist_ok=True)
	base = f"http://{args.site}:{args.port}"
	english = english_words(Path(args.bench))
	run = secrets.token_hex(3)
	with sync_playwright() as p:
		browser = launch(p, args.site)
		context = browser.new_context(viewport={"width": args.width, "height": 900}, locale="vi-VN")
		login(context, base, "Administrator", args.password)
		site = Site(context.request, base)
		speak_vietnamese(site)
		world = build(site, run)
		page = context.new_page()
		check = Check(page, english, shots)

		page.goto(f"{base}/app/dv-reorganisation/new", wait_until="networkidle")
		page.wait_for_selector('[data-fieldname="decision_number"] input', timeout=30000)
		number = f"12/QĐ-UI-{run}"
		fill_reorganisation(page, world, number)
		check.screen("1-new-form")
		page.keyboard.press("Control+s")
		page.wait_for_function("() => cur_frm && !cur_frm.is_new() && !cur_frm.is_dirty()", timeout=30000)
		name = page.evaluate("() => cur_frm.doc.name")
		check.screen("2-saved", ("Xem trước",))

		page.locator("button:visible:has-text('Xem trước')").first.click()
		page.wait_for_function(
			"() => cur_frm.doc.status === 'Đã xem trước' && !!cur_frm.doc.preview_summary", timeout=60000
		)
		page.wait_for_timeout(1500)
		text = check.screen("3-previewed", ("Đã xem trước",))
		# The hand count: the first commune moves 2 open tasks and keeps 1 done; the second moves 1.
		for phrase in (
			"chuyển 2 nhiệm vụ đang thực hiện",
			"chuyển 1 nhiệm vụ đang thực hiện",
			"giữ lại 1 nhiệm vụ đã kết thúc",
		):
			check.require(phrase in text, f"preview does not show “{phrase}”")

		page.locator(".page-actions .primary-action:visible").first.click()  # "Gửi"
		page.locator(".modal:visible .btn-primary:visible").first.click(timeout=10000)  # "Đồng ý"
		page.wait_for_function("() => cur_frm.doc.docstatus === 1", timeout=60000)
		page.wait_for_timeout(1500)
		check.screen("4-applied", ("Đã áp dụng", "Hoàn tác"))
		doc = get(site, "DV Reorganisation", name)
		check.require(doc["status"] == "Đã áp dụng", f"status after submit: {doc['status']}")
		new_unit = doc["new_units"][0]["created_unit"]
		yesterday = str(date.today() - timedelta(days=1))
		for old in world["old"]:
			unit = get(site, "DV Unit", old)
			check.require(
				unit["valid_to"] == yesterday and not unit["enabled"],
				f"{old} not closed on {yesterday}: {unit['valid_to']}, enabled {unit['enabled']}",
			)
		new = get(site, "DV Unit", new_unit)
		task_units = site.request.get(
			f"{base}/api/resource/DV Task",
			params={
				"filters": json.dumps([["title", "like", f"%{run}"]]),
				"fields": json.dumps(["presiding_unit", "status"]),
				"limit_page_length": 10,
			},
		).json()["data"]
		check.require(
			sorted((t["presiding_unit"] == new_unit, t["status"]) for t in task_units)
			== [(False, DONE), (True, OPEN), (True, OPEN), (True, OPEN)],
			f"tasks after apply: {task_units}",
		)

		page.goto(f"{base}/app/dv-unit/{world['old'][0]}", wait_until="networkidle")
		check.wait_for(".dv-unit-history")
		text = check.screen(
			"5-old-unit-history", ("Đã thôi hoạt động từ", "Lịch sử sắp xếp", new["unit_name"], number)
		)
		today = date.today()
		check.require(
			any(
				# the screen's text nodes come one a line: a link inside the sentence breaks it
				f"Quyết định số {number} ngày {today.strftime(form)}" in " ".join(text.split())
				for form in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
			),
			"the history does not state the decision's date as it was entered (today)",
		)
		page.goto(f"{base}/app/dv-unit/{new_unit}", wait_until="networkidle")
		check.wait_for(".dv-unit-history")
		check.screen(
			"6-new-unit-history", ("Đơn vị tiền thân", f"Đảng ủy xã Đông {run}", f"Đảng ủy xã Tây {run}")
		)

		page.goto(f"{base}/app/dv-reorganisation/{name}", wait_until="networkidle")
		page.locator("button:visible:has-text('Hoàn tác')").first.click(timeout=30000)
		page.locator(".modal:visible .btn-primary:visible").first.click(timeout=10000)  # "Đồng ý"
		page.wait_for_function("() => cur_frm.doc.status === 'Đã hoàn tác'", timeout=60000)
		page.wait_for_timeout(1500)
		check.screen("7-undone", ("Đã hoàn tác",))
		for old in world["old"]:
			unit = get(site, "DV Unit", old)
			check.require(not unit.get("valid_to") and unit["enabled"], f"{old} still closed after undo")
		gone = site.request.get(f"{base}/api/resource/DV Unit/{quote(new_unit)}")
		check.require(gone.status == 404, f"the new unit is still there after undo ({gone.status})")
		browser.close()
	print(f"defects {len(check.defects)}, screenshots in {shots}")
	sys.exit(1 if check.defects else 0)


if __name__ == "__main__":
	main()
