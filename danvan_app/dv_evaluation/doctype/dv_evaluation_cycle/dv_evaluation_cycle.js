// Copyright (c) 2026, danvan_app developers
// The form's behaviour is in public/js/evaluation_cycle.js (danvan.bundle.js).

frappe.ui.form.on("DV Evaluation Cycle", danvan.evaluation_cycle_form);
