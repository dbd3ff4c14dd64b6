// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Task Outcomes by Unit Tree"] = danvan.outcomes_by_unit_tree_report;
