// Copyright (c) 2026, danvan_app developers
// The form's behaviour is in public/js/reorganisation_form.js (danvan.bundle.js).

frappe.ui.form.on("DV Reorganisation", danvan.reorganisation_form);
