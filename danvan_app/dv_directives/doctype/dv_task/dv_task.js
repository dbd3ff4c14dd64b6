// Copyright (c) 2026, danvan_app developers
// The form's behaviour is in public/js/task_form.js (danvan.bundle.js).

frappe.ui.form.on("DV Task", danvan.task_form);
