# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The daily work as officials do it: extensions with a front door (the presiding unit requests, the
assigning unit's leader is told and decides, the task shows the request while it waits), users set up for
one unit, names instead of codes, imported duties that fall due."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app.api.tasks import decide_extension, request_extension
from danvan_app.bench_tests.factories import PEOPLES_COMMITTEE, make_task, make_tree, make_unit, make_user
from danvan_app.domain import access


class TestExtensions(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.units = make_tree()
		self.district_leader = make_user("lanhdao.gh@dv.test", access.MANAGER, [self.units.district1])
		self.commune_officer = make_user("canbo.gh@dv.test", access.OFFICER, [self.units.commune11])
		frappe.db.set_value("DV Unit", self.units.district1, "dan_van_leader", self.district_leader)
		self.task = make_task(
			self.units.commune11, assigning_unit=self.units.district1, due_date=add_days(today(), 10)
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_request_waits_notifies_the_assigning_leader_and_is_decided_by_that_unit(self):
		frappe.set_user(self.commune_officer)
		asked = add_days(today(), 40)
		result = request_extension(self.task.name, asked, "Chờ kinh phí của huyện")
		self.assertEqual(result["extension_pending"], 1)
		frappe.set_user("Administrator")
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{
					"for_user": self.district_leader,
					"document_type": "DV Task",
					"document_name": self.task.name,
				},
			)
		)
		request = frappe.get_doc("DV Task", self.task.name).extensions[0].name
		frappe.set_user(self.commune_officer)
		self.assertRaises(frappe.PermissionError, decide_extension, self.task.name, request, 1)
		frappe.set_user(self.district_leader)
		result = decide_extension(self.task.name, request, 1)
		self.assertEqual((result["extension_pending"], getdate(result["due_date"])), (0, getdate(asked)))
		task = frappe.get_doc("DV Task", self.task.name)
		self.assertEqual(getdate(task.original_due_date), getdate(add_days(today(), 10)))
		self.assertEqual(task.extensions[0].decided_by, self.district_leader)


class TestAddUnitUser(FrappeTestCase):
	def test_a_unit_user_gets_one_dv_role_and_the_units_subtree_only(self):
		from danvan_app.api.access import add_unit_user
		from danvan_app.users import users_with_role

		frappe.set_user("Administrator")
		units = make_tree()
		if not users_with_role("System Manager", limit=1):
			make_user("quantri.hethong@dv.test", "System Manager")
		# A fresh address each run: Frappe commits when it mails the welcome, so a user outlives the test.
		email = f"canbo.moi.{frappe.generate_hash(length=6)}@dv.test"
		email = add_unit_user(units.district1, email, "Nguyễn Văn Mới", access.OFFICER)
		roles = set(frappe.get_roles(email)) - {"All", "Guest", "Desk User"}
		self.assertEqual(roles, {access.OFFICER})
		self.assertEqual(frappe.db.get_value("User", email, "language"), "vi")
		# Frappe's Website, Tools and Build workspaces are out of the official's sidebar.
		from frappe.desk.desktop import get_workspace_sidebar_items

		blocked = {row.module for row in frappe.get_doc("User", email).block_modules}
		self.assertTrue({"Website", "Automation", "Core"} <= blocked, blocked)
		frappe.set_user(email)
		sidebar = {page["name"] for page in get_workspace_sidebar_items()["pages"]}
		self.assertFalse(sidebar & {"Website", "Tools", "Build"}, sidebar)
		self.assertEqual(
			set(frappe.get_list("DV Unit", pluck="name")), {units.district1, units.commune11, units.commune12}
		)
		frappe.set_user("Administrator")
		self.assertRaises(
			frappe.ValidationError, add_unit_user, units.district1, "x@dv.test", "X", "System Manager"
		)


