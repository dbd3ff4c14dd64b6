"""document_files: text out of .txt and .docx files, and clear refusals of everything else."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from danvan_app.domain.document_files import (
	MAX_FILE_BYTES,
	DocumentFileError,
	decode_text,
	docx_text,
	file_kind,
	text_from_positioned_lines,
	text_of_file,
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(*runs: str) -> str:
	return "<w:p>" + "".join(f"<w:r><w:t xml:space='preserve'>{run}</w:t></w:r>" for run in runs) + "</w:p>"


def table(rows: list[list[str]]) -> str:
	cells = "".join(
		"<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
	)
	return f"<w:tbl>{cells}</w:tbl>"


def make_docx(body: str) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("[Content_Types].xml", "<Types/>")
		archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
	return buffer.getvalue()


HEADING = table(
	[
		["TỈNH ỦY LÀO CAI", "ĐẢNG CỘNG SẢN VIỆT NAM"],
		["Số 16-CT/TU", "Lào Cai, ngày 02 tháng 8 năm 2021"],
	]
)


def test_docx_reads_paragraphs_and_table_cells_in_reading_order(tmp_path):
	path = tmp_path / "chi-thi.docx"
	path.write_bytes(
		make_docx(HEADING + paragraph("CHỈ THỊ") + paragraph("Về nâng cao ", "chất lượng công tác dân vận"))
	)
	text = text_of_file(path.name, path.read_bytes())
	assert text.splitlines() == [
		"TỈNH ỦY LÀO CAI",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"Số 16-CT/TU",
		"Lào Cai, ngày 02 tháng 8 năm 2021",
		"CHỈ THỊ",
		"Về nâng cao chất lượng công tác dân vận",
	]


def test_docx_keeps_tabs_and_breaks_and_drops_deleted_text():
	body = (
		"<w:p><w:r><w:t>1.</w:t><w:tab/><w:t>Ban Dân vận</w:t><w:br/><w:t>chủ trì</w:t></w:r>"
		"<w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del></w:p>"
	)
	assert docx_text(make_docx(body)) == "1.\tBan Dân vận\nchủ trì"


def test_nested_table_is_read_once():
	inner = table([["ô trong"]])
	body = f"<w:tbl><w:tr><w:tc>{paragraph('ô ngoài')}{inner}</w:tc></w:tr></w:tbl>"
	assert docx_text(make_docx(body)).splitlines() == ["ô ngoài", "ô trong"]


@pytest.mark.parametrize(
	"data",
	[b"not a zip at all", b"PK\x03\x04broken", b""],
	ids=["text", "truncated-zip", "empty"],
)
def test_a_bad_docx_is_refused_clearly(data):
	with pytest.raises(DocumentFileError, match="bị hỏng hoặc không phải tệp Word"):
		docx_text(data)


def test_a_zip_that_is_not_word_is_refused():
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w") as archive:
		archive.writestr("hello.txt", "xin chào")
	with pytest.raises(DocumentFileError, match=r"word/document\.xml"):
		docx_text(buffer.getvalue())


def test_broken_xml_inside_a_docx_is_refused():
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w") as archive:
		archive.writestr("word/document.xml", "<w:document><unclosed>")
	with pytest.raises(DocumentFileError, match="bị hỏng"):
		docx_text(buffer.getvalue())


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def as_windows_1258(text: str) -> str:
	"""Vowels with hats and horns stay composed; the five tone marks follow as combining characters."""
	out = []
	for char in text:
		decomposed = unicodedata.normalize("NFD", char)
		tones = "".join(mark for mark in decomposed if mark in TONE_MARKS)
		base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONE_MARKS))
		out.append(base + tones)
	return "".join(out)


def test_text_encodings_utf8_utf16_and_windows_1258():
	vietnamese = "Chỉ thị số 16-CT/TU về công tác dân vận"
	assert decode_text(vietnamese.encode("utf-8")) == vietnamese
	assert decode_text(b"\xef\xbb\xbf" + vietnamese.encode("utf-8")) == vietnamese
	assert decode_text(vietnamese.encode("utf-16")) == vietnamese
	# Windows-1258 writes most tones as combining marks; the result is composed again.
	legacy = as_windows_1258(vietnamese).encode("cp1258", errors="strict")
	assert decode_text(legacy) == vietnamese


def test_binary_and_oversized_text_files_are_refused():
	with pytest.raises(DocumentFileError, match="nhị phân"):
		decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
	with pytest.raises(DocumentFileError, match="quá lớn"):
		decode_text(b"a" * (MAX_FILE_BYTES + 1))
	with pytest.raises(DocumentFileError, match="quá lớn"):
		docx_text(b"a" * (MAX_FILE_BYTES + 1))


def test_file_kinds():
	assert file_kind("/private/files/Chi thi 16.DOCX") == "docx"
	assert file_kind("van-ban.txt") == "txt"
	assert file_kind("/files/ban-quet.pdf?fid=1") == "pdf"
	# Old Word and OpenDocument go through LibreOffice, scans and photos through OCR (see test_ocr).
	assert file_kind("cu.doc") == "office"
	assert file_kind("anh.png") == "image"
	with pytest.raises(DocumentFileError, match="chỉ nhận tệp"):
		file_kind("bang-tinh.xlsx")
	with pytest.raises(DocumentFileError, match="chỉ nhận tệp"):
		file_kind("khong-duoi")


def test_gaps_in_a_printed_page_become_blank_lines():
	lines = [
		("CHỈ THỊ", 800.0),
		("Về tăng cường công tác dân vận", 788.0),
		("TỔ CHỨC THỰC HIỆN", 764.0),  # two line steps down: a new part
		("1. Ban Dân vận chủ trì", 752.0),
		("", None),
		("2. Văn phòng phối hợp", 740.0),
		("ĐẢNG CỘNG SẢN VIỆT NAM", 800.0),  # back up the page: a second column, not a gap
	]
	assert text_from_positioned_lines(lines).split("\n") == [
		"CHỈ THỊ",
		"Về tăng cường công tác dân vận",
		"",
		"TỔ CHỨC THỰC HIỆN",
		"1. Ban Dân vận chủ trì",
		"",
		"2. Văn phòng phối hợp",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
	]
	assert text_from_positioned_lines([]) == ""
