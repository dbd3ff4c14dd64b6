// Copyright (c) 2026, danvan_app developers
// The form's behaviour is in public/js/directive_form.js and directive_import.js (danvan.bundle.js).

frappe.ui.form.on("DV Directive", danvan.directive_form);
