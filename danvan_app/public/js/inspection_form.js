// Copyright (c) 2026, danvan_app developers
// An inspection's form: its recommendations given as follow-up tasks to the inspected units, and how many of
// those are done (the statuses come with the form, __onload.follow_up_status).

frappe.provide("danvan");

danvan.inspection_form = {
	refresh(frm) {
		if (frm.is_new()) return;
		const statuses = (frm.doc.__onload && frm.doc.__onload.follow_up_status) || {};
		const given = Object.keys(statuses).length;
		if (given) {
			const done = Object.values(statuses).filter((s) => s === frappe.boot.danvan.status.done).length;
			frm.dashboard.add_comment(
				__("Nhiệm vụ khắc phục: đã giao {0}, đã hoàn thành {1}.", [given, done]),
				done === given ? "green" : "blue",
				true,
			);
		}
		const waiting = (frm.doc.inspected_units || []).filter(
			(row) => row.recommendation && !row.follow_up_task,
		);
		if (waiting.length && frm.perm[0].write && !frm.is_dirty()) {
			frm.page.set_secondary_action(__("Giao nhiệm vụ khắc phục"), () =>
				frappe
					.call({
						method: "danvan_app.api.inspections.create_follow_ups",
						args: { inspection: frm.doc.name },
						freeze: true,
					})
					.then(({ message }) => {
						frappe.show_alert({
							message: __("Đã giao {0} nhiệm vụ khắc phục.", [message.length]),
							indicator: "green",
						});
						frm.reload_doc();
					}),
			);
		}
	},
};
