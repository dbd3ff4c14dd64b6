// Copyright (c) 2026, danvan_app developers
// The list's behaviour is in public/js/kheo_model.js (danvan.bundle.js).

frappe.listview_settings["DV Kheo Model"] = danvan.kheo_model_list_settings;
