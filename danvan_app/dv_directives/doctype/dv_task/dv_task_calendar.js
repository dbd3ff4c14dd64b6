// Copyright (c) 2026, danvan_app developers
// The calendar's settings are in public/js/task_calendar.js (danvan.bundle.js).

frappe.views.calendar["DV Task"] = danvan.task_calendar_settings;
