// Copyright (c) 2026, danvan_app developers
// Overdue tasks by presiding unit, labelled with the units' names (Frappe's Group By chart shows their ids).

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["DV Overdue Tasks By Unit"] = {
	method: "danvan_app.dv_directives.dashboard_chart_source.dv_overdue_tasks_by_unit.dv_overdue_tasks_by_unit.get",
	filters: [],
};
