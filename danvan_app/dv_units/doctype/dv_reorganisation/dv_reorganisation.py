# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from danvan_app import reorganisation
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.exceptions import ReorganisationError
from danvan_app.value_guard import ValueGuard


class DVReorganisation(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_units.doctype.dv_reorganisation_new_unit.dv_reorganisation_new_unit import (
			DVReorganisationNewUnit,
		)
		from danvan_app.dv_units.doctype.dv_reorganisation_old_unit.dv_reorganisation_old_unit import (
			DVReorganisationOldUnit,
		)
		from danvan_app.dv_units.doctype.dv_reorganisation_split_row.dv_reorganisation_split_row import (
			DVReorganisationSplitRow,
		)

		amended_from: DF.Link | None
		applied_on: DF.Datetime | None
		decision_date: DF.Date
		decision_number: DF.Data
		effective_date: DF.Date
		kind: DF.Literal[
			"S\u00e1p nh\u1eadp",
			"Chia t\u00e1ch",
			"\u0110\u1ed5i t\u00ean",
			"Gi\u1ea3i th\u1ec3",
			"Chuy\u1ec3n \u0111\u01a1n v\u1ecb c\u1ea5p tr\u00ean",
		]
		log: DF.Code | None
		new_units: DF.Table[DVReorganisationNewUnit]
		old_units: DF.Table[DVReorganisationOldUnit]
		preview_summary: DF.LongText | None
		split_rows: DF.Table[DVReorganisationSplitRow]
		split_rule: DF.Literal[
			"", "Theo \u0111\u01a1n v\u1ecb tr\u1ef1c thu\u1ed9c", "Theo b\u1ea3ng ph\u00e2n c\u00f4ng"
		]
		status: DF.Literal[
			"Nh\u00e1p",
			"\u0110\u00e3 xem tr\u01b0\u1edbc",
			"Ch\u1edd hi\u1ec7u l\u1ef1c",
			"\u0110ang \u00e1p d\u1ee5ng",
			"\u0110\u00e3 \u00e1p d\u1ee5ng",
			"\u0110\u00e3 ho\u00e0n t\u00e1c",
		]
		undone_on: DF.Datetime | None
	# end: auto-generated types

	def validate(self):
		self.keep_computed_fields()
		self.check_new_unit_rows()
		self.check_split_rows_point_at_new_units()
		self.check_plan()

	def keep_computed_fields(self):
		"""Status, preview, log and times are the actions' own: a saved draft is a draft again (its preview is
		of what it was), and a request cannot write them."""
		before = self.get_doc_before_save()
		for field in ("applied_on", "undone_on", "log"):
			self.set(field, before.get(field) if before else None)
		if self.docstatus == 0:
			self.status = reorg_rules.STATUS_DRAFT
			self.preview_summary = None
		elif before:
			self.status, self.preview_summary = before.status, before.preview_summary
		for row in self.new_units:
			old_row = before and next((r for r in before.new_units if r.name == row.name), None)
			row.created_unit = old_row.created_unit if old_row else None
			row.created_unit_name = old_row.created_unit_name if old_row else None

	def check_new_unit_rows(self):
		for row in self.new_units:
			if row.existing_unit:
				continue
			if not (row.new_unit_name or "").strip() or not row.unit_kind:
				frappe.throw(
					_(
						"Dòng {0} của bảng đơn vị mới: chọn một đơn vị có sẵn, hoặc ghi tên và loại hình tổ chức"
						" của đơn vị cần tạo."
					).format(row.idx),
					ReorganisationError,
				)

	def check_split_rows_point_at_new_units(self):
		count = len(self.new_units)
		for row in self.split_rows:
			if not 1 <= (row.to_row or 0) <= count:
				frappe.throw(
					_("Dòng {0} của bảng phân chia: số dòng đơn vị mới phải từ 1 đến {1}.").format(
						row.idx, count
					),
					ReorganisationError,
				)

	def check_plan(self):
		if self.status not in (reorg_rules.STATUS_APPLIED, reorg_rules.STATUS_UNDONE):
			reorganisation.compute_plan(self)

	def before_submit(self):
		if frappe.db.get_value(self.doctype, self.name, "status") != reorg_rules.STATUS_PREVIEWED:
			frappe.throw(
				_("Hãy xem trước (nút «Xem trước») những gì sẽ chuyển trước khi áp dụng quyết định."),
				ReorganisationError,
			)
		self.status = reorg_rules.STATUS_PENDING

	def on_submit(self):
		if getdate(self.effective_date) <= getdate(today()):
			reorganisation.apply_now_or_in_background(self)

	def before_cancel(self):
		if self.status == reorg_rules.STATUS_APPLYING:
			frappe.throw(
				_("Quyết định đang được áp dụng trong nền: hãy chờ áp dụng xong rồi hoàn tác trước khi hủy."),
				ReorganisationError,
			)
		if self.status == reorg_rules.STATUS_APPLIED:
			frappe.throw(
				_("Quyết định đã được áp dụng: hãy hoàn tác (nút «Hoàn tác») trước khi hủy."),
				ReorganisationError,
			)
