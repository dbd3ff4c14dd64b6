// Copyright (c) 2026, danvan_app developers
// The tree's settings are in public/js/unit_tree.js (danvan.bundle.js).

frappe.treeview_settings["DV Unit"] = danvan.unit_tree_settings;
