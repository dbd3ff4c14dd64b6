# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

from frappe.model.document import Document


class DVTaskExplanation(Document):
	pass
