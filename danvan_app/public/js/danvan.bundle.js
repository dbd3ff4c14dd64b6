// Copyright (c) 2026, danvan_app developers
// The app's desk code, bundled once (app_include_js). The DocType scripts beside each DocType only hand
// Frappe the objects defined here, so every screen's behaviour lives in one reviewed place.

import "./task_list";
import "./task_form";
import "./task_calendar";
import "./directive_import";
import "./directive_form";
import "./result_report";
import "./unit_tree";
import "./unit_form";
import "./form_titles";
import "./report_charts";
import "./report_totals";
import "./year_reports";
import "./kheo_model";
import "./evaluation_cycle";
import "./inspection_form";
import "./leader_reports";
import "./reorganisation_form";
