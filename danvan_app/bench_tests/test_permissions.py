# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The permission matrix: every (user, document, action) decided exactly as the rules say, through every
door we can knock on from inside the site — has_permission, get_list, frappe.client as the user."""

import frappe
import frappe.client
from frappe.tests.utils import FrappeTestCase

from danvan_app.api.access import grant_unit_access
from danvan_app.api.tasks import report_progress
from danvan_app.bench_tests.factories import (
	make_directive,
	make_evaluation,
	make_model,
	make_task,
	make_template,
	make_tree,
	make_unit,
	make_user,
)
from danvan_app.domain import access
from danvan_app.domain import tasks as task_rules
from danvan_app.reports.totals import without_totals

ROLES = (access.MANAGER, access.OFFICER, access.REVIEWER, access.VIEWER)
LEVELS = ("province", "district1", "commune11")

# What each role may do at all, restated from the issue text (not read from the code under test).
WRITERS = {
	"DV Task": {access.ADMIN, access.MANAGER, access.OFFICER},
	"DV Directive": {access.ADMIN, access.MANAGER},
	"DV Kheo Model": {access.ADMIN, access.MANAGER, access.OFFICER, access.REVIEWER},
	"DV Evaluation": {access.ADMIN, access.MANAGER, access.OFFICER, access.REVIEWER},
	"DV Commendation": {access.ADMIN, access.MANAGER},
	"DV Inspection": {access.ADMIN, access.MANAGER, access.OFFICER},
	"DV Evaluation Cycle": {access.ADMIN, access.MANAGER},
}
DELETERS = {"DV Task": {access.ADMIN, access.MANAGER}}
# A model is submitted by the Workflow's recognition step, which the supervising body's managers take.
SUBMITTERS = {
	"DV Evaluation": {access.ADMIN, access.MANAGER},
	"DV Kheo Model": {access.ADMIN, access.MANAGER},
}


class TestPermissionMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.units = make_tree()
		cls.units.apostrophe = make_unit("Đảng ủy xã Ia H'Drai", cls.units.district2).name
		cls.subtree = {
			"province": set(cls.units.values()),
			"district1": {cls.units.district1, cls.units.commune11, cls.units.commune12},
			"district2": {
				cls.units.district2,
				cls.units.commune21,
				cls.units.commune22,
				cls.units.apostrophe,
			},
			"commune11": {cls.units.commune11},
			"apostrophe": {cls.units.apostrophe},
		}
		cls.users = {}
		for level in LEVELS:
			for role in ROLES:
				cls.users[(role, level)] = cls.make_user(
					f"{role.split()[-1].lower()}.{level}@dv.test", role, level
				)
		cls.users[(access.REVIEWER, "apostrophe")] = cls.make_user(
			"d'lan.nguyen@dv.test", access.REVIEWER, "apostrophe", first_name="Nguyễn Thị D'Lan"
		)
		cls.users[(access.ADMIN, "none")] = cls.make_user("admin.dv@dv.test", access.ADMIN, None)
		cls.make_documents()

	@classmethod
	def make_user(cls, email, role, level, first_name=None):
		return make_user(email, role, [getattr(cls.units, level)] if level else (), first_name)

	@classmethod
	def make_documents(cls):
		u = cls.units
		cls.docs = []  # (doctype, name, owning units, participating units, reviewer)

		def add(doc, owning, participating=(), reviewer=None):
			cls.docs.append((doc.doctype, doc.name, set(owning), set(participating), reviewer))

		for key in ("province", "district1", "district2", "commune11", "commune21", "apostrophe"):
			add(make_task(u[key], title=f"Nhiệm vụ của {key}"), [u[key]])
		cross = make_task(
			u.district1, title="Huyện 1 chủ trì, xã 2.1 phối hợp", coordinating_units=[{"unit": u.commune21}]
		)
		add(cross, [u.district1], [u.commune21])

		province_directive = make_directive("16-CT/TU", issuing_unit=u.province)
		make_task(u.commune11, directive=province_directive.name)
		add(province_directive, [u.province], [u.commune11])
		add(make_directive("08-CT/HU", issuing_unit=u.district2), [u.district2])
		cls.public_directive = make_directive(
			"290-QĐ/TW", issue_date="2010-02-25", issuer_name="Bộ Chính trị"
		).name

		for key in ("province", "district1", "district2", "commune11", "apostrophe"):
			add(make_model(u[key], f"Mô hình của {key}"), [u[key]])

		for key in ("province", "district2", "commune11"):
			commendation = frappe.get_doc(
				{
					"doctype": "DV Commendation",
					"commended_unit": u[key],
					"recipient_name": f"Tập thể {key}",
					"commendation_form": "Giấy khen",
					"decision_number": f"{key}/QĐ-KT",
					"decision_date": "2026-10-15",
				}
			).insert()
			add(commendation, [u[key]])

		for key in ("province", "district1", "commune11"):
			inspection = frappe.get_doc(
				{
					"doctype": "DV Inspection",
					"title": f"Kiểm tra của {key}",
					"inspecting_unit": u[key],
					"year": 2026,
					"inspected_units": [{"inspected_unit": u.commune21}],
				}
			).insert()
			add(inspection, [u[key]])

		template = make_template(u.province)
		for key in ("province", "district2"):
			cycle = frappe.get_doc(
				{
					"doctype": "DV Evaluation Cycle",
					"title": f"Đợt đánh giá của {key}",
					"evaluating_unit": u[key],
					"year": 2025,
					"template": template.name,
				}
			).insert()
			add(cycle, [u[key]])
		reviewer = cls.users[(access.REVIEWER, "apostrophe")]
		for key in ("province", "district1", "district2", "commune11"):
			reviewer_of = reviewer if key == "district1" else None
			evaluation = make_evaluation(u[key], template.name, reviewer=reviewer_of)
			add(evaluation, [u[key]], reviewer=reviewer_of)

	def tearDown(self):
		frappe.set_user("Administrator")

	def expected(self, role, level, doctype, owning, participating, reviewer, action):
		user = self.users[(role, level)]
		scope = self.subtree.get(level, set())
		unrestricted = role == access.ADMIN
		reads = unrestricted or bool(scope & (owning | participating)) or reviewer == user
		changes = unrestricted or bool(scope & owning) or (action == "write" and reviewer == user)
		if action == "read":
			return reads
		allowed_roles = {"write": WRITERS, "delete": DELETERS, "submit": SUBMITTERS}[action].get(
			doctype, {access.ADMIN}
		)
		return role in allowed_roles and changes

	def test_every_user_document_and_action(self):
		checked, leaks = 0, []
		for (role, level), user in self.users.items():
			visible = {}
			frappe.set_user(user)
			for doctype in {d[0] for d in self.docs}:
				visible[doctype] = set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
				client_visible = {row.name for row in frappe.client.get_list(doctype, limit_page_length=0)}
				self.assertEqual(client_visible, visible[doctype], f"{user} {doctype}")
			frappe.set_user("Administrator")

			for doctype, name, owning, participating, reviewer in self.docs:
				actions = ["read", "write", "delete"] + (["submit"] if doctype in SUBMITTERS else [])
				for action in actions:
					want = self.expected(role, level, doctype, owning, participating, reviewer, action)
					got = frappe.has_permission(doctype, action, frappe.get_doc(doctype, name), user=user)
					checked += 1
					if bool(got) != want:
						leaks.append((user, doctype, name, action, "has_permission", got, want))
				want_read = self.expected(role, level, doctype, owning, participating, reviewer, "read")
				checked += 1
				if (name in visible[doctype]) != want_read:
					leaks.append(
						(user, doctype, name, "read", "get_list", name in visible[doctype], want_read)
					)
				frappe.set_user(user)
				try:
					frappe.client.get(doctype, name)
					got_client = True
				except frappe.PermissionError:
					got_client = False
				finally:
					frappe.set_user("Administrator")
				checked += 1
				if got_client != want_read:
					leaks.append((user, doctype, name, "read", "frappe.client.get", got_client, want_read))
		print(f"\npermission matrix: {checked} (user, document, action) cases checked, {len(leaks)} wrong")
		self.assertEqual(leaks, [])
		self.assertGreater(checked, 1000)

	def test_both_forms_of_the_task_scope_read_the_same_tasks(self):
		"""The task scope has two SQL forms (a narrow scope read from the unit indexes, a wide one checked
		row by row), in the list hook and in the reports' criterion: each reads exactly the tasks the rule
		lets the user read, and lists give the same rows whichever form the tree's size chooses."""
		from unittest.mock import patch

		from danvan_app.permissions import scope as scope_sql

		tasks = [
			(name, owning | part) for doctype, name, owning, part, _r in self.docs if doctype == "DV Task"
		]
		ours = [name for name, _units in tasks]
		Task = frappe.qb.DocType("DV Task")
		# The matrix's users, and one who sees a task only as its coordinating unit.
		coordinator = make_user("coordinator.commune21@dv.test", access.OFFICER, [self.units.commune21])
		users = [(user, self.subtree.get(level, set())) for (role, level), user in self.users.items()]
		users.append((coordinator, {self.units.commune21}))
		seen = {}
		for user, reach in users:
			if user == self.users[(access.ADMIN, "none")]:
				continue  # no condition at all
			scope = scope_sql.user_scope(user)
			want = {name for name, units in tasks if reach & units}
			for narrow in (True, False):
				by_hook = frappe.db.sql(
					f"select name from `tabDV Task` where ({scope_sql._task_sql(scope, narrow)})"
					" and name in %(ours)s",
					{"ours": ours},
					pluck=True,
				)
				by_criterion = (
					frappe.qb.from_(Task)
					.select(Task.name)
					.where(scope_sql.task_scope_criterion(Task, user, narrow=narrow) & Task.name.isin(ours))
					.run(pluck=True)
				)
				self.assertEqual(set(by_hook), want, (user, narrow))
				self.assertEqual(set(by_criterion), want, (user, narrow))
			for share in (0, 1):  # every scope wide, then every scope narrow
				with patch.object(scope_sql, "NARROW_SHARE", share):
					frappe.set_user(user)
					listed = frappe.get_list("DV Task", filters={"name": ["in", ours]}, pluck="name")
					frappe.set_user("Administrator")
				self.assertEqual(set(listed), want, (user, share))
			seen[user] = want
		# Not a vacuous check: users who see one task, users who see several, and the coordinator, who sees
		# district 1's task through its coordinating unit only.
		self.assertGreater(len(seen), 10)
		self.assertTrue(any(len(want) == 1 for want in seen.values()))
		self.assertTrue(any(len(want) > 3 for want in seen.values()))
		cross = next(name for name, units in tasks if len(units) > 1)
		self.assertIn(cross, seen[coordinator])

	def test_reference_directive_of_no_unit_is_readable_by_all_but_changed_by_admins_only(self):
		for (role, _level), user in self.users.items():
			doc = frappe.get_doc("DV Directive", self.public_directive)
			self.assertTrue(frappe.has_permission("DV Directive", "read", doc, user=user), user)
			self.assertEqual(
				frappe.has_permission("DV Directive", "write", doc, user=user), role == access.ADMIN, user
			)

	def test_a_refused_write_leaves_the_record_unchanged(self):
		doctype, name = next(
			(d[0], d[1]) for d in self.docs if d[0] == "DV Task" and self.units.district2 in d[2]
		)
		before = frappe.db.get_value(doctype, name, "title")
		frappe.set_user(self.users[(access.MANAGER, "district1")])
		self.assertRaises(
			frappe.PermissionError, frappe.client.set_value, doctype, name, "title", "Sửa trái phép"
		)
		doc = frappe.get_doc(doctype, name)
		doc.title = "Sửa trái phép"
		self.assertRaises(frappe.PermissionError, doc.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(doctype, name, "title"), before)

	def test_viewer_never_writes_even_in_scope(self):
		frappe.set_user(self.users[(access.VIEWER, "province")])
		name = next(d[1] for d in self.docs if d[0] == "DV Task")
		self.assertRaises(
			frappe.PermissionError, frappe.client.set_value, "DV Task", name, "title", "Không được"
		)
		self.assertRaises(frappe.PermissionError, report_progress, name, self.units.province, 10)

	def test_coordinating_unit_reports_its_part_but_cannot_edit_the_task(self):
		task = next(d for d in self.docs if d[0] == "DV Task" and d[3])
		officer = self.users[(access.OFFICER, "commune11")]
		self.assertFalse(
			frappe.has_permission("DV Task", "read", frappe.get_doc("DV Task", task[1]), user=officer)
		)
		# commune 2.1 coordinates; give its officer access and report.
		coordinator = "officer.commune21@dv.test"
		make_user(coordinator, access.OFFICER, [self.units.commune21], first_name="Cán bộ xã 2.1")
		frappe.set_user(coordinator)
		self.assertRaises(
			frappe.PermissionError, frappe.client.set_value, "DV Task", task[1], "title", "Không được"
		)
		report_progress(task[1], self.units.commune21, 30, "Đã tuyên truyền tại 5 thôn")
		self.assertRaises(frappe.PermissionError, report_progress, task[1], self.units.district1, 90)
		frappe.set_user("Administrator")
		rows = frappe.get_doc("DV Task", task[1]).progress_updates
		self.assertEqual(
			[(r.unit, r.progress, r.reported_by) for r in rows], [(self.units.commune21, 30, coordinator)]
		)

	def test_only_administrators_grant_unit_access(self):
		frappe.set_user(self.users[(access.MANAGER, "province")])
		self.assertRaises(
			frappe.PermissionError, grant_unit_access, "viewer.commune11@dv.test", [self.units.province]
		)
		frappe.set_user("Administrator")
		before = frappe.db.count("User Permission")
		self.assertRaises(
			frappe.DoesNotExistError,
			grant_unit_access,
			"viewer.commune11@dv.test",
			[self.units.province, "KHONG-CO"],
		)
		self.assertEqual(frappe.db.count("User Permission"), before)

	def test_reports_number_cards_and_charts_count_only_what_the_user_sees(self):
		from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as chart_data
		from frappe.desk.doctype.number_card.number_card import get_result
		from frappe.desk.query_report import run as run_report

		from danvan_app.domain.units import short_unit_name
		from danvan_app.doors import get_dashboard_chart
		from danvan_app.dv_directives.dashboard_chart_source.dv_overdue_tasks_by_unit.dv_overdue_tasks_by_unit import (
			get as overdue_by_unit,
		)

		for key in ("district2", "commune21", "commune11"):
			make_task(self.units[key], title=f"Quá hạn ở {key}", due_date="2025-01-31")
		card = frappe.get_doc("Number Card", "DV Overdue Tasks")
		# A user who only coordinates: commune 2.1 takes part in district 1's task and presides over its own.
		coordinator = make_user("coordinator.commune21@dv.test", access.OFFICER, [self.units.commune21])
		checked = 0
		for user in [*self.users.values(), coordinator]:
			frappe.set_user(user)
			# Cancelled tasks count in no report, card or chart (other modules may leave some on the site).
			visible = frappe.get_list(
				"DV Task",
				fields=["name", "deadline_outcome", "presiding_unit"],
				filters={"status": ["!=", task_rules.STATUS_CANCELLED]},
				limit_page_length=0,
			)
			overdue = sum(1 for t in visible if t.deadline_outcome == "Quá hạn")
			# Through the desk's own door, which post-filters rows by User Permission.
			result = run_report("DV Task Deadline Summary", filters={}, user=user)["result"]
			rows = [frappe._dict(row) for row in without_totals(result)]
			self.assertEqual(sum(row.total for row in rows), len(visible), user)
			if rows:  # the report's own totals row, last: the user's tasks, no more
				self.assertEqual((result[-1]["is_total_row"], result[-1]["total"]), (1, len(visible)), user)
			self.assertEqual({row.unit for row in rows}, {t.presiding_unit for t in visible}, user)
			self.assertEqual(sum(row.overdue for row in rows), overdue, user)
			self.assertEqual(get_result(card, card.filters_json), overdue, user)
			chart = chart_data(chart_name="DV Tasks By Deadline Outcome", refresh=1)
			self.assertEqual(sum(chart["datasets"][0]["values"]), len(visible), user)
			# Without refresh Frappe would answer from a cache shared by all users (the desk's door):
			# the administrator's figures must never come back to this user.
			frappe.set_user("Administrator")
			get_dashboard_chart(chart_name="DV Tasks By Deadline Outcome", refresh=1)
			frappe.set_user(user)
			cached = get_dashboard_chart(chart_name="DV Tasks By Deadline Outcome")
			self.assertEqual(sum(cached["datasets"][0]["values"]), len(visible), user)
			by_unit = overdue_by_unit()
			self.assertEqual(sum(by_unit["datasets"][0]["values"]), overdue, user)
			# Labelled by names (in their short form), never by ids.
			units = frappe.get_all("DV Unit", fields=["name", "unit_name", "abbreviation"])
			self.assertFalse(set(by_unit["labels"]) & {unit.name for unit in units}, user)
			short_names = {short_unit_name(unit.unit_name, unit.abbreviation) for unit in units}
			self.assertTrue(set(by_unit["labels"]) <= short_names, by_unit["labels"])
			checked += 6
		frappe.set_user("Administrator")
		print(f"\nreports, cards and charts: {checked} scoped totals checked")
