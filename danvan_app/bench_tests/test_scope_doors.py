# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Every door a probe found open, closed as a class: writes checked on the stored record, authority fields
owned by their mechanism, links to hidden records refused, child tables and Frappe's side records scoped,
the Frappe methods that skip permission conditions replaced, and unit records read only in scope."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.api.tasks import report_progress
from danvan_app.bench_tests.factories import (
	make_directive,
	make_evaluation,
	make_model,
	make_task,
	make_template,
	make_tree,
	make_user,
)
from danvan_app.domain import access
from danvan_app.exceptions import FixedFieldError, LinkedRecordError

SECRET = "Bí mật của xã 1.2"


def door(cmd: str, **kwargs):
	"""Call a whitelisted method as a request would reach it: through the app's overrides, if any."""
	for override in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])):
		cmd = override
		break
	return frappe.call(frappe.get_attr(cmd), **kwargs)


class TestScopeDoors(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		u = cls.units = make_tree()
		cls.officer = make_user("canbo.xa11@dv.test", access.OFFICER, [u.commune11])
		cls.manager = make_user("quanly.xa11@dv.test", access.MANAGER, [u.commune11])
		cls.ungranted = make_user("quanly.chuacap@dv.test", access.MANAGER)
		cls.hidden_task = make_task(u.commune12, title=SECRET, due_date=add_days(today(), 40))
		report_progress(cls.hidden_task.name, u.commune12, 20, "Báo cáo bí mật")
		cls.hidden_task.reload()
		cls.own_task = make_task(
			u.commune11, title="Việc của xã 1.1", assigning_unit=u.district1, due_date=add_days(today(), 40)
		)
		cls.hidden_directive = make_directive("09-CT/HU", issuing_unit=u.district2, title=SECRET)
		template = make_template(u.province).name
		cls.hidden_evaluation = make_evaluation(u.commune12, template)
		cls.own_evaluation = make_evaluation(u.commune11, template)
		cls.hidden_model = make_model(u.commune12, SECRET)
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "bi-mat.txt",
				"content": SECRET,
				"attached_to_doctype": "DV Task",
				"attached_to_name": cls.hidden_task.name,
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")

	def assert_unchanged(self, doctype, name, field, value):
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(doctype, name, field), value)

	# 1. Writes are checked on the record as stored, not only as it will be.

	def test_a_hidden_record_cannot_be_moved_into_scope_by_any_write(self):
		u = self.units
		moves = [
			("DV Task", self.hidden_task.name, "presiding_unit", u.commune12),
			("DV Directive", self.hidden_directive.name, "issuing_unit", u.district2),
			("DV Kheo Model", self.hidden_model.name, "registering_unit", u.commune12),
			("DV Evaluation", self.hidden_evaluation.name, "evaluated_unit", u.commune12),
		]
		for doctype, name, field, stored in moves:
			frappe.set_user(self.manager)
			self.assertRaises(
				frappe.PermissionError, frappe.client.set_value, doctype, name, field, u.commune11
			)
			doc = frappe.get_doc(doctype, name)
			doc.set(field, u.commune11)
			self.assertRaises(frappe.PermissionError, doc.save)
			self.assert_unchanged(doctype, name, field, stored)

	# 2. Fields that decide who may act are set by their mechanism, never by a plain save.

	def test_a_unit_cannot_name_its_own_reviewer(self):
		before = frappe.db.get_value("DV Evaluation", self.own_evaluation.name, "reviewer")
		frappe.set_user(self.manager)
		doc = frappe.get_doc("DV Evaluation", self.own_evaluation.name)
		doc.reviewer = self.manager
		self.assertRaises(frappe.PermissionError, doc.save)
		self.assert_unchanged("DV Evaluation", doc.name, "reviewer", before)

	def test_a_unit_above_names_the_reviewer(self):
		district_manager = make_user("quanly.huyen1@dv.test", access.MANAGER, [self.units.district1])
		frappe.set_user(district_manager)
		doc = frappe.get_doc("DV Evaluation", self.own_evaluation.name)
		doc.reviewer = district_manager
		doc.save()
		self.assert_unchanged("DV Evaluation", doc.name, "reviewer", district_manager)

	def test_the_assigning_unit_of_a_task_is_fixed_once_saved(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc("DV Task", self.own_task.name)
		doc.assigning_unit = self.units.commune11
		self.assertRaises(FixedFieldError, doc.save)
		self.assert_unchanged("DV Task", doc.name, "assigning_unit", self.units.district1)

	def test_a_new_task_cannot_be_assigned_in_a_superiors_name(self):
		frappe.set_user(self.manager)
		self.assertRaises(
			frappe.ValidationError, make_task, self.units.commune11, assigning_unit=self.units.province
		)

	def test_a_progress_report_is_in_the_reporters_own_name_and_unit_and_stays(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc("DV Task", self.own_task.name)
		doc.append(
			"progress_updates", {"unit": self.units.commune12, "progress": 90, "reported_by": self.officer}
		)
		self.assertRaises(frappe.PermissionError, doc.save)
		doc = frappe.get_doc("DV Task", self.own_task.name)
		doc.append(
			"progress_updates", {"unit": self.units.commune11, "progress": 40, "reported_by": self.officer}
		)
		doc.save()
		row = doc.progress_updates[-1]
		self.assertEqual(row.reported_by, self.manager)
		row.progress = 100
		self.assertRaises(frappe.ValidationError, doc.save)

	def test_only_administrators_name_a_units_leader(self):
		for user in (self.ungranted, self.manager):
			frappe.set_user(user)
			doc = frappe.get_doc("DV Unit", self.units.commune11)
			doc.dan_van_leader = user
			self.assertRaises(frappe.PermissionError, doc.save)
		self.assert_unchanged("DV Unit", self.units.commune11, "dan_van_leader", None)

	def test_the_review_date_is_not_typed_in(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc("DV Evaluation", self.own_evaluation.name)
		doc.reviewed_on = today()
		doc.save()
		self.assert_unchanged("DV Evaluation", doc.name, "reviewed_on", None)

	# 3. Links to hidden records are refused without quoting them; their titles are never sent.

	def test_a_task_cannot_hang_under_a_hidden_directive_or_parent(self):
		frappe.set_user(self.manager)
		for link in ({"directive": self.hidden_directive.name}, {"parent_task": self.hidden_task.name}):
			with self.assertRaises(LinkedRecordError) as caught:
				make_task(self.units.commune11, due_date=add_days(today(), 80), **link)
			self.assertNotIn(SECRET, str(caught.exception))
		self.assert_unchanged("DV Task", self.hidden_task.name, "progress", 20)

	def test_titles_of_hidden_records_are_never_returned(self):
		frappe.set_user("Administrator")
		visible = make_task(self.units.commune11, title="Việc có cha ẩn", due_date=add_days(today(), 30))
		frappe.db.set_value("DV Task", visible.name, "parent_task", self.hidden_task.name)
		frappe.set_user(self.manager)
		self.assertEqual(
			door("frappe.desk.search.get_link_title", doctype="DV Task", docname=self.hidden_task.name),
			self.hidden_task.name,
		)
		frappe.local.response = frappe._dict(docs=[])
		door("frappe.desk.form.load.getdoc", doctype="DV Task", name=visible.name)
		self.assertNotIn(SECRET, frappe.as_json(frappe.local.response.get("_link_titles") or {}))
		self.assertEqual(
			door("frappe.client.validate_link", doctype="DV Task", docname=self.hidden_task.name).name, None
		)

	# 4. Child tables are exactly as visible as their parent.

	def test_child_rows_of_hidden_records_are_not_listed(self):
		frappe.set_user(self.manager)
		for child, parent in access.CHILD_TABLES.items():
			rows = frappe.get_list(child, parent_doctype=parent, fields=["parent"], limit_page_length=0)
			visible = set(frappe.get_list(parent, pluck="name", limit_page_length=0))
			self.assertLessEqual({row.parent for row in rows}, visible, child)
		rows = frappe.client.get_list("DV Task Progress", parent="DV Task", fields=["narrative"])
		self.assertNotIn("Báo cáo bí mật", [row.narrative for row in rows])

	def test_a_child_row_read_or_deleted_on_its_own_follows_its_parent(self):
		row = self.hidden_task.progress_updates[0].name
		frappe.set_user(self.manager)
		self.assertRaises(frappe.PermissionError, frappe.client.get, "DV Task Progress", row)
		self.assertRaises(
			frappe.PermissionError,
			frappe.client.get,
			"DV Task Progress",
			filters={"parent": self.hidden_task.name},
			parent="DV Task",
		)
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, "DV Task Progress", row)
		frappe.set_user("Administrator")
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, "DV Task Progress", row)
		self.assertEqual(len(frappe.get_doc("DV Task", self.hidden_task.name).progress_updates), 1)

	def test_a_record_is_assigned_or_shared_only_within_its_scope(self):
		frappe.set_user(self.manager)
		args = {"assign_to": [self.ungranted], "doctype": "DV Task", "name": self.own_task.name}
		self.assertRaises(frappe.PermissionError, door, "frappe.desk.form.assign_to.add", args=args)
		self.assertRaises(
			frappe.PermissionError,
			door,
			"frappe.share.add",
			doctype="DV Task",
			name=self.own_task.name,
			user=self.ungranted,
		)
		self.assertFalse(
			frappe.has_permission("DV Task", "read", doc=self.own_task.name, user=self.ungranted)
		)
		door("frappe.share.add", doctype="DV Task", name=self.own_task.name, user=self.officer)

	def test_hidden_records_cannot_be_tagged_or_followed(self):
		frappe.set_user(self.manager)
		for cmd, kwargs in (
			(
				"frappe.desk.doctype.tag.tag.add_tag",
				{"tag": "x", "dt": "DV Task", "dn": self.hidden_task.name},
			),
			(
				"frappe.desk.form.document_follow.follow_document",
				{"doctype": "DV Task", "doc_name": self.hidden_task.name, "user": self.manager},
			),
		):
			self.assertRaises(frappe.PermissionError, door, cmd, **kwargs)
		self.assertFalse(frappe.db.exists("Document Follow", {"ref_docname": self.hidden_task.name}))

	# 5. Doors that skipped the app's query conditions.

	def test_link_search_ignoring_user_permissions_stays_in_scope(self):
		frappe.set_user(self.manager)
		results = door(
			"frappe.desk.search.search_link", doctype="DV Task", txt="Bí mật", ignore_user_permissions=1
		)
		self.assertEqual([r for r in results if r["value"] == self.hidden_task.name], [])
		units = door("frappe.desk.search.search_link", doctype="DV Unit", txt="", ignore_user_permissions=1)
		self.assertEqual({r["value"] for r in units}, {self.units.commune11})

	def test_counts_and_sidebars_count_only_what_the_user_sees(self):
		frappe.set_user(self.manager)
		filters = {"title": SECRET}
		self.assertEqual(door("frappe.client.get_count", doctype="DV Task", filters=filters), 0)
		self.assertEqual(
			door(
				"frappe.client.get_count", doctype="DV Task Progress", filters={"narrative": "Báo cáo bí mật"}
			),
			0,
		)
		frappe.set_user("Administrator")
		frappe.desk.form.assign_to.add(
			{"assign_to": [self.ungranted], "doctype": "DV Task", "name": self.hidden_task.name}
		)
		frappe.set_user(self.manager)
		counts = door(
			"frappe.desk.listview.get_group_by_count",
			doctype="DV Task",
			current_filters="{}",
			field="assigned_to",
		)
		self.assertNotIn(self.ungranted, [row["name"] for row in counts])

	def test_files_of_hidden_records_are_neither_listed_nor_added(self):
		self.assertEqual(
			frappe.db.get_value("File", {"attached_to_name": self.hidden_task.name}, "is_private"), 1
		)
		frappe.set_user(self.manager)
		files = frappe.get_list(
			"File", filters={"attached_to_name": self.hidden_task.name}, fields=["name"], limit_page_length=0
		)
		self.assertEqual(files, [])
		upload = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "chen.txt",
				"content": "chen vao",
				"attached_to_doctype": "DV Task",
				"attached_to_name": self.hidden_task.name,
			}
		)
		self.assertRaises(frappe.PermissionError, upload.insert)

	def test_a_hidden_record_cannot_be_liked(self):
		before = frappe.db.get_value("DV Task", self.hidden_task.name, "_liked_by")
		frappe.set_user(self.manager)
		self.assertRaises(
			frappe.PermissionError,
			door,
			"frappe.desk.like.toggle_like",
			doctype="DV Task",
			name=self.hidden_task.name,
			add="Yes",
		)
		self.assert_unchanged("DV Task", self.hidden_task.name, "_liked_by", before)

	# 6. Unit records: read in scope; a user granted no unit reads none.

	def test_unit_records_are_read_only_in_scope(self):
		frappe.set_user(self.ungranted)
		self.assertEqual(frappe.get_list("DV Unit", pluck="name", limit_page_length=0), [])
		self.assertFalse(frappe.has_permission("DV Unit", "read", doc=self.units.province))
		frappe.set_user(self.manager)
		self.assertEqual(
			frappe.get_list("DV Unit", pluck="name", limit_page_length=0), [self.units.commune11]
		)
		self.assertFalse(frappe.has_permission("DV Unit", "read", doc=self.units.commune12))

	def test_people_doing_their_jobs_are_not_refused(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc("DV Task", self.own_task.name)
		doc.title = "Việc của xã 1.1 (sửa)"
		doc.save()
		report_progress(doc.name, self.units.commune11, 60, "Đã làm")
		self.assertEqual(frappe.db.get_value("DV Task", doc.name, "progress"), 60)
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "bao-cao.txt",
				"content": "Báo cáo",
				"attached_to_doctype": "DV Task",
				"attached_to_name": doc.name,
			}
		).insert()
		child = make_task(
			self.units.commune11, parent_task=doc.name, title="Việc con", due_date=add_days(today(), 10)
		)
		self.assertEqual(child.assigning_unit, self.units.commune11)
		unit = frappe.get_doc("DV Unit", self.units.commune11)
		unit.append("aliases", {"alias": "Xã Thử 1.1"})
		unit.save()
