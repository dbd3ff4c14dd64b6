// Copyright (c) 2026, danvan_app developers
// The directive form and list: importing a text is the main job, so it is a page action (visible on a
// phone); quick entry and the directive's tasks are buttons.

frappe.provide("danvan");

danvan.directive_form = {
	refresh(frm) {
		const can_create_tasks = frappe.model.can_create("DV Task");
		const ask = () => new danvan.DirectiveImport(frm).ask_for_text();
		if (can_create_tasks && frm.is_new()) {
			frm.page.set_secondary_action(__("Nhập từ văn bản"), ask);
		}
		if (frm.is_new()) return;
		if (can_create_tasks && !frm.is_dirty()) {
			// A saved directive's Workflow actions hide the page's secondary button: a toolbar button stays,
			// and is the main one on a draft received by e-mail, which waits for exactly this.
			const button = frm.add_custom_button(__("Nhập từ văn bản"), ask);
			if (frm.doc.awaiting_import) button.removeClass("btn-default").addClass("btn-primary");
		}
		if (can_create_tasks) {
			frm.add_custom_button(__("Tạo nhiệm vụ"), () => new danvan.DirectiveImport(frm).quick_entry());
		}
		frm.add_custom_button(__("Xem nhiệm vụ"), () =>
			frappe.set_route("List", "DV Task", { directive: frm.doc.name }),
		);
		frm.add_custom_button(__("Soạn báo cáo kết quả"), () => new danvan.ResultReportDialog(frm).show());
	},
};

danvan.directive_list_settings = {
	hide_name_column: true,
	onload(listview) {
		if (!frappe.model.can_create("DV Task")) return;
		// A new directive's form opens with the import dialog: the text fills the directive in.
		listview.page.set_secondary_action(__("Nhập từ văn bản"), () =>
			frappe.new_doc("DV Directive").then(() => {
				if (cur_frm && cur_frm.doctype === "DV Directive") {
					new danvan.DirectiveImport(cur_frm).ask_for_text();
				}
			}),
		);
	},
};
