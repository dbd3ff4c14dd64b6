# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from danvan_app.domain import directives as directive_rules
from danvan_app.domain.directive_number import parse_directive_number
from danvan_app.exceptions import (
	DuplicateDirectiveError,
)
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date
from danvan_app.value_guard import ValueGuard


class DVDirective(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_directives.doctype.dv_directive_reference.dv_directive_reference import (
			DVDirectiveReference,
		)

		attachment: DF.Attach | None
		awaiting_import: DF.Check
		directive_number: DF.Data
		doc_type: DF.Literal[
			"",
			"Ch\u1ec9 th\u1ecb",
			"Ngh\u1ecb quy\u1ebft",
			"Quy\u1ebft \u0111\u1ecbnh",
			"Quy ch\u1ebf",
			"Quy \u0111\u1ecbnh",
			"K\u1ebf ho\u1ea1ch",
			"Ch\u01b0\u01a1ng tr\u00ecnh",
			"K\u1ebft lu\u1eadn",
			"H\u01b0\u1edbng d\u1eabn",
			"C\u00f4ng v\u0103n",
			"Th\u00f4ng b\u00e1o",
			"B\u00e1o c\u00e1o",
			"T\u1edd tr\u00ecnh",
			"\u0110\u1ec1 \u00e1n",
			"Ngh\u1ecb \u0111\u1ecbnh",
			"Th\u00f4ng t\u01b0",
			"Th\u00f4ng t\u01b0 li\u00ean t\u1ecbch",
			"Ngh\u1ecb quy\u1ebft li\u00ean t\u1ecbch",
			"Ch\u01b0\u01a1ng tr\u00ecnh li\u00ean t\u1ecbch",
			"Bi\u00ean b\u1ea3n",
			"Ph\u01b0\u01a1ng \u00e1n",
			"C\u00f4ng \u0111i\u1ec7n",
			"Gi\u1ea5y m\u1eddi",
		]
		email_message_id: DF.Data | None
		email_sender: DF.Data | None
		full_text: DF.LongText | None
		issue_date: DF.Date
		issuer_name: DF.Data | None
		issuing_unit: DF.Link | None
		number_key: DF.Data | None
		parent_directive: DF.Link | None
		receiving_unit: DF.Link | None
		references: DF.Table[DVDirectiveReference]
		replaced_by: DF.Link | None
		status: DF.Link | None
		summary: DF.SmallText | None
		title: DF.Data

	# end: auto-generated types
	fixed_fields = ("issuing_unit", "receiving_unit")

	def _validate_links(self):
		if self.is_mail_draft():
			# Number and date come when the importer reads the attachment and the person confirms.
			self.flags.ignore_mandatory = True
		super()._validate_links()

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		if self.is_mail_draft():
			self.check_mail_draft_not_issued()
			return  # nothing to read in a number not yet given (see _validate_links)
		self.read_directive_number()
		self.check_issue_date_not_in_future()
		self.check_not_a_duplicate()
		self.check_replacement()
		self.check_parent_directive()

	def is_mail_draft(self) -> bool:
		"""A directive received by e-mail that nobody has read with the importer yet: it has no number."""
		return bool(self.awaiting_import) and not self.directive_number

	def check_mail_draft_not_issued(self):
		if self.status and self.status != directive_rules.DRAFT:
			frappe.throw(
				_(
					'Văn bản nhận qua thư chưa có số, ngày ban hành: hãy bấm "Nhập từ văn bản" để đọc tệp đính'
					" kèm và xác nhận trước khi ban hành."
				),
				exc=frappe.ValidationError,
				title=_("Chưa nhập văn bản"),
			)

	def check_fixed_fields(self):
		"""The issuing unit of a draft received by e-mail is filled once, when the importer confirms it."""
		before = self.get_doc_before_save()
		if before and before.awaiting_import and not before.issuing_unit:
			changed = (before.receiving_unit or None) != (self.receiving_unit or None)
			if not changed:
				return
		super().check_fixed_fields()

	def read_directive_number(self):
		with refusals():
			number = parse_directive_number(self.directive_number or "")
		self.directive_number = number.normalized
		if not self.doc_type:
			self.doc_type = number.doc_type
		elif number.doc_type and self.doc_type != number.doc_type:
			frappe.msgprint(
				_("Ký hiệu {0} là của loại văn bản {1}, nhưng loại văn bản đang chọn là {2}.").format(
					number.type_code, number.doc_type, self.doc_type
				),
				indicator="orange",
				alert=True,
			)
		if not self.issuer_name and number.issuer_name:
			self.issuer_name = number.issuer_name
		issuer = self.issuing_unit or self.issuer_name or number.issuer_code
		self.number_key = "@".join(directive_rules.duplicate_key(number.normalized, issuer))

	def check_issue_date_not_in_future(self):
		with refusals():
			directive_rules.check_issue_date(as_date(self.issue_date), getdate(today()))

	def check_not_a_duplicate(self):
		existing = frappe.db.get_value(
			"DV Directive", {"number_key": self.number_key, "name": ("!=", self.name or "")}, "name"
		)
		if existing:
			frappe.throw(
				_("Văn bản số {0} của cơ quan này đã có trong hệ thống: {1}.").format(
					frappe.bold(self.directive_number), frappe.get_desk_link("DV Directive", existing)
				),
				exc=DuplicateDirectiveError,
				title=_("Văn bản trùng"),
			)

	def check_replacement(self):
		with refusals():
			directive_rules.check_replacement(self.name, self.status, self.replaced_by)

	def check_parent_directive(self):
		with refusals():
			directive_rules.check_parent_directive(self.name, self.parent_directive)
