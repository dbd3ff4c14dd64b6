// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Inspection Statistics"] = danvan.inspection_statistics_report;
