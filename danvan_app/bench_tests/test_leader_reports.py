"""Issue 13 on a real site: the reports leaders read, against a hand count on a small tree, for an
administrator and for a user scoped to one district."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, date_diff, getdate, today

from danvan_app.domain import access
from danvan_app.domain import tasks as task_rules

from .factories import (
	COMMUNE,
	DISTRICT,
	FRONT,
	ensure_outgoing_email_account,
	make_directive,
	make_task,
	make_tree,
	make_unit,
	make_user,
)

DONE = task_rules.STATUS_DONE
OUTCOMES = ("on_time", "done_late", "within_deadline", "overdue", "no_deadline")


def run_report(module: str, filters: dict):
	"""Through Frappe's own report runner, as the desk calls it (the user's permissions apply)."""
	from frappe.desk.query_report import run

	name = {
		"outcomes": "DV Task Outcomes by Unit Tree",
		"lineage": "DV Directive Lineage",
		"coverage": "DV Leader Coverage",
		"overdue": "DV Overdue Tasks",
	}[module]
	return run(name, filters=filters, ignore_prepared_report=True)


class LeaderReportCase(FrappeTestCase):
	"""Province P → districts D1, D2 → communes C11, C12 (under D1), C21, C22 (under D2), and a Front
	committee F under D1; seven counted tasks (and a cancelled one) whose outcomes are known."""

	def setUp(self):
		frappe.set_user("Administrator")
		self.units = units = make_tree()
		self.front = make_unit("Ủy ban MTTQ huyện Thử 1", units.district1, kind=FRONT, level=DISTRICT).name
		self.tasks = frappe._dict(
			province_overdue=make_task(units.province, due_date="2025-01-31").name,
			district_on_time=make_task(
				units.district1, due_date=add_days(today(), 10), status=DONE, completed_on=today()
			).name,
			commune_done_late=make_task(
				units.commune11,
				start_date="2025-01-02",
				due_date="2025-03-01",
				status=DONE,
				completed_on="2025-03-10",
			).name,
			commune_within=make_task(units.commune11, due_date=add_days(today(), 30)).name,
			commune_no_deadline=make_task(units.commune12).name,
			front_overdue=make_task(self.front, due_date="2025-02-28").name,
			other_district_overdue=make_task(units.commune21, due_date="2025-05-01").name,
		)
		make_task(units.commune21, due_date="2025-05-01", status=task_rules.STATUS_CANCELLED)
		self.officer = make_user("bc.huyen1@dv.test", access.OFFICER, [units.district1])

	def tearDown(self):
		frappe.set_user("Administrator")


class TestOutcomesByUnitTree(LeaderReportCase):
	def rows(self, **filters) -> dict:
		result = run_report("outcomes", filters)
		return {row["unit"]: row for row in result["result"] if isinstance(row, dict) and row.get("unit")}

	def test_children_of_a_unit_roll_up_their_subtrees_and_the_unit_keeps_its_own_row(self):
		units = self.units
		rows = self.rows(parent_unit=units.province)
		self.assertEqual(set(rows), {units.province, units.district1, units.district2})
		expected = {
			units.province: dict(total=1, overdue=1, not_started=1),
			units.district1: dict(
				total=5, on_time=1, done_late=1, within_deadline=1, overdue=1, no_deadline=1
			),
			units.district2: dict(total=1, overdue=1, not_started=1),
		}
		for unit, counts in expected.items():
			for key in (*OUTCOMES, "total"):
				self.assertEqual(rows[unit][key], counts.get(key, 0), (unit, key))
			self.assertEqual(sum(rows[unit][key] for key in OUTCOMES), rows[unit]["total"])
		self.assertEqual(rows[units.district1]["not_started"], 3)  # within, no deadline, the Front's
		self.assertTrue(rows[units.province]["own_tasks_only"])
		# The rows are disjoint: together they hold every counted task of the province, once.
		self.assertEqual(sum(row["total"] for row in rows.values()), len(self.tasks))
		self.assertEqual(rows[units.district1]["on_time_rate"], 50.0)

	def test_the_export_ends_with_the_reports_own_totals_row_under_its_headers(self):
		"""Frappe's totals row said "Total" and sat one column right of its headers (the hidden unit code);
		the report's own row is named in Vietnamese and holds the sums of the disjoint rows."""
		import csv
		import io

		from frappe.desk.query_report import export_query

		filters = {"parent_unit": self.units.province}
		answer = run_report("outcomes", filters)
		*rows, total = answer["result"]
		self.assertEqual((answer["skip_total_row"], total["is_total_row"]), (1, 1))
		self.assertEqual(total["total"], len(self.tasks))
		self.assertEqual(total["overdue"], sum(row["overdue"] for row in rows))
		frappe.local.form_dict = frappe._dict(
			report_name="DV Task Outcomes by Unit Tree",
			file_format_type="CSV",
			filters=frappe.as_json(filters),
			visible_idx="[]",
			include_indentation=0,
		)
		export_query()
		table = list(csv.reader(io.StringIO(frappe.response["filecontent"].decode("utf-8"))))
		header, last = table[0], table[-1]
		self.assertEqual(len(table), 1 + len(rows) + 1)
		self.assertEqual(len(last), len(header))
		self.assertEqual(last[0], "Tổng số")
		self.assertEqual(int(last[header.index("Tổng số")]), len(self.tasks))

	def test_a_level_gives_its_outermost_units_and_closed_units_only_on_request(self):
		units = self.units
		closed = frappe.get_doc("DV Unit", units.commune12)
		closed.valid_to = "2025-06-30"
		closed.append("successors", {"successor_unit": units.commune11})
		closed.save()
		rows = self.rows(admin_level=COMMUNE)
		self.assertEqual(rows[units.commune11]["total"], 2)
		self.assertEqual(rows[units.commune21]["total"], 1)
		self.assertEqual(rows[units.commune22]["total"], 0)
		self.assertNotIn(units.commune12, rows)
		rows = self.rows(admin_level=COMMUNE, include_closed=1)
		self.assertEqual(rows[units.commune12]["total"], 1)
		self.assertIn("đã giải thể", rows[units.commune12]["unit_name"])
		# The closed commune's history still rolls up to its district.
		self.assertEqual(self.rows(parent_unit=units.province)[units.district1]["total"], 5)
		# District level: the Front committee sits inside its district's row, not beside it.
		district_rows = self.rows(admin_level=DISTRICT)
		self.assertNotIn(self.front, district_rows)
		self.assertEqual(district_rows[units.district1]["total"], 5)

	def test_directive_year_period_and_unit_kind_filters(self):
		units = self.units
		directive = make_directive("77-CT/TU")
		frappe.db.set_value("DV Task", self.tasks.commune_within, "directive", directive.name)
		rows = self.rows(parent_unit=units.province, directive=directive.name)
		self.assertEqual([rows[u]["total"] for u in (units.province, units.district1)], [0, 1])

		# 2025: the tasks due in 2025, and the one without a deadline (it counts in every period).
		rows = self.rows(parent_unit=units.province, year=2025)
		self.assertEqual(
			[rows[u]["total"] for u in (units.province, units.district1, units.district2)], [1, 3, 1]
		)
		rows = self.rows(parent_unit=units.province, year=2025, period="Quý I")
		self.assertEqual(
			[rows[u]["total"] for u in (units.province, units.district1, units.district2)], [1, 3, 0]
		)
		self.assertEqual(str(rows[units.district1]["period_from"]), "2025-01-01")

		rows = self.rows(parent_unit=units.province, unit_kind=FRONT)
		self.assertEqual(rows[units.district1]["total"], 1)
		self.assertEqual(rows[units.district1]["overdue"], 1)

		self.assertRaises(frappe.ValidationError, self.rows, year=2025, period="Quý V")
		self.assertRaises(frappe.ValidationError, self.rows, period="Quý I")

	def test_a_district_officer_sees_their_district_from_the_top_and_nothing_of_the_other(self):
		units = self.units
		frappe.set_user(self.officer)
		rows = self.rows()
		self.assertEqual(set(rows), {units.district1})
		self.assertEqual(rows[units.district1]["total"], 5)
		rows = self.rows(parent_unit=units.province)
		self.assertEqual(set(rows), {units.district1})
		rows = self.rows(parent_unit=units.district1)
		self.assertEqual(rows[units.commune11]["total"], 2)
		self.assertEqual(rows[self.front]["overdue"], 1)
		self.assertEqual(rows[units.district1]["total"], 1)  # its own task
		self.assertNotIn(units.commune21, self.rows(admin_level=COMMUNE))

	def test_a_user_granted_no_unit_gets_no_row_and_no_error(self):
		# Found by the HTTP permission probe: the rule for the top of the tree failed on an empty scope.
		frappe.set_user(make_user("chua.duoc.giao@dv.test", access.OFFICER))
		self.assertEqual(self.rows(), {})
		self.assertEqual(self.rows(parent_unit=self.units.province), {})

	def test_a_filter_that_is_no_single_value_is_refused_in_vietnamese(self):
		# The filters reach the database as parameters of a statement built once; a list from a hand-made
		# request is refused before it is sent.
		with self.assertRaisesRegex(frappe.ValidationError, "Các đơn vị trực thuộc phải là tên một bản ghi"):
			self.rows(parent_unit=[self.units.province, self.units.district1])
		with self.assertRaisesRegex(frappe.ValidationError, "Các đơn vị trực thuộc phải là tên một bản ghi"):
			self.rows(parent_unit=[self.units.province], as_of_date="2025-06-30")

	def test_the_statement_is_built_once_and_reused_with_other_values(self):
		from danvan_app.dv_directives.report.dv_task_outcomes_by_unit_tree import (
			dv_task_outcomes_by_unit_tree as report,
		)

		self.rows(parent_unit=self.units.province)
		built = report.tree_statement.cache_info().misses
		rows = self.rows(parent_unit=self.units.district1)
		self.assertEqual(report.tree_statement.cache_info().misses, built)
		self.assertEqual(rows[self.units.commune11]["total"], 2)

	def test_one_query_whatever_the_number_of_tasks(self):
		from danvan_app.dv_directives.report.dv_task_outcomes_by_unit_tree import (
			dv_task_outcomes_by_unit_tree as report,
		)

		def selects() -> int:
			frappe.flags.dv_selects = 0
			original = frappe.db.sql

			def counting(query, *args, **kwargs):
				if str(query).lstrip().lower().startswith("select") and "`tabDV Task`" in str(query):
					frappe.flags.dv_selects += 1
				return original(query, *args, **kwargs)

			with patch.object(frappe.db, "sql", counting):
				report.execute({"parent_unit": self.units.province, "year": 2025})
			return frappe.flags.dv_selects

		before = selects()
		for _ in range(20):
			make_task(self.units.commune22, due_date="2025-04-01")
		self.assertEqual(before, 1)
		self.assertEqual(selects(), before)


