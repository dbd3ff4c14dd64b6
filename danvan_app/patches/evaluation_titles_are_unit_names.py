"""Evaluations are titled by the evaluated unit's name (it was its code): fill the new field."""

import frappe


def execute():
	Evaluation, Unit = frappe.qb.DocType("DV Evaluation"), frappe.qb.DocType("DV Unit")
	(
		frappe.qb.update(Evaluation)
		.join(Unit)
		.on(Evaluation.evaluated_unit == Unit.name)
		.set(Evaluation.evaluated_unit_name, Unit.unit_name)
		.run()
	)
