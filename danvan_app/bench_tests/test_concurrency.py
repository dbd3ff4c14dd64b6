# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Issue 18: work that runs at the same time as other work on the same records."""

import threading
from unittest import mock

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app import recurring_instances
from danvan_app.bench_tests.factories import PROVINCE, make_task, make_unit


def run_in_own_connection(site: str, sites_path: str, work, errors: list) -> None:
	"""``work`` in a thread of its own, with its own site context and database connection (as a second
	scheduler worker would), committed at the end."""
	try:
		frappe.init(site=site, sites_path=sites_path)
		frappe.connect()
		frappe.set_user("Administrator")
		work()
		frappe.db.commit()
	except Exception as error:
		errors.append(error)
	finally:
		frappe.destroy()


class TestDailyJobTwiceAtOnce(FrappeTestCase):
	"""Two workers run the daily job at the same moment. Their transactions must see each other's work,
	so this test commits its records and deletes them afterwards."""

	def setUp(self):
		frappe.set_user("Administrator")
		self.lead_days = frappe.db.get_single_value("DV Settings", "instance_lead_days")
		frappe.db.set_single_value("DV Settings", "instance_lead_days", 0)
		self.unit = make_unit("Tỉnh ủy Chạy Đồng Thời", level=PROVINCE).name
		self.duty = make_task(
			self.unit,
			title="Báo cáo quý chạy đồng thời",
			deadline_kind="Định kỳ",
			recurrence="Hằng quý",
			recurrence_offset_days=15,
			start_date="2026-01-01",
		).name
		# The people the instances are assigned to, as the unit's record would give them.
		frappe.db.set_value("DV Task", self.duty, "presiding_leader", "Administrator")
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()
		tasks = [self.duty, *frappe.get_all("DV Task", {"recurring_source": self.duty}, pluck="name")]
		for doctype, field in (
			("ToDo", "reference_name"),
			("Version", "docname"),
			("Comment", "reference_name"),
		):
			frappe.db.delete(doctype, {field: ("in", [*tasks, self.unit])})
		frappe.db.delete("DV Task", {"name": ("in", tasks)})
		frappe.delete_doc("DV Unit", self.unit, force=True)
		frappe.db.set_single_value("DV Settings", "instance_lead_days", self.lead_days)
		frappe.db.commit()

	def test_two_runs_at_once_make_each_instance_and_each_assignment_once(self):
		both_computed = threading.Barrier(2, timeout=30)
		insert = recurring_instances.insert_instances

		def insert_after_both_computed(*args, **kwargs):
			# Both runs have read the existing instances (none) before either writes: the worst case.
			both_computed.wait()
			return insert(*args, **kwargs)

		errors: list = []
		with mock.patch.object(recurring_instances, "insert_instances", insert_after_both_computed):
			threads = [
				threading.Thread(
					target=run_in_own_connection,
					args=(
						frappe.local.site,
						frappe.local.sites_path,
						lambda: recurring_instances.generate_recurring_instances(today="2026-08-01"),
						errors,
					),
				)
				for _ in range(2)
			]
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join(timeout=120)
		self.assertEqual(errors, [])
		frappe.db.rollback()  # a fresh snapshot, to see what the two workers committed
		instances = frappe.get_all("DV Task", {"recurring_source": self.duty}, pluck="name")
		self.assertEqual(len(instances), 3)
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "DV Task", "reference_name": ("in", instances), "status": "Open"},
			fields=["reference_name", "allocated_to"],
		)
		self.assertEqual(
			sorted((t.reference_name, t.allocated_to) for t in todos),
			[(i, "Administrator") for i in sorted(instances)],
		)
