// Copyright (c) 2026, danvan_app developers
// The task form: progress reports, cascading, extension requests and decisions. A coordinating unit cannot
// edit the task, so each action goes through its own server method, which checks the unit again.

frappe.provide("danvan");

danvan.task_form = {
	refresh(frm) {
		if (frm.is_new()) return;
		const actions = new danvan.TaskActions(frm);
		const { open_statuses, no_recurrence } = frappe.boot.danvan;
		const open = open_statuses.includes(frm.doc.status);
		if (open) {
			// The day's main job: a page action, visible on a phone (custom buttons go behind "···" there).
			frm.page.set_secondary_action(__("Báo cáo tiến độ"), () => actions.report_progress());
		}
		if (open && frm.perm[0]?.write) {
			frm.add_custom_button(__("Giao cho cấp dưới"), () => actions.cascade(), __("Thao tác"));
			frm.add_custom_button(__("Đề nghị gia hạn"), () => actions.request_extension(), __("Thao tác"));
		}
		if (frm.doc.extension_pending) {
			frm.dashboard.set_headline_alert(
				__("Đang chờ đơn vị giao nhiệm vụ quyết định gia hạn."),
				"orange",
			);
			frm.add_custom_button(__("Quyết định gia hạn"), () => actions.decide_extension());
		}
		frm.add_custom_button(__("Nhiệm vụ cấp dưới"), () =>
			frappe.set_route("List", "DV Task", { parent_task: frm.doc.name }),
		);
		if (!frm.doc.recurring_source && frm.doc.recurrence && frm.doc.recurrence !== no_recurrence) {
			frm.add_custom_button(__("Các kỳ đã tạo"), () =>
				frappe.set_route("List", "DV Task", { recurring_source: frm.doc.name }),
			);
		}
	},
};

danvan.TaskActions = class TaskActions {
	constructor(frm) {
		this.frm = frm;
	}

	call(method, args) {
		return frappe.call(`danvan_app.api.tasks.${method}`, { task: this.frm.doc.name, ...args });
	}

	report_progress() {
		const doc = this.frm.doc;
		const units = [doc.presiding_unit, ...(doc.coordinating_units || []).map((row) => row.unit)];
		const dialog = new frappe.ui.Dialog({
			title: __("Báo cáo tiến độ"),
			fields: [
				{
					fieldname: "unit",
					fieldtype: "Link",
					options: "DV Unit",
					label: __("Đơn vị báo cáo"),
					reqd: 1,
					default: units.length === 1 ? units[0] : undefined,
					get_query: () => ({ filters: { name: ["in", units] } }),
				},
				{ fieldname: "progress", fieldtype: "Percent", label: __("Tiến độ phần việc (%)"), reqd: 1 },
				{ fieldname: "narrative", fieldtype: "Small Text", label: __("Kết quả thực hiện") },
			],
			primary_action_label: __("Gửi báo cáo"),
			primary_action: (values) =>
				this.call("report_progress", values).then(() => {
					dialog.hide();
					this.frm.reload_doc();
				}),
		});
		dialog.show();
	}

	cascade() {
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
					default: this.frm.doc.due_date,
				},
			],
			primary_action_label: __("Giao"),
			primary_action: (values) =>
				this.call("cascade_task", {
					units: (values.units || []).map((row) => row.unit),
					due_date: values.due_date,
				}).then((r) => {
					dialog.hide();
					frappe.show_alert({
						message: __("Đã giao {0} nhiệm vụ", [r.message.length]),
						indicator: "green",
					});
					this.frm.reload_doc();
				}),
		});
		dialog.show();
	}

	request_extension() {
		frappe.prompt(
			[
				{
					fieldname: "requested_due_date",
					fieldtype: "Date",
					label: __("Đề nghị gia hạn đến ngày"),
					reqd: 1,
				},
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Lý do"), reqd: 1 },
			],
			(values) => this.call("request_extension", values).then(() => this.frm.reload_doc()),
			__("Đề nghị gia hạn"),
			__("Gửi đề nghị"),
		);
	}

	decide_extension() {
		const { extension_pending } = frappe.boot.danvan;
		const request = (this.frm.doc.extensions || []).find((row) => row.decision === extension_pending);
		if (!request) return;
		const decide = (approve) =>
			this.call("decide_extension", { request: request.name, approve }).then(() => {
				dialog.hide();
				this.frm.reload_doc();
			});
		const dialog = new frappe.ui.Dialog({
			title: __("Quyết định gia hạn"),
			fields: [
				{
					fieldtype: "HTML",
					fieldname: "request",
					options: `<p>${__("Đề nghị gia hạn đến {0}.", [
						frappe.datetime.str_to_user(request.requested_due_date, false, true),
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
};
