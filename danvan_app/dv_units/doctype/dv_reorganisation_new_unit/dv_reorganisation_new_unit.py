# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVReorganisationNewUnit(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		admin_level: DF.Link | None
		created_unit: DF.Link | None
		created_unit_name: DF.Data | None
		existing_unit: DF.Link | None
		new_unit_name: DF.Data | None
		parent: DF.Data
		parent_unit: DF.Link | None
		parentfield: DF.Data
		parenttype: DF.Data
		unit_kind: DF.Link | None
	# end: auto-generated types
	pass
