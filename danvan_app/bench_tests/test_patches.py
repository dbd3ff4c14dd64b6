# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Every patch in patches.txt run twice on populated data (issue 18): the first run does its work on data
as an older version left it, the second changes nothing. The patches are read from patches.txt, so a
patch added there is run here without editing this test. The upgrade from an older state of the whole
app, with data in it, is scripts/upgrade_check.sh."""

from pathlib import Path

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.bench_tests.factories import (
	make_evaluation,
	make_model,
	make_task,
	make_template,
	make_tree,
	make_user,
)
from danvan_app.domain import access
from danvan_app.domain import kheo_models as model_rules

PATCHES_TXT = Path(frappe.get_app_path("danvan_app", "patches.txt"))

# What a patch could write, as one checksum each (name and the columns the patches touch, and modified).
DIGESTS = {
	"DV Task": "select count(*), sum(crc32(concat_ws('|', name, ifnull(deadline_outcome, '-'), days_late,"
	" presiding_unit, modified))) from `tabDV Task`",
	"DV Evaluation": "select count(*), sum(crc32(concat_ws('|', name, ifnull(evaluated_unit_name, '-'),"
	" modified))) from `tabDV Evaluation`",
	"DV Kheo Model": "select count(*), sum(crc32(concat_ws('|', name, status, docstatus, modified)))"
	" from `tabDV Kheo Model`",
	"File": "select count(*), sum(crc32(concat_ws('|', name, is_private, ifnull(file_url, '-'), modified)))"
	" from `tabFile`",
	"Series": "select count(*), sum(crc32(concat_ws('|', name, current))) from `tabSeries`",
	"Notification Log": "select count(*), sum(crc32(concat_ws('|', name, for_user))) from `tabNotification Log`",
	"ToDo": "select count(*) from `tabToDo`",
	"Version": "select count(*) from `tabVersion`",
	"Comment": "select count(*) from `tabComment`",
	"Error Log": "select count(*) from `tabError Log`",
}


def patch_modules() -> list[str]:
	lines = (line.split("#")[0].strip() for line in PATCHES_TXT.read_text().splitlines())
	return [line for line in lines if line and not line.startswith("[")]


def run_patch(line: str) -> None:
	if line.startswith("execute:"):
		exec(line.split(":", 1)[1], {"frappe": frappe})
	else:
		frappe.get_attr(f"{line.split()[0]}.execute")()


def digests() -> dict:
	return {table: frappe.db.sql(sql)[0] for table, sql in DIGESTS.items()}


class TestPatchesRunTwice(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.admin = make_user("patch.admin@dv.test", access.ADMIN)
		units = make_tree()
		cls.units = units
		# Tasks as before days late were counted: overdue, done late, on time, many of them.
		cls.overdue = make_task(units.commune11, title="Việc quá hạn")
		cls.done_late = make_task(units.commune12, title="Việc xong trễ")
		for i in range(40):
			make_task(units[("commune11", "commune12", "commune21", "commune22")[i % 4]], title=f"Việc {i}")
		for name, status, due, completed in (
			(cls.overdue.name, "Đang thực hiện", add_days(today(), -12), None),
			(cls.done_late.name, "Hoàn thành", add_days(today(), -30), add_days(today(), -20)),
		):
			values = {"status": status, "deadline_kind": "Ngày cụ thể", "due_date": due}
			values.update(completed_on=completed, days_late=0, deadline_outcome=None)
			frappe.db.set_value("DV Task", name, values, update_modified=False)
		# A task naming a unit that is not there (saved before links were checked).
		cls.dangling = make_task(units.commune21, title="Việc của đơn vị đã xóa")
		frappe.db.set_value(
			"DV Task", cls.dangling.name, "presiding_unit", "DVI-DA-XOA-PATCH", update_modified=False
		)
		# An evaluation titled by its unit's code, as before the title field.
		template = make_template(units.province)
		cls.evaluation = make_evaluation(units.commune22, template.name)
		frappe.db.set_value(
			"DV Evaluation",
			cls.evaluation.name,
			"evaluated_unit_name",
			units.commune22,
			update_modified=False,
		)
		# Models decided before the workflow: the old final state, never submitted.
		cls.recognised = make_model(units.commune11, "Mô hình đã công nhận")
		cls.refused = make_model(units.commune12, "Mô hình không được công nhận")
		for name, status in (
			(cls.recognised.name, model_rules.RECOGNISED),
			(cls.refused.name, "Không được công nhận"),
		):
			frappe.db.set_value(
				"DV Kheo Model", name, {"status": status, "docstatus": 0}, update_modified=False
			)
		# A public file on a unit, as files were attached before they were kept private.
		cls.file = frappe.get_doc(
			{"doctype": "File", "file_name": "bien-ban-va-patch.txt", "content": "Biên bản", "is_private": 0}
		).insert(ignore_permissions=True)
		frappe.db.set_value(
			"File",
			cls.file.name,
			{"attached_to_doctype": "DV Unit", "attached_to_name": units.province},
			update_modified=False,
		)
		# A counter behind the names already used, as the shared counter left it.
		cls.task_prefix = cls.overdue.name.rsplit("-", 1)[0] + "-"
		frappe.db.sql("update `tabSeries` set current = 0 where name = %s", cls.task_prefix)

	def test_every_patch_does_its_work_once_and_a_second_run_changes_nothing(self):
		patches = patch_modules()
		self.assertGreaterEqual(len(patches), 6)
		for line in patches:
			run_patch(line)
		after_first = digests()

		# The first run did each patch's work on the data as an older version left it.
		self.assertGreater(frappe.db.get_value("DV Task", self.overdue.name, "days_late"), 0)
		self.assertEqual(frappe.db.get_value("DV Task", self.done_late.name, "days_late"), 10)
		self.assertNotEqual(
			frappe.db.get_value("DV Evaluation", self.evaluation.name, "evaluated_unit_name"),
			self.units.commune22,
		)
		self.assertEqual(
			frappe.db.get_value("DV Kheo Model", self.refused.name, ["status", "docstatus"]),
			(model_rules.NOT_RECOGNISED, 1),
		)
		self.assertEqual(frappe.db.get_value("DV Kheo Model", self.recognised.name, "docstatus"), 1)
		self.assertEqual(frappe.db.get_value("File", self.file.name, "is_private"), 1)
		number = int(self.overdue.name.rsplit("-", 1)[1])
		current = frappe.db.sql("select current from `tabSeries` where name = %s", self.task_prefix)[0][0]
		self.assertGreaterEqual(int(current), number)
		told = {
			"document_type": "DV Task",
			"for_user": self.admin,
			"subject": ("like", f"%{self.dangling.name}%"),
		}
		self.assertEqual(frappe.db.count("Notification Log", told), 1)

		for line in patches:
			run_patch(line)
			self.assertEqual(digests(), after_first, f"{line} changed something when run again")
		self.assertEqual(frappe.db.count("Notification Log", told), 1)
