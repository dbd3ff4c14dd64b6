# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.bench_tests.factories import make_directive, make_unit
from danvan_app.exceptions import (
	DirectiveLinkError,
	DirectiveNumberError,
	DuplicateDirectiveError,
	IssueDateError,
)


class TestDVDirective(FrappeTestCase):
	def setUp(self):
		self.issuer = make_unit("Ban Thường vụ Tỉnh ủy Thử").name

	def test_number_written_loosely_is_normalised_and_its_type_suggested(self):
		directive = make_directive("số 16 CT/TU,", issuing_unit=self.issuer)
		self.assertEqual(directive.directive_number, "16-CT/TU")
		self.assertEqual(directive.doc_type, "Chỉ thị")
		self.assertEqual(directive.issuer_name, "Tỉnh ủy")

	def test_state_style_numbers_are_read(self):
		directive = make_directive("16/CT-TTg", issue_date="2016-05-16")
		self.assertEqual(directive.doc_type, "Chỉ thị")
		self.assertEqual(directive.issuer_name, "Thủ tướng Chính phủ")
		self.assertEqual(make_directive("290-QĐ/TW", issue_date="2010-02-25").doc_type, "Quyết định")
		self.assertEqual(make_directive("17-QC/TU", issuing_unit=self.issuer).doc_type, "Quy chế")

	def test_bad_numbers_are_refused_and_nothing_saved(self):
		before = frappe.db.count("DV Directive")
		for number in ("abc", "16-XX/TU", "0-CT/TU"):
			with self.assertRaises(DirectiveNumberError) as caught:
				make_directive(number)
			self.assertIn("không đúng dạng số văn bản", str(caught.exception))
		self.assertEqual(frappe.db.count("DV Directive"), before)

	def test_issue_date_in_the_future_is_refused(self):
		with self.assertRaises(IssueDateError) as caught:
			make_directive("08-CT/TU", issue_date=add_days(today(), 1))
		self.assertIn("ở tương lai", str(caught.exception))

	def test_same_number_from_same_issuer_is_a_duplicate_but_not_from_another(self):
		make_directive("16-CT/TU", issuing_unit=self.issuer)
		with self.assertRaises(DuplicateDirectiveError):
			make_directive("16 CT/TU", issuing_unit=self.issuer)
		other = make_unit("Ban Thường vụ Tỉnh ủy Khác").name
		self.assertTrue(make_directive("16-CT/TU", issuing_unit=other).name)

	def test_resaving_a_directive_is_not_a_duplicate_of_itself(self):
		directive = make_directive("123-QĐ/TU", issuing_unit=self.issuer)
		directive.summary = "Cập nhật tóm tắt"
		directive.save()

	def test_replacement_and_parent_links(self):
		old = make_directive("18-CT/TU", issuing_unit=self.issuer, issue_date="2016-09-15")
		new = make_directive("16-CT/TU", issuing_unit=self.issuer)

		def save(name, **values):
			# A fresh copy each time: a refused save has already stamped the in-memory copy as modified.
			doc = frappe.get_doc("DV Directive", name)
			doc.update(values)
			return doc.save()

		save(old.name, status="Còn hiệu lực")  # issued ("Ban hành")
		self.assertRaises(DirectiveLinkError, save, old.name, status="Đã được thay thế")
		self.assertRaises(DirectiveLinkError, save, old.name, status="Đã được thay thế", replaced_by=old.name)
		save(old.name, status="Đã được thay thế", replaced_by=new.name)
		self.assertEqual(frappe.db.get_value("DV Directive", old.name, "replaced_by"), new.name)
		self.assertRaises(DirectiveLinkError, save, new.name, parent_directive=new.name)

	def test_references_are_kept(self):
		directive = make_directive(
			"16-CT/TU",
			issuing_unit=self.issuer,
			references=[
				{
					"reference_number": "290-QĐ/TW",
					"reference_date": "2010-02-25",
					"reference_issuer": "Bộ Chính trị",
				}
			],
		)
		self.assertEqual(directive.references[0].reference_number, "290-QĐ/TW")
