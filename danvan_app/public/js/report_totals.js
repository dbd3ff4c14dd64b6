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

// A report that returns its own totals row (the last row, flagged is_total_row) tells Frappe to skip its
// own (skip_total_row), so the response says add_total_row: false and the browser would show the row as
// one more unit. Here it becomes the datatable's totals row again, as Frappe's would be: the row is left
// out of the table, the table totals its visible rows (so an inline filter still totals what it shows),
// and the page behaves as with add_total_row (print and copy add that totals row; an export of the whole
// table asks the server for the last row, which is the report's).
danvan.own_totals_row = function (options, label_column) {
	const data = options.data || [];
	const last = data[data.length - 1];
	if (!(last && last.is_total_row)) {
		return danvan.totals_row_label(options, label_column);
	}
	options.data = data.slice(0, -1);
	options.showTotalRow = true;
	if (frappe.query_report && frappe.query_report.raw_data) {
		frappe.query_report.raw_data.add_total_row = true;
	}
	danvan.totals_row_label(options, label_column);
	const labelled = options.hooks.columnTotal;
	// The table adds up the counts of its visible rows. A column the report did not total (a year, a kind)
	// stays empty, and a rate is the report's rate of the totals: a sum of rates means nothing.
	options.hooks.columnTotal = function (values, cell, type) {
		const fieldname = cell.column.fieldname;
		if (fieldname !== label_column) {
			if (!(fieldname in last)) return "";
			const fieldtype = (cell.column.docfield || cell.column).fieldtype;
			if (fieldtype === "Percent") return last[fieldname] ?? "";
		}
		return labelled.call(this, values, cell, type);
	};
	return options;
};
