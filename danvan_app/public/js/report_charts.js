// Copyright (c) 2026, danvan_app developers
// Counts are whole numbers, but for small counts Frappe Charts draws the y-axis at quarter steps and Frappe
// rounds its labels, so the axis read "0, 0, 0.5, 1, 1". Frappe sets the report chart's axis options itself
// (after any report setting), so the chart is drawn once more with labels only on whole numbers.

frappe.provide("danvan");

danvan.whole_number_axis = function (report) {
	const options = report && report.chart_options;
	if (!options || options.dv_whole_number_axis) return;
	options.dv_whole_number_axis = true;
	options.axisOptions = Object.assign({}, options.axisOptions, {
		numberFormatter: (value) =>
			Number.isInteger(Number(value)) ? frappe.utils.format_chart_axis_number(value) : "",
	});
	report.render_chart(options);
};
