# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVUnitParentPeriod(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_date: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parent_unit: DF.Link | None
		parenttype: DF.Data
		reorganisation: DF.Link | None
		to_date: DF.Date
	# end: auto-generated types
	pass
