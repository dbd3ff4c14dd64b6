// Copyright (c) 2026, danvan_app developers
// The unit tree shows names, never codes, and a closed unit says so, with its successors: reorganised
// units stay in the tree for their history. A scoped user's tree starts at the units granted to them.

frappe.provide("danvan");

danvan.unit_tree_settings = {
	breadcrumb: "DV Units",
	get_tree_nodes: "danvan_app.api.units.tree_children",
	get_label(node) {
		const data = node.data || {};
		if (!data.title) return danvan.unit_title_placeholder(node.label);
		const name = frappe.utils.escape_html(data.title);
		if (!data.valid_to) return name;
		const closed = danvan.unit_closure_text(data.valid_to, data.successor_names);
		return `<span class="text-muted dv-closed-unit">${name} · ${closed}</span>`;
	},
};

// The root node arrives from Frappe's tree without its data: show the name once it is fetched.
danvan.unit_title_placeholder = function (value) {
	if (!value || value === "DV Unit") return __("DV Unit");
	const known = frappe.utils.get_link_title("DV Unit", value);
	if (known) return frappe.utils.escape_html(known);
	frappe.utils.fetch_link_title("DV Unit", value).then((title) => {
		if (title) $(`.dv-unit-title[data-unit="${CSS.escape(value)}"]`).text(title);
	});
	return `<span class="dv-unit-title" data-unit="${frappe.utils.escape_html(value)}">${__(
		"Đơn vị",
	)}</span>`;
};
