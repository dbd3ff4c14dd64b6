# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Frappe's own checks of a DocType definition, run over every DocType the app ships: the fields (names,
types, options, mandatory and hidden, defaults, fetch sources, columns) and the permission rows. What these
prove, the static checker in tools/ no longer restates."""

import frappe
from frappe.core.doctype.doctype.doctype import (
	validate_fields,
	validate_links_table_fieldnames,
	validate_permissions,
)
from frappe.tests.utils import FrappeTestCase


class TestDocTypeDefinitions(FrappeTestCase):
	def test_every_dv_doctype_passes_frappes_own_validation(self):
		modules = frappe.get_all("Module Def", filters={"app_name": "danvan_app"}, pluck="name")
		doctypes = frappe.get_all("DocType", filters={"module": ("in", modules)}, pluck="name")
		self.assertGreaterEqual(len(doctypes), 20)
		for doctype in doctypes:
			with self.subTest(doctype=doctype):
				meta = frappe.get_meta(doctype, cached=False)
				validate_links_table_fieldnames(meta)
				validate_fields(meta)
				definition = frappe.get_doc("DocType", doctype)
				definition.validate_name()
				validate_permissions(definition)
				self.assertTrue(doctype.startswith("DV "), doctype)