class TestDirectiveLineage(LeaderReportCase):
	def setUp(self):
		super().setUp()
		units = self.units
		self.directive = make_directive("16-CT/TU", issuing_unit=units.province, issue_date="2021-08-02").name
		first = make_task(
			units.district1, directive=self.directive, coordinating_units=[{"unit": units.commune11}]
		)
		make_task(units.district1, directive=self.directive, status=DONE, completed_on="2021-12-01")
		make_task(units.district2, directive=self.directive, due_date="2022-01-31")
		self.assertTrue(first.name)
		self.plan = make_directive(
			"05-KH/HU",
			doc_type="Kế hoạch",
			issuing_unit=units.district1,
			issue_date="2021-09-01",
			parent_directive=self.directive,
			title="Kế hoạch thực hiện Chỉ thị 16-CT/TU",
		).name
		make_task(units.commune11, directive=self.plan)

	def rows(self, **filters):
		return run_report("lineage", {"directive": self.directive, **filters})["result"]

	def test_units_without_a_plan_come_first_and_the_plan_is_dated(self):
		units = self.units
		rows = self.rows()
		self.assertEqual([row["unit"] for row in rows], [units.commune11, units.district2, units.district1])
		by_unit = {row["unit"]: row for row in rows}
		district1 = by_unit[units.district1]
		self.assertEqual((district1["plan"], district1["plan_number"]), (self.plan, "05-KH/HU"))
		self.assertEqual(district1["days_to_plan"], 30)
		self.assertEqual(
			(district1["presiding_tasks"], district1["done"], district1["plan_tasks"]), (2, 1, 1)
		)
		self.assertEqual(by_unit[units.commune11]["coordinating_tasks"], 1)
		self.assertEqual(by_unit[units.commune11]["role"], "Phối hợp")
		self.assertEqual(by_unit[units.district2]["overdue"], 1)
		self.assertEqual(by_unit[units.district2]["plan_status"], "Chưa có kế hoạch")
		self.assertEqual(
			[row["unit"] for row in self.rows(missing_only=1)], [units.commune11, units.district2]
		)

	def test_a_scoped_user_sees_their_units_only_and_no_directive_they_cannot_read(self):
		units = self.units
		frappe.set_user(self.officer)
		self.assertEqual({row["unit"] for row in self.rows()}, {units.district1, units.commune11})
		frappe.set_user("Administrator")
		hidden = make_directive("99-CT/TU", issuing_unit=units.district2).name
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, run_report, "lineage", {"directive": hidden})
		self.assertRaises(frappe.DoesNotExistError, run_report, "lineage", {"directive": "VB-khong-co"})


