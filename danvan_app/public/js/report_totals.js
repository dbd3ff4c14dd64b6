// Copyright (c) 2026, danvan_app developers
// Frappe labels a report's totals row with the English word "Total" whatever the language: the app's
// reports name it in Vietnamese in their first column.

frappe.provide("danvan");

danvan.totals_row_label = function (options, label_column) {
	const column_total = options.hooks && options.hooks.columnTotal;
	options.hooks = Object.assign({}, options.hooks, {
		columnTotal(values, cell, type) {
			if (cell.column.fieldname === label_column) return __("Tổng số");
			return column_total ? column_total.call(this, values, cell, type) : null;
		},
	});
	return options;
};
