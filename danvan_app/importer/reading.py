"""The text to import: pasted, or read from an uploaded file the user may read."""

from __future__ import annotations

import os

import frappe
from frappe import _

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

# A scan is recognised inside the web request (about 3 s a page here, see BENCHMARKS.md), so its time is
# bounded below the web server's 120 s timeout; a longer scan is refused with the advice to split it.
REQUEST_OCR_SECONDS = 100


def pasted_text(text: str | None) -> str:
	text = text or ""
	if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
		frappe.throw(
			_("Văn bản dán vào quá lớn; giới hạn là {0} MB.").format(MAX_FILE_BYTES // 1024 // 1024),
			DirectiveImportError,
		)
	return text


def text_of_uploaded_file(file_url: str) -> tuple[str, dict | None]:
	"""Text of an uploaded File the user may read: .txt, .docx, .doc, .odt, a PDF with a text layer, or a scan
	(a PDF without one, or a photo) recognised by OCR. The second value describes the recognition (pages,
	seconds, doubtful words with their place in the text) and is None for a file that had its text."""
	found = frappe.get_list("File", filters={"file_url": file_url, "is_folder": 0}, pluck="name", limit=1)
	if not found:
		frappe.throw(
			_("Không tìm thấy tệp {0} hoặc bạn không được xem tệp này.").format(file_url),
			DirectiveImportError,
		)
	file_doc = frappe.get_doc("File", found[0])
	if not file_doc.has_permission("read"):
		frappe.throw(_("Bạn không được xem tệp {0}.").format(file_doc.file_name), frappe.PermissionError)
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
			scan = read_scan(filename, data, progress=_publish_progress, seconds=REQUEST_OCR_SECONDS)
			return scan.text, scan.to_json_dict()
		return text_of_file(filename, data), None
	except DocumentFileError as error:
		frappe.throw(_("Không đọc được tệp {0}: {1}").format(file_doc.file_name, error), DirectiveImportError)
	except OSError:
		frappe.throw(
			_("Không mở được tệp {0} trên máy chủ.").format(file_doc.file_name), DirectiveImportError
		)


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
