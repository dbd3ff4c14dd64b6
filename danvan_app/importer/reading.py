"""The text to import: pasted, or read from an uploaded file the user may read."""

from __future__ import annotations

import os

import frappe
from frappe import _

from danvan_app.domain.directive_text import DirectiveTextError, looks_vietnamese, parse_directive_text
from danvan_app.domain.document_files import (
	MAX_FILE_BYTES,
	DocumentFileError,
	check_size,
	file_kind,
	pdf_text,
	text_of_file,
)
from danvan_app.exceptions import DirectiveImportError


def pasted_text(text: str | None) -> str:
	text = text or ""
	if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
		frappe.throw(
			_("Văn bản dán vào quá lớn; giới hạn là {0} MB.").format(MAX_FILE_BYTES // 1024 // 1024),
			DirectiveImportError,
		)
	return text


def text_of_uploaded_file(file_url: str) -> str:
	"""Text of an uploaded File the user may read: .txt, .docx, or a PDF that has a text layer."""
	found = frappe.get_list("File", filters={"file_url": file_url, "is_folder": 0}, pluck="name", limit=1)
	if not found:
		frappe.throw(
			_("Không tìm thấy tệp {0} hoặc bạn không được xem tệp này.").format(file_url),
			DirectiveImportError,
		)
	file_doc = frappe.get_doc("File", found[0])
	if not file_doc.has_permission("read"):
		frappe.throw(_("Bạn không được xem tệp {0}.").format(file_doc.file_name), frappe.PermissionError)
	try:
		kind = file_kind(file_doc.file_name or file_url)
		path = file_doc.get_full_path()
		check_size(os.path.getsize(path))
		with open(path, "rb") as stream:
			data = stream.read()
		return pdf_text(data) if kind == "pdf" else text_of_file(file_doc.file_name or file_url, data)
	except DocumentFileError as error:
		frappe.throw(_("Không đọc được tệp {0}: {1}").format(file_doc.file_name, error), DirectiveImportError)
	except OSError:
		frappe.throw(
			_("Không mở được tệp {0} trên máy chủ.").format(file_doc.file_name), DirectiveImportError
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
