// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Kheo Statistics"] = danvan.kheo_statistics_report;
