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
		danvan.show_unit_history(frm);
	},
};

// The units this one replaced and the units that replaced it, with the decision, in the form's dashboard.
danvan.show_unit_history = function (frm) {
	const unit = frm.doc.name;
	frappe.xcall("danvan_app.api.units.unit_history", { unit }).then((history) => {
		if (frm.doc.name !== unit) return; // the form moved on to another unit meanwhile
		const html = danvan.unit_history_html(history);
		// Two refreshes in a row (load, then save) answer twice: one section only.
		frm.dashboard.parent.find(".custom").has(".dv-unit-history").remove();
		if (html) frm.dashboard.add_section(html, __("Lịch sử sắp xếp"));
	});
};

danvan.unit_history_html = function (history) {
	const esc = frappe.utils.escape_html;
	const item = (row) => {
		const link = `<a href="/app/dv-unit/${encodeURIComponent(row.unit)}">${esc(row.unit_name)}</a>`;
		let decision = "";
		if (row.decision_number) {
			const number = row.reorganisation
				? `<a href="/app/dv-reorganisation/${encodeURIComponent(row.reorganisation)}">${esc(
						row.decision_number,
				  )}</a>`
				: esc(row.decision_number);
			decision = __("{0} theo Quyết định số {1} ngày {2}, hiệu lực từ {3}", [
				esc(__(row.kind)),
				number,
				frappe.datetime.str_to_user(row.decision_date, false, true),
				frappe.datetime.str_to_user(row.effective_date, false, true),
			]);
		} else if (row.handover_note) {
			decision = esc(row.handover_note);
		}
		return `<li class="dv-unit-history-item">${link}${decision ? ` — ${decision}` : ""}</li>`;
	};
	const part = (rows, title) =>
		rows.length
			? `<div class="mb-2"><b>${esc(title)}</b><ul class="mb-0">${rows.map(item).join("")}</ul></div>`
			: "";
	let html =
		part(history.predecessors, __("Đơn vị tiền thân (đơn vị này thay thế)")) +
		part(history.successors, __("Đơn vị kế thừa (thay thế đơn vị này)"));
	if (history.hidden) {
		html += `<div class="text-muted">${esc(
			__("Và {0} đơn vị liên quan bạn không có quyền xem.", [history.hidden]),
		)}</div>`;
	}
	return html ? `<div class="dv-unit-history">${html}</div>` : "";
};

// "Closed since …; successors: …" (escaped), for the form's headline and the tree's label.
danvan.unit_closure_text = function (valid_to, successor_names) {
	const closed = __("Đã thôi hoạt động từ {0}", [frappe.datetime.str_to_user(valid_to, false, true)]);
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
