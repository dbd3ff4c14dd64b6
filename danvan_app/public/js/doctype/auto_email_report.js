// Copyright (c) 2026, danvan_app developers
// The weekly overdue template offers to schedule a copy for each unit's leader (danvan.email_report_form).

frappe.ui.form.on("Auto Email Report", {
	refresh(frm) {
		danvan.email_report_form.refresh(frm);
	},
});
