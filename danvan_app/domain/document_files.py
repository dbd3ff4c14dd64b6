"""Text out of the files a directive arrives in: plain text (.txt), Word (.docx), old Word (.doc) and
OpenDocument (.odt) through LibreOffice; PDF is read by the API, scans and images by :mod:`.ocr`.

Pure standard library, so it is tested without Frappe. Every refusal is a :class:`DocumentFileError` whose
message is Vietnamese and fit to show to the user.
"""

from __future__ import annotations

import io
import itertools
import statistics
import unicodedata
import zipfile
from pathlib import PurePosixPath
from xml.etree import ElementTree

MAX_FILE_BYTES = 10 * 1024 * 1024
# document.xml is markup around the text; 20x the file limit uncompressed is far beyond any real
# directive and stops a zip bomb before it is inflated into memory.
MAX_DOCX_XML_BYTES = 20 * MAX_FILE_BYTES

TEXT_EXTENSIONS = {
	".txt": "txt",
	".text": "txt",
	".docx": "docx",
	".pdf": "pdf",
	".doc": "office",
	".odt": "office",
	".png": "image",
	".jpg": "image",
	".jpeg": "image",
	".tif": "image",
	".tiff": "image",
}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH, _TABLE, _ROW, _CELL = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_TEXT, _TAB, _BREAKS = f"{_W}t", f"{_W}tab", {f"{_W}br", f"{_W}cr"}
# Deleted revisions and field instructions are not part of what the reader sees.
_SKIPPED = {f"{_W}del", f"{_W}instrText", f"{_W}delText"}


class DocumentFileError(ValueError):
	"""The file cannot be turned into text; the message is Vietnamese."""


class NoTextLayer(DocumentFileError):
	"""A PDF with pages but no text: a scan, to be recognised (OCR) instead."""


def file_kind(filename: str) -> str:
	"""``"txt"``, ``"docx"``, ``"office"`` (.doc, .odt), ``"pdf"`` or ``"image"`` from the file's name; any
	other kind is refused."""
	suffix = PurePosixPath((filename or "").split("?", 1)[0]).suffix.lower()
	if suffix not in TEXT_EXTENSIONS:
		raise DocumentFileError(
			f"Không đọc được tệp dạng “{suffix or 'không có đuôi'}”; chỉ nhận tệp .txt, .docx, .doc, .odt,"
			" .pdf (kể cả bản quét) hoặc ảnh chụp .png, .jpg, .tif."
		)
	return TEXT_EXTENSIONS[suffix]


def check_size(size: int) -> None:
	if size > MAX_FILE_BYTES:
		raise DocumentFileError(
			f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB); giới hạn là {MAX_FILE_BYTES // 1024 // 1024} MB"
			" cho một văn bản."
		)


def decode_text(data: bytes) -> str:
	"""Bytes of a text file → text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258.

	Vietnamese offices still save plain text from old tools in Windows-1258, which writes tone marks as
	combining characters; the result is composed (NFC) so it reads like any other input.
	"""
	check_size(len(data))
	if data.startswith((b"\xff\xfe", b"\xfe\xff")):
		try:
			return _composed(data.decode("utf-16"))
		except UnicodeDecodeError as error:
			raise DocumentFileError("Tệp ghi là UTF-16 nhưng nội dung bị hỏng, không đọc được.") from error
	try:
		return _composed(data.decode("utf-8-sig"))
	except UnicodeDecodeError:
		pass
	if b"\x00" in data:
		raise DocumentFileError("Tệp có vẻ là tệp nhị phân, không phải văn bản.")
	try:
		return _composed(data.decode("cp1258"))
	except UnicodeDecodeError as error:
		raise DocumentFileError(
			"Không nhận ra bảng mã của tệp văn bản; hãy lưu lại tệp với bảng mã UTF-8."
		) from error


def docx_text(data: bytes) -> str:
	"""The text of a .docx in reading order: each paragraph on its own line, table cells included.

	Directives put their heading (issuer and number on the left, place and date on the right) in a table, so
	cells matter as much as paragraphs. xml.etree's parser does not fetch external entities.
	"""
	check_size(len(data))
	try:
		with zipfile.ZipFile(io.BytesIO(data)) as archive:
			try:
				info = archive.getinfo("word/document.xml")
			except KeyError:
				raise DocumentFileError(
					"Tệp không phải văn bản Word .docx (không có phần nội dung word/document.xml)."
				) from None
			if info.file_size > MAX_DOCX_XML_BYTES:
				raise DocumentFileError("Nội dung tệp .docx quá lớn để là một văn bản.")
			xml = archive.read(info)
	except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError) as error:
		raise DocumentFileError("Tệp .docx bị hỏng hoặc không phải tệp Word .docx.") from error
	try:
		root = ElementTree.fromstring(xml)
	except ElementTree.ParseError as error:
		raise DocumentFileError("Nội dung tệp .docx bị hỏng, không đọc được.") from error
	body = root.find(f"{_W}body")
	lines: list[str] = []
	_block_lines(body if body is not None else root, lines)
	return _composed("\n".join(lines))


