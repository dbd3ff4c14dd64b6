# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVInspectionUnit(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		findings: DF.SmallText | None
		follow_up_due: DF.Date | None
		follow_up_task: DF.Link | None
		inspected_unit: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recommendation: DF.SmallText | None
	# end: auto-generated types
	pass
