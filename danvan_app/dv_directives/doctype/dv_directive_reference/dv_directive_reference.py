# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVDirectiveReference(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reference_date: DF.Date | None
		reference_issuer: DF.Data | None
		reference_number: DF.Data
		referenced_directive: DF.Link | None
	# end: auto-generated types
	pass
