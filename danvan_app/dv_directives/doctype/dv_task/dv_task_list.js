// Copyright (c) 2026, danvan_app developers
// The list's behaviour is in public/js/task_list.js (danvan.bundle.js).

frappe.listview_settings["DV Task"] = danvan.task_list_settings;
