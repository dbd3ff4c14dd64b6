// Copyright (c) 2026, danvan_app developers
// The model list: the title is what officials know a model by, and the indicator is the Workflow's state
// with its colour (Frappe draws it from the Workflow State records): the id column would repeat the title as
// a code.

frappe.provide("danvan");

danvan.kheo_model_list_settings = {
	hide_name_column: true,
};
