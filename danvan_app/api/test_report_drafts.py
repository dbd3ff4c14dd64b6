# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The result report draft as a user downloads it: the Word file opened again with python-docx (header,
figures, signature), the PDF, the user's scope, refusals in Vietnamese; and the official print formats.

If /tmp/draft_samples exists and is writable, the generated .docx and .pdf are left there to look at."""

import io
import os
import shutil
from datetime import date
from pathlib import Path
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app import report_drafts
from danvan_app.api.report_drafts import download_result_report
from danvan_app.bench_tests.factories import (
	PEOPLES_COMMITTEE,
	make_directive,
	make_task,
	make_unit,
	make_user,
)
from danvan_app.domain import access
from danvan_app.domain import report_draft as rd
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import ArgumentError

SAMPLES = Path("/tmp/draft_samples")
DONE, OPEN = task_rules.STATUS_DONE, task_rules.STATUS_IN_PROGRESS


def dated(due: str, **values) -> dict:
	return {"deadline_kind": "Ngày cụ thể", "due_date": due, **values}


def download(**kwargs) -> tuple[str, bytes]:
	frappe.local.response = frappe._dict()
	download_result_report(**kwargs)
	response = frappe.local.response
	assert response.type == "download", response
	return response.filename, response.filecontent


def keep_sample(filename: str, content: bytes) -> None:
	if SAMPLES.is_dir() and os.access(SAMPLES, os.W_OK):
		(SAMPLES / filename).write_bytes(content)


class TestResultReportDraft(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		u = cls.units = frappe._dict()
		u.province = make_unit(
			"Tỉnh ủy Báo Cáo", abbreviation="TU", head_name="Nguyễn Văn An, Bí thư Tỉnh ủy"
		).name
		u.district1 = make_unit("Huyện ủy Báo Cáo 1", u.province).name
		u.district2 = make_unit("Huyện ủy Báo Cáo 2", u.province).name
		u.commune = make_unit("Đảng ủy xã Báo Cáo 1.1", u.district1).name
		u.front = make_unit("Mặt trận Tổ quốc Báo Cáo", u.province, kind="Mặt trận Tổ quốc").name
		u.committee = make_unit("Ủy ban nhân dân tỉnh Báo Cáo", u.province, kind=PEOPLES_COMMITTEE).name
		u.outside = make_unit("Huyện ủy Ngoài Cuộc").name

		cls.directive = make_directive(
			"16-CT/TU", issuing_unit=u.province, title="Về nâng cao chất lượng công tác dân vận"
		).name
		cls.plan = make_directive(
			"05-KH/HU",
			doc_type="Kế hoạch",
			issuing_unit=u.district1,
			parent_directive=cls.directive,
			issue_date="2021-09-01",
			title="Thực hiện Chỉ thị 16-CT/TU",
		).name
		d = {"directive": cls.directive}
		# Quarter II of 2025: figures stand on 30/6/2025.
		make_task(
			u.district1,
			title="Tập huấn cán bộ",
			**d,
			**dated("2025-05-31", status=DONE, completed_on="2025-05-20"),
		)
		make_task(
			u.district1,
			title="Sơ kết Chỉ thị",
			**d,
			**dated("2025-04-30", status=DONE, completed_on="2025-05-10"),
		)
		make_task(
			u.district1,
			title="Việc xong từ quý I",
			**d,
			**dated("2025-03-31", status=DONE, completed_on="2025-03-01"),
		)
		make_task(u.district2, title="Đối thoại với Nhân dân", **d, **dated("2025-06-15", status=OPEN))
		make_task(
			u.district2,
			title="Xong sau kỳ báo cáo",
			**d,
			**dated("2025-06-20", status=DONE, completed_on="2025-07-05"),
		)
		make_task(
			u.district1, title="Việc đã hủy", **d, **dated("2025-06-01", status=task_rules.STATUS_CANCELLED)
		)
		within = make_task(
			u.district2,
			title="Rà soát quy chế dân chủ",
			coordinating_units=[{"unit": u.front}],
			**d,
			**dated("2025-09-30", status=OPEN),
		)
		within.append(
			"progress_updates",
			{
				"unit": u.district2,
				"update_date": "2025-06-10",
				"progress": 40,
				"narrative": "Đã rà soát 12 xã.",
			},
		)
		within.append(
			"progress_updates",
			{
				"unit": u.front,
				"update_date": "2025-06-12",
				"progress": 30,
				"narrative": "Mặt trận lấy ý kiến Nhân dân.",
			},
		)
		within.save()
		make_task(
			u.commune,
			title="Xây dựng mô hình Dân vận khéo",
			directive=cls.plan,
			**dated("2025-06-30", status=DONE, completed_on="2025-06-30"),
		)
		cls.state_directive = make_directive(
			"12/KH-UBND",
			doc_type="Kế hoạch",
			issuing_unit=u.committee,
			title="Về công tác dân vận chính quyền",
		).name
		cls.district_user = make_user("d2@report-draft.dv.test", access.OFFICER, [u.district2])
		cls.outsider = make_user("ngoai@report-draft.dv.test", access.OFFICER, [u.outside])

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- the Word file ----------------------------------------------------------------------------------

	def test_the_docx_has_the_party_header_the_figures_and_the_signature(self):
		import docx

		filename, content = download(directive=self.directive, year=2025, period="Quý II", file_format="docx")
		self.assertEqual(filename, "Bao-cao-ket-qua-16-CT-TU-Quy-II-2025.docx")
		keep_sample("bao-cao-ket-qua-Q2-2025.docx", content)
		word = docx.Document(io.BytesIO(content))
		header, table, footer = word.tables
		left, right = (cell.text.splitlines() for cell in header.rows[0].cells)
		self.assertEqual(left, ["TỈNH ỦY BÁO CÁO", "*", "Số     -BC/TU"])
		self.assertEqual(right[0], "ĐẢNG CỘNG SẢN VIỆT NAM")
		self.assertTrue(right[-1].startswith("……, ngày …… tháng …… năm "))
		paragraphs = [p.text for p in word.paragraphs]
		self.assertIn("BÁO CÁO", paragraphs)
		self.assertIn(
			"Kết quả thực hiện Chỉ thị số 16-CT/TU, ngày 02/8/2021 của Tỉnh ủy Báo Cáo về nâng cao chất lượng"
			" công tác dân vận",
			paragraphs,
		)
		self.assertIn("Quý II năm 2025", paragraphs)
		# 6 tasks: the one done in quarter I and the cancelled one are not reported; the task done on 5/7 was
		# overdue on 30/6; the plan's task counts with the directive's.
		rows = {tuple(c.text for c in row.cells)[1:] for row in table.rows[1:]}
		self.assertEqual(
			rows,
			{
				("Huyện ủy Báo Cáo 2", "3", "0", "0", "1", "2"),
				("Huyện ủy Báo Cáo 1", "2", "1", "1", "0", "0"),
				("Đảng ủy xã Báo Cáo 1.1", "1", "1", "0", "0", "0"),
				("Tổng cộng", "6", "2", "1", "1", "2"),
			},
		)
		text = "\n".join(paragraphs)
		self.assertIn(
			"Tổng số 6 nhiệm vụ: đã hoàn thành 3 nhiệm vụ (đạt 50%), trong đó đúng hạn 2, trễ hạn 1; đang thực"
			" hiện 3 nhiệm vụ, trong đó trong hạn 1, quá hạn 2.",
			text,
		)
		self.assertIn("Kế hoạch số 05-KH/HU, ngày 01/9/2021 của Huyện ủy Báo Cáo 1;", text)
		self.assertIn("Đã rà soát 12 xã (nhiệm vụ “Rà soát quy chế dân chủ”, báo cáo ngày 10/6/2025)", text)
		self.assertIn("- Mặt trận Tổ quốc Báo Cáo (đơn vị phối hợp): Mặt trận lấy ý kiến Nhân dân", text)
		self.assertIn("- Đối thoại với Nhân dân (Huyện ủy Báo Cáo 2; hạn 15/6/2025; quá hạn 15 ngày).", text)
		self.assertIn(
			"- Sơ kết Chỉ thị (Huyện ủy Báo Cáo 1; hạn 30/4/2025; hoàn thành ngày 10/5/2025, trễ 10 ngày).",
			text,
		)
		self.assertIn("- Rà soát quy chế dân chủ (Huyện ủy Báo Cáo 2; hạn 30/9/2025).", text)
		self.assertIn(
			"- Xong sau kỳ báo cáo (Huyện ủy Báo Cáo 2; hạn 20/6/2025; hoàn thành ngày 05/7/2025, sau kỳ báo cáo).",
			text,
		)
		self.assertNotIn("Việc đã hủy", text)
		self.assertNotIn("Việc xong từ quý I", text)
		recipients, signature = (cell.text.splitlines() for cell in footer.rows[0].cells)
		self.assertEqual(recipients[0], "Nơi nhận:")
		self.assertEqual(signature[:2], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"])
		self.assertEqual(signature[-1], "Nguyễn Văn An")

	def test_the_sql_figures_are_the_domain_rules_applied_task_by_task(self):
		period = rd.report_period("Quý II", 2025)
		as_of = rd.figures_date(period, date(2026, 1, 1))
		Task = frappe.qb.DocType("DV Task")
		where = report_drafts.reported_criterion(
			Task, [self.directive, self.plan], period, as_of, "Administrator"
		)
		from_sql = {row.unit_name: row for row in report_drafts.unit_figures(Task, where, as_of)}
		expected: dict[str, dict] = {}
		for task in frappe.get_all(
			"DV Task",
			filters={"directive": ["in", [self.directive, self.plan]]},
			fields=["presiding_unit", "status", "due_date", "completed_on", "start_date"],
		):
			if not rd.reported_in(
				period.start,
				as_of,
				status=task.status,
				start_date=task.start_date,
				completed_on=task.completed_on,
			):
				continue
			standing = rd.standing_as_of(
				status=task.status, due=task.due_date, completed_on=task.completed_on, as_of=as_of
			)
			name = frappe.db.get_value("DV Unit", task.presiding_unit, "unit_name")
			counts = expected.setdefault(name, dict.fromkeys(rd.STANDINGS, 0))
			counts[standing] += 1
		self.assertEqual(set(from_sql), set(expected))
		for name, counts in expected.items():
			self.assertEqual({key: getattr(from_sql[name], key) for key in rd.STANDINGS}, counts, name)

	def test_the_number_of_queries_does_not_grow_with_the_tasks(self):
		def queries() -> int:
			report_drafts.result_report(self.directive, "Quý II", 2025)  # caches warm
			with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
				report_drafts.result_report(self.directive, "Quý II", 2025)
			return sql.call_count

		before = queries()
		frappe.db.savepoint("more_tasks")
		self.addCleanup(frappe.db.rollback, save_point="more_tasks")  # the other tests count exact figures
		for number in range(20):
			task = make_task(
				self.units.district2,
				title=f"Việc thêm {number}",
				directive=self.directive,
				**dated("2025-06-25", status=OPEN),
			)
			task.append(
				"progress_updates",
				{"unit": self.units.district2, "update_date": "2025-06-20", "narrative": f"Ghi chú {number}"},
			)
			task.save()
		self.assertEqual(queries(), before)
		self.assertTrue(5 <= before <= 15, before)

	def test_a_state_body_gets_the_national_header(self):
		import docx

		_name, content = download(
			directive=self.state_directive, year=2025, period="Cả năm", file_format="docx"
		)
		header = docx.Document(io.BytesIO(content)).tables[0]
		left, right = (cell.text.splitlines() for cell in header.rows[0].cells)
		self.assertEqual(left[:2], ["TỈNH ỦY BÁO CÁO", "ỦY BAN NHÂN DÂN TỈNH BÁO CÁO"])
		self.assertEqual(left[-1], "Số:     /BC-UBND")
		self.assertEqual(right[:2], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])

	def test_the_pdf(self):
		if not shutil.which("wkhtmltopdf"):
			self.skipTest("wkhtmltopdf is not installed on this server (apt-get install wkhtmltopdf)")
		filename, content = download(
			directive=self.directive, year="2025", period="6 tháng đầu năm", file_format="PDF"
		)
		self.assertEqual(filename, "Bao-cao-ket-qua-16-CT-TU-6-thang-dau-nam-2025.pdf")
		self.assertTrue(content.startswith(b"%PDF"), content[:20])
		keep_sample("bao-cao-ket-qua-H1-2025.pdf", content)

	def test_the_html_shares_the_official_header(self):
		html = report_drafts.as_html(report_drafts.result_report(self.directive, "Quý II", 2025))
		for text in (
			"ĐẢNG CỘNG SẢN VIỆT NAM",
			"TỈNH ỦY BÁO CÁO",
			"T/M BAN THƯỜNG VỤ",
			"Nơi nhận:",
			"Tổng cộng",
		):
			self.assertIn(text, html)

	# --- scope and refusals ----------------------------------------------------------------------------

	def test_a_district_user_reports_for_their_district_on_their_tasks_only(self):
		import docx

		frappe.set_user(self.district_user)
		_name, content = download(directive=self.directive, year=2025, period="Quý II", file_format="docx")
		word = docx.Document(io.BytesIO(content))
		header, table, footer = word.tables
		left = header.rows[0].cells[0].text.splitlines()
		self.assertEqual(left, ["TỈNH ỦY BÁO CÁO", "HUYỆN ỦY BÁO CÁO 2", "*", "Số     -BC/HU"])
		self.assertEqual(
			[tuple(c.text for c in row.cells)[1:] for row in table.rows[1:]],
			[("Huyện ủy Báo Cáo 2", "3", "0", "0", "1", "2"), ("Tổng cộng", "3", "0", "0", "1", "2")],
		)
		self.assertNotIn("Tập huấn cán bộ", "\n".join(p.text for p in word.paragraphs))
		self.assertIn("- Tỉnh ủy Báo Cáo (để báo cáo),", footer.rows[0].cells[0].text)

	def test_a_user_who_cannot_read_the_directive_is_refused(self):
		frappe.set_user(self.outsider)
		with self.assertRaises(frappe.DoesNotExistError) as caught:
			download(directive=self.directive, year=2025, period="Quý II", file_format="docx")
		self.assertIn("Không tìm thấy văn bản chỉ đạo", str(caught.exception))

	def test_bad_arguments_are_refused_in_vietnamese(self):
		cases = [
			(dict(period="Quý V", year=2025, file_format="docx"), "Kỳ báo cáo phải là một trong"),
			(dict(period="Quý I", year=2025, file_format="xlsx"), "Định dạng tệp phải là Word"),
			(dict(period="Quý I", year="năm nay", file_format="docx"), "Năm báo cáo phải là một số"),
			(dict(period="Quý I", year=2025.5, file_format="docx"), "Năm báo cáo phải là một số nguyên"),
			(dict(period="Quý I", year=1800, file_format="docx"), "Năm báo cáo phải từ 1930"),
			(dict(period="Quý I", year=2099, file_format="docx"), "chưa bắt đầu"),
			(dict(period=["Quý I"], year=2025, file_format="docx"), "Kỳ báo cáo phải là văn bản"),
		]
		for args, says in cases:
			with self.subTest(args=args), self.assertRaises(ArgumentError) as caught:
				download(directive=self.directive, **args)
			self.assertIn(says, str(caught.exception))
		with self.assertRaises(ArgumentError):
			download(directive=None, period="Quý I", year=2025, file_format="docx")

	# --- print formats -----------------------------------------------------------------------------------

	def test_the_directive_prints_in_the_party_layout_with_its_tasks(self):
		html = frappe.get_print("DV Directive", self.directive, "DV Directive Official")
		for text in (
			"ĐẢNG CỘNG SẢN VIỆT NAM",
			"TỈNH ỦY BÁO CÁO",
			"Số 16-CT/TU",
			"ngày 02 tháng 8 năm 2021",
			"CHỈ THỊ",
			"Rà soát quy chế dân chủ",
			"Mặt trận Tổ quốc Báo Cáo",
			"T/M BAN THƯỜNG VỤ",
		):
			self.assertIn(text, html)
		self.assertNotIn("Việc đã hủy", html)

	def test_a_unit_prints_its_open_tasks(self):
		html = frappe.get_print("DV Unit", self.units.district2, "DV Unit Open Tasks")
		for text in (
			"ĐẢNG CỘNG SẢN VIỆT NAM",
			"HUYỆN ỦY BÁO CÁO 2",
			"DANH SÁCH",
			"Đối thoại với Nhân dân",
			"15/6/2025",
		):
			self.assertIn(text, html)
		self.assertIn("Rà soát quy chế dân chủ", html)
		self.assertNotIn("Xong sau kỳ báo cáo", html)  # done