def text_of_file(filename: str, data: bytes) -> str:
	"""Text of a .txt, .docx, .doc or .odt file (a PDF needs a PDF reader, an image OCR: the caller's)."""
	kind = file_kind(filename)
	if kind == "txt":
		return decode_text(data)
	if kind == "docx":
		return docx_text(data)
	if kind == "office":
		from danvan_app.domain.ocr import office_to_docx  # ocr imports this module's error

		check_size(len(data))
		return docx_text(office_to_docx(filename, data))
	if kind == "image":
		raise DocumentFileError("Ảnh chụp văn bản cần được nhận dạng chữ (OCR).")
	raise DocumentFileError("Tệp PDF cần được đọc bằng trình đọc PDF.")


def text_from_positioned_lines(lines: list[tuple[str, float | None]]) -> str:
	"""Lines of a printed page (text, baseline height from the bottom; None when unknown) → text with a
	blank line wherever the print leaves a gap clearly wider than a line.

	PDF text extraction drops empty lines, and the directive parser reads a heading's title up to the first
	blank line, so without them the title would run on into the body.
	"""
	heights = [y for _, y in lines if y is not None]
	steps = [above - below for above, below in itertools.pairwise(heights) if above - below > 0.5]
	usual_step = statistics.median(steps) if steps else 0
	out: list[str] = []
	previous = None
	for text, y in lines:
		if y is not None and previous is not None and usual_step and previous - y > 1.6 * usual_step:
			out.append("")
		out.append(text)
		previous = y if y is not None else previous
	return _composed("\n".join(out))


def _block_lines(element: ElementTree.Element, lines: list[str]) -> None:
	for child in element:
		if child.tag == _PARAGRAPH:
			lines.append(_paragraph_text(child))
		elif child.tag == _TABLE:
			for row in child.findall(_ROW):
				for cell in row.findall(_CELL):
					_block_lines(cell, lines)
		elif child.tag not in _SKIPPED:
			# Content controls (w:sdt/w:sdtContent) and similar wrappers hold paragraphs too.
			_block_lines(child, lines)


def _paragraph_text(paragraph: ElementTree.Element) -> str:
	parts: list[str] = []

	def walk(element: ElementTree.Element) -> None:
		for child in element:
			if child.tag in _SKIPPED:
				continue
			if child.tag == _TEXT:
				parts.append(child.text or "")
			elif child.tag == _TAB:
				parts.append("\t")
			elif child.tag in _BREAKS:
				parts.append("\n")
			else:
				walk(child)

	walk(paragraph)
	return "".join(parts)


def _composed(text: str) -> str:
	return unicodedata.normalize("NFC", text)


def pdf_text(data: bytes) -> str:
	"""The text layer of a PDF; a scanned (image-only) PDF has none and is refused with a way forward."""
	import pypdf  # ships with Frappe; loaded only when a PDF arrives

	try:
		reader = pypdf.PdfReader(io.BytesIO(data))
		if reader.is_encrypted:
			reader.decrypt("")
		text = "\n".join(page_lines(page) for page in reader.pages)
	except Exception as error:  # pypdf raises many types for a damaged file; all mean "cannot read"
		raise DocumentFileError("Tệp PDF bị hỏng hoặc có mật khẩu, không đọc được.") from error
	if not text.strip():
		raise NoTextLayer(
			"Tệp PDF không có lớp chữ (có thể là bản quét, chỉ có hình ảnh). Hãy dán nội dung văn bản, hoặc"
			" dùng tệp .docx/.txt hay bản PDF có chữ."
		)
	return text


def page_lines(page) -> str:
	"""A PDF page's text with its paragraph gaps kept as blank lines (see text_from_positioned_lines)."""
	lines: list[list] = [["", None]]

	def visit(text, cm, tm, font_dict, font_size):
		height = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the baseline in page space
		for index, part in enumerate(text.split("\n")):
			if index:
				lines.append(["", None])
			if part.strip() and lines[-1][1] is None:
				lines[-1][1] = height
			lines[-1][0] += part

	page.extract_text(visitor_text=visit)
	return text_from_positioned_lines([(text, height) for text, height in lines])
