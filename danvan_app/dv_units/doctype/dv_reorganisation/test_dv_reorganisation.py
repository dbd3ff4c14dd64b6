# Copyright (c) 2026, danvan_app developers
# See license.txt
"""A reorganisation previewed, applied and undone on a real site: the preview counts what apply moves, apply
moves open work and access and keeps history, a second apply does nothing, undo restores exactly, the daily
job applies a future-dated one on its day, and bad input is refused in Vietnamese with nothing written."""

import json
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app import reorganisation
from danvan_app.api.reorganisation import preview, undo
from danvan_app.bench_tests.factories import (
	COMMUNE,
	PARTY,
	make_evaluation,
	make_model,
	make_task,
	make_template,
	make_tree,
	make_unit,
	make_user,
)
from danvan_app.domain import access
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.exceptions import ReorganisationError

MERGE = reorg_rules.KIND_LABELS[reorg_rules.MERGE]
MOVE = reorg_rules.KIND_LABELS[reorg_rules.MOVE]
SPLIT = reorg_rules.KIND_LABELS[reorg_rules.SPLIT]
DONE = "Hoàn thành"
APPLY_JOB = "danvan_app.reorganisation.apply_in_background"


def make_reorganisation(kind, old_units, new_units, effective=None, **values):
	return frappe.get_doc(
		{
			"doctype": "DV Reorganisation",
			"decision_number": values.pop("decision_number", "1234/QĐ-UBND"),
			"decision_date": today(),
			"effective_date": effective or today(),
			"kind": kind,
			"old_units": [{"unit": unit} for unit in old_units],
			"new_units": new_units,
			**values,
		}
	).insert()


def previewed(doc):
	preview(reorganisation_name=doc.name)
	doc.reload()
	return doc


