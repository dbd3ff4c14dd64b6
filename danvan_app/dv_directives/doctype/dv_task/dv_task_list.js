// Copyright (c) 2026, danvan_app developers
// List colours follow the deadline outcome, which is kept apart from the status.

const DV_OUTCOME_COLOURS = {
	"Đúng hạn": "green",
	"Hoàn thành trễ hạn": "orange",
	"Đang thực hiện trong hạn": "blue",
	"Quá hạn": "red",
	"Không có hạn": "gray",
};

frappe.listview_settings["DV Task"] = {
	add_fields: ["status", "deadline_outcome", "due_date"],
	has_indicator_for_draft: true,

	get_indicator(doc) {
		if (doc.status === "Đã hủy") {
			return [__("Đã hủy"), "darkgrey", "status,=,Đã hủy"];
		}
		if (doc.status === "Chưa bắt đầu" && doc.deadline_outcome !== "Quá hạn") {
			return [__("Chưa bắt đầu"), "gray", "status,=,Chưa bắt đầu"];
		}
		const colour = DV_OUTCOME_COLOURS[doc.deadline_outcome];
		if (colour) {
			return [__(doc.deadline_outcome), colour, `deadline_outcome,=,${doc.deadline_outcome}`];
		}
	},

	onload(listview) {
		listview.page.add_inner_button(__("Sắp đến hạn"), async () => {
			const days = (await frappe.db.get_single_value("DV Settings", "due_soon_days")) || 7;
			const today = frappe.datetime.get_today();
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["DV Task", "status", "in", ["Chưa bắt đầu", "Đang thực hiện"]],
					["DV Task", "due_date", "between", [today, frappe.datetime.add_days(today, days)]],
				])
			);
		});
		listview.page.add_inner_button(__("Quá hạn"), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([["DV Task", "deadline_outcome", "=", "Quá hạn"]])
			);
		});
	},
};
