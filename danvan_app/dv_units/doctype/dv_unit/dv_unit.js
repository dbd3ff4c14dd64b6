// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.ui.form.on("DV Unit", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frappe.user.has_role("DV Administrator") || frappe.user.has_role("System Manager")) {
			frm.add_custom_button(__("Cấp quyền truy cập đơn vị"), () => grant_unit_access(frm));
		}
		frm.add_custom_button(__("Nhiệm vụ chủ trì"), () =>
			frappe.set_route("List", "DV Task", { presiding_unit: frm.doc.name })
		);
	},
});

function grant_unit_access(frm) {
	// Access is Frappe's own User Permission on DV Unit; the server creates it (and checks the role again).
	const dialog = new frappe.ui.Dialog({
		title: __("Cấp quyền truy cập đơn vị {0}", [frm.doc.unit_name]),
		fields: [
			{ fieldname: "user", fieldtype: "Link", options: "User", label: __("Người dùng"), reqd: 1 },
			{
				fieldname: "with_descendants",
				fieldtype: "Check",
				label: __("Gồm cả các đơn vị trực thuộc"),
				default: 1,
			},
		],
		primary_action_label: __("Cấp quyền"),
		primary_action(values) {
			frappe
				.call("danvan_app.api.access.grant_unit_access", {
					user: values.user,
					units: [frm.doc.name],
					with_descendants: values.with_descendants,
				})
				.then((r) => {
					dialog.hide();
					frappe.show_alert({
						message: r.message.length
							? __("Đã cấp quyền cho {0}", [values.user])
							: __("{0} đã có quyền với đơn vị này", [values.user]),
						indicator: "green",
					});
				});
		},
	});
	dialog.show();
}