class TestLeaderCoverage(LeaderReportCase):
	def setUp(self):
		super().setUp()
		ensure_outgoing_email_account()
		units = self.units
		self.province_leader = make_user("lanhdao.tinh@dv.test", access.MANAGER)
		self.district_leader = make_user("lanhdao.huyen1@dv.test", access.MANAGER)
		for unit, leader in (
			(units.province, self.province_leader),
			(units.district1, self.district_leader),
			(units.commune11, self.district_leader),
		):
			frappe.db.set_value("DV Unit", unit, "dan_van_leader", leader)

	def test_the_units_without_a_leader_and_the_share_with_one(self):
		units = self.units
		result = run_report("coverage", {"unit": units.province})
		missing = [row["unit"] for row in result["result"]]
		self.assertEqual(
			missing, [units.commune12, self.front, units.district2, units.commune21, units.commune22]
		)
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["Đơn vị đang hoạt động"], 8)
		self.assertEqual(summary["Đã phân công lãnh đạo phụ trách"], 3)
		self.assertEqual(summary["Tỷ lệ đã phân công (%)"], 37.5)
		# The parent unit's leader is shown by name; the user id is kept, hidden, for the reminder.
		district2 = next(row for row in result["result"] if row["unit"] == units.district2)
		self.assertEqual(district2["parent_leader"], self.province_leader)
		self.assertEqual(
			district2["parent_leader_name"], frappe.db.get_value("User", self.province_leader, "full_name")
		)
		self.assertNotIn("@", district2["parent_leader_name"])
		shown = [column["fieldname"] for column in result["columns"] if not column.get("hidden")]
		self.assertIn("parent_leader_name", shown)
		self.assertNotIn("parent_leader", shown)
		commune21 = next(row for row in result["result"] if row["unit"] == units.commune21)
		self.assertIsNone(commune21["parent_leader_name"])

		frappe.db.set_value("DV Unit", units.commune12, "valid_to", "2025-06-30")
		result = run_report("coverage", {"unit": units.province})
		self.assertNotIn(units.commune12, [row["unit"] for row in result["result"]])
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["Đơn vị đang hoạt động"], 7)

	def test_the_reminder_goes_to_the_parent_units_leader_once_a_day(self):
		from danvan_app.api.units import remind_about_missing_leaders

		units = self.units
		todos = frappe.db.count("ToDo")
		first = remind_about_missing_leaders(units.province)
		self.assertEqual(set(first["reminded"]), {units.commune12, self.front, units.district2})
		self.assertEqual(set(first["without_parent_leader"]), {units.commune21, units.commune22})
		self.assertEqual(frappe.db.count("ToDo"), todos + 3)
		allocated = frappe.db.get_value(
			"ToDo", {"reference_type": "DV Unit", "reference_name": units.district2}, "allocated_to"
		)
		self.assertEqual(allocated, self.province_leader)
		second = remind_about_missing_leaders(units.province)
		self.assertEqual(second["reminded"], [])
		self.assertEqual(set(second["already_reminded"]), set(first["reminded"]))
		self.assertEqual(frappe.db.count("ToDo"), todos + 3)

	def test_without_an_outgoing_email_account_the_reminder_is_still_a_todo(self):
		from frappe.email.doctype.email_account.email_account import EmailAccount

		from danvan_app.api.units import remind_about_missing_leaders

		def no_account(*_args, **_kwargs):
			frappe.throw(
				"Please setup default Email Account from Settings > Email Account", frappe.OutgoingEmailError
			)

		units = self.units
		todos = frappe.db.count("ToDo")
		frappe.local.message_log = []
		with patch.object(EmailAccount, "find_outgoing", side_effect=no_account):
			result = remind_about_missing_leaders(units.province)
		self.assertEqual(set(result["reminded"]), {units.commune12, self.front, units.district2})
		self.assertEqual(frappe.db.count("ToDo"), todos + 3)
		messages = [m["message"] for m in frappe.local.message_log]
		self.assertEqual(len(messages), 1)
		self.assertIn("Chưa cấu hình tài khoản thư đi", messages[0])
		self.assertNotIn("Email Account", messages[0])

	def test_reminding_needs_the_right_to_change_units(self):
		from danvan_app.api.units import remind_about_missing_leaders

		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, remind_about_missing_leaders, self.units.district1)

	def test_the_card_counts_the_users_units(self):
		from danvan_app.api.units import leader_coverage_card

		frappe.set_user(self.officer)
		# District 1's open units: D1 (leader), C11 (leader), C12, the Front committee.
		self.assertEqual(leader_coverage_card()["value"], 50.0)

	def test_a_scoped_user_asking_for_a_wider_subtree_gets_their_own_units(self):
		frappe.set_user(self.officer)
		result = run_report("coverage", {"unit": self.units.province})
		self.assertEqual([row["unit"] for row in result["result"]], [self.units.commune12, self.front])
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["Đơn vị đang hoạt động"], 4)

	def test_a_user_granted_no_unit_sees_none(self):
		frappe.set_user(make_user("khongdonvi@dv.test", access.VIEWER))
		result = run_report("coverage", {})
		self.assertEqual(result["result"], [])
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["Đơn vị đang hoạt động"], 0)


