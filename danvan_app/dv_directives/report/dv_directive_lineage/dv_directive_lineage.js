// Copyright (c) 2026, danvan_app developers
// For license information, please see license.txt

frappe.query_reports["DV Directive Lineage"] = danvan.directive_lineage_report;
