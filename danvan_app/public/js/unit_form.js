// Copyright (c) 2026, danvan_app developers
// The unit form: its tasks, and (for administrators) access to it as Frappe's own User Permission.

frappe.provide("danvan");

danvan.unit_form = {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.page.set_secondary_action(__("Nhiệm vụ chủ trì"), () =>
			frappe.set_route("List", "DV Task", { presiding_unit: frm.doc.name }),
		);
		if (frappe.user.has_role("DV Administrator") || frappe.user.has_role("System Manager")) {
			frm.add_custom_button(__("Cấp quyền truy cập đơn vị"), () => danvan.grant_unit_access(frm));
			frm.add_custom_button(__("Thêm người dùng cho đơn vị"), () => danvan.add_unit_user(frm));
		}
		if (frm.doc.valid_to) {
			const successors = (frm.doc.successors || []).map(
				(row) => frappe.utils.get_link_title("DV Unit", row.successor_unit) || row.successor_unit,
			);
			frm.dashboard.set_headline_alert(danvan.unit_closure_text(frm.doc.valid_to, successors), "gray");
		}
	},
};

// "Closed since …; successors: …" (escaped), for the form's headline and the tree's label.
danvan.unit_closure_text = function (valid_to, successor_names) {
	const closed = __("Đã thôi hoạt động từ {0}", [frappe.datetime.str_to_user(valid_to)]);
	const names = (successor_names || []).map((name) => frappe.utils.escape_html(name));
	return names.length ? `${closed}; ${__("kế thừa: {0}", [names.join(", ")])}` : closed;
};

danvan.grant_unit_access = function (frm) {
	// The server creates the User Permission (and checks the role again).
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
};

danvan.add_unit_user = function (frm) {
	// A new user with one DV role and this unit's subtree, nothing more (never a System Manager).
	const dialog = new frappe.ui.Dialog({
		title: __("Thêm người dùng cho đơn vị {0}", [frm.doc.unit_name]),
		fields: [
			{ fieldname: "full_name", fieldtype: "Data", label: __("Họ và tên"), reqd: 1 },
			{ fieldname: "email", fieldtype: "Data", options: "Email", label: __("Thư điện tử"), reqd: 1 },
			{
				fieldname: "role",
				fieldtype: "Select",
				label: __("Vai trò"),
				reqd: 1,
				options: frappe.boot.danvan.roles.map((role) => ({ value: role, label: __(role) })),
			},
		],
		primary_action_label: __("Tạo người dùng"),
		primary_action(values) {
			frappe
				.call("danvan_app.api.access.add_unit_user", { unit: frm.doc.name, ...values })
				.then((r) => {
					dialog.hide();
					frappe.show_alert({
						message: __("Đã tạo người dùng {0}", [r.message]),
						indicator: "green",
					});
				});
		},
	});
	dialog.show();
};
