"""A report draft as a Word (.docx) file, in the official layout, with python-docx.

python-docx builds the document from code, so the layout (two-column header, table, signature) follows the
structure the domain core returns, whatever its number of units and tasks; a docxtpl template would need a
.docx designed by hand and Jinja tags inside Word runs for the same loops. Times New Roman throughout,
14 pt (13 pt in the table, 12 pt under "Nơi nhận:"), A4 with the margins both 36-HD/VPTW and Nghị định 30
give (top and bottom 20 mm, left 30 mm, right 15 mm).
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from danvan_app.domain.report_draft import Document

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
RECIPIENTS_PT = 12


def report_docx(document: Document) -> bytes:
	word = new_docx()
	_page(word)
	_header(word, document)
	_title(word, document)
	for section in document.sections:
		_paragraph(word, section.heading, bold=True, indent=True, before=6)
		for block in section.blocks:
			if block.kind == "table":
				_table(word, block.columns, block.rows)
			elif block.kind == "heading":
				_paragraph(word, block.text, bold=True, indent=True)
			elif block.kind == "item":
				_paragraph(word, f"- {block.text}", indent=True)
			elif block.kind == "note":
				_paragraph(word, block.text, italic=True, indent=True)
			else:
				_paragraph(word, block.text, indent=True)
	_footer(word, document)
	word.core_properties.title = " ".join([document.kind, *document.subject])
	out = io.BytesIO()
	word.save(out)
	return out.getvalue()


def _page(word) -> None:
	section = word.sections[0]
	section.page_width, section.page_height = Mm(210), Mm(297)
	section.top_margin, section.bottom_margin = Mm(20), Mm(20)
	section.left_margin, section.right_margin = Mm(30), Mm(15)
	style = word.styles["Normal"]
	style.font.name = FONT
	style.font.size = Pt(BODY_PT)
	# Word picks the font of Vietnamese letters from the east-Asian and complex-script slots too.
	fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
	for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
		fonts.set(qn(slot), FONT)
	style.paragraph_format.space_after = Pt(0)


def _run(paragraph, text: str, *, bold=False, italic=False, underline=False, size: int | None = None):
	run = paragraph.add_run(text)
	run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
	if size:
		run.font.size = Pt(size)
	return run


def _centered(container, text: str, **style):
	paragraph = container.add_paragraph()
	paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
	_run(paragraph, text, **style)
	return paragraph


def _first_paragraph(cell, text: str, **style):
	paragraph = cell.paragraphs[0]
	paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
	_run(paragraph, text, **style)
	return paragraph


def _layout_table(word, widths_mm: tuple[int, int]):
	table = word.add_table(rows=1, cols=2)
	table.alignment = WD_TABLE_ALIGNMENT.CENTER
	table.autofit = False
	for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
		cell.width = Mm(width)
	return table.rows[0].cells


def _header(word, document: Document) -> None:
	header = document.header
	left, right = _layout_table(word, (75, 90))
	if header.superior:
		_first_paragraph(left, header.superior)
		_centered(left, header.issuer, bold=True)
	else:
		_first_paragraph(left, header.issuer, bold=True)
	# A Party body's name has a star under it (36-HD/VPTW); a State body's a short line (Nghị định 30).
	_centered(left, header.issuer_mark or "────────", bold=bool(header.issuer_mark))
	_centered(left, header.number)
	first, *rest = header.national
	_first_paragraph(right, first, bold=True, underline=not rest)
	for line in rest:
		_centered(right, line, bold=True, underline=True)
	_centered(right, "")
	_centered(right, header.place_date, italic=True)


def _title(word, document: Document) -> None:
	_centered(word, "").paragraph_format.space_before = Pt(6)
	_centered(word, document.kind, bold=True)
	for line in document.subject:
		_centered(word, line, bold=True)
	_centered(word, "-----")


def _paragraph(word, text: str, *, bold=False, italic=False, indent=False, before: int = 0):
	paragraph = word.add_paragraph()
	paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
	paragraph.paragraph_format.space_before = Pt(before)
	paragraph.paragraph_format.space_after = Pt(6)
	if indent:
		paragraph.paragraph_format.first_line_indent = Cm(1.27)
	_run(paragraph, text, bold=bold, italic=italic)
	return paragraph


def _table(word, columns: list[str], rows: list[list[str]]) -> None:
	table = word.add_table(rows=1 + len(rows), cols=len(columns))
	table.style = "Table Grid"
	table.alignment = WD_TABLE_ALIGNMENT.CENTER
	for position, (cells, values) in enumerate(zip(table.rows, [columns, *rows], strict=True)):
		bold = position == 0 or position == len(rows)
		for column, (cell, value) in enumerate(zip(cells.cells, values, strict=True)):
			paragraph = cell.paragraphs[0]
			paragraph.alignment = (
				WD_ALIGN_PARAGRAPH.LEFT if column == 1 and position else WD_ALIGN_PARAGRAPH.CENTER
			)
			_run(paragraph, value, bold=bold, size=TABLE_PT)
	word.add_paragraph()


def _footer(word, document: Document) -> None:
	word.add_paragraph()
	left, right = _layout_table(word, (75, 90))
	party = document.header.party
	heading = left.paragraphs[0]
	# "Nơi nhận:" underlined in a Party document, bold italic in a State one.
	_run(
		heading,
		"Nơi nhận:",
		underline=party,
		bold=not party,
		italic=not party,
		size=BODY_PT if party else RECIPIENTS_PT,
	)
	for line in document.recipients:
		paragraph = left.add_paragraph()
		_run(paragraph, line, size=RECIPIENTS_PT if party else 11)
	signature = document.signature
	lines = [line for line in (signature.authority, signature.position) if line]
	_first_paragraph(right, lines[0] if lines else "", bold=True)
	for line in lines[1:]:
		_centered(right, line, bold=True)
	for _ in range(4):
		_centered(right, "")
	_centered(right, signature.name, bold=True)
