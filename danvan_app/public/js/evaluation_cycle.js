// Copyright (c) 2026, danvan_app developers
// An evaluation cycle's two actions: create the units' evaluations (a background job whose progress the form
// shows), and close the cycle (the quota of excellent units applied per ranking group).

frappe.provide("danvan");

danvan.evaluation_cycle_form = {
	refresh(frm) {
		if (frm.is_new() || frm.doc.cycle_status === frappe.boot.danvan.cycle_closed || !frm.perm[0].write)
			return;
		// The cycle's first action, visible on a phone too.
		frm.page.set_secondary_action(__("Tạo phiếu đánh giá"), () =>
			frappe
				.call({
					method: "danvan_app.api.evaluations.create_cycle_evaluations",
					args: { cycle: frm.doc.name },
				})
				.then(() =>
					frappe.show_alert({
						message: __(
							"Đang tạo phiếu đánh giá cho các đơn vị; tiến độ hiện trên màn hình này.",
						),
						indicator: "blue",
					}),
				),
		);
		frm.add_custom_button(__("Chốt kết quả"), () =>
			frappe.confirm(
				__(
					"Chốt kết quả đợt đánh giá: áp dụng tỷ lệ xuất sắc cho từng nhóm đơn vị và ghi xếp loại cuối cùng?",
				),
				() =>
					frappe
						.call({
							method: "danvan_app.api.evaluations.close_cycle",
							args: { cycle: frm.doc.name },
						})
						.then(({ message }) => {
							frappe.msgprint(
								__("Đã chốt {0} phiếu; {1} đơn vị xuống mức do tỷ lệ xuất sắc.", [
									message.evaluations,
									message.moved_down,
								]),
							);
							frm.reload_doc();
						}),
			),
		);
	},
};
