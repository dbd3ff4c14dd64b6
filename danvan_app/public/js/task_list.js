// Copyright (c) 2026, danvan_app developers
// The task list an official opens every day: the status in the indicator column, the deadline outcome in its
// own labelled column, the due date with the days late, and quick filters that stay visible on a phone.
// Stored values come from the server at login (frappe.boot.danvan, danvan_app/boot.py): none is written here.

frappe.provide("danvan");

const esc = (value) => frappe.utils.escape_html(value == null ? "" : String(value));

// The columns a phone keeps besides the title: marked here, shown by danvan.bundle.scss.
const on_phone = (html) => `<span class="dv-phone-visible">${html}</span>`;

danvan.task_list_settings = {
	add_fields: ["status", "deadline_outcome", "due_date", "days_late", "extension_pending", "progress"],
	has_indicator_for_draft: true,
	// The title is what officials know a task by; the id column would repeat it as a code.
	hide_name_column: true,

	get_indicator(doc) {
		const { status_colours } = frappe.boot.danvan;
		return [__(doc.status), status_colours[doc.status] || "gray", `status,=,${doc.status}`];
	},

	formatters: {
		deadline_outcome(value, df, doc) {
			if (!value) return "";
			const { outcome_colours } = frappe.boot.danvan;
			const pending = doc.extension_pending
				? `<span class="text-muted small"> · ${__("đang chờ gia hạn")}</span>`
				: "";
			return `<span class="indicator-pill ${outcome_colours[value] || "gray"} filterable ellipsis"
				data-filter="deadline_outcome,=,${esc(value)}">${esc(__(value))}</span>${pending}`;
		},
		// On a phone the due date stays, with the days late beside it (the days-late column is hidden there).
		due_date(value, df, doc) {
			// A task without a deadline says so, on a phone too, rather than leave the place blank.
			if (!value) return on_phone(`<span class="text-muted">${__("Không thời hạn")}</span>`);
			const late = doc.days_late
				? ` <span class="dv-only-phone text-danger">· ${__("trễ {0} ngày", [doc.days_late])}</span>`
				: "";
			// A date, not midnight moved into the user's time zone (a user west of the site's read the day before).
			return on_phone(`${frappe.datetime.str_to_user(value, false, true)}${late}`);
		},
		days_late(value) {
			return value ? `<span class="text-danger">${__("trễ {0} ngày", [value])}</span>` : "";
		},
		progress(value) {
			return `${Math.round(value || 0)} %`;
		},
	},

	onload(listview) {
		new danvan.TaskQuickFilters(listview);
	},
};

// Three one-click filters above the list, in plain sight at every width (Frappe moves page buttons into
// the "···" menu on a phone).
danvan.TaskQuickFilters = class TaskQuickFilters {
	constructor(listview) {
		this.listview = listview;
		this.render();
	}

	filters() {
		const { open_statuses, outcome, my_units } = frappe.boot.danvan;
		const today = frappe.datetime.get_today();
		return [
			{
				// The tasks my unit and its sub-units preside over: what a province's Ban Dân vận follows, and
				// for a commune its own. (Frappe's filters cannot say "presides or coordinates".)
				label: __("Nhiệm vụ của đơn vị tôi"),
				hidden: !my_units.length,
				get: async () =>
					my_units.length === 1
						? [["DV Task", "presiding_unit", "descendants of (inclusive)", my_units[0]]]
						: [["DV Task", "presiding_unit", "in", my_units]],
			},
			{
				label: __(outcome.overdue),
				get: async () => [["DV Task", "deadline_outcome", "=", outcome.overdue]],
			},
			{
				label: __("Sắp đến hạn"),
				get: async () => {
					const days = (await frappe.db.get_single_value("DV Settings", "due_soon_days")) || 7;
					return [
						["DV Task", "status", "in", open_statuses],
						["DV Task", "due_date", "between", [today, frappe.datetime.add_days(today, days)]],
					];
				},
			},
		].filter((filter) => !filter.hidden);
	}

	render() {
		const page = this.listview.page;
		page.main.find(".dv-quick-filters").remove();
		const $bar = $(`<div class="dv-quick-filters"></div>`).prependTo(page.main);
		for (const filter of this.filters()) {
			$(`<button class="btn btn-default btn-sm">${esc(filter.label)}</button>`)
				.appendTo($bar)
				.on("click", () => this.apply(filter));
		}
	}

	async apply(filter) {
		const filters = await filter.get();
		await this.listview.filter_area.clear(false);
		this.listview.filter_area.add(filters);
	}
};
