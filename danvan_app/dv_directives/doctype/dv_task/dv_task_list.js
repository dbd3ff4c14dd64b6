// Copyright (c) 2026, danvan_app developers
// List colours follow the deadline outcome, which is kept apart from the status. The stored values come
// from the server at login (frappe.boot.danvan, danvan_app/boot.py): none is written here.

frappe.listview_settings["DV Task"] = {
	add_fields: ["status", "deadline_outcome", "due_date", "extension_pending"],
	has_indicator_for_draft: true,

	get_indicator(doc) {
		const { status, outcome, outcome_colours } = frappe.boot.danvan;
		if (doc.status === status.cancelled) {
			return [__(status.cancelled), "darkgrey", `status,=,${status.cancelled}`];
		}
		if (doc.extension_pending) {
			return [__("Đang chờ gia hạn"), "orange", "extension_pending,=,1"];
		}
		if (doc.status === status.not_started && doc.deadline_outcome !== outcome.overdue) {
			return [__(status.not_started), "gray", `status,=,${status.not_started}`];
		}
		const colour = outcome_colours[doc.deadline_outcome];
		if (colour) {
			return [__(doc.deadline_outcome), colour, `deadline_outcome,=,${doc.deadline_outcome}`];
		}
	},

	onload(listview) {
		const { open_statuses, outcome } = frappe.boot.danvan;
		listview.page.add_inner_button(__("Sắp đến hạn"), async () => {
			const days = (await frappe.db.get_single_value("DV Settings", "due_soon_days")) || 7;
			const today = frappe.datetime.get_today();
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["DV Task", "status", "in", open_statuses],
					["DV Task", "due_date", "between", [today, frappe.datetime.add_days(today, days)]],
				])
			);
		});
		listview.page.add_inner_button(__(outcome.overdue), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([["DV Task", "deadline_outcome", "=", outcome.overdue]])
			);
		});
	},
};
