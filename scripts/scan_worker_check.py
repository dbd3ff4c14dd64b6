"""A long scan read by a real RQ worker, followed as the dialog follows it, then the review in the browser.

Hand-run against a served site with a worker running for it (``bench worker --queue long``), as Administrator:

    python scripts/scan_worker_check.py --site ui.localhost --port 8013 --password admin \
        --texts ../shared/source-documents --shots /tmp/ui_mail

1. Over HTTP: scans of 20 and 10 pages (the source texts typeset, rasterised at 300 dpi and dirtied as
   ``ocr_accuracy.py`` does, repeated to the page count) are uploaded; ``preview_directive_text`` answers
   ``reading_in_background``; ``scan_reading_progress`` is polled each second until the job is finished,
   then the preview is asked again. Printed: the pages as the endpoint reported them, and the seconds from
   the upload's preview request to the review being ready.
2. In Chromium: a directive received by e-mail (a draft "Chờ nhập từ thư" with the 10-page scan attached),
   "Nhập từ văn bản" offers its attachment, the progress shows, and the review shows the page beside each
   clause. Screenshots go to ``--shots``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from desk_browser import launch  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from danvan_app.bench_tests import scans  # noqa: E402

API = "danvan_app.api.directives"


def accuracy_module():
	spec = importlib.util.spec_from_file_location("ocr_accuracy", ROOT / "scripts" / "ocr_accuracy.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def scanned_pages(folder: Path) -> list[bytes]:
	"""The first source text's pages, scanned and dirtied; the directive whose review is shown."""
	degrade = accuracy_module().degrade
	pages: list[bytes] = []
	for number, path in enumerate(sorted(folder.glob("*.txt"))[:2]):
		lines = path.read_text(encoding="utf-8").splitlines()
		images = scans.page_images(scans.convert(scans.directive_docx(lines), ".docx", "pdf"))
		pages += [
			degrade(image, seed=number * 100 + i, last=i == len(images) - 1) for i, image in enumerate(images)
		]
	return pages


def jpeg_pdf(pages: list[bytes]) -> bytes:
	"""An image-only PDF as a scanner writes one: each 300 dpi greyscale page JPEG-compressed (Pillow's PDF
	writer), about 0.4 MB a page, so 20 pages stay under the importer's 10 MB a file."""
	import io

	from PIL import Image

	images = [Image.open(io.BytesIO(page)).convert("L") for page in pages]
	out = io.BytesIO()
	images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=300, quality=65)
	return out.getvalue()


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--port", type=int, default=8013)
	parser.add_argument("--password", default="admin")
	parser.add_argument("--texts", default="/work/shared/source-documents")
	parser.add_argument("--shots", default="/tmp/ui_mail")
	args = parser.parse_args()
	shots = Path(args.shots)
	shots.mkdir(parents=True, exist_ok=True)
	base = f"http://{args.site}:{args.port}"
	pages = scanned_pages(Path(args.texts))  # 8 pages: text 000 (4) and 001 (4)
	directive_pages = pages[:4]
	ten = directive_pages + pages[4:] + pages[:2]
	twenty = ten + ten

	with sync_playwright() as p:
		browser = launch(p, args.site)
		page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
		api = page.request
		login = api.post(f"{base}/api/method/login", form={"usr": "Administrator", "pwd": args.password})
		assert login.ok, login.text()

		def call(method, **data):
			r = api.post(
				f"{base}/api/method/{method}",
				data=json.dumps(data),
				headers={"Content-Type": "application/json"},
			)
			assert r.ok, r.text()[:2000]
			return r.json()["message"]

		def upload(name, content, **attached):
			r = api.post(
				f"{base}/api/method/upload_file",
				multipart={
					"file": {"name": name, "mimeType": "application/pdf", "buffer": content},
					"is_private": "1",
					**attached,
				},
			)
			assert r.ok, r.text()[:2000]
			return r.json()["message"]["file_url"]

		for label, scan_pages in (("20", twenty), ("10", ten)):
			file_url = upload(f"ban-quet-{label}-trang-{int(time.time())}.pdf", jpeg_pdf(scan_pages))
			started = time.monotonic()
			first = call(f"{API}.preview_directive_text", file_url=file_url)
			assert "reading_in_background" in first, list(first)
			seen = []
			while True:
				state = call(f"{API}.scan_reading_progress", file_url=file_url)
				seen.append((round(time.monotonic() - started, 1), state.get("done"), state.get("pages")))
				if state.get("finished"):
					break
				assert time.monotonic() - started < 900, seen[-1]
				time.sleep(1)
			preview = call(f"{API}.preview_directive_text", file_url=file_url)
			seconds = time.monotonic() - started
			print(
				f"{label} pages: ready for review in {seconds:.1f} s ({seconds / len(scan_pages):.2f} s/page);"
				f" recognition {preview['recognition']['seconds']} s; tasks {len(preview['tasks'])};"
				f" progress seen {[s for s in seen if s[1] is not None][:: max(1, len(seen) // 12)]}"
			)

		# A draft received by e-mail, as the mail intake files it, with the 10-page scan attached.
		draft = call(
			"frappe.client.insert",
			doc={
				"doctype": "DV Directive",
				"title": "Chỉ thị về phong trào thi đua Dân vận khéo (bản quét)",
				"awaiting_import": 1,
				"email_sender": "Văn phòng Tỉnh ủy <vanphong@tinhuy.dv.test>",
				"email_message_id": f"<ui-{time.time()}@tinhuy.dv.test>",
			},
		)["name"]
		upload(
			f"chi-thi-ban-quet-{int(time.time())}.pdf",
			jpeg_pdf(ten),
			doctype="DV Directive",
			docname=draft,
		)
		page.goto(f"{base}/app/dv-directive/{draft}")
		page.locator("button:visible", has_text="Nhập từ văn bản").first.click()
		page.locator(".modal.show select[data-fieldname='attached_file']").wait_for()
		page.wait_for_timeout(500)
		page.screenshot(path=str(shots / "1-draft-offers-attachment.png"))
		page.locator(".modal.show .btn-primary", has_text="Đọc văn bản").click()
		page.locator(".progress-bar").first.wait_for(timeout=60000)
		page.wait_for_timeout(4000)
		page.screenshot(path=str(shots / "2-progress.png"))
		page.locator(".modal.show .btn-primary", has_text="Xác nhận tạo").wait_for(timeout=300000)
		page.locator(".modal.show img.dv-scan-thumb[src^='data:image']").first.wait_for(timeout=60000)
		page.wait_for_timeout(800)
		page.screenshot(path=str(shots / "3-review-with-page.png"))
		thumbs = page.locator(".modal.show img.dv-scan-thumb[src^='data:image']")
		print(f"review: {thumbs.count()} page images shown beside the clauses")
		section = page.locator(".modal.show .dv-scan-page").nth(min(3, thumbs.count() - 1))
		section.scroll_into_view_if_needed()
		page.wait_for_timeout(300)
		page.screenshot(path=str(shots / "4-review-clause-and-page.png"))
		section.locator("img").click()
		page.wait_for_timeout(800)
		page.screenshot(path=str(shots / "5-page-zoomed.png"))
		browser.close()


if __name__ == "__main__":
	main()
