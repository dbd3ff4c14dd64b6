"""A child row read or deleted on its own is decided by its parent record, like any row of that record.

Frappe checks a child row through its parent (``has_child_permission``), but hands on ``parent_doc``,
which is empty for a row loaded by itself (``/api/resource/DV Task Progress/<row>``, ``frappe.client.get``
with a parent filter, ``getdoc``, print views, a DELETE): the check then falls back to the DocType and the
row's unit scope is never asked. ``ChildRowOfScopedRecord`` is mixed into the controllers of the scoped
DocTypes' child tables: such a row loads its parent, so every door decides on the parent record; and a
row is never deleted on its own (it changes with its parent, whose rules then run).
"""

import frappe
from frappe import _
from frappe.model.base_document import BaseDocument


class ChildRowOfScopedRecord:
	@property
	def parent_doc(self):
		parent = BaseDocument.parent_doc.fget(self)
		if parent is None and self.parenttype and isinstance(self.parent, str) and self.parent:
			if frappe.db.exists(self.parenttype, self.parent):
				parent = frappe.get_doc(self.parenttype, self.parent)
				self._parent_doc = parent
		return parent

	@parent_doc.setter
	def parent_doc(self, value):
		self._parent_doc = value

	@parent_doc.deleter
	def parent_doc(self):
		self._parent_doc = None

	def on_trash(self):
		frappe.throw(
			_("Không xóa riêng một dòng: hãy sửa {0} {1} chứa dòng này.").format(
				_(self.parenttype), self.parent
			),
			frappe.PermissionError,
		)
