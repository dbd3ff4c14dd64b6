# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVEvaluationCriterion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		criterion: DF.SmallText
		item_kind: DF.Literal[
			"Ti\u00eau ch\u00ed", "\u0110i\u1ec3m th\u01b0\u1edfng", "\u0110i\u1ec3m tr\u1eeb"
		]
		criterion_code: DF.Data
		max_score: DF.Float
		measure_key: DF.Literal[
			"",
			"T\u1ef7 l\u1ec7 nhi\u1ec7m v\u1ee5 ho\u00e0n th\u00e0nh \u0111\u00fang h\u1ea1n",
			"B\u00e1o c\u00e1o \u0111\u1ecbnh k\u1ef3 n\u1ed9p \u0111\u00fang h\u1ea1n",
			"M\u00f4 h\u00ecnh D\u00e2n v\u1eadn kh\u00e9o so v\u1edbi ch\u1ec9 ti\u00eau",
			"C\u00f3 l\u00e3nh \u0111\u1ea1o ph\u1ee5 tr\u00e1ch c\u00f4ng t\u00e1c d\u00e2n v\u1eadn",
			"Kh\u00f4ng b\u1ecb y\u00eau c\u1ea7u gi\u1ea3i tr\u00ecnh",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		section: DF.Data | None
	# end: auto-generated types
	pass
