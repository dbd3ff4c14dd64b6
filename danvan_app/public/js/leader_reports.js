// Copyright (c) 2026, danvan_app developers
// The reports leaders read: outcomes rolled up the unit tree (each count opens the tasks it counts), who
// acted on a directive, which units lack a leader in charge of dân vận, and the overdue tasks.

frappe.provide("danvan");

// Empty: today's tree. A date: the tree as it was that day (units then, each under its parent then).
danvan.as_of_date_filter = {
	fieldname: "as_of_date",
	label: __("Cơ cấu tổ chức tại ngày"),
	fieldtype: "Date",
	description: __(
		"Để trống: cơ cấu hiện nay. Chọn ngày: số liệu cộng dồn theo cơ cấu tổ chức tại ngày đó.",
	),
};

const year_and_period = [
	{ fieldname: "year", label: __("Năm"), fieldtype: "Int" },
	{
		fieldname: "period",
		label: __("Kỳ báo cáo"),
		fieldtype: "Select",
		options: ["", ...frappe.boot.danvan.report_periods].join("\n"),
		depends_on: "year",
	},
];

// The task list showing what a count of the row counts: the row's unit and every unit under it, the same
// directive and period, and the column's outcome or status. Only where the list can say exactly that.
danvan.task_drilldown = function (column, data, filters) {
	const rule = frappe.boot.danvan.task_count_filters[column.fieldname];
	if (!data || !data.unit || (!rule && column.fieldname !== "total") || filters.unit_kind) return null;
	// The list knows only today's tree: a row of a past structure opens nothing, but a unit's own tasks.
	if (filters.as_of_date && !data.own_tasks_only) return null;
	const route = {
		presiding_unit: data.own_tasks_only ? data.unit : ["descendants of (inclusive)", data.unit],
	};
	if (filters.directive) route.directive = filters.directive;
	if (rule) route[rule[0]] = rule[1];
	if (rule && rule[0] !== "status") route.status = ["!=", frappe.boot.danvan.status.cancelled];
	if (column.fieldname === "total") route.status = ["!=", frappe.boot.danvan.status.cancelled];
	// A task without a deadline counts in every period: a list filtered on dates cannot show those beside
	// the dated ones, so in a period "total" and "not started" open nothing.
	if (data.period_from && column.fieldname !== "no_deadline") {
		if (["total", "not_started"].includes(column.fieldname)) return null;
		route.due_date = ["between", [data.period_from, data.period_to]];
	}
	return route;
};

danvan.count_link = function (value, column, data, filters, default_formatter) {
	const html = default_formatter(value, null, column, data);
	if (!value || !data || !data.unit) return html;
	const route = danvan.task_drilldown(column, data, filters);
	if (!route) return html;
	return `<a href="#" data-drilldown='${frappe.utils.escape_html(JSON.stringify(route))}'>${html}</a>`;
};

danvan.open_drilldown = function (report) {
	report.$report.on("click", "a[data-drilldown]", (event) => {
		event.preventDefault();
		frappe.route_options = JSON.parse(event.currentTarget.dataset.drilldown);
		frappe.set_route("List", "DV Task");
	});
};

danvan.outcomes_by_unit_tree_report = {
	filters: [
		{ fieldname: "admin_level", label: __("Cấp"), fieldtype: "Link", options: "DV Admin Level" },
		{
			fieldname: "parent_unit",
			label: __("Các đơn vị trực thuộc"),
			fieldtype: "Link",
			options: "DV Unit",
		},
		{ fieldname: "directive", label: __("Văn bản chỉ đạo"), fieldtype: "Link", options: "DV Directive" },
		...year_and_period,
		{
			fieldname: "unit_kind",
			label: __("Loại đơn vị chủ trì"),
			fieldtype: "Link",
			options: "DV Unit Kind",
		},
		{ fieldname: "include_closed", label: __("Gồm đơn vị đã giải thể"), fieldtype: "Check" },
		danvan.as_of_date_filter,
	],
	onload(report) {
		danvan.open_drilldown(report);
	},
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldtype === "Int" && data && data.unit) {
			return danvan.count_link(
				value,
				column,
				data,
				frappe.query_report.get_filter_values(),
				default_formatter,
			);
		}
		return default_formatter(value, row, column, data);
	},
	after_datatable_render() {
		danvan.whole_number_axis(frappe.query_report);
	},
	get_datatable_options(options) {
		return danvan.own_totals_row(options, "unit_name");
	},
};

