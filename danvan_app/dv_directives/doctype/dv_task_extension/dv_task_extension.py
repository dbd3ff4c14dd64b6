# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVTaskExtension(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		decided_by: DF.Link | None
		decided_on: DF.Date | None
		decision: DF.Literal[
			"Ch\u1edd duy\u1ec7t", "\u0110\u1ed3ng \u00fd", "Kh\u00f4ng \u0111\u1ed3ng \u00fd"
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		previous_due_date: DF.Date | None
		reason: DF.SmallText
		requested_by: DF.Link | None
		requested_due_date: DF.Date
		requested_on: DF.Date | None
	# end: auto-generated types
	pass
