# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The directive importer and quick task entry, as a user meets them: preview writes nothing and refuses
unreadable input in Vietnamese; confirm and create_tasks write everything or nothing, once, in scope."""

import io
import os
import re
import zipfile
from pathlib import Path
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.file_manager import get_files_path

from danvan_app.api.directives import (
	confirm_directive_import,
	create_tasks,
	preview_directive_text,
	scan_reading_progress,
)
from danvan_app.bench_tests import scans
from danvan_app.bench_tests.factories import make_directive, make_tree, make_unit, make_user
from danvan_app.domain import access, ocr
from danvan_app.domain.document_files import MAX_FILE_BYTES
from danvan_app.exceptions import DirectiveImportError, TaskEntryError
from danvan_app.importer import reading

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DIRECTIVE_TEXT = """TỈNH ỦY THỬ NGHIỆM
Số 21-CT/TU
Thử Nghiệm, ngày 15 tháng 3 năm 2024
CHỈ THỊ
của Ban Thường vụ Tỉnh ủy
Về tăng cường công tác dân vận chính quyền

TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tổ chức sơ kết việc thực hiện Chỉ thị,\
 hoàn thành trước ngày 30/6/2024.
2. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo các sở rà soát thủ tục hành chính trong quý III/2024.
3. Hội đồng Thi đua Khen thưởng tỉnh hằng năm biểu dương các mô hình "Dân vận khéo".
"""


def source_documents() -> Path | None:
	candidates = [os.environ.get("DANVAN_SOURCE_DOCS"), "/work/shared/source-documents"]
	return next((Path(c) for c in candidates if c and Path(c).is_dir()), None)


def docx_bytes(body_xml: str) -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
		archive.writestr("[Content_Types].xml", "<Types/>")
		archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body_xml}</w:body></w:document>")
	return buffer.getvalue()


def paragraph(text: str) -> str:
	return f"<w:p><w:r><w:t xml:space='preserve'>{frappe.utils.escape_html(text)}</w:t></w:r></w:p>"


def directive_as_docx(text: str) -> bytes:
	"""The directive with its heading (issuer, number, place and date) in a two-column table, as offices do."""
	lines = text.splitlines()
	heading = (
		"<w:tbl>"
		f"<w:tr><w:tc>{paragraph(lines[0])}</w:tc><w:tc>{paragraph('ĐẢNG CỘNG SẢN VIỆT NAM')}</w:tc></w:tr>"
		f"<w:tr><w:tc>{paragraph(lines[1])}</w:tc><w:tc>{paragraph(lines[2])}</w:tc></w:tr>"
		"</w:tbl>"
	)
	return docx_bytes(heading + "".join(paragraph(line) for line in lines[3:]))


def blank_pdf() -> bytes:
	from pypdf import PdfWriter

	writer = PdfWriter()
	writer.add_blank_page(width=595, height=842)
	buffer = io.BytesIO()
	writer.write(buffer)
	return buffer.getvalue()


def text_pdf(text: str) -> bytes:
	"""A one-page PDF whose text layer is ``text``: Helvetica, with a ToUnicode map for the Vietnamese letters."""
	extra = sorted({ch for ch in text if ord(ch) > 126 or ord(ch) < 32} - {"\n"})
	if len(extra) > 120:
		raise ValueError("too many distinct letters for one single-byte font")
	code = {ch: 0x80 + i for i, ch in enumerate(extra)}

	def encode(line):
		return "".join(f"{code.get(ch, ord(ch)):02X}" for ch in line)

	lines = text.split("\n")
	ops = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td"]
	for line in lines:
		ops.append(f"<{encode(line)}> Tj T*")
	ops.append("ET")
	content = "\n".join(ops).encode()
	bfchar = "\n".join(f"<{c:02X}> <{ord(ch):04X}>" for ch, c in code.items())
	cmap = (
		"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /DV def "
		"1 begincodespacerange <00> <FF> endcodespacerange\n"
		"1 beginbfrange <20> <7E> <0020> endbfrange\n"
		f"{len(code)} beginbfchar\n{bfchar}\nendbfchar\n"
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	).encode()
	objects = [
		b"<< /Type /Catalog /Pages 2 0 R >>",
		b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
		b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
		b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
	]
	out = io.BytesIO()
	out.write(b"%PDF-1.4\n")
	offsets = []
	for number, body in enumerate(objects, 1):
		offsets.append(out.tell())
		out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
	xref = out.tell()
	out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
	for offset in offsets:
		out.write(b"%010d 00000 n \n" % offset)
	out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
	return out.getvalue()


def upload(file_name: str, content: bytes) -> str:
	return (
		frappe.get_doc({"doctype": "File", "file_name": file_name, "content": content, "is_private": 1})
		.insert()
		.file_url
	)


def counts() -> tuple[int, int]:
	return frappe.db.count("DV Directive"), frappe.db.count("DV Task")


class TestDirectiveImport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.units = make_tree()
		province = cls.units.province
		cls.units.standing = make_unit("Ban Thường vụ Tỉnh ủy", province).name
		cls.units.mass = make_unit("Ban Dân vận Tỉnh ủy", province, abbreviation="BDVTU").name
		cls.units.office = make_unit(
			"Văn phòng Tỉnh ủy Thử Nghiệm", province, aliases=[{"alias": "Văn phòng Tỉnh ủy"}]
		).name
		cls.units.council = make_unit("Đảng đoàn Hội đồng nhân dân tỉnh", province).name
		cls.units.committee = make_unit("Ban cán sự đảng UBND tỉnh", province).name
		cls.users = {
			"viewer": cls.make_user("viewer@import.dv.test", access.VIEWER, province),
			"district": cls.make_user("manager.d1@import.dv.test", access.MANAGER, cls.units.district1),
			"officer": cls.make_user("officer@import.dv.test", access.OFFICER, province),
		}

	@classmethod
	def make_user(cls, email, role, unit):
		return make_user(email, role, [unit])

	def tearDown(self):
		frappe.set_user("Administrator")

	def assertRefusedWithNothingWritten(self, exc, call, *args, says: str, **kwargs):
		before = counts()
		with self.assertRaises(exc) as caught:
			call(*args, **kwargs)
		self.assertIn(says, str(caught.exception))
		self.assertEqual(counts(), before)

	def payload(self, preview: dict, **directive) -> dict:
		"""What the review screen sends when the person accepts every proposal."""
		document = preview["document"]
		return {
			"directive": {
				"directive_number": document["number"],
				"doc_type": document["doc_type"],
				"issue_date": document["issue_date"],
				"issuer_name": document["issuer"],
				"issuing_unit": (preview["issuer_match"] or {}).get("unit"),
				"title": document["title"],
				"references": preview["references"],
				**directive,
			},
			"tasks": [task["fields"] for task in preview["tasks"]],
		}

	# --- preview -------------------------------------------------------------------------------------

	def test_preview_proposes_directive_tasks_and_unit_matches_and_writes_nothing(self):
		before = counts()
		preview = preview_directive_text(DIRECTIVE_TEXT.replace("21-CT/TU", "20-CT/TU"))  # never confirmed
		self.assertEqual(counts(), before)
		self.assertEqual(preview["document"]["number"], "20-CT/TU")
		self.assertEqual(preview["document"]["issue_date"], "2024-03-15")
		self.assertIsNone(preview["existing_directive"])
		first, second, third = preview["tasks"]
		self.assertEqual(first["fields"]["presiding_unit"], self.units.mass)
		self.assertEqual(first["presiding_matches"][0]["method"], "name")
		self.assertEqual(first["fields"]["coordinating_units"], [self.units.office])
		self.assertEqual(first["coordinating_matches"][0]["method"], "alias")
		self.assertEqual(
			(first["fields"]["deadline_kind"], first["fields"]["due_date"]), ("Trước ngày", "2024-06-30")
		)
		self.assertEqual(second["fields"]["presiding_unit"], self.units.committee)
		self.assertEqual(second["presiding_matches"][0]["method"], "abbreviation")
		self.assertEqual(
			(second["fields"]["deadline_kind"], second["fields"]["deadline_quarter"]), ("Trong quý", "III")
		)
		# No unit of that name: left for the person to map, shown as unmatched.
		self.assertIsNone(third["fields"]["presiding_unit"])
		self.assertEqual(third["presiding_matches"][0]["method"], "none")
		self.assertEqual(third["fields"]["recurrence"], "Hằng năm")

	def test_preview_of_the_three_real_texts(self):
		folder = source_documents()
		if folder is None:
			self.skipTest("shared/source-documents not found (set DANVAN_SOURCE_DOCS)")
		texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
		before = counts()

		directive_16 = preview_directive_text(texts["000"])
		self.assertTrue(directive_16["is_directive"])
		self.assertEqual(directive_16["document"]["number"], "16-CT/TU")
		self.assertEqual(directive_16["issuer_match"]["unit"], self.units.standing)
		# 13: the Ban Dân vận's untimed duty and its yearly report to the Tỉnh ủy are two tasks (issue 15,
		# class 1: a duty with its own time is its own task), the untimed one without the yearly deadline.
		self.assertEqual(len(directive_16["tasks"]), 13)
		by_unit = {t["fields"]["presiding_unit"] for t in directive_16["tasks"]}
		self.assertTrue({self.units.council, self.units.committee, self.units.mass} <= by_unit)
		self.assertEqual(directive_16["tasks"][11]["fields"]["recurrence"], "Không lặp lại")
		self.assertEqual(directive_16["tasks"][12]["fields"]["recurrence"], "Hằng năm")

		kheo = preview_directive_text(texts["001"])
		self.assertTrue(kheo["is_directive"])
		self.assertIsNone(kheo["document"]["number"])
		last = kheo["tasks"][6]
		self.assertEqual(last["fields"]["presiding_unit"], self.units.mass)
		matched = {m["written"]: m["unit"] for m in last["coordinating_matches"]}
		self.assertEqual(matched["Văn phòng Tỉnh ủy"], self.units.office)
		self.assertIsNone(matched["Hội đồng Thi đua Khen thưởng tỉnh"])

		news = preview_directive_text(texts["002"])
		self.assertFalse(news["is_directive"])
		self.assertEqual(news["tasks"], [])
		self.assertIn("tin bài", news["not_directive_reason"])
		self.assertEqual(counts(), before)

	def test_preview_reads_docx_with_a_heading_table_text_pdf_and_txt_files(self):
		from_docx = preview_directive_text(
			file_url=upload("chi-thi-21.docx", directive_as_docx(DIRECTIVE_TEXT))
		)
		self.assertEqual(from_docx["document"]["number"], "21-CT/TU")
		self.assertEqual(from_docx["document"]["issue_date"], "2024-03-15")
		self.assertEqual(len(from_docx["tasks"]), 3)
		from_pdf = preview_directive_text(file_url=upload("chi-thi-21.pdf", text_pdf(DIRECTIVE_TEXT)))
		self.assertEqual(from_pdf["document"]["number"], "21-CT/TU")
		self.assertEqual(
			[t["fields"]["presiding_unit"] for t in from_pdf["tasks"]],
			[self.units.mass, self.units.committee, None],
		)
		from_txt = preview_directive_text(file_url=upload("chi-thi-21.txt", DIRECTIVE_TEXT.encode("utf-16")))
		self.assertEqual(from_txt["document"]["number"], "21-CT/TU")
		self.assertEqual(len(from_txt["tasks"]), 3)
		self.assertEqual(from_txt["source_text"].strip(), DIRECTIVE_TEXT.strip())

	def test_preview_reads_a_scan_a_photo_and_an_old_word_file_like_the_clean_text(self):
		if not (scans.have("tesseract", "pdftoppm", "pdfinfo", "soffice")):
			self.skipTest(
				"tesseract-ocr, tesseract-ocr-vie, poppler-utils, libreoffice-writer-nogui not installed"
			)
		lines = DIRECTIVE_TEXT.splitlines()
		docx = scans.directive_docx(
			lines[3:], ([lines[0], "", lines[1]], ["ĐẢNG CỘNG SẢN VIỆT NAM", "", lines[2]])
		)
		page = scans.dirty(scans.page_images(scans.convert(docx, ".docx", "pdf"))[0])
		before = counts()
		clean = preview_directive_text(DIRECTIVE_TEXT)

		def essentials(preview):
			return (
				preview["document"]["number"],
				preview["document"]["issue_date"],
				(preview["issuer_match"] or {}).get("unit"),
				[
					tuple(
						t["fields"].get(key)
						for key in (
							"presiding_unit",
							"deadline_kind",
							"due_date",
							"deadline_quarter",
							"recurrence",
						)
					)
					for t in preview["tasks"]
				],
			)

		self.assertEqual(essentials(clean)[0], "21-CT/TU")
		self.assertIsNone(clean["recognition"])
		# Tesseract is sure of most words on this page; a stricter bar makes real doubtful words of some, among
		# them "Dân" and "vận" of item 3, which item 1 also has.
		with patch.object(ocr, "LOW_CONFIDENCE", 95):
			from_scan = preview_directive_text(file_url=upload("ban-quet-21.pdf", scans.image_pdf([page])))
		self.assertEqual(essentials(from_scan), essentials(clean))
		self.assertEqual(from_scan["recognition"]["pages"], 1)
		for word in from_scan["recognition"]["low_confidence"]:
			self.assertEqual(from_scan["source_text"][word["start"] : word["end"]], word["word"])
		self.assertPositionalMarks(from_scan)
		# Past BACKGROUND_PAGES a scan is read by a job (run at once in tests); the preview says so, the
		# dialog follows the progress, and asking again gives the job's result.
		with patch.object(reading, "BACKGROUND_PAGES", 1):
			closing = scans.directive_docx(["Nơi nhận:", "- Các huyện ủy, thành ủy;", "- Lưu VPTU."])
			second = scans.dirty(scans.page_images(scans.convert(closing, ".docx", "pdf"))[0], blot=False)
			long_scan = upload("ban-quet-dai.pdf", scans.image_pdf([page, second]))
			queued = preview_directive_text(file_url=long_scan)["reading_in_background"]
			self.assertEqual((queued["pages"], queued["file_url"]), (2, long_scan))
			self.assertEqual(scan_reading_progress(file_url=long_scan), {"finished": True})
			from_job = preview_directive_text(file_url=long_scan)
			# A job that fails says why on the next preview, once; choosing the file again reads it again.
			blank = upload("ban-quet-trang.pdf", blank_pdf())
			with patch.object(reading, "BACKGROUND_PAGES", 0):
				self.assertIn("reading_in_background", preview_directive_text(file_url=blank))
				self.assertRefusedWithNothingWritten(
					DirectiveImportError, preview_directive_text, file_url=blank, says="Không nhận dạng được"
				)
				self.assertIn("reading_in_background", preview_directive_text(file_url=blank))
		self.assertEqual(from_job["recognition"]["pages"], 2)
		self.assertEqual(essentials(from_job), essentials(clean))
		from_photo = preview_directive_text(file_url=upload("anh-chup-21.png", scans.png(page)))
		self.assertEqual(essentials(from_photo), essentials(clean))
		from_doc = preview_directive_text(
			file_url=upload("chi-thi-21.doc", scans.convert(docx, ".docx", "doc"))
		)
		self.assertEqual(essentials(from_doc), essentials(clean))
		self.assertIsNone(from_doc["recognition"])
		self.assertEqual(counts(), before)

	def assertPositionalMarks(self, preview):
		"""Each task's doubtful marks are the recognition's own doubtful occurrences inside its clause: the
		word at the mark is the word, the words from it on are the text's words from that occurrence on, and
		a word doubtful at one place is not marked at its other places."""
		source, doubtful = preview["source_text"], preview["recognition"]["low_confidence"]

		def words(text, at):
			return [w.strip('.,;:!?()"“”') for w in text[at:].split()[:3]]

		marked = unmarked_equal = 0
		marked_words = {mark["word"] for task in preview["tasks"] for mark in task["doubtful"]}
		for task in preview["tasks"]:
			clause, marks = task["clause"], task["doubtful"]
			for mark in marks:
				self.assertEqual(clause[mark["start"] : mark["end"]], mark["word"])
				after = words(clause, mark["start"])
				self.assertIn(
					after,
					[words(source, d["start"])[: len(after)] for d in doubtful if d["word"] == mark["word"]],
				)
			for word in {d["word"] for d in doubtful}:
				places = len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", clause))
				own = sum(mark["word"] == word for mark in marks)
				self.assertLessEqual(own, min(places, sum(d["word"] == word for d in doubtful)))
				unmarked_equal += places - own if word in marked_words else 0
			marked += len(marks)
		self.assertGreater(marked, 0, "some doubtful word falls inside a clause")
		# A word marked at its doubtful place is left alone at its other places, which the old marking (every
		# equal word) marked too.
		self.assertGreater(unmarked_equal, 0)

	def test_preview_refuses_unreadable_input_in_vietnamese(self):
		refused = self.assertRefusedWithNothingWritten
		refused(DirectiveImportError, preview_directive_text, "", says="Văn bản trống")
		refused(DirectiveImportError, preview_directive_text, "   \n  ", says="Văn bản trống")
		refused(
			DirectiveImportError,
			preview_directive_text,
			"The Standing Committee directs all units to strengthen mass mobilisation work.\n" * 20,
			says="không phải tiếng Việt",
		)
		refused(DirectiveImportError, preview_directive_text, "á" * (MAX_FILE_BYTES + 1), says="quá lớn")
		if scans.have("tesseract", "pdftoppm", "pdfinfo"):
			# A blank page is a scan with nothing on it: recognised, and nothing found.
			scanned = upload("ban-quet.pdf", blank_pdf())
			refused(
				DirectiveImportError, preview_directive_text, file_url=scanned, says="Không nhận dạng được"
			)
		broken = upload("hong.docx", b"PK\x03\x04 not really a zip")
		refused(DirectiveImportError, preview_directive_text, file_url=broken, says="bị hỏng")
		image = upload("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
		refused(DirectiveImportError, preview_directive_text, file_url=image, says="Tệp ảnh bị hỏng")
		bomb = upload("bom.png", scans.png_header(20_000, 20_000))
		refused(DirectiveImportError, preview_directive_text, file_url=bomb, says="Ảnh quá lớn")
		spreadsheet = upload("bang.xlsx", b"PK\x03\x04")
		refused(DirectiveImportError, preview_directive_text, file_url=spreadsheet, says="chỉ nhận tệp")
		refused(
			DirectiveImportError,
			preview_directive_text,
			file_url="/private/files/khong-co.txt",
			says="Không tìm thấy tệp",
		)

	def test_preview_refuses_a_file_over_10_mb(self):
		# Frappe's own upload limit is 10 MB too, so the file is put on disk the way a raised limit would allow.
		path = get_files_path("qua-lon.txt", is_private=1)
		with open(path, "wb") as stream:
			stream.write(b"a" * (MAX_FILE_BYTES + 1))
		self.addCleanup(os.remove, path)
		file_url = (
			frappe.get_doc({"doctype": "File", "file_url": "/private/files/qua-lon.txt", "is_private": 1})
			.insert()
			.file_url
		)
		self.assertRefusedWithNothingWritten(
			DirectiveImportError, preview_directive_text, file_url=file_url, says="quá lớn"
		)

	# --- confirm -------------------------------------------------------------------------------------

	def test_confirm_creates_directive_and_tasks_once(self):
		preview = preview_directive_text(DIRECTIVE_TEXT)
		payload = self.payload(preview)
		payload["tasks"][2]["presiding_unit"] = self.units.province  # the person maps the unmatched unit
		before_directives, before_tasks = counts()
		result = confirm_directive_import(frappe.as_json(payload))
		self.assertTrue(result["directive_created"])
		self.assertEqual(len(result["tasks"]), 3)
		self.assertEqual(counts(), (before_directives + 1, before_tasks + 3))
		directive = frappe.get_doc("DV Directive", result["directive"])
		self.assertEqual(directive.status, "Còn hiệu lực")
		self.assertEqual(
			(directive.directive_number, directive.issuing_unit), ("21-CT/TU", self.units.standing)
		)
		first = frappe.get_doc("DV Task", result["tasks"][0])
		self.assertEqual(first.presiding_unit, self.units.mass)
		self.assertEqual([row.unit for row in first.coordinating_units], [self.units.office])
		self.assertEqual(str(first.due_date), "2024-06-30")
		self.assertIn("tổ chức sơ kết", first.source_clause)
		second = frappe.get_doc("DV Task", result["tasks"][1])
		self.assertEqual((second.deadline_quarter, str(second.due_date)), ("III", "2024-09-30"))

		# The same text again: the directive is found by its number and no task is doubled.
		again = confirm_directive_import(payload)
		self.assertEqual(again["directive"], result["directive"])
		self.assertFalse(again["directive_created"])
		self.assertEqual((again["tasks"], sorted(again["skipped"])), ([], sorted(result["tasks"])))
		self.assertEqual(counts(), (before_directives + 1, before_tasks + 3))
		self.assertEqual(
			preview_directive_text(DIRECTIVE_TEXT)["existing_directive"].name, result["directive"]
		)

	def test_a_task_for_every_commune_party_committee_becomes_one_task_per_commune_in_scope(self):
		from danvan_app.bench_tests.factories import COMMUNE, PARTY

		text = DIRECTIVE_TEXT.replace("21-CT/TU", "26-CT/TU") + (
			"4. Đảng ủy các xã, phường tổ chức quán triệt Chỉ thị, hoàn thành trước ngày 30/4/2024.\n"
		)
		frappe.set_user(self.users["district"])
		preview = preview_directive_text(text)
		generic = preview["tasks"][3]
		self.assertIsNone(generic["fields"]["presiding_unit"])
		# Two communes lie in the district user's scope; the two of the other district do not.
		self.assertEqual(generic["group"], {"kinds": [PARTY], "level": COMMUNE, "units": 2})
		payload = self.payload(preview, issuing_unit=self.units.district1)
		payload["tasks"] = [{**generic["fields"], "presiding_group": generic["group"]}]
		result = confirm_directive_import(payload)
		created = frappe.get_all("DV Task", filters={"name": ("in", result["tasks"])}, pluck="presiding_unit")
		self.assertEqual(sorted(created), sorted([self.units.commune11, self.units.commune12]))
		# Confirming again creates nothing: each unit's task is already there.
		self.assertEqual(confirm_directive_import(payload)["tasks"], [])

	def test_a_group_with_no_unit_in_scope_is_refused_by_name(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="27-CT/TU")
		payload["tasks"][2]["presiding_group"] = {"kinds": ["Doanh nghiệp"], "level": None}
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError,
			confirm_directive_import,
			payload,
			says="Nhiệm vụ thứ 3 “Hội đồng Thi đua",
		)
		payload["tasks"][2]["presiding_group"] = {"kinds": "Doanh nghiệp"}
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError, confirm_directive_import, payload, says="nhóm đơn vị chủ trì không hợp lệ"
		)

	def test_a_task_without_presiding_unit_is_named_and_nothing_is_written(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="22-CT/TU")
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError, confirm_directive_import, payload, says="Nhiệm vụ thứ 3 “Hội đồng Thi đua"
		)

	def test_an_out_of_range_month_writes_nothing(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="23-CT/TU")
		payload["tasks"][2].update(
			presiding_unit=self.units.province, deadline_kind="Trong tháng", deadline_month=13
		)
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError, confirm_directive_import, payload, says="Tháng 13 không hợp lệ"
		)

	def test_a_refusal_half_way_through_the_inserts_rolls_back_the_directive_and_earlier_tasks(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="24-CT/TU")
		# Only the task's own controller knows this rule, so the directive and task 1 are already inserted.
		payload["tasks"][2].update(
			presiding_unit=self.units.province,
			start_date="2024-05-01",
			due_date="2024-04-01",
			deadline_kind="Ngày cụ thể",
		)
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError, confirm_directive_import, payload, says="trước ngày bắt đầu"
		)
		self.assertFalse(frappe.db.exists("DV Directive", {"directive_number": "24-CT/TU"}))

	def test_unknown_units_and_missing_directive_fields_are_refused(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="25-CT/TU")
		payload["tasks"][2]["presiding_unit"] = "Hội đồng Thi đua Khen thưởng tỉnh"
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError, confirm_directive_import, payload, says="«Hội đồng Thi đua"
		)
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), issue_date=None, title="")
		payload["tasks"][2]["presiding_unit"] = self.units.province
		self.assertRefusedWithNothingWritten(
			TaskEntryError, confirm_directive_import, payload, says="Ngày ban hành, Trích yếu"
		)

	def test_a_viewer_cannot_preview_or_confirm(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="26-CT/TU")
		payload["tasks"][2]["presiding_unit"] = self.units.province
		frappe.set_user(self.users["viewer"])
		self.assertRefusedWithNothingWritten(
			frappe.PermissionError, confirm_directive_import, payload, says="không được tạo nhiệm vụ"
		)
		self.assertRaises(frappe.PermissionError, preview_directive_text, DIRECTIVE_TEXT)

	def test_a_district_user_cannot_assign_a_task_to_a_sibling_district(self):
		directive = make_directive("27-CT/TU", issuing_unit=self.units.district1).name
		frappe.set_user(self.users["district"])
		payload = {
			"use_directive": directive,
			"tasks": [
				{"title": "Việc của huyện 1", "presiding_unit": self.units.district1},
				{"title": "Việc giao sang huyện 2", "presiding_unit": self.units.district2},
			],
		}
		self.assertRefusedWithNothingWritten(
			frappe.PermissionError, confirm_directive_import, payload, says="ngoài phạm vi đơn vị của bạn"
		)
		self.assertRefusedWithNothingWritten(
			frappe.PermissionError, create_tasks, directive, payload["tasks"], says="ngoài phạm vi"
		)
		created = confirm_directive_import({**payload, "tasks": payload["tasks"][:1]})["tasks"]
		self.assertEqual(frappe.db.get_value("DV Task", created[0], "presiding_unit"), self.units.district1)

	def test_an_officer_reuses_an_existing_directive_but_cannot_create_one(self):
		payload = self.payload(preview_directive_text(DIRECTIVE_TEXT), directive_number="28-CT/TU")
		payload["tasks"][2]["presiding_unit"] = self.units.province
		frappe.set_user(self.users["officer"])
		self.assertRefusedWithNothingWritten(
			frappe.PermissionError, confirm_directive_import, payload, says="không được tạo văn bản chỉ đạo"
		)
		frappe.set_user("Administrator")
		directive = make_directive("28-CT/TU", issuing_unit=self.units.standing).name
		frappe.set_user(self.users["officer"])
		result = confirm_directive_import(payload)
		self.assertEqual(
			(result["directive"], result["directive_created"], len(result["tasks"])), (directive, False, 3)
		)

	# --- quick entry ---------------------------------------------------------------------------------

	def test_create_tasks_makes_several_at_once_resolving_units_by_name(self):
		directive = make_directive("30-CT/TU", issuing_unit=self.units.standing).name
		before = frappe.db.count("DV Task", {"directive": directive})
		names = create_tasks(
			directive,
			frappe.as_json(
				[
					{
						"title": "Tập huấn dân vận chính quyền",
						"source_clause": "Mục 2.1",
						"presiding_unit": "BDVTU",
						"coordinating_units": "Văn phòng Tỉnh ủy; Huyện ủy Thử 1",
						"deadline_kind": "Trong tháng",
						"deadline_year": 2026,
						"deadline_month": 9,
					},
					{"title": "Sơ kết mô hình Dân vận khéo", "presiding_unit": self.units.district2},
					{
						"title": "Báo cáo định kỳ",
						"presiding_unit": self.units.mass,
						"deadline_kind": "Định kỳ",
						"recurrence": "Hằng quý",
					},
				]
			),
		)
		self.assertEqual(len(names), 3)
		self.assertEqual(frappe.db.count("DV Task", {"directive": directive}), before + 3)
		first = frappe.get_doc("DV Task", names[0])
		self.assertEqual(first.presiding_unit, self.units.mass)
		self.assertEqual(
			[row.unit for row in first.coordinating_units], [self.units.office, self.units.district1]
		)
		self.assertEqual(str(first.due_date), "2026-09-30")

	def test_create_tasks_is_all_or_nothing(self):
		directive = make_directive("31-CT/TU", issuing_unit=self.units.standing).name
		good = {"title": "Việc tốt", "presiding_unit": self.units.mass}
		self.assertRefusedWithNothingWritten(
			frappe.ValidationError,
			create_tasks,
			directive,
			[good, {"title": "Việc sai tháng", "presiding_unit": self.units.mass, "deadline_month": 13}],
			says="Nhiệm vụ thứ 2 “Việc sai tháng”: Tháng 13 không hợp lệ",
		)
		self.assertRefusedWithNothingWritten(
			TaskEntryError,
			create_tasks,
			directive,
			[good, {"title": "Việc không rõ đơn vị", "presiding_unit": "Ban Không Có"}],
			says="không xác định được đơn vị “Ban Không Có”",
		)
		self.assertRefusedWithNothingWritten(TaskEntryError, create_tasks, directive, [], says="Chưa nhập")
		self.assertRaises(frappe.DoesNotExistError, create_tasks, "VB-KHONG-CO", [good])
