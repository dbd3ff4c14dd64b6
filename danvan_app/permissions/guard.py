"""What a save of a scoped record checks on top of Frappe's permission check, for every controller.

Frappe decides whether the user may write the record; it does not look at what the record points to, nor
at which fields decide who may act on it. ``ScopeGuard`` is mixed into the controllers and configured by
class attributes (as gameplan's mixins are):

- a link to a DV record the user may not read is refused without quoting it (``check_linked_records``);
- ``fixed_fields`` decide who may act on the record (its unit, a unit's leaders); once the record is saved,
  only administrators change them (``check_fixed_fields``).
"""

import frappe
from frappe import _

from danvan_app.domain import access
from danvan_app.exceptions import FixedFieldError, LinkedRecordError
from danvan_app.permissions.scope import user_scope
from danvan_app.value_guard import changed_links


def may_read(doctype: str, name) -> bool:
	"""Does the record exist and may the session user read it?"""
	if not isinstance(name, str | int) or not frappe.db.exists(doctype, name):
		return False
	return frappe.has_permission(doctype, "read", doc=str(name))


class ScopeGuard:
	fixed_fields: tuple[str, ...] = ()

	def check_linked_records(self):
		"""Every DV record this one links to (a unit's name is public, so units aside) is one the user may
		read; the refusal does not quote it. That the records exist is checked before, with the values."""
		if user_scope().unrestricted:
			return
		for _row, df, value in changed_links(self):
			if (
				df.options in access.SCOPED_DOCTYPES
				and df.options != "DV Unit"
				and not may_read(df.options, value)
			):
				frappe.throw(
					_("{0}: không tìm thấy bản ghi đã chọn, hoặc bạn không có quyền xem bản ghi đó.").format(
						_(df.label)
					),
					exc=LinkedRecordError,
					title=_("Liên kết không hợp lệ"),
				)

	def check_fixed_fields(self):
		"""Fields that decide who may act on the record change, once it is saved, only by administrators."""
		if self.is_new() or not self.fixed_fields:
			return
		before = self.get_doc_before_save()
		changed = [
			f for f in self.fixed_fields if before and (before.get(f) or None) != (self.get(f) or None)
		]
		if changed and not user_scope().unrestricted:
			frappe.throw(
				_("Chỉ quản trị viên được thay đổi {0} sau khi đã lưu.").format(
					", ".join(_(self.meta.get_label(f)) for f in changed)
				),
				exc=FixedFieldError,
				title=_("Không được thay đổi"),
			)
