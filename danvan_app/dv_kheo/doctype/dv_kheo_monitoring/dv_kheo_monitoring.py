# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVKheoMonitoring(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		by_unit: DF.Link | None
		entry_kind: DF.Literal[
			"Ki\u1ec3m tra th\u1ef1c t\u1ebf",
			"C\u1eadp nh\u1eadt k\u1ebft qu\u1ea3",
			"Gi\u00e1m s\u00e1t c\u1ee7a c\u1ea5p tr\u00ean",
		]
		findings: DF.SmallText
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		recorded_by: DF.Link | None
		visit_date: DF.Date
	# end: auto-generated types
	pass
