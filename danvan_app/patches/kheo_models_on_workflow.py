"""Models now move on a Workflow and are submitted once decided: the old final state "Không được công nhận"
is the Workflow's "Không công nhận", and a model already recognised or not is submitted (docstatus 1), as
one decided through the Workflow would be. The Workflow itself is installed after migrate (install.py)."""

import frappe

from danvan_app.domain import kheo_models as model_rules


def execute():
	Model = frappe.qb.DocType("DV Kheo Model")
	frappe.qb.update(Model).set(Model.status, model_rules.NOT_RECOGNISED).where(
		Model.status == "Không được công nhận"
	).run()
	frappe.qb.update(Model).set(Model.docstatus, 1).where(
		(Model.docstatus == 0) & Model.status.isin([model_rules.RECOGNISED, model_rules.NOT_RECOGNISED])
	).run()
