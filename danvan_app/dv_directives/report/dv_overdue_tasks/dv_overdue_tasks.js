// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Overdue Tasks"] = danvan.overdue_tasks_report;
