// Copyright (c) 2026, danvan_app developers
// Tasks on the calendar by due date, coloured by deadline outcome as in the list. Events come through
// get_list, so the unit scope applies.

frappe.provide("danvan");

danvan.task_calendar_settings = {
	field_map: {
		start: "due_date",
		end: "due_date",
		id: "name",
		title: "title",
		allDay: "allDay",
		color: "deadline_outcome",
	},
	filters: [
		{ fieldtype: "Link", fieldname: "presiding_unit", options: "DV Unit", label: __("Đơn vị chủ trì") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
	// Frappe's calendar knows four classes (danger, warning, success, default); the list's outcome colours
	// map onto them.
	get_css_class(event) {
		const colour = frappe.boot.danvan.outcome_colours[event.deadline_outcome];
		return { red: "danger", orange: "warning", green: "success" }[colour] || "default";
	},
};