class TestOverdueTasks(LeaderReportCase):
	def setUp(self):
		super().setUp()
		for doctype, field, values in (
			(
				"DV Task Extension",
				"extensions",
				dict(
					requested_on="2025-02-20",
					requested_due_date="2025-03-31",
					reason="Chờ kinh phí",
					decision=task_rules.EXTENSION_APPROVED,
				),
			),
			(
				"DV Task Explanation",
				"explanations",
				dict(
					requested_on="2025-04-05",
					request="Đề nghị giải trình",
					reply="Do sáp nhập đơn vị",
					replied_on="2025-04-10",
				),
			),
		):
			frappe.get_doc(
				{
					"doctype": doctype,
					"parent": self.tasks.front_overdue,
					"parenttype": "DV Task",
					"parentfield": field,
					**values,
				}
			).db_insert()

	def test_overdue_tasks_by_unit_with_days_late_and_history(self):
		units = self.units
		result = run_report("overdue", {"unit": units.province})
		rows = result["result"]
		heads = [row for row in rows if row["indent"] == 0]
		self.assertEqual([row["unit"] for row in heads], [units.province, self.front, units.commune21])
		tasks = {row["task"]: row for row in rows if row["indent"] == 1}
		self.assertEqual(
			set(tasks),
			{self.tasks.province_overdue, self.tasks.front_overdue, self.tasks.other_district_overdue},
		)
		front = tasks[self.tasks.front_overdue]
		self.assertEqual((front["extensions"], front["extensions_approved"]), (1, 1))
		self.assertEqual((front["explanations"], front["explained"]), (1, 1))
		self.assertEqual(str(front["last_explanation_on"]), "2025-04-05")
		self.assertEqual(
			tasks[self.tasks.province_overdue]["days_late"], date_diff(today(), getdate("2025-01-31"))
		)
		self.assertEqual(result["report_summary"][0]["value"], 3)

	def test_a_long_list_is_cut_with_a_message_and_a_scoped_user_sees_their_district(self):
		from danvan_app.dv_directives.report.dv_overdue_tasks import dv_overdue_tasks as report

		with patch.object(report, "MAX_TASKS", 1):
			result = run_report("overdue", {"unit": self.units.province})
		self.assertEqual(len([row for row in result["result"] if row["indent"] == 1]), 1)
		self.assertIn("3 nhiệm vụ quá hạn", result["message"])
		frappe.set_user(self.officer)
		rows = run_report("overdue", {})["result"]
		self.assertEqual([row["task"] for row in rows if row["indent"] == 1], [self.tasks.front_overdue])


