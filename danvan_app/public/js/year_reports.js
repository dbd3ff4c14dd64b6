// Copyright (c) 2026, danvan_app developers
// The reports of a year: "Dân vận khéo" models against each unit's target (with the reminder to the units
// below it), the year's model figures for the year-end report, and the ranking of the units' evaluations.

frappe.provide("danvan");

const year_filter = {
	fieldname: "year",
	label: __("Năm"),
	fieldtype: "Int",
	default: new Date().getFullYear(),
	reqd: 1,
};

danvan.kheo_targets_report = {
	filters: [
		year_filter,
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
		{ fieldname: "below_target_only", label: __("Chỉ đơn vị chưa đạt chỉ tiêu"), fieldtype: "Check" },
	],
	onload(report) {
		// Reminding units is acting on them: offered to those who may change units (managers, administrators),
		// as the server checks. A secondary action stays visible on a phone.
		if (!frappe.model.can_write("DV Unit")) return;
		report.page.set_secondary_action(__("Nhắc các đơn vị chưa đạt chỉ tiêu"), () =>
			danvan.remind_units_below_target(report),
		);
	},
	after_datatable_render() {
		danvan.whole_number_axis(frappe.query_report);
	},
	get_datatable_options(options) {
		return danvan.own_totals_row(options, "unit_name");
	},
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (column.fieldname === "standing" && data) {
			return `<span class="indicator-pill ${data.below_target ? "red" : "green"}">${html}</span>`;
		}
		return html;
	},
};

danvan.remind_units_below_target = function (report) {
	const filters = report.get_values();
	if (!filters) return;
	frappe.confirm(
		__(
			"Gửi thư và việc cần làm (ToDo) cho lãnh đạo phụ trách dân vận của mỗi đơn vị chưa đạt chỉ tiêu năm {0}? Đơn vị đã được nhắc hôm nay sẽ không bị nhắc lại.",
			[filters.year],
		),
		() =>
			frappe
				.call({
					method: "danvan_app.api.kheo.remind_units_below_target",
					args: { year: filters.year, unit: filters.unit },
					freeze: true,
				})
				.then(({ message }) => {
					frappe.msgprint({
						title: __("Đã nhắc các đơn vị chưa đạt chỉ tiêu"),
						indicator: "green",
						message:
							__(
								"Đã nhắc: {0} đơn vị. Đã nhắc trước đó trong hôm nay: {1}. Chưa có lãnh đạo phụ trách dân vận để nhắc: {2}.",
								[
									message.reminded.length,
									message.already_reminded.length,
									message.without_leader.length,
								],
							) +
							(message.queued
								? "<br>" +
								  __(
										"Lời nhắc đang được gửi trong nền: thư và việc cần làm (ToDo) đến các lãnh đạo trong ít phút.",
								  )
								: ""),
					});
				}),
	);
};

danvan.kheo_statistics_report = {
	filters: [
		year_filter,
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		return data && data.is_heading ? `<b>${html}</b>` : html;
	},
};

danvan.evaluation_ranking_report = {
	filters: [
		year_filter,
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (column.fieldname === "note" && value) return `<span class="text-muted">${html}</span>`;
		return html;
	},
};

danvan.inspection_statistics_report = {
	filters: [{ fieldname: "year", label: __("Năm"), fieldtype: "Int", default: new Date().getFullYear() }],
	get_datatable_options(options) {
		return danvan.own_totals_row(options, "body_name");
	},
};
