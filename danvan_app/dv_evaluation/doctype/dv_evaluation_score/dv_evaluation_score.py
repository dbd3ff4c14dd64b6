# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document

from danvan_app.permissions.child_rows import ChildRowOfScopedRecord


class DVEvaluationScore(ChildRowOfScopedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		comment: DF.SmallText | None
		computed_score: DF.Float
		criterion: DF.SmallText | None
		item_kind: DF.Literal[
			"Ti\u00eau ch\u00ed", "\u0110i\u1ec3m th\u01b0\u1edfng", "\u0110i\u1ec3m tr\u1eeb"
		]
		criterion_code: DF.Data | None
		evidence: DF.Attach | None
		evidence_route: DF.Data | None
		max_score: DF.Float
		measure_key: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reviewed_score: DF.Float
		section: DF.Data | None
		self_score: DF.Float
	# end: auto-generated types
	pass
