# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVEvaluationThreshold(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		classification: DF.Literal[
			"Ho\u00e0n th\u00e0nh xu\u1ea5t s\u1eafc nhi\u1ec7m v\u1ee5",
			"Ho\u00e0n th\u00e0nh t\u1ed1t nhi\u1ec7m v\u1ee5",
			"Ho\u00e0n th\u00e0nh nhi\u1ec7m v\u1ee5",
			"Kh\u00f4ng ho\u00e0n th\u00e0nh nhi\u1ec7m v\u1ee5",
			"\u0110\u1ea1t",
			"Kh\u00f4ng \u0111\u1ea1t",
		]
		min_score: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass
