# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate, getdate, today

from danvan_app.domain import directives as directive_rules
from danvan_app.domain.directive_number import InvalidDirectiveNumber, parse_directive_number
from danvan_app.exceptions import (
	DirectiveLinkError,
	DirectiveNumberError,
	DuplicateDirectiveError,
	IssueDateError,
)
from danvan_app.utils import as_date


class DVDirective(Document):
	def validate(self):
		self.read_directive_number()
		self.check_issue_date_not_in_future()
		self.check_not_a_duplicate()
		self.check_replacement()
		self.check_parent_directive()

	def read_directive_number(self):
		try:
			number = parse_directive_number(self.directive_number or "")
		except InvalidDirectiveNumber:
			frappe.throw(
				_(
					"Số, ký hiệu {0} không đúng dạng số văn bản (ví dụ: 16-CT/TU, 16/CT-TTg, 290-QĐ/TW) hoặc có"
					" mã loại văn bản không xác định."
				).format(frappe.bold(self.directive_number or "")),
				exc=DirectiveNumberError,
				title=_("Số văn bản không hợp lệ"),
			)
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
		try:
			directive_rules.check_issue_date(as_date(self.issue_date), getdate(today()))
		except directive_rules.IssueDateInFuture:
			frappe.throw(
				_("Ngày ban hành {0} ở tương lai.").format(formatdate(self.issue_date)), exc=IssueDateError
			)

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
		try:
			directive_rules.check_replacement(self.name, self.status, self.replaced_by)
		except directive_rules.ReplacedWithoutSuccessor:
			frappe.throw(_("Văn bản đã được thay thế phải ghi văn bản thay thế."), exc=DirectiveLinkError)
		except directive_rules.ReplacedByItself:
			frappe.throw(_("Văn bản không thể được thay thế bởi chính nó."), exc=DirectiveLinkError)

	def check_parent_directive(self):
		try:
			directive_rules.check_parent_directive(self.name, self.parent_directive)
		except directive_rules.OwnParent:
			frappe.throw(_("Văn bản không thể triển khai chính nó."), exc=DirectiveLinkError)
