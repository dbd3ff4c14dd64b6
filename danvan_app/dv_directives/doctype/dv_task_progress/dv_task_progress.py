# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVTaskProgress(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		narrative: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		progress: DF.Percent
		reported_by: DF.Link | None
		unit: DF.Link
		update_date: DF.Date
	# end: auto-generated types
	pass
