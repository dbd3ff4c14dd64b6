"""The text to import: pasted, or read from an uploaded file the user may read."""

from __future__ import annotations

import base64
import os

import frappe
from frappe import _

from danvan_app.domain import ocr
from danvan_app.domain.directive_text import DirectiveTextError, looks_vietnamese, parse_directive_text
from danvan_app.domain.document_files import (
	MAX_FILE_BYTES,
	DocumentFileError,
	NoTextLayer,
	check_size,
	file_kind,
	pdf_text,
	text_of_file,
)
from danvan_app.domain.ocr import read_scan
from danvan_app.exceptions import DirectiveImportError

# A short scan is recognised inside the web request (1-3 s a page here, see BENCHMARKS.md), bounded below the
# web server's 120 s timeout; a longer one is read by a background job the dialog follows page by page, and
# whose result waits (a day) for the user to come back to it.
REQUEST_OCR_SECONDS = 100
BACKGROUND_PAGES = 5
SCAN_RESULT_SECONDS = 24 * 3600


class ScanQueued(Exception):
	"""The scan is being read in the background; ``info`` tells the dialog what to follow."""

	def __init__(self, info: dict):
		super().__init__(info)
		self.info = info


def pasted_text(text: str | None) -> str:
	text = text or ""
	if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
		frappe.throw(
			_("Văn bản dán vào quá lớn; giới hạn là {0} MB.").format(MAX_FILE_BYTES // 1024 // 1024),
			DirectiveImportError,
		)
	return text


def uploaded_file(file_url: str):
	"""The File behind ``file_url``, if the user may read it."""
	found = frappe.get_list("File", filters={"file_url": file_url, "is_folder": 0}, pluck="name", limit=1)
	if not found:
		frappe.throw(
			_("Không tìm thấy tệp {0} hoặc bạn không được xem tệp này.").format(file_url),
			DirectiveImportError,
		)
	file_doc = frappe.get_doc("File", found[0])
	if not file_doc.has_permission("read"):
		frappe.throw(_("Bạn không được xem tệp {0}.").format(file_doc.file_name), frappe.PermissionError)
	return file_doc


def text_of_uploaded_file(file_url: str, background: bool = False) -> tuple[str, dict | None]:
	"""Text of an uploaded File the user may read: .txt, .docx, .doc, .odt, a PDF with a text layer, or a scan
	(a PDF without one, or a photo) recognised by OCR. The second value describes the recognition (pages,
	seconds, doubtful words with their place in the text) and is None for a file that had its text.

	With ``background``, a scan of more than BACKGROUND_PAGES pages is handed to a job and ScanQueued is
	raised; once the job is done, the same call returns its result."""
	file_doc = uploaded_file(file_url)
	key = _scan_key(file_doc)
	# expires=True: a miss must not be remembered in the request's local cache, or a job finishing in the
	# same process (tests run jobs at once) would not be seen.
	done = frappe.cache.get_value(key, expires=True)
	if done:
		if done.get("error"):
			frappe.cache.delete_value(key)  # shown once; choosing the file again reads it again
			frappe.throw(done["error"], DirectiveImportError)
		return done["text"], done["recognition"]
	filename = file_doc.file_name or file_url
	try:
		kind = file_kind(filename)
		path = file_doc.get_full_path()
		check_size(os.path.getsize(path))
		with open(path, "rb") as stream:
			data = stream.read()
		if kind == "pdf":
			try:
				return pdf_text(data), None
			except NoTextLayer:
				pass  # a scan: recognised below
		if kind in ("pdf", "image"):
			pages = ocr.scan_pages(filename, data)
			if background and pages > BACKGROUND_PAGES:
				raise ScanQueued(_enqueue_scan(file_doc, key, pages))
			progress = _job_progress(key) if frappe.flags.danvan_scan_job else _publish_progress
			seconds = ocr.TOTAL_SECONDS if frappe.flags.danvan_scan_job else REQUEST_OCR_SECONDS
			scan = read_scan(filename, data, progress=progress, seconds=seconds)
			return scan.text, scan.to_json_dict()
		return text_of_file(filename, data), None
	except DocumentFileError as error:
		frappe.throw(_("Không đọc được tệp {0}: {1}").format(file_doc.file_name, error), DirectiveImportError)
	except OSError:
		frappe.throw(
			_("Không mở được tệp {0} trên máy chủ.").format(file_doc.file_name), DirectiveImportError
		)


def page_image_of_upload(file_url: str, page: int) -> str:
	"""One page of an uploaded scan the user may read, as a PNG data URL for the review dialog: a PDF's page
	rendered small, a single photo as it is (a browser shows PNG and JPEG, not TIFF)."""
	file_doc = uploaded_file(file_url)
	try:
		kind = file_kind(file_doc.file_name or file_url)
		path = file_doc.get_full_path()
		check_size(os.path.getsize(path))
		with open(path, "rb") as stream:
			data = stream.read()
		if kind == "pdf":
			return "data:image/png;base64," + base64.b64encode(ocr.page_image("pdf", data, page)).decode()
		mime = {"png": "image/png", "jpeg": "image/jpeg"}.get(ocr.image_kind(file_doc.file_name) or "")
		if kind == "image" and mime and page == 1:
			ocr.check_image(data)
			return f"data:{mime};base64," + base64.b64encode(data).decode()
		raise DocumentFileError("Không xem được ảnh trang của tệp này; hãy mở tệp gốc.")
	except DocumentFileError as error:
		frappe.throw(
			_("Không xem được trang {0} của tệp {1}: {2}").format(page, file_doc.file_name, error),
			DirectiveImportError,
		)
	except OSError:
		frappe.throw(
			_("Không mở được tệp {0} trên máy chủ.").format(file_doc.file_name), DirectiveImportError
		)


def _scan_key(file_doc) -> str:
	# Per user (the job reads as that user) and per content: a file replaced under the same name is new.
	return f"danvan-scan::{frappe.session.user}::{file_doc.name}::{file_doc.content_hash or ''}"


def _enqueue_scan(file_doc, key: str, pages: int) -> dict:
	info = {"file_url": file_doc.file_url, "pages": pages}
	# Coming back to a job still running keeps its count; a count left "finished" by an earlier job is reset.
	progress = frappe.cache.get_value(f"{key}::progress", expires=True)
	if not progress or progress.get("finished"):
		frappe.cache.set_value(
			f"{key}::progress", {"done": 0, "pages": pages}, expires_in_sec=SCAN_RESULT_SECONDS
		)
	frappe.enqueue(
		"danvan_app.importer.reading.read_scan_job",
		file_url=file_doc.file_url,
		key=key,
		queue="long",
		timeout=ocr.TOTAL_SECONDS + 60,
		job_id=key,
		deduplicate=True,
		now=frappe.flags.in_test,
	)
	return info


def read_scan_job(file_url: str, key: str) -> None:
	"""Background job (as the user who asked): recognise the scan and keep the result for the dialog."""
	frappe.flags.danvan_scan_job = True
	try:
		text, recognition = text_of_uploaded_file(file_url)
		result = {"text": text, "recognition": recognition}
	except frappe.ValidationError as error:
		result = {"error": str(error)}
	except Exception:
		# Whatever broke, the dialog waiting on this job must hear that it ended.
		frappe.log_error(title="danvan: reading a scan in the background")
		result = {"error": _("Đọc bản quét không thành công do lỗi máy chủ; quản trị viên xem Error Log.")}
	finally:
		frappe.flags.danvan_scan_job = False
	frappe.cache.set_value(key, result, expires_in_sec=SCAN_RESULT_SECONDS)
	frappe.cache.set_value(f"{key}::progress", {"finished": True}, expires_in_sec=SCAN_RESULT_SECONDS)


def scan_progress(file_url: str) -> dict:
	"""How far the background reading of the user's scan is: {done, pages} or {finished: True}."""
	key = _scan_key(uploaded_file(file_url))
	if frappe.cache.get_value(key, expires=True):
		return {"finished": True}
	return frappe.cache.get_value(f"{key}::progress", expires=True) or {"finished": True}


def _job_progress(key: str):
	def progress(done: int, pages: int) -> None:
		frappe.cache.set_value(
			f"{key}::progress", {"done": done, "pages": pages}, expires_in_sec=SCAN_RESULT_SECONDS
		)

	return progress


def _publish_progress(done: int, pages: int) -> None:
	"""Desk shows Frappe's progress bar to the user who waits for the recognition."""
	if pages > 1:
		frappe.publish_progress(
			done * 100 / pages,
			title=_("Đang nhận dạng chữ bản quét"),
			description=_("Đã đọc {0}/{1} trang").format(done, pages),
		)


def read_directive(text: str):
	"""The parse of a Vietnamese text; empty, binary, oversized or foreign text is refused."""
	try:
		parse = parse_directive_text(text)
	except DirectiveTextError as error:
		frappe.throw(_("Không phân tích được văn bản: {0}").format(error), DirectiveImportError)
	if not looks_vietnamese(text):
		frappe.throw(
			_(
				"Văn bản không phải tiếng Việt (không thấy chữ có dấu). Trình nhập chỉ đọc văn bản chỉ đạo"
				" tiếng Việt."
			),
			DirectiveImportError,
		)
	return parse