class TestSummaryReport(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_outcome_columns_add_up_and_the_chart_reads_short_names(self):
		from danvan_app.dv_directives.report.dv_task_deadline_summary.dv_task_deadline_summary import execute

		frappe.set_user("Administrator")
		units = make_tree()
		committee = make_unit("Ủy ban nhân dân xã Báo Cáo", units.district1, kind=PEOPLES_COMMITTEE)
		make_task(committee.name, title="Quá hạn", due_date="2025-01-31")
		make_task(committee.name, title="Trong hạn", due_date=add_days(today(), 30))
		make_task(committee.name, title="Không hạn")
		columns, rows, _message, chart, _summary, skip_total_row = execute({"unit": units.district1})
		row = next(row for row in rows if row.unit == committee.name)
		outcomes = ("on_time", "done_late", "within_deadline", "overdue", "no_deadline")
		self.assertEqual(row.total, 3)
		self.assertEqual(sum(row[key] for key in outcomes), row.total)
		self.assertEqual(row.not_started, 3)
		self.assertTrue(next(c for c in columns if c["fieldname"] == "unit")["hidden"])
		self.assertIn("UBND xã Báo Cáo", chart["data"]["labels"])
		# Its own totals row, last, and Frappe told to skip its own.
		self.assertEqual(skip_total_row, 1)
		self.assertEqual(rows[-1].is_total_row, 1)
		self.assertEqual(rows[-1].total, sum(row.total for row in rows[:-1]))

	def test_the_totals_row_is_the_reports_in_the_browser_and_in_exports(self):
		"""One totals row through Frappe's runner (the browser's table makes it its totals row) and in the
		CSV and Excel exports: under its headers, named in Vietnamese, the sums of the rows and the on-time
		rate of those sums (Frappe's own row added up the units' rates, and was shifted one column right
		by the hidden unit code)."""
		import csv
		import io

		from frappe.desk.query_report import export_query, run
		from openpyxl import load_workbook

		from danvan_app.domain import tasks as task_rules

		frappe.set_user("Administrator")
		units = make_tree()
		outcomes = {
			units.commune11: [task_rules.OUTCOME_ON_TIME],  # rate 100
			units.commune12: [task_rules.OUTCOME_ON_TIME, task_rules.OUTCOME_DONE_LATE],  # rate 50
		}
		for unit, unit_outcomes in outcomes.items():
			for outcome in unit_outcomes:
				task = make_task(unit, due_date="2025-01-31")
				frappe.db.set_value("DV Task", task.name, "deadline_outcome", outcome)
		filters = {"unit": units.district1}

		answer = run("DV Task Deadline Summary", filters=frappe.as_json(filters))
		self.assertEqual((answer["skip_total_row"], answer["add_total_row"]), (1, False))
		*rows, total = answer["result"]
		self.assertFalse(any(row.get("is_total_row") for row in rows))
		self.assertEqual(len(rows), 2)
		self.assertEqual(total["is_total_row"], 1)
		self.assertEqual(total["unit_name"], "Tổng số")
		self.assertEqual((total["total"], total["on_time"], total["done_late"]), (3, 2, 1))
		self.assertEqual(total["on_time_rate"], 66.7)

		columns = [c for c in answer["columns"] if not c.get("hidden")]
		header = [c["label"] for c in columns]
		expected = ["Tổng số"] + [total[c["fieldname"]] for c in columns[1:]]
		for file_format in ("CSV", "Excel"):
			frappe.local.form_dict = frappe._dict(
				report_name="DV Task Deadline Summary",
				file_format_type=file_format,
				filters=frappe.as_json(filters),
				visible_idx="[]",
				include_indentation=0,
			)
			export_query()
			content = frappe.response["filecontent"]
			if file_format == "CSV":
				table = list(csv.reader(io.StringIO(content.decode("utf-8"))))
				expected_cells = [str(value) for value in expected]
			else:
				sheet = load_workbook(io.BytesIO(content)).active
				table = [list(row) for row in sheet.iter_rows(values_only=True)]
				expected_cells = expected
			self.assertEqual(table[0], header, file_format)
			self.assertEqual(len(table), 1 + len(rows) + 1, file_format)
			self.assertEqual(table[-1], expected_cells, file_format)


class TestUnitTree(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_scoped_user_sees_the_tree_from_their_unit_with_names_and_closed_units_marked(self):
		from danvan_app.api.units import tree_children

		frappe.set_user("Administrator")
		units = make_tree()
		successor = units.commune12
		closed = frappe.get_doc("DV Unit", units.commune11)
		closed.valid_to = "2025-06-30"
		closed.append("successors", {"successor_unit": successor})
		closed.save()
		user = make_user("cay.huyen1@dv.test", access.OFFICER, [units.district1])
		frappe.set_user(user)
		top = tree_children("DV Unit", is_root=1)
		self.assertEqual([node.value for node in top], [units.district1])
		self.assertEqual(top[0].title, frappe.db.get_value("DV Unit", units.district1, "unit_name"))
		children = {node.value: node for node in tree_children("DV Unit", parent=units.district1, is_root=1)}
		self.assertEqual(set(children), {units.commune11, units.commune12})
		successor_name = frappe.db.get_value("DV Unit", successor, "unit_name")
		self.assertEqual(children[units.commune11].successor_names, [successor_name])
		self.assertNotIn("successor_names", children[units.commune12])
		# Above the user's subtree only what they may read comes back: their own unit, not its siblings.
		above = tree_children("DV Unit", parent=units.province)
		self.assertEqual([node.value for node in above], [units.district1])


class TestNamesNotCodes(FrappeTestCase):
	def test_an_evaluation_is_titled_by_its_units_name(self):
		from danvan_app.bench_tests.factories import make_evaluation, make_template

		frappe.set_user("Administrator")
		units = make_tree()
		evaluation = make_evaluation(units.commune11, make_template(units.province).name)
		unit_name = frappe.db.get_value("DV Unit", units.commune11, "unit_name")
		self.assertEqual(evaluation.get_title(), unit_name)
		frappe.db.set_value("DV Evaluation", evaluation.name, "evaluated_unit_name", None)
		from danvan_app.patches import evaluation_titles_are_unit_names

		evaluation_titles_are_unit_names.execute()
		self.assertEqual(
			frappe.db.get_value("DV Evaluation", evaluation.name, "evaluated_unit_name"), unit_name
		)


class TestImportedDuties(FrappeTestCase):
	def test_an_imported_yearly_duty_yields_a_dated_instance(self):
		from danvan_app import jobs
		from danvan_app.api.directives import create_tasks
		from danvan_app.bench_tests.factories import make_directive

		frappe.set_user("Administrator")
		units = make_tree()
		frappe.db.set_single_value("DV Settings", "instance_lead_days", 15)
		directive = make_directive("41-CT/TU", issuing_unit=units.province).name
		(duty,) = create_tasks(
			directive,
			[
				{
					"title": "Báo cáo kết quả thực hiện chỉ thị hằng năm",
					"presiding_unit": units.district1,
					"deadline_kind": "recurring",
					"recurrence": "yearly",
					"start_date": "2026-01-01",
				}
			],
		)
		self.assertEqual(frappe.db.get_value("DV Task", duty, "recurrence"), "Hằng năm")
		jobs.generate_recurring_instances(today="2026-12-20")
		instances = frappe.get_all(
			"DV Task", filters={"recurring_source": duty}, fields=["due_date", "period_label"]
		)
		# This year's report, due at its end; next year's is created ahead of time, dated too.
		due = sorted(str(i.due_date) for i in instances)
		self.assertEqual(due[0], "2026-12-31")
		self.assertTrue(all(i.due_date for i in instances))

	def test_an_imported_weekly_duty_yields_one_instance_a_week_once(self):
		from danvan_app import jobs
		from danvan_app.api.directives import create_tasks
		from danvan_app.bench_tests.factories import make_directive

		frappe.set_user("Administrator")
		units = make_tree()
		# The daily job commits, so the settings are put back by hand (the class's rollback would not).
		for field in ("instance_lead_days", "working_days_only"):
			self.addCleanup(_restore_setting, field, frappe.db.get_single_value("DV Settings", field))
		frappe.db.set_single_value("DV Settings", "instance_lead_days", 0)
		frappe.db.set_single_value("DV Settings", "working_days_only", 0)
		directive = make_directive("42-CT/TU", issuing_unit=units.province).name
		(duty,) = create_tasks(
			directive,
			[
				{
					"title": "Ra quân vệ sinh môi trường vào thứ Bảy hoặc Chủ nhật hàng tuần",
					"presiding_unit": units.district1,
					"deadline_kind": "recurring",
					"recurrence": "weekly",  # the parser's key, as the import dialog sends it
					"start_date": "2026-03-04",
				}
			],
		)
		self.assertEqual(frappe.db.get_value("DV Task", duty, "recurrence"), "Hằng tuần")

		def instances():
			return frappe.get_all(
				"DV Task",
				filters={"recurring_source": duty},
				fields=["period_key", "period_label", "start_date", "due_date", "recurrence"],
				order_by="period_key asc",
			)

		created = jobs.generate_recurring_instances(today="2026-03-23")
		rows = instances()
		self.assertEqual(created, 4)
		self.assertEqual([r.period_key for r in rows], [f"2026-W{week}" for week in (10, 11, 12, 13)])
		self.assertEqual(rows[0].period_label, "Tuần 10/2026 (02/03–08/03)")
		self.assertEqual(str(rows[0].start_date), "2026-03-04")  # not before the duty began
		self.assertEqual(
			[str(r.due_date) for r in rows], ["2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29"]
		)
		self.assertTrue(all(r.recurrence == "Không lặp lại" for r in rows))  # an instance does not recur
		# The job runs again the same week, and the next day: nothing is created twice.
		self.assertEqual(jobs.generate_recurring_instances(today="2026-03-23"), 0)
		self.assertEqual(jobs.generate_recurring_instances(today="2026-03-24"), 0)
		self.assertEqual(len(instances()), 4)
		self.assertEqual(jobs.generate_recurring_instances(today="2026-03-30"), 1)
		self.assertEqual(instances()[-1].period_key, "2026-W14")


def _restore_setting(field: str, value) -> None:
	frappe.db.set_single_value("DV Settings", field, value)
	frappe.db.commit()


class TestWeeklyDutyPreview(FrappeTestCase):
	def test_the_import_preview_proposes_a_weekly_duty_as_hang_tuan(self):
		from danvan_app.api.directives import preview_directive_text

		frappe.set_user("Administrator")
		make_tree()
		text = (
			"TỈNH ỦY LÀO CAI\nSố 09-CT/TU\nLào Cai, ngày 05 tháng 3 năm 2026\n\nCHỈ THỊ\n"
			"của Ban Thường vụ Tỉnh ủy\nvề phong trào vệ sinh môi trường\n\n"
			"II. TỔ CHỨC THỰC HIỆN\n"
			"1. Ủy ban nhân dân tỉnh chỉ đạo tổ chức ra quân vệ sinh môi trường vào ngày thứ Bảy hoặc Chủ nhật "
			"hàng tuần.\n\nNơi nhận:\n- Như trên,\nT/M BAN THƯỜNG VỤ\n"
		)
		preview = preview_directive_text(text=text)
		(task,) = preview["tasks"]
		self.assertEqual(task["deadline"]["recurrence"], "weekly")
		self.assertEqual(task["fields"]["recurrence"], "Hằng tuần")
		options = frappe.get_meta("DV Task").get_field("recurrence").options.split("\n")
		self.assertIn(task["fields"]["recurrence"], options)  # the dialog's select offers what is proposed
