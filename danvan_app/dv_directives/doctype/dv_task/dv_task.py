# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, formatdate, getdate, today

from danvan_app.domain import tasks as task_rules
from danvan_app.domain.periods import parse_quarter
from danvan_app.exceptions import DeadlineError, ProgressError, TaskUnitError
from danvan_app.utils import as_date


class DVTask(Document):
	def validate(self):
		self.derive_due_date_from_deadline_kind()
		self.check_due_not_before_start()
		self.check_progress_in_range()
		self.check_coordinating_units()
		self.check_parent_task()
		self.stamp_progress_updates()
		self.keep_original_due_date()
		self.set_status_and_completion()
		self.set_deadline_outcome()

	def derive_due_date_from_deadline_kind(self):
		kind = task_rules.DEADLINE_KIND_KEYS.get(self.deadline_kind)
		if kind is None:
			frappe.throw(_("Loại thời hạn {0} không hợp lệ.").format(self.deadline_kind), exc=DeadlineError)
		if kind == "none" and self.due_date:
			# A due date typed in without choosing a kind is an exact date, not "no deadline".
			self.deadline_kind, kind = task_rules.DEADLINE_KIND_LABELS["date"], "date"
		if kind in ("date", "before") and not self.due_date:
			frappe.throw(
				_("Cần nhập hạn hoàn thành cho loại thời hạn {0}.").format(self.deadline_kind),
				exc=DeadlineError,
			)
		if kind == "within_month" and not 1 <= cint(self.deadline_month) <= 12:
			frappe.throw(
				_("Tháng {0} không hợp lệ (từ 1 đến 12).").format(self.deadline_month or ""),
				exc=DeadlineError,
			)
		if kind == "from_year" and cint(self.deadline_year) and not self.start_date:
			self.start_date = getdate(f"{cint(self.deadline_year)}-01-01")
		if kind not in ("within_month", "quarter"):
			return
		try:
			quarter = parse_quarter(self.deadline_quarter) if kind == "quarter" else None
			self.due_date = task_rules.due_date_for(
				kind, year=cint(self.deadline_year), month=cint(self.deadline_month), quarter=quarter
			)
		except (ValueError, task_rules.DeadlineIncomplete):
			frappe.throw(
				_("Loại thời hạn {0} cần ghi đủ năm và {1}.").format(
					self.deadline_kind, _("tháng") if kind == "within_month" else _("quý")
				),
				exc=DeadlineError,
			)

	def check_due_not_before_start(self):
		try:
			task_rules.check_dates(as_date(self.start_date), as_date(self.due_date))
		except task_rules.DueBeforeStart as e:
			frappe.throw(
				_("Hạn hoàn thành {0} trước ngày bắt đầu {1}.").format(
					formatdate(e.due), formatdate(e.start)
				),
				exc=DeadlineError,
				title=_("Thời hạn không hợp lệ"),
			)

	def check_progress_in_range(self):
		for label, value in [(_("Tiến độ"), self.progress)] + [
			(_("Tiến độ dòng {0}").format(row.idx), row.progress) for row in self.progress_updates
		]:
			try:
				task_rules.check_progress(flt(value))
			except task_rules.ProgressOutOfRange:
				frappe.throw(
					_("{0} phải từ 0 đến 100%, không phải {1}.").format(label, value), exc=ProgressError
				)

	def check_coordinating_units(self):
		coordinating = [row.unit for row in self.coordinating_units]
		if self.presiding_unit in coordinating:
			frappe.throw(
				_("Đơn vị {0} đã chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.").format(
					frappe.bold(self.unit_title(self.presiding_unit))
				),
				exc=TaskUnitError,
			)
		if len(set(coordinating)) != len(coordinating):
			frappe.throw(_("Một đơn vị phối hợp được chọn hai lần."), exc=TaskUnitError)

	def check_parent_task(self):
		if self.parent_task and self.parent_task == self.name:
			frappe.throw(_("Nhiệm vụ không thể là nhiệm vụ cấp trên của chính nó."), exc=TaskUnitError)

	def stamp_progress_updates(self):
		for row in self.progress_updates:
			if not row.reported_by:
				row.reported_by = frappe.session.user

	def keep_original_due_date(self):
		self.original_due_date = task_rules.original_due_date(
			as_date(self.original_due_date), as_date(self.due_date)
		)

	def set_status_and_completion(self):
		self.status = task_rules.status_from_progress(self.status, flt(self.progress))
		self.completed_on = task_rules.completion_date(
			self.status, as_date(self.completed_on), getdate(today())
		)
		if self.status == task_rules.STATUS_DONE:
			self.progress = 100

	def set_deadline_outcome(self):
		self.deadline_outcome = task_rules.deadline_outcome(
			status=self.status,
			due=as_date(self.due_date),
			completed_on=as_date(self.completed_on),
			today=getdate(today()),
		)

	@staticmethod
	def unit_title(unit: str) -> str:
		return frappe.db.get_value("DV Unit", unit, "unit_name") or unit