class TestReorganisation(FrappeTestCase):
	counter = 0

	def setUp(self):
		frappe.set_user("Administrator")
		TestReorganisation.counter += 1
		n = self.n = f"{TestReorganisation.counter}.{frappe.generate_hash(length=4)}"
		u = self.units = make_tree()
		u.commune13 = make_unit(f"Đảng ủy xã Bên Cạnh {n}", u.district1, level=COMMUNE).name
		u.village = make_unit(f"Chi bộ thôn {n}", u.commune11, level=COMMUNE).name
		self.open_tasks = [make_task(u.commune11, title=f"Việc {i} {n}").name for i in range(3)]
		self.open_tasks.append(make_task(u.commune12, title=f"Việc xã 12 {n}").name)
		self.duty = make_task(
			u.commune11,
			title=f"Báo cáo hằng quý {n}",
			deadline_kind="Định kỳ",
			recurrence="Hằng quý",
			start_date="2026-01-01",
		).name
		self.closed_task = make_task(u.commune11, title=f"Việc đã xong {n}").name
		frappe.db.set_value("DV Task", self.closed_task, {"status": DONE, "completed_on": today()})
		# commune11 coordinates a district2 task, twice over once merged with commune12.
		self.coordinated = make_task(
			u.district2,
			title=f"Việc phối hợp {n}",
			coordinating_units=[{"unit": u.commune11}, {"unit": u.commune12}],
		).name
		self.model = make_model(u.commune11, f"Mô hình thử {n}").name
		self.evaluation = make_evaluation(u.commune11, make_template(u.province).name).name
		self.officer11 = make_user(f"can.bo.11.{n}@dv.test", access.OFFICER, [u.commune11])
		self.officer13 = make_user(f"can.bo.13.{n}@dv.test", access.OFFICER, [u.commune13])

	def tearDown(self):
		frappe.set_user("Administrator")

	def merge(self, effective=None):
		u = self.units
		return make_reorganisation(
			MERGE,
			[u.commune11, u.commune12],
			[
				{
					"new_unit_name": f"Đảng ủy xã Hợp Nhất {self.n}",
					"unit_kind": PARTY,
					"parent_unit": u.district1,
				}
			],
			effective=effective,
		)

	def snapshot(self):
		u = self.units
		units = [u.commune11, u.commune12, u.commune13, u.village, u.district1]
		tasks = [*self.open_tasks, self.duty, self.closed_task, self.coordinated]
		return {
			"tasks": frappe.get_all(
				"DV Task",
				filters={"name": ("in", tasks)},
				fields=[
					"name",
					"presiding_unit",
					"assigning_unit",
					"presiding_leader",
					"modified",
					"status",
					"_assign",
				],
				order_by="name",
			),
			"todos": frappe.get_all(
				"ToDo",
				filters={"reference_type": "DV Task", "reference_name": ("in", tasks)},
				fields=["name", "reference_name", "allocated_to", "status"],
				order_by="name",
			),
			"coordinating": frappe.get_all(
				"DV Task Coordinating Unit",
				filters={"parent": self.coordinated},
				fields=["name", "unit", "idx"],
				order_by="idx",
			),
			"units": frappe.get_all(
				"DV Unit",
				filters={"name": ("in", units)},
				fields=["name", "parent_dv_unit", "valid_to", "enabled", "closure_note", "is_group"],
				order_by="name",
			),
			"successors": frappe.get_all(
				"DV Unit Successor", filters={"parent": ("in", units)}, pluck="name"
			),
			"permissions": frappe.get_all(
				"User Permission",
				filters={"user": ("in", [self.officer11, self.officer13])},
				fields=["name", "user", "for_value"],
				order_by="name",
			),
			"model": frappe.db.get_value("DV Kheo Model", self.model, ["registering_unit", "modified"]),
			"evaluation": frappe.db.get_value(
				"DV Evaluation", self.evaluation, ["evaluated_unit", "evaluated_unit_name", "modified"]
			),
		}

	def test_preview_counts_what_apply_moves_and_a_second_apply_does_nothing(self):
		u = self.units
		doc = self.merge()
		result = preview(reorganisation_name=doc.name)
		pairs = {pair["old"]: pair for pair in result["pairs"]}
		self.assertEqual(
			{
				k: pairs[u.commune11][k]
				for k in ("tasks", "recurring", "coordinating", "models", "evaluations")
			},
			{"tasks": 3, "recurring": 1, "coordinating": 1, "models": 1, "evaluations": 1},
		)
		self.assertEqual((pairs[u.commune11]["closed_tasks"], pairs[u.commune11]["children"]), (1, 1))
		self.assertEqual(pairs[u.commune11]["permissions"], 1)
		self.assertIn("Đảng ủy xã Hợp Nhất", result["summary"])

		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_PREVIEWED)
		doc.submit()
		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_APPLIED)
		new_unit = doc.new_units[0].created_unit
		log = json.loads(doc.log)
		for old, pair in pairs.items():
			moved = [row for row in log["tasks"] if row[1] == old]
			self.assertEqual(len(moved), pair["tasks"] + pair["recurring"] + pair["instances"], old)
			self.assertEqual(len([r for r in log["coordinating"] if r[1] == old]), pair["coordinating"])
			self.assertEqual(len([r for r in log["models"] if r[1] == old]), pair["models"])
			self.assertEqual(len([r for r in log["evaluations"] if r[1] == old]), pair["evaluations"])
		self.assertEqual(len(log["permissions"]), sum(p["permissions"] for p in pairs.values()))
		self.assertEqual(log["sub_units"], [[u.village, u.commune11]])

		open_units = frappe.get_all(
			"DV Task", filters={"name": ("in", [*self.open_tasks, self.duty])}, pluck="presiding_unit"
		)
		self.assertEqual(set(open_units), {new_unit})
		self.assertEqual(frappe.db.get_value("DV Task", self.closed_task, "presiding_unit"), u.commune11)
		self.assertEqual(frappe.db.get_value("DV Kheo Model", self.model, "registering_unit"), new_unit)
		self.assertEqual(frappe.db.get_value("DV Evaluation", self.evaluation, "evaluated_unit"), new_unit)
		# Both merged communes coordinated the district's task: the new commune coordinates it once.
		self.assertEqual(
			frappe.get_all("DV Task Coordinating Unit", filters={"parent": self.coordinated}, pluck="unit"),
			[new_unit],
		)
		self.assertEqual(frappe.db.get_value("DV Unit", u.village, "parent_dv_unit"), new_unit)
		closed = frappe.db.get_value(
			"DV Unit", u.commune11, ["valid_to", "enabled", "closure_note"], as_dict=1
		)
		self.assertEqual(getdate(closed.valid_to), getdate(add_days(today(), -1)))
		self.assertFalse(closed.enabled)
		self.assertIn("1234/QĐ-UBND", closed.closure_note)
		successors = frappe.get_all(
			"DV Unit Successor", filters={"parent": u.commune11}, pluck="successor_unit"
		)
		self.assertEqual(successors, [new_unit])
		unit = frappe.get_doc("DV Unit", new_unit)
		self.assertEqual((unit.parent_dv_unit, str(unit.valid_from)), (u.district1, today()))
		# The tree is whole: the village sits inside the new commune's bounds.
		lft, rgt = frappe.db.get_value("DV Unit", new_unit, ["lft", "rgt"])
		village_lft = frappe.db.get_value("DV Unit", u.village, "lft")
		self.assertTrue(lft < village_lft < rgt)

		before = self.snapshot()
		self.assertFalse(reorganisation.apply(frappe.get_doc("DV Reorganisation", doc.name)))
		self.assertEqual(self.snapshot(), before)

	def test_the_preview_asks_the_same_number_of_queries_whatever_the_number_of_tasks(self):
		doc = self.merge()

		def queries():
			with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
				preview(reorganisation_name=doc.name)
			return sql.call_count

		few = queries()
		for i in range(20):
			make_task(self.units.commune12, title=f"Thêm {i} {self.n}")
		self.assertEqual(queries(), few)

	def open_todos(self, task):
		return frappe.get_all(
			"ToDo",
			filters={"reference_type": "DV Task", "reference_name": task, "status": "Open"},
			pluck="allocated_to",
			order_by="allocated_to",
		)

	def with_leader(self, unit, name):
		leader = make_user(f"{name}.{self.n}@dv.test", access.MANAGER, [unit])
		frappe.db.set_value("DV Unit", unit, "dan_van_leader", leader)
		return leader

	def test_assignments_follow_the_moved_work_and_undo_puts_them_back(self):
		u = self.units
		leader11 = self.with_leader(u.commune11, "lanh.dao.11")
		leader13 = self.with_leader(u.commune13, "lanh.dao.13")
		task = make_task(u.commune11, title=f"Việc có người phụ trách {self.n}").name
		moved = [task, *self.open_tasks[:3], self.duty]
		self.assertEqual(self.open_todos(task), [leader11])
		todos_before = frappe.get_all(
			"ToDo",
			filters={"reference_name": ("in", moved)},
			fields=["name", "allocated_to", "status"],
			order_by="name",
		)
		assign_before = frappe.db.get_value("DV Task", task, "_assign")
		doc = previewed(make_reorganisation(MERGE, [u.commune11], [{"existing_unit": u.commune13}]))
		doc.submit()
		for name in moved:
			self.assertEqual(self.open_todos(name), [leader13], name)
			self.assertEqual(json.loads(frappe.db.get_value("DV Task", name, "_assign")), [leader13])
		self.assertEqual(
			frappe.db.get_value("ToDo", {"reference_name": task, "allocated_to": leader11}, "status"),
			"Cancelled",
		)
		# The closed task stays with its unit, and so do its people.
		self.assertEqual(self.open_todos(self.closed_task), [])
		self.assertEqual(
			frappe.get_all("DV Task", filters={"name": ("in", moved)}, pluck="presiding_leader"),
			[leader13] * len(moved),
		)

		undo(reorganisation_name=doc.name)
		self.assertEqual(
			frappe.get_all(
				"ToDo",
				filters={"reference_name": ("in", moved)},
				fields=["name", "allocated_to", "status"],
				order_by="name",
			),
			todos_before,
		)
		self.assertEqual(self.open_todos(task), [leader11])
		self.assertEqual(frappe.db.get_value("DV Task", task, "_assign"), assign_before)

	def test_apply_asks_the_same_number_of_queries_whatever_the_number_of_tasks(self):
		u = self.units
		self.with_leader(u.commune22, "lanh.dao.22")
		leader = make_user(f"lanh.dao.cu.{self.n}@dv.test", access.MANAGER, [u.district2])

		def queries(count):
			old = make_unit(f"Đảng ủy xã Cũ {count} {self.n}", u.district2, level=COMMUNE).name
			frappe.db.set_value("DV Unit", old, "dan_van_leader", leader)
			tasks = [make_task(old, title=f"Việc {i} xã cũ {count} {self.n}").name for i in range(count)]
			doc = previewed(make_reorganisation(MERGE, [old], [{"existing_unit": u.commune22}]))
			with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
				doc.submit()
			doc.reload()
			self.assertEqual(doc.status, reorg_rules.STATUS_APPLIED)
			self.assertEqual(len(json.loads(doc.log)["todos_created"]), count)
			self.assertEqual(
				self.open_todos(tasks[-1]), [frappe.db.get_value("DV Unit", u.commune22, "dan_van_leader")]
			)
			return sql.call_count

		queries(2)  # the first one fills the caches (meta, settings) the others find
		self.assertEqual(queries(30), queries(10))

	def test_a_large_reorganisation_is_applied_once_by_a_background_job(self):
		doc = previewed(self.merge())
		with (
			patch.object(reorganisation, "BACKGROUND_FROM_TASKS", 2),
			patch.object(frappe, "enqueue") as enqueue,
		):
			doc.submit()
		calls = [c for c in enqueue.call_args_list if c.args[:1] == (APPLY_JOB,)]
		self.assertEqual(len(calls), 1)
		kwargs = calls[0].kwargs
		self.assertEqual(
			(kwargs["queue"], kwargs["enqueue_after_commit"], kwargs["deduplicate"], kwargs["job_id"]),
			("long", True, True, reorganisation.job_id(doc.name)),
		)
		self.assertEqual(
			frappe.db.get_value("DV Reorganisation", doc.name, "status"), reorg_rules.STATUS_APPLYING
		)
		self.assertEqual(
			frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), self.units.commune11
		)
		# Not yet applied: the daily job leaves it to its background job.
		self.assertNotIn(doc.name, reorganisation.apply_due(today()))
		doc.reload()
		self.assertRaises(ReorganisationError, doc.cancel)

		with patch.object(frappe, "publish_progress") as progress:
			self.assertTrue(reorganisation.apply_in_background(doc.name))
		self.assertEqual(progress.call_args.args[0], 100)
		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_APPLIED)
		new_unit = doc.new_units[0].created_unit
		self.assertEqual(frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), new_unit)
		log = doc.log
		self.assertFalse(reorganisation.apply_in_background(doc.name))
		self.assertEqual(frappe.db.get_value("DV Reorganisation", doc.name, "log"), log)
		self.assertEqual(frappe.db.count("DV Unit", {"unit_name": f"Đảng ủy xã Hợp Nhất {self.n}"}), 1)

	def test_a_small_reorganisation_is_applied_when_submitted(self):
		doc = previewed(self.merge())
		with patch.object(frappe, "enqueue") as enqueue:
			doc.submit()
		self.assertFalse([c for c in enqueue.call_args_list if c.args[:1] == (APPLY_JOB,)])
		self.assertEqual(
			frappe.db.get_value("DV Reorganisation", doc.name, "status"), reorg_rules.STATUS_APPLIED
		)

	def test_users_of_an_old_commune_see_their_work_under_the_new_one_and_a_sibling_does_not(self):
		doc = previewed(self.merge())
		doc.submit()
		task = frappe.get_doc("DV Task", self.open_tasks[0])
		self.assertEqual(task.presiding_unit, doc.new_units[0].created_unit)
		self.assertTrue(frappe.has_permission("DV Task", "read", task, user=self.officer11))
		self.assertFalse(frappe.has_permission("DV Task", "read", task, user=self.officer13))
		frappe.set_user(self.officer11)
		visible = set(frappe.get_list("DV Task", pluck="name"))
		self.assertTrue({*self.open_tasks[:3], self.duty} <= visible)
		# The closed task stays on the closed commune, whose history its officer still reads.
		self.assertIn(self.closed_task, visible)
		frappe.set_user(self.officer13)
		self.assertFalse(set(self.open_tasks) & set(frappe.get_list("DV Task", pluck="name")))

	def test_undo_restores_exactly(self):
		before = self.snapshot()
		doc = previewed(self.merge())
		doc.submit()
		doc.reload()
		new_unit = doc.new_units[0].created_unit
		self.assertNotEqual(self.snapshot(), before)
		undo(reorganisation_name=doc.name)
		self.assertEqual(self.snapshot(), before)
		self.assertFalse(frappe.db.exists("DV Unit", new_unit))
		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_UNDONE)
		self.assertRaises(ReorganisationError, undo, reorganisation_name=doc.name)

	def test_undo_of_a_merge_into_a_surviving_unit_restores_it_too(self):
		u = self.units
		before = self.snapshot()
		doc = previewed(make_reorganisation(MERGE, [u.commune11], [{"existing_unit": u.commune13}]))
		doc.submit()
		self.assertEqual(frappe.db.get_value("DV Unit", u.village, "parent_dv_unit"), u.commune13)
		self.assertTrue(frappe.db.get_value("DV Unit", u.commune13, "is_group"))
		self.assertTrue(frappe.has_permission("DV Task", "read", self.open_tasks[0], user=self.officer13))
		undo(reorganisation_name=doc.name)
		self.assertEqual(self.snapshot(), before)
		# The tree is whole again: the village inside its commune, the commune inside its district.
		bounds = {
			unit: frappe.db.get_value("DV Unit", unit, ["lft", "rgt"])
			for unit in (u.district1, u.commune11, u.village)
		}
		self.assertTrue(bounds[u.district1][0] < bounds[u.commune11][0] < bounds[u.village][0])
		self.assertTrue(bounds[u.village][1] < bounds[u.commune11][1] < bounds[u.district1][1])
		self.assertFalse(frappe.has_permission("DV Task", "read", self.open_tasks[0], user=self.officer13))

	def test_undo_is_refused_once_the_moved_work_has_changed(self):
		doc = previewed(self.merge())
		doc.submit()
		task = frappe.get_doc("DV Task", self.open_tasks[0])
		task.progress = 40
		task.save()
		during = self.snapshot()
		with self.assertRaises(ReorganisationError) as refused:
			undo(reorganisation_name=doc.name)
		self.assertIn("Không thể hoàn tác", str(refused.exception))
		self.assertEqual(self.snapshot(), during)
		self.assertEqual(
			frappe.db.get_value("DV Reorganisation", doc.name, "status"), reorg_rules.STATUS_APPLIED
		)

	def test_undo_is_refused_after_the_window(self):
		doc = previewed(self.merge())
		doc.submit()
		frappe.db.set_single_value("DV Settings", "reorganisation_undo_days", 5)
		try:
			doc.db_set("applied_on", add_days(frappe.utils.now_datetime(), -6))
			self.assertRaises(ReorganisationError, undo, reorganisation_name=doc.name)
		finally:
			frappe.db.set_single_value("DV Settings", "reorganisation_undo_days", 30)

	def test_the_daily_job_applies_a_future_reorganisation_on_its_day(self):
		day = add_days(today(), 3)
		doc = previewed(self.merge(effective=day))
		doc.submit()
		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_PENDING)
		self.assertEqual(
			frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), self.units.commune11
		)
		self.assertNotIn(doc.name, reorganisation.apply_due(add_days(today(), 2)))
		self.assertIn(doc.name, reorganisation.apply_due(day))
		doc.reload()
		self.assertEqual(doc.status, reorg_rules.STATUS_APPLIED)
		new_unit = doc.new_units[0].created_unit
		self.assertEqual(frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), new_unit)
		closed = frappe.db.get_value("DV Unit", self.units.commune11, ["valid_to", "enabled"], as_dict=1)
		self.assertEqual(getdate(closed.valid_to), getdate(add_days(day, -1)))
		self.assertTrue(closed.enabled)  # it still works until its last day
		self.assertEqual(reorganisation.apply_due(day), [])

	def test_a_chain_of_pending_reorganisations_is_applied_in_date_order(self):
		u = self.units
		first_day, second_day = add_days(today(), 5), add_days(today(), 10)
		previewed(
			make_reorganisation(
				MERGE, [u.commune11, u.commune12], [{"existing_unit": u.commune13}], first_day
			)
		).submit()
		# commune11 closes with the first one: a later reorganisation cannot take it again.
		with self.assertRaises(ReorganisationError) as refused:
			make_reorganisation(MERGE, [u.commune11], [{"existing_unit": u.commune22}], second_day)
		self.assertIn("đã chấm dứt hoạt động", str(refused.exception))
		# Its successor can: A + B → C on one day, C + D → E later.
		later = previewed(
			make_reorganisation(
				MERGE, [u.commune13, u.commune21], [{"existing_unit": u.commune22}], second_day
			)
		)
		later.submit()
		self.assertEqual(len(reorganisation.apply_due(second_day)), 2)
		self.assertEqual(frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), u.commune22)
		self.assertEqual(frappe.db.get_value("DV Unit", u.village, "parent_dv_unit"), u.commune22)
		self.assertTrue(frappe.has_permission("DV Task", "read", self.open_tasks[0], user=self.officer11))

	def test_a_unit_moved_under_a_new_parent_keeps_its_work_and_stays_open(self):
		u = self.units
		district2_officer = make_user(f"can.bo.h2.{self.n}@dv.test", access.OFFICER, [u.district2])
		self.assertFalse(frappe.has_permission("DV Task", "read", self.open_tasks[0], user=district2_officer))
		doc = previewed(make_reorganisation(MOVE, [u.commune11], [{"existing_unit": u.district2}]))
		self.assertIn("Chuyển 1 đơn vị", doc.preview_summary)
		doc.submit()
		self.assertEqual(frappe.db.get_value("DV Unit", u.commune11, "parent_dv_unit"), u.district2)
		self.assertFalse(frappe.db.get_value("DV Unit", u.commune11, "valid_to"))
		self.assertEqual(frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), u.commune11)
		self.assertTrue(frappe.has_permission("DV Task", "read", self.open_tasks[0], user=district2_officer))
		self.assertEqual(frappe.db.get_value("DV Unit", u.village, "parent_dv_unit"), u.commune11)
		undo(reorganisation_name=doc.name)
		self.assertEqual(frappe.db.get_value("DV Unit", u.commune11, "parent_dv_unit"), u.district1)

	def test_a_split_by_sub_units_places_each_commune_under_its_new_district(self):
		u = self.units
		names = [f"Huyện ủy Tách A {self.n}", f"Huyện ủy Tách B {self.n}"]
		rows = [{"new_unit_name": name, "unit_kind": PARTY, "parent_unit": u.province} for name in names]
		split = {"split_rule": "Theo đơn vị trực thuộc"}
		incomplete = [{"from_unit": u.commune11, "to_row": 1}]
		self.assertRaises(
			ReorganisationError,
			make_reorganisation,
			SPLIT,
			[u.district1],
			rows,
			split_rows=incomplete,
			**split,
		)
		doc = make_reorganisation(
			SPLIT,
			[u.district1],
			rows,
			split_rows=[
				{"from_unit": u.commune11, "to_row": 1},
				{"from_unit": u.commune12, "to_row": 2},
				{"from_unit": u.commune13, "to_row": 2},
			],
			**split,
		)
		previewed(doc).submit()
		doc.reload()
		first, second = (row.created_unit for row in doc.new_units)
		self.assertEqual(frappe.db.get_value("DV Unit", u.commune11, "parent_dv_unit"), first)
		self.assertEqual(frappe.db.get_value("DV Unit", u.commune13, "parent_dv_unit"), second)
		self.assertEqual(
			sorted(
				frappe.get_all("DV Unit Successor", filters={"parent": u.district1}, pluck="successor_unit")
			),
			sorted([first, second]),
		)
		# The communes' own work did not move: only their parent changed.
		self.assertEqual(frappe.db.get_value("DV Task", self.open_tasks[0], "presiding_unit"), u.commune11)

	def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(self):
		u = self.units
		count = frappe.db.count("DV Reorganisation")
		cases = [
			(MERGE, [u.commune11, u.commune12], []),  # no target
			(MERGE, [u.commune11], [{"existing_unit": u.village}]),  # into its own descendant
			(MERGE, [u.commune11, u.commune11], [{"existing_unit": u.commune12}]),  # listed twice
			(MERGE, [u.commune11], [{"new_unit_name": ""}]),  # a new unit without name or kind
		]
		for kind, old, new in cases:
			with self.subTest(old=old, new=new):
				with self.assertRaises(ReorganisationError) as refused:
					make_reorganisation(kind, old, new)
				self.assertTrue(any(ch in str(refused.exception) for ch in "ơưđ"), str(refused.exception))
		self.assertEqual(frappe.db.count("DV Reorganisation"), count)

		# The same commune in two reorganisations pending on the same day.
		day = add_days(today(), 10)
		previewed(self.merge(effective=day)).submit()
		with self.assertRaises(ReorganisationError) as refused:
			make_reorganisation(MERGE, [u.commune11], [{"existing_unit": u.commune13}], effective=day)
		self.assertIn("cùng có hiệu lực", str(refused.exception))

		# Submitting without a preview is refused.
		doc = make_reorganisation(MERGE, [u.commune13], [{"existing_unit": u.commune12}])
		self.assertRaises(ReorganisationError, doc.submit)

	def test_a_failure_half_way_leaves_nothing_moved(self):
		doc = previewed(self.merge())
		before = self.snapshot()
		units = frappe.db.count("DV Unit")
		with patch.object(reorganisation, "copy_access", side_effect=frappe.ValidationError("x")):
			self.assertRaises(frappe.ValidationError, doc.submit)
		self.assertEqual(frappe.db.count("DV Unit"), units)
		after = self.snapshot()
		self.assertEqual(after, before)
