# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.value_guard import ValueGuard


class DVAdminLevel(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		abolished_from: DF.Date | None
		is_standard: DF.Check
		level_name: DF.Data
		level_order: DF.Int
	# end: auto-generated types
	pass
