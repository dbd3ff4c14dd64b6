# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVEvaluationCondition(Document):
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
		condition_kind: DF.Literal[
			"M\u1ecdi nhi\u1ec7m v\u1ee5 trong n\u0103m ho\u00e0n th\u00e0nh \u0111\u00fang h\u1ea1n",
			"Kh\u00f4ng ti\u00eau ch\u00ed n\u00e0o d\u01b0\u1edbi m\u1ed9t n\u1eeda s\u1ed1 \u0111i\u1ec3m",
			"T\u1ef7 l\u1ec7 nhi\u1ec7m v\u1ee5 tr\u1ec5 h\u1ea1n, qu\u00e1 h\u1ea1n kh\u00f4ng qu\u00e1 (%)",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		value: DF.Float
	# end: auto-generated types
	pass