danvan.directive_lineage_report = {
	filters: [
		// Not required in the browser: the report itself asks for a directive when none is chosen.
		{ fieldname: "directive", label: __("Văn bản chỉ đạo"), fieldtype: "Link", options: "DV Directive" },
		{ fieldname: "missing_only", label: __("Chỉ đơn vị chưa có kế hoạch"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (column.fieldname === "plan_status" && data) {
			return `<span class="indicator-pill ${data.plan ? "green" : "red"}">${html}</span>`;
		}
		return html;
	},
};

danvan.leader_coverage_report = {
	filters: [
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
	],
	onload(report) {
		// Reminding units is acting on them: offered to those who may change units, as the server checks.
		if (!frappe.model.can_write("DV Unit")) return;
		report.page.set_secondary_action(__("Nhắc lãnh đạo cấp trên phân công"), () =>
			frappe
				.call({
					method: "danvan_app.api.units.remind_about_missing_leaders",
					args: { unit: report.get_filter_value("unit") },
					freeze: true,
				})
				.then(({ message }) => {
					frappe.msgprint({
						title: __("Đã nhắc"),
						indicator: "green",
						message: [
							__("Đã nhắc: {0} đơn vị.", [message.reminded.length]),
							__("Đã nhắc hôm nay, không nhắc lại: {0} đơn vị.", [
								message.already_reminded.length,
							]),
							__("Cấp trên chưa có lãnh đạo phụ trách để nhắc: {0} đơn vị.", [
								message.without_parent_leader.length,
							]),
							message.queued
								? __(
										"Lời nhắc đang được gửi trong nền: thư và việc cần làm (ToDo) đến các lãnh đạo trong ít phút.",
								  )
								: "",
						].join("<br>"),
					});
				}),
		);
	},
};

danvan.overdue_tasks_report = {
	filters: [
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
		{ fieldname: "directive", label: __("Văn bản chỉ đạo"), fieldtype: "Link", options: "DV Directive" },
	],
	tree: true,
	initial_depth: 1,
	name_field: "label",
	parent_field: "",
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (!data) return html;
		if (data.indent === 0) return `<b>${html}</b>`;
		if (column.fieldname === "label" && data.task) {
			return `<a href="/app/dv-task/${encodeURIComponent(data.task)}">${html}</a>`;
		}
		return html;
	},
};

danvan.email_report_form = {
	refresh(frm) {
		if (
			frm.doc.name !== frappe.boot.danvan.overdue_email_template ||
			!frappe.model.can_create("Auto Email Report")
		)
			return;
		frm.add_custom_button(__("Gửi cho lãnh đạo từng đơn vị"), () => {
			frappe.prompt(
				{
					fieldname: "admin_level",
					label: __("Cấp đơn vị"),
					fieldtype: "Link",
					options: "DV Admin Level",
					reqd: 1,
				},
				({ admin_level }) =>
					frappe
						.call({
							method: "danvan_app.api.email_reports.schedule_overdue_summaries",
							args: { admin_level },
							freeze: true,
						})
						.then(({ message }) =>
							frappe.msgprint(
								message.queued
									? __(
											"Đang lập lịch gửi cho {0} đơn vị trong nền; các lịch gửi hiện ra trong danh sách báo cáo gửi thư tự động sau ít phút.",
											[message.units],
									  )
									: __("Đã tạo {0}, cập nhật {1}, tắt {2} lịch gửi.", [
											message.created.length,
											message.updated.length,
											message.disabled.length,
									  ]),
							),
						),
				__("Gửi tổng hợp nhiệm vụ quá hạn cho lãnh đạo từng đơn vị"),
				__("Lập lịch gửi"),
			);
		});
	},
};
