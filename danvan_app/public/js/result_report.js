// Copyright (c) 2026, danvan_app developers
// "Soạn báo cáo kết quả" on a directive: a period, a year and Word or PDF; the server compiles the draft
// (danvan_app.api.report_drafts.download_result_report) and the browser saves the file. A refusal comes
// back as Frappe's message, shown as any other.

frappe.provide("danvan");

danvan.ResultReportDialog = class ResultReportDialog {
	constructor(frm) {
		this.frm = frm;
	}

	show() {
		const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
		// The periods the core knows ("Quý I" … "Cả năm"), their stored words as values.
		const periods = (frappe.boot.danvan.report_periods || []).map((value) => ({
			value,
			label: __(value),
		}));
		const quarter = `Quý ${["I", "II", "III", "IV"][Math.floor(today.getMonth() / 3)]}`;
		this.dialog = new frappe.ui.Dialog({
			title: __("Soạn báo cáo kết quả"),
			fields: [
				{
					fieldname: "period",
					fieldtype: "Select",
					label: __("Kỳ báo cáo"),
					options: periods,
					default: quarter,
					reqd: 1,
				},
				{
					fieldname: "year",
					fieldtype: "Int",
					label: __("Năm"),
					default: today.getFullYear(),
					reqd: 1,
				},
				{
					fieldname: "file_format",
					fieldtype: "Select",
					label: __("Định dạng"),
					options: [
						{ value: "docx", label: __("Word (.docx)") },
						{ value: "pdf", label: __("PDF") },
					],
					default: "docx",
					reqd: 1,
				},
			],
			primary_action_label: __("Tải bản dự thảo"),
			primary_action: (values) => this.download(values),
		});
		this.dialog.show();
	}

	async download(values) {
		const body = new URLSearchParams({ directive: this.frm.doc.name, ...values });
		frappe.dom.freeze(__("Đang soạn báo cáo..."));
		try {
			const response = await fetch("/api/method/danvan_app.api.report_drafts.download_result_report", {
				method: "POST",
				headers: { "X-Frappe-CSRF-Token": frappe.csrf_token, Accept: "application/json" },
				body,
			});
			if (!response.ok) {
				this.show_refusal(await response.json().catch(() => ({})));
				return;
			}
			const blob = await response.blob();
			const disposition = response.headers.get("Content-Disposition") || "";
			const match = disposition.match(/filename="?([^";]+)"?/);
			const link = document.createElement("a");
			link.href = URL.createObjectURL(blob);
			link.download = match ? match[1] : `bao-cao.${values.file_format}`;
			document.body.appendChild(link);
			link.click();
			link.remove();
			setTimeout(() => URL.revokeObjectURL(link.href), 10000);
			this.dialog.hide();
		} finally {
			frappe.dom.unfreeze();
		}
	}

	show_refusal(data) {
		let messages = [];
		try {
			messages = JSON.parse(data._server_messages || "[]").map((m) => JSON.parse(m).message);
		} catch (e) {
			messages = [];
		}
		frappe.msgprint({
			title: __("Không soạn được báo cáo"),
			message: messages.join("<br>") || __("Máy chủ không trả lời được, xin thử lại."),
			indicator: "red",
		});
	}
};
