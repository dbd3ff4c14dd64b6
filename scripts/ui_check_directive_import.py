"""Drive the desk in headless Chromium through the directive importer, as an official would (not a CI test).

Needs a site served on 127.0.0.1 (e.g. gunicorn) with danvan_app installed, Debian's chromium and
`pip install playwright` (no browser download: it uses /usr/bin/chromium):

    python scripts/ui_check_directive_import.py --site SITE --port 8011 --password admin \
        --text ../shared/source-documents/000_543d86fe47a99ab5.txt --shots /tmp/ui

It creates a few units, opens a new DV Directive, clicks "Nhập từ văn bản", pastes the text, reviews the
proposal (leaving out tasks whose presiding unit is not matched, as a person would), confirms, checks what
was written through the REST API, then confirms the same text again and checks nothing was duplicated.
"""

import argparse
import json
from pathlib import Path

from desk_browser import launch
from playwright.sync_api import sync_playwright

UNITS = [
	("Ban Thường vụ Tỉnh ủy", None),
	("Ban Dân vận Tỉnh ủy", "BDVTU"),
	("Đảng đoàn Hội đồng nhân dân tỉnh", None),
	("Ban cán sự đảng UBND tỉnh", None),
	("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh"),
]


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--port", type=int, default=8011)
	parser.add_argument("--password", default="admin")
	parser.add_argument("--text", required=True)
	parser.add_argument("--shots", default="/tmp/ui")
	args = parser.parse_args()
	shots = Path(args.shots)
	shots.mkdir(parents=True, exist_ok=True)
	base = f"http://{args.site}:{args.port}"
	text = Path(args.text).read_text(encoding="utf-8")

	with sync_playwright() as p:
		browser = launch(p, args.site)
		page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
		api = page.request
		login = api.post(f"{base}/api/method/login", form={"usr": "Administrator", "pwd": args.password})
		assert login.ok, login.text()
		api.post(
			f"{base}/api/method/frappe.client.set_value",
			form={"doctype": "User", "name": "Administrator", "fieldname": "language", "value": "vi"},
		)

		for name, abbreviation in UNITS:
			exists = api.get(
				f"{base}/api/resource/DV Unit", params={"filters": json.dumps([["unit_name", "=", name]])}
			)
			if not exists.json()["data"]:
				body = {"unit_name": name, "unit_kind": "Cấp ủy Đảng", "abbreviation": abbreviation}
				made = api.post(
					f"{base}/api/resource/DV Unit",
					data=json.dumps(body),
					headers={"Content-Type": "application/json"},
				)
				assert made.ok, made.text()

		def count(doctype):
			r = api.get(f"{base}/api/method/frappe.client.get_count", params={"doctype": doctype})
			return r.json()["message"]

		def import_once(tag):
			page.goto(f"{base}/app/dv-directive/new")
			page.get_by_role("button", name="Nhập từ văn bản").click()
			page.locator(".modal.show textarea[data-fieldname='text']").fill(text)
			page.screenshot(path=str(shots / f"{tag}-1-paste.png"))
			page.locator(".modal.show .btn-primary", has_text="Đọc văn bản").click()
			page.locator(".modal.show .btn-primary", has_text="Xác nhận tạo").wait_for()
			page.wait_for_timeout(500)
			page.screenshot(path=str(shots / f"{tag}-2-review.png"), full_page=True)
			# get_values leaves out empty fields: a task with no presiding unit has no presiding_unit_<i> key.
			values = page.evaluate("cur_dialog.get_values(true)")
			indexes = [k.rsplit("_", 1)[1] for k in values if k.startswith("include_")]
			unmatched = [i for i in indexes if not values.get(f"presiding_unit_{i}")]
			for index in unmatched:
				page.locator(f".modal.show input[data-fieldname='include_{index}']").uncheck()
			values = page.evaluate("cur_dialog.get_values(true)")
			included = sum(1 for i in indexes if values.get(f"include_{i}"))
			page.locator(".modal.show .btn-primary", has_text="Xác nhận tạo").click()
			page.wait_for_timeout(2500)
			page.screenshot(path=str(shots / f"{tag}-3-after-confirm.png"))
			return included, len(unmatched)

		before = count("DV Task"), count("DV Directive")
		included, left_out = import_once("first")
		after_first = count("DV Task"), count("DV Directive")
		print(f"first confirm: {included} tasks kept, {left_out} left out (presiding unit not matched)")
		print(f"  DV Task {before[0]} → {after_first[0]}, DV Directive {before[1]} → {after_first[1]}")
		assert after_first[0] - before[0] == included, "every kept task was created"
		assert after_first[1] - before[1] == 1, "one directive created"

		import_once("second")
		after_second = count("DV Task"), count("DV Directive")
		print(
			f"second confirm of the same text: DV Task {after_first[0]} → {after_second[0]}, DV Directive {after_first[1]} → {after_second[1]}"
		)
		assert after_second == after_first, "confirming twice duplicates nothing"

		page.goto(f"{base}/app/dv-task")
		page.wait_for_timeout(2000)
		page.screenshot(path=str(shots / "task-list.png"))
		page.goto(f"{base}/app/dan-van")
		page.wait_for_timeout(3000)
		page.screenshot(path=str(shots / "workspace.png"), full_page=True)
		browser.close()


if __name__ == "__main__":
	main()
