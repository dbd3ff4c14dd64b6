// Copyright (c) 2026, danvan_app developers
// A reorganisation's form: "Xem trước" counts what would move before the decision is submitted (applied),
// "Hoàn tác" undoes an applied one within the window of DV Settings.

frappe.provide("danvan");

const REORGANISATION_API = "danvan_app.api.reorganisation";

danvan.reorganisation_form = {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.preview_summary) {
			frm.dashboard.add_comment(frappe.utils.escape_html(frm.doc.preview_summary), "blue", true);
		}
		if (frm.doc.docstatus === 0 && !frm.is_dirty()) {
			frm.add_custom_button(__("Xem trước"), () =>
				frappe
					.call({
						method: `${REORGANISATION_API}.preview`,
						args: { reorganisation_name: frm.doc.name },
						freeze: true,
					})
					.then(() => frm.reload_doc()),
			);
		}
		if (frm.doc.docstatus === 1 && frm.doc.status === "Đã áp dụng") {
			frm.add_custom_button(__("Hoàn tác"), () =>
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
