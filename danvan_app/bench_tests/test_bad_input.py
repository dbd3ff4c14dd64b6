# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Bad input is refused in Vietnamese and writes nothing: malformed arguments of the app's methods, raw
values of every DV DocType's fields, the importer's confirm step, links to units that do not exist, and
requests beyond the documented limits."""

import frappe
from frappe.core.doctype.user.user import generate_keys
from frappe.tests.test_api import FrappeAPITestCase, make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.api import directives as directive_api
from danvan_app.api.access import grant_unit_access
from danvan_app.api.tasks import cascade_task, report_progress
from danvan_app.bench_tests.factories import make_directive, make_task, make_tree, make_unit, make_user
from danvan_app.domain import access, limits
from danvan_app.exceptions import ArgumentError, FieldValueError, LinkedRecordError
from danvan_app.patches import report_dangling_units

VIETNAMESE = set("àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ")


class TestBadInput(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.units = make_tree()
		cls.task = make_task(cls.units.district1, due_date=add_days(today(), 30))

	def tearDown(self):
		frappe.set_user("Administrator")

	def assert_refused_in_vietnamese(self, exc, call, *args, **kwargs):
		before = {
			doctype: frappe.db.count(doctype) for doctype in ("DV Task", "DV Directive", "DV Task Progress")
		}
		with self.assertRaises(exc) as caught:
			call(*args, **kwargs)
		self.assertTrue(set(str(caught.exception).lower()) & VIETNAMESE, str(caught.exception))
		after = {doctype: frappe.db.count(doctype) for doctype in before}
		self.assertEqual(after, before, "a refused request wrote something")

	# 1. Arguments of whitelisted methods.

	def test_malformed_or_missing_arguments_are_refused_before_anything_runs(self):
		cases = [
			(
				report_progress,
				{"task": {"name": self.task.name}, "unit": self.units.district1, "progress": 5},
			),
			(report_progress, {"unit": self.units.district1, "progress": 5}),
			(report_progress, {"task": self.task.name, "unit": self.units.district1, "progress": "nhiều"}),
			(report_progress, {"task": self.task.name, "unit": self.units.district1, "progress": 150}),
			(
				report_progress,
				{"task": self.task.name, "unit": self.units.district1, "progress": float("inf")},
			),
			(
				report_progress,
				{
					"task": self.task.name,
					"unit": self.units.district1,
					"progress": 5,
					"update_date": "2025-02-30",
				},
			),
			(cascade_task, {"task": self.task.name, "units": "[not json"}),
			(cascade_task, {"task": self.task.name, "units": [None, [self.units.commune11]]}),
			(cascade_task, {"task": self.task.name, "units": {"unit": self.units.commune11}}),
			(directive_api.confirm_directive_import, {"payload": "[1, 2]"}),
			(directive_api.confirm_directive_import, {"payload": {"tasks": [None]}}),
			(directive_api.create_tasks, {"directive": None, "tasks": []}),
			(grant_unit_access, {"units": [self.units.commune11]}),
		]
		for call, kwargs in cases:
			with self.subTest(call=call.__name__, kwargs=kwargs):
				self.assert_refused_in_vietnamese(ArgumentError, call, **kwargs)

	# 2. Raw values of DocType fields, before any rule runs.

	def test_values_of_the_wrong_type_size_or_range_are_refused_per_field(self):
		cases = [
			{"status": ["Hoàn thành"]},
			{"deadline_kind": "Không biết"},
			{"due_date": "99999-01-01"},
			{"start_date": {"a": 1}},
			{"weight": float("inf")},
			{"progress": 101},
			{"title": "x" * 1_000_000},
			{"presiding_unit": {"name": self.units.district1}},
			{"extensions": [{"reason": "Thiếu ngày đề nghị"}]},
			{"deadline_month": 2.5},
		]
		for values in cases:
			with self.subTest(values=str(values)[:60]):
				doc = frappe.get_doc(
					{"doctype": "DV Task", "title": "Thử", "presiding_unit": self.units.district1, **values}
				)
				self.assert_refused_in_vietnamese(FieldValueError, doc.insert)

	def test_an_existing_record_is_left_as_it_was(self):
		doc = frappe.get_doc("DV Task", self.task.name)
		doc.due_date = "2025-13-01"
		self.assert_refused_in_vietnamese(FieldValueError, doc.save)
		self.assertEqual(
			str(frappe.db.get_value("DV Task", self.task.name, "due_date")), str(self.task.due_date)
		)

	# 3. The importer checks everything it writes before writing.

	def test_the_importer_confirm_step_writes_nothing_it_did_not_check(self):
		directive = {"directive_number": "12-KH/TU", "issue_date": "2025-03-01", "title": "Kế hoạch thử"}
		for bad in (
			{"summary": "x" * 1_000_000},
			{"references": [{"number": "16-CT/TU", "date": "2021-02-31"}]},
		):
			with self.subTest(bad=str(bad)[:40]):
				payload = {
					"directive": {**directive, **bad},
					"tasks": [{"title": "Việc", "presiding_unit": self.units.province}],
				}
				self.assert_refused_in_vietnamese(
					frappe.ValidationError, directive_api.confirm_directive_import, payload
				)

	# 4. Links to units that do not exist (or no longer operate).

	def test_links_to_units_that_do_not_exist_are_refused_on_every_path(self):
		doc = frappe.get_doc({"doctype": "DV Task", "title": "Thử", "presiding_unit": "DVI-99999"})
		self.assert_refused_in_vietnamese(frappe.ValidationError, doc.insert)
		self.assert_refused_in_vietnamese(frappe.ValidationError, cascade_task, self.task.name, ["DVI-99999"])
		doc = frappe.get_doc(
			{
				"doctype": "DV Task",
				"title": "Thử",
				"presiding_unit": self.units.district1,
				"coordinating_units": [{"unit": "DVI-99998"}],
			}
		)
		self.assert_refused_in_vietnamese(LinkedRecordError, doc.insert)

	def test_a_closed_unit_takes_no_new_work(self):
		frappe.db.set_value("DV Unit", self.units.commune22, "enabled", 0)
		self.assert_refused_in_vietnamese(frappe.ValidationError, make_task, self.units.commune22)

	def test_the_patch_reports_tasks_with_units_that_do_not_exist(self):
		make_user("quantri.dv@dv.test", access.ADMIN)
		frappe.db.set_value("DV Task", self.task.name, "assigning_unit", "DVI-00000-DA-XOA")
		self.assertIn(self.task.name, report_dangling_units.dangling_tasks())
		report_dangling_units.execute()
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": "quantri.dv@dv.test", "document_type": "DV Task"}
			)
		)
		frappe.db.set_value("DV Task", self.task.name, "assigning_unit", None)

	# 6. Beyond the documented limits.

	def test_requests_beyond_the_limits_are_refused(self):
		too_many = [f"DVI-{i:05d}" for i in range(limits.UNITS_PER_CASCADE + 1)]
		self.assert_refused_in_vietnamese(ArgumentError, cascade_task, self.task.name, too_many)
		too_many = [{"title": f"Việc {i}", "presiding_unit": self.units.province} for i in range(301)]
		self.assertEqual(limits.TASKS_PER_IMPORT, 300)
		self.assert_refused_in_vietnamese(
			ArgumentError, directive_api.create_tasks, make_directive("77-CT/TU").name, too_many
		)


class TestChartAndTreeArguments(FrappeTestCase):
	def test_the_chart_door_refuses_odd_arguments_in_vietnamese(self):
		from danvan_app.doors import get_dashboard_chart

		chart = "DV Tasks By Deadline Outcome"
		for call in (
			dict(chart_name=None),
			dict(chart_name={"name": chart}),
			dict(chart_name=f"{chart}' OR '1'='1"),
			dict(chart_name=chart, filters=5),
			dict(chart_name=chart, filters="{not json"),
			dict(chart_name=chart, filters=[[None]]),
			dict(chart_name=chart, filters=[1, 2]),
		):
			with self.subTest(call=call), self.assertRaises(frappe.ValidationError) as caught:
				get_dashboard_chart(**call)
			self.assertRegex(str(caught.exception), "[ạảấầậắằặẽếềệỉịọỏốồộớờợụủứừựỳỵđ]", call)
		# The desk's own filters (with their trailing "hidden" flag) still work.
		frappe.set_user("Administrator")
		make_task(make_tree().district1, title="Có trong biểu đồ")
		figures = get_dashboard_chart(chart_name=chart, filters=[["DV Task", "status", "!=", "x", False]])
		self.assertIn("datasets", figures)
		# A dict of field → value is taken as Frappe's list form; an unknown field is refused, not a 500.
		self.assertIn("datasets", get_dashboard_chart(chart_name=chart, filters={"status": "Chưa bắt đầu"}))
		self.assertRaises(frappe.ValidationError, get_dashboard_chart, chart_name=chart, filters={"a": 1})

	def test_a_unit_sent_with_tree_bounds_keeps_the_tree_whole(self):
		frappe.set_user("Administrator")
		units = make_tree()
		unit = make_unit("Đơn vị gửi kèm lft", units.district1, lft=-5, rgt=3)
		bounds = frappe.db.get_value("DV Unit", units.district1, ["lft", "rgt"])
		self.assertTrue(bounds[0] < unit.lft < unit.rgt < bounds[1], (bounds, unit.lft, unit.rgt))
		stored = frappe.db.get_value("DV Unit", unit.name, ["lft", "rgt"])
		unit.lft, unit.rgt = 1, 2
		unit.save()
		self.assertEqual(frappe.db.get_value("DV Unit", unit.name, ["lft", "rgt"]), stored)


class TestRestBodies(FrappeAPITestCase):
	"""Through Frappe's real HTTP application: bodies Frappe could not build a document from."""

	def setUp(self):
		generate_keys("Administrator")
		user = frappe.get_doc("User", "Administrator")
		self.headers = {"Authorization": f"token {user.api_key}:{user.get_password('api_secret')}"}
		frappe.db.commit()  # the request runs on its own connection

	def send(self, method, path, body):
		target = self.TEST_CLIENT.post if method == "POST" else self.TEST_CLIENT.put
		return make_request(target=target, args=(path,), kwargs={"json": body, "headers": self.headers})

	def test_bodies_frappe_cannot_build_a_document_from_are_refused_in_vietnamese(self):
		before = frappe.db.count("DV Task")
		bodies = [
			[{"title": "Danh sách thay vì đối tượng"}],
			{"title": "Bảng là chữ", "coordinating_units": "DVI-00001"},
			{"title": "Dòng là danh sách", "progress_updates": [["DVI-00001", 10]]},
			{"title": "Tên là đối tượng", "name": {"name": "x"}},
			{"title": "Gửi ngay khi tạo", "docstatus": 2},
		]
		for body in bodies:
			with self.subTest(body=body):
				response = self.send("POST", self.resource("DV Task"), body)
				self.assertEqual(response.status_code, 417, response.json)
				messages = frappe.parse_json(response.json.get("_server_messages") or "[]")
				text = " ".join(frappe.parse_json(m).get("message", "") for m in messages)
				self.assertTrue(set(text.lower()) & VIETNAMESE, text)
		response = self.send("PUT", self.resource("DV Task", "NV-KHONG-CO"), {"title": "x"})
		self.assertEqual(response.status_code, 404)
		self.assertEqual(frappe.db.count("DV Task"), before)

	def test_a_dv_user_reads_frappes_own_refusals_in_vietnamese(self):
		user = make_user("ngonngu.dv@dv.test", access.OFFICER)
		self.assertEqual(frappe.db.get_value("User", user, "language"), "vi")
		frappe.local.lang = "vi"
		try:
			self.assertEqual(
				frappe._("Not allowed via controller permission check"),
				"Không được phép: bản ghi nằm ngoài phạm vi đơn vị của bạn",
			)
		finally:
			frappe.local.lang = "en"
