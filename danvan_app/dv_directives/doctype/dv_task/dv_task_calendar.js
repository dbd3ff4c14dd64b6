// Copyright (c) 2026, danvan_app developers
// Tasks on the calendar by due date; events come through get_list, so the unit scope applies.

frappe.views.calendar["DV Task"] = {
	field_map: {
		start: "due_date",
		end: "due_date",
		id: "name",
		title: "title",
		allDay: "allDay",
	},
	filters: [
		{ fieldtype: "Link", fieldname: "presiding_unit", options: "DV Unit", label: __("Đơn vị chủ trì") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
