# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVReorganisationSplitRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_unit: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		to_row: DF.Int
	# end: auto-generated types
	pass
