// Copyright (c) 2026, danvan_app developers
// The list's behaviour is in public/js/directive_form.js (danvan.bundle.js).

frappe.listview_settings["DV Directive"] = danvan.directive_list_settings;
