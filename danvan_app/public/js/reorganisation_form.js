// Copyright (c) 2026, danvan_app developers
// A reorganisation's form: "Xem trước" counts what would move before the decision is submitted (applied),
// "Hoàn tác" undoes an applied one within the window of DV Settings; a large one says so while a
// background job applies it.

frappe.provide("danvan");

const REORGANISATION_API = "danvan_app.api.reorganisation";

danvan.reorganisation_form = {
	refresh(frm) {
		if (frm.is_new()) return;
		const status = frappe.boot.danvan.reorganisation_status;
		if (frm.doc.status === status.applying) {
			// A large reorganisation is applied by a background job: its steps show as a progress bar
			// (frappe.publish_progress to this document) and the form reloads when it is done.
			frm.dashboard.set_headline_alert(
				__("Đang áp dụng trong nền: công việc và quyền truy cập đang được chuyển sang đơn vị mới."),
				"orange",
			);
		}
		if (frm.doc.preview_summary) {
			frm.dashboard.add_comment(frappe.utils.escape_html(frm.doc.preview_summary), "blue", true);
		}
		if (frm.doc.docstatus === 0 && !frm.is_dirty()) {
			// The page's secondary action, not a toolbar button: on a phone the toolbar's buttons fold into
			// "···", and the preview is the step before "Gửi", which stays in sight.
			frm.page.set_secondary_action(__("Xem trước"), () =>
				frappe
					.call({
						method: `${REORGANISATION_API}.preview`,
						args: { reorganisation_name: frm.doc.name },
						freeze: true,
					})
					.then(() => frm.reload_doc()),
			);
		}
		if (frm.doc.docstatus === 1 && frm.doc.status === status.applied) {
			frm.page.set_secondary_action(__("Hoàn tác"), () =>
				frappe.confirm(__("Hoàn tác quyết định sắp xếp này và trả công việc về các đơn vị cũ?"), () =>
					frappe
						.call({
							method: `${REORGANISATION_API}.undo`,
							args: { reorganisation_name: frm.doc.name },
							freeze: true,
						})
						.then(() => frm.reload_doc()),
				),
			);
		}
	},
};