class TestEmailedAndExportedReports(LeaderReportCase):
	def test_the_shipped_email_reports_are_installed_disabled(self):
		from danvan_app.install import shipped_names

		for name in shipped_names("auto_email_reports.json"):
			self.assertEqual(frappe.db.get_value("Auto Email Report", name, "enabled"), 0, name)

	def test_a_leaders_weekly_mail_holds_only_their_units_tasks(self):
		from danvan_app.api.email_reports import schedule_overdue_summaries

		units = self.units
		leader = make_user("lanhdao.xa21@dv.test", access.MANAGER, [units.commune21])
		frappe.db.set_value("DV Unit", units.commune21, "dan_van_leader", leader)
		first = schedule_overdue_summaries(COMMUNE)
		commune_name = frappe.db.get_value("DV Unit", units.commune21, "unit_name")
		name = next(n for n in first["created"] if n.endswith(commune_name))
		schedule = frappe.get_doc("Auto Email Report", name)
		self.assertEqual((schedule.user, schedule.email_to, schedule.enabled), (leader, leader, 1))
		self.assertEqual(frappe.parse_json(schedule.filters), {"unit": units.commune21})
		# Run by the scheduler (Administrator), the mail still holds only what the leader sees.
		self.assertEqual(frappe.session.user, "Administrator")
		html = schedule.get_report_content()
		self.assertIn(self.tasks.other_district_overdue, html)
		self.assertNotIn(self.tasks.front_overdue, html)
		self.assertNotIn(self.tasks.province_overdue, html)
		self.assertEqual(frappe.session.user, "Administrator")

		again = schedule_overdue_summaries(COMMUNE)
		self.assertIn(name, again["updated"])
		self.assertNotIn(name, again["created"])
		frappe.db.set_value("DV Unit", units.commune21, "dan_van_leader", None)
		self.assertIn(name, schedule_overdue_summaries(COMMUNE)["disabled"])

	def test_only_who_may_create_email_reports_schedules_them(self):
		from danvan_app.api.email_reports import schedule_overdue_summaries

		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, schedule_overdue_summaries, COMMUNE)

	def test_every_report_exports_to_excel_with_its_vietnamese_words(self):
		import io

		from frappe.desk.query_report import export_query
		from openpyxl import load_workbook

		directive = make_directive("16-CT/TU", issuing_unit=self.units.province)
		frappe.db.set_value("DV Task", self.tasks.front_overdue, "directive", directive.name)
		reports = {
			"DV Task Outcomes by Unit Tree": ({"parent_unit": self.units.province}, "Đúng hạn"),
			"DV Directive Lineage": ({"directive": directive.name}, "Chưa có kế hoạch"),
			"DV Leader Coverage": ({"unit": self.units.province}, "Huyện ủy Thử 2"),
			"DV Overdue Tasks": ({"unit": self.units.province}, "nhiệm vụ quá hạn"),
			"DV Task Deadline Summary": ({}, "Hoàn thành trễ hạn"),
		}
		frappe.set_user(self.officer)
		reports["DV Leader Coverage"] = ({"unit": self.units.district1}, "Đảng ủy xã Thử 1.2")
		for report, (filters, expected) in reports.items():
			frappe.local.form_dict = frappe._dict(
				report_name=report,
				file_format_type="Excel",
				filters=frappe.as_json(filters),
				visible_idx="[]",
				include_indentation=0,
			)
			export_query()
			self.assertEqual(frappe.response["type"], "binary", report)
			sheet = load_workbook(io.BytesIO(frappe.response["filecontent"])).active
			cells = [
				str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None
			]
			self.assertTrue(any(expected in cell for cell in cells), (report, expected, cells[:20]))
			# Nothing of the other district leaves in the district officer's file.
			self.assertFalse(any("Thử 2" in cell for cell in cells), (report, cells))
