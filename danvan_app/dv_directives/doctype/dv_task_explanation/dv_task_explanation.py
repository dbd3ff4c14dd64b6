# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVTaskExplanation(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		replied_by: DF.Link | None
		replied_on: DF.Date | None
		reply: DF.SmallText | None
		request: DF.SmallText
		requested_by: DF.Link | None
		requested_on: DF.Date | None
	# end: auto-generated types
	pass
