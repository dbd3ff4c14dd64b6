// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Task Deadline Summary"] = {
	filters: [
		{ fieldname: "directive", label: __("Văn bản chỉ đạo"), fieldtype: "Link", options: "DV Directive" },
		{ fieldname: "unit", label: __("Đơn vị (gồm cấp dưới)"), fieldtype: "Link", options: "DV Unit" },
		{ fieldname: "from_date", label: __("Hạn từ ngày"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("Hạn đến ngày"), fieldtype: "Date" },
		{ fieldname: "period_label", label: __("Kỳ (ví dụ: Quý III/2026)"), fieldtype: "Data" },
		{
			fieldname: "roll_up_level",
			label: __("Cộng dồn lên cấp"),
			fieldtype: "Link",
			options: "DV Admin Level",
		},
		danvan.as_of_date_filter,
	],
	after_datatable_render() {
		danvan.whole_number_axis(frappe.query_report);
	},
	get_datatable_options(options) {
		return danvan.own_totals_row(options, "unit_name");
	},
};
