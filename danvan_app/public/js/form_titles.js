// Copyright (c) 2026, danvan_app developers
// Frappe's breadcrumb names an open record by its id ("NV-2026-000014"); officials know a task, directive
// or unit by its title. On every DV form, the last breadcrumb shows the title instead (the id stays in the
// address bar and in the link).

$(document).on("form-refresh", (event, frm) => {
	if (!frm || !frm.doctype.startsWith("DV ") || frm.is_new()) return;
	const title = frm.get_title && frm.get_title();
	if (!title || title === frm.docname) return;
	// The breadcrumbs are drawn when the page is shown, which may follow the refresh.
	setTimeout(() => {
		$("#navbar-breadcrumbs li:last-child a").each(function () {
			if (this.innerText.trim() === frm.docname) this.innerText = title;
		});
	}, 0);
});
