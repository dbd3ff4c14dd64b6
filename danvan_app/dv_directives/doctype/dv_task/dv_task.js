// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.ui.form.on("DV Task", {
	refresh(frm) {
		if (frm.is_new()) return;
		const { open_statuses, no_recurrence } = frappe.boot.danvan;
		const open = open_statuses.includes(frm.doc.status);
		if (open) {
			frm.add_custom_button(__("Báo cáo tiến độ"), () => report_progress(frm), __("Thao tác"));
		}
		if (open && frm.perm[0]?.write) {
			frm.add_custom_button(__("Giao cho cấp dưới"), () => cascade(frm), __("Thao tác"));
			frm.add_custom_button(__("Đề nghị gia hạn"), () => request_extension(frm), __("Thao tác"));
		}
		if (frm.doc.extension_pending) {
			frm.dashboard.set_headline_alert(__("Đang chờ đơn vị giao nhiệm vụ quyết định gia hạn."), "orange");
			frm.add_custom_button(__("Quyết định gia hạn"), () => decide_extension(frm));
		}
		frm.add_custom_button(__("Nhiệm vụ cấp dưới"), () =>
			frappe.set_route("List", "DV Task", { parent_task: frm.doc.name })
		);
		if (!frm.doc.recurring_source) {
			if (frm.doc.recurrence && frm.doc.recurrence !== no_recurrence) {
				frm.add_custom_button(__("Các kỳ đã tạo"), () =>
					frappe.set_route("List", "DV Task", { recurring_source: frm.doc.name })
				);
			}
		}
	},
});

function report_progress(frm) {
	// A coordinating unit cannot edit the task: its report goes through the server, which checks the unit.
	const units = [frm.doc.presiding_unit, ...(frm.doc.coordinating_units || []).map((row) => row.unit)];
	const dialog = new frappe.ui.Dialog({
		title: __("Báo cáo tiến độ"),
		fields: [
			{
				fieldname: "unit",
				fieldtype: "Link",
				options: "DV Unit",
				label: __("Đơn vị báo cáo"),
				reqd: 1,
				get_query: () => ({ filters: { name: ["in", units] } }),
			},
			{ fieldname: "progress", fieldtype: "Percent", label: __("Tiến độ phần việc (%)"), reqd: 1 },
			{ fieldname: "narrative", fieldtype: "Small Text", label: __("Kết quả thực hiện") },
		],
		primary_action_label: __("Gửi báo cáo"),
		primary_action(values) {
			frappe
				.call("danvan_app.api.tasks.report_progress", { task: frm.doc.name, ...values })
				.then(() => {
					dialog.hide();
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}

function cascade(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Giao nhiệm vụ cho cấp dưới"),
		fields: [
			{
				fieldname: "units",
				fieldtype: "Table MultiSelect",
				options: "DV Task Coordinating Unit",
				label: __("Đơn vị cấp dưới"),
				reqd: 1,
			},
			{
				fieldname: "due_date",
				fieldtype: "Date",
				label: __("Hạn hoàn thành (không muộn hơn hạn của nhiệm vụ này)"),
				default: frm.doc.due_date,
			},
		],
		primary_action_label: __("Giao"),
		primary_action(values) {
			frappe
				.call("danvan_app.api.tasks.cascade_task", {
					task: frm.doc.name,
					units: (values.units || []).map((row) => row.unit),
					due_date: values.due_date,
				})
				.then((r) => {
					dialog.hide();
					frappe.show_alert({ message: __("Đã giao {0} nhiệm vụ", [r.message.length]), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}

function request_extension(frm) {
	frappe.prompt(
		[
			{ fieldname: "requested_due_date", fieldtype: "Date", label: __("Đề nghị gia hạn đến ngày"), reqd: 1 },
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Lý do"), reqd: 1 },
		],
		(values) =>
			frappe
				.call("danvan_app.api.tasks.request_extension", { task: frm.doc.name, ...values })
				.then(() => frm.reload_doc()),
		__("Đề nghị gia hạn"),
		__("Gửi đề nghị")
	);
}

function decide_extension(frm) {
	const { extension_pending } = frappe.boot.danvan;
	const request = (frm.doc.extensions || []).find((row) => row.decision === extension_pending);
	if (!request) return;
	const decide = (approve) =>
		frappe
			.call("danvan_app.api.tasks.decide_extension", { task: frm.doc.name, request: request.name, approve })
			.then(() => {
				dialog.hide();
				frm.reload_doc();
			});
	const dialog = new frappe.ui.Dialog({
		title: __("Quyết định gia hạn"),
		fields: [
			{
				fieldtype: "HTML",
				fieldname: "request",
				options: `<p>${__("Đề nghị gia hạn đến {0}.", [
					frappe.datetime.str_to_user(request.requested_due_date),
				])}</p><p>${__("Lý do")}: ${frappe.utils.escape_html(request.reason || "")}</p>`,
			},
		],
		primary_action_label: __("Đồng ý"),
		primary_action: () => decide(1),
		secondary_action_label: __("Không đồng ý"),
		secondary_action: () => decide(0),
	});
	dialog.show();
}
