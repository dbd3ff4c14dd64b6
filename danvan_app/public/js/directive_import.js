// Copyright (c) 2026, danvan_app developers
// Import a directive's text into reviewed tasks, and enter several tasks at once. Nothing is saved until the
// person confirms; the server checks everything again and writes all or nothing.

frappe.provide("danvan");

const DV_API = "danvan_app.api.directives";

danvan.DirectiveImport = class DirectiveImport {
	constructor(frm) {
		this.frm = frm;
	}

	select_options(doctype, fieldname) {
		return (frappe.meta.get_docfield(doctype, fieldname)?.options || "").split("\n");
	}

	ask_for_text() {
		const dialog = new frappe.ui.Dialog({
			title: __("Nhập nhiệm vụ từ văn bản"),
			size: "large",
			fields: [
				{
					fieldtype: "HTML",
					options: `<p class="text-muted">${__(
						"Dán toàn văn văn bản, hoặc tải lên tệp .txt, .docx, .doc, .odt, .pdf (kể cả bản quét) hay ảnh chụp .png, .jpg, .tif. Bản quét được nhận dạng chữ tự động, mỗi trang vài giây. Chưa có gì được lưu cho tới khi bạn xem lại và bấm Xác nhận tạo.",
					)}</p>`,
				},
				...this.attached_file_fields(),
				{ fieldname: "text", fieldtype: "Long Text", label: __("Toàn văn văn bản") },
				{ fieldname: "file_url", fieldtype: "Attach", label: __("Hoặc tệp văn bản") },
			],
			primary_action_label: __("Đọc văn bản"),
			primary_action: (values) => {
				const file_url = values.file_url || values.attached_file;
				if (!values.text && !file_url) {
					frappe.msgprint(__("Hãy dán văn bản hoặc chọn một tệp."));
					return;
				}
				this.read(file_url ? { file_url } : { text: values.text }, dialog);
			},
		});
		dialog.show();
	}

	attached_file_fields() {
		// A directive received by e-mail waits with the mail's files attached: offer them first.
		if (this.frm.is_new()) return [];
		const readable = /\.(txt|docx?|odt|pdf|png|jpe?g|tiff?)$/i;
		const files = (this.frm.get_docinfo().attachments || []).filter((f) => readable.test(f.file_name));
		if (!files.length) return [];
		return [
			{
				fieldname: "attached_file",
				fieldtype: "Select",
				label: __("Tệp đính kèm của văn bản"),
				options: [
					{ value: "", label: __("(không dùng)") },
					...files.map((f) => ({ value: f.file_url, label: f.file_name })),
				],
				default: this.frm.doc.awaiting_import ? files[0].file_url : "",
				description: this.frm.doc.awaiting_import
					? __("Văn bản nhận qua thư từ {0}: chọn tệp để đọc.", [this.frm.doc.email_sender || ""])
					: "",
			},
		];
	}

	read(args, dialog) {
		frappe
			.call({
				method: `${DV_API}.preview_directive_text`,
				args,
				freeze: true,
				freeze_message: __("Đang đọc văn bản… (bản quét: vài giây mỗi trang)"),
			})
			.then((r) => {
				const queued = r.message.reading_in_background;
				if (queued) {
					this.follow_scan(args, queued, dialog);
					return;
				}
				dialog.hide();
				frappe.model.with_doctype("DV Task", () => this.review(r.message));
			});
	}

	follow_scan(args, queued, dialog) {
		// A long scan is read by a background job; the dialog shows its pages as they are read. Closing it
		// does not stop the job: choosing the same file again later picks up the result.
		const title = __("Đang nhận dạng chữ bản quét ({0} trang)", [queued.pages]);
		const poll = () =>
			frappe
				.call({
					method: `${DV_API}.scan_reading_progress`,
					args: { file_url: queued.file_url },
				})
				.then((r) => {
					const state = r.message || {};
					if (state.finished) {
						frappe.hide_progress();
						this.read(args, dialog);
						return;
					}
					frappe.show_progress(
						title,
						state.done || 0,
						state.pages || queued.pages,
						__("Đã đọc {0}/{1} trang. Bạn có thể đóng hộp thoại và quay lại sau.", [
							state.done || 0,
							state.pages || queued.pages,
						]),
					);
					if (dialog.display) setTimeout(poll, 2000);
					else frappe.hide_progress();
				});
		poll();
	}

	notes_html(preview) {
		const esc = frappe.utils.escape_html;
		const notes = [];
		const recognition = preview.recognition;
		if (recognition) {
			notes.push(
				`<div class="alert alert-warning">${__(
					"Văn bản được nhận dạng chữ (OCR) từ bản quét {0} trang trong {1} giây. Hãy đối chiếu với bản gốc; {2} chữ nhận dạng chưa chắc chắn được tô vàng trong phần trích nguyên văn.",
					[recognition.pages, recognition.seconds, recognition.low_confidence.length],
				)}</div>`,
			);
		}
		if (!preview.is_directive) {
			notes.push(`<div class="alert alert-warning">${esc(preview.not_directive_reason || "")}</div>`);
		}
		for (const warning of preview.document.warnings || []) {
			notes.push(`<div class="text-warning">• ${esc(warning)}</div>`);
		}
		const existing = preview.existing_directive;
		if (existing && existing.name !== this.frm.doc.name) {
			notes.push(
				`<div class="alert alert-info">${__(
					"Văn bản số {0} đã có trong hệ thống ({1}); nhiệm vụ sẽ được gắn vào văn bản đó, nhiệm vụ đã có không bị tạo lại.",
					[esc(existing.directive_number), esc(existing.name)],
				)}</div>`,
			);
		}
		const others = (preview.same_number || []).filter((d) => !existing || d.name !== existing.name);
		if (others.length) {
			const list = others.map((d) => `${esc(d.name)}: ${esc(d.title || "")}`).join("; ");
			notes.push(
				`<div class="text-warning">${__("Có văn bản cùng số của cơ quan khác: {0}", [list])}</div>`,
			);
		}
		return notes.join("");
	}

	clause_html(task) {
		// The words OCR was unsure of in this clause, at their own places (the server pairs each doubtful
		// occurrence with the clause), so the reviewer checks them against the page beside it.
		const esc = frappe.utils.escape_html;
		const clause = task.clause || "";
		const title = esc(__("Nhận dạng chưa chắc chắn"));
		const parts = [];
		let at = 0;
		for (const mark of task.doubtful || []) {
			if (mark.start < at) continue;
			parts.push(esc(clause.slice(at, mark.start)));
			parts.push(`<mark title="${title}">${esc(clause.slice(mark.start, mark.end))}</mark>`);
			at = mark.end;
		}
		parts.push(esc(clause.slice(at)));
		return parts.join("");
	}

	units_html(matches, label) {
		if (!matches.length) return "";
		const esc = frappe.utils.escape_html;
		// A closed unit the text names (an older directive) is shown beside the successor proposed today.
		const closed = (m) =>
			m.predecessor
				? ` <span class="text-muted">(${__("tiếp nhận công việc của {0}, đơn vị đã giải thể", [
						esc(m.predecessor_name),
				  ])})</span>`
				: "";
		const shown = matches.map((m) =>
			m.unit
				? `<span class="text-success">${esc(m.written)} → ${esc(m.unit_name)}</span>${closed(m)}`
				: `<span class="text-danger"><b>${esc(m.written)}</b> (${
						m.method === "ambiguous" ? __("trùng nhiều đơn vị") : __("chưa khớp đơn vị nào")
				  })</span>${closed(m)}`,
		);
		return `${label}: ${shown.join("; ")}`;
	}

	review(preview) {
		this.recognition = preview.recognition;
		const doc = preview.document;
		const issuer_unit = preview.issuer_match && preview.issuer_match.unit;
		const remember_title = (m) => m.unit && frappe.utils.add_link_title("DV Unit", m.unit, m.unit_name);
		[
			preview.issuer_match,
			...preview.tasks.flatMap((t) => [...t.presiding_matches, ...t.coordinating_matches]),
		]
			.filter(Boolean)
			.forEach(remember_title);
		// A draft received by e-mail is filled in by the confirmation, unless the directive is already filed.
		const reuse =
			this.frm.is_new() || this.frm.doc.awaiting_import
				? preview.existing_directive && preview.existing_directive.name
				: this.frm.doc.name;

		const fields = [
			{ fieldtype: "HTML", fieldname: "notes", options: this.notes_html(preview) },
			{ fieldtype: "Section Break", label: __("Văn bản chỉ đạo") },
			{
				fieldname: "use_directive",
				fieldtype: "Link",
				options: "DV Directive",
				label: __("Gắn vào văn bản đã có"),
				default: reuse,
				description: __("Để trống để tạo văn bản mới theo các thông tin dưới đây."),
			},
			{
				fieldname: "directive_number",
				fieldtype: "Data",
				label: __("Số, ký hiệu"),
				default: doc.number,
			},
			{
				fieldname: "doc_type",
				fieldtype: "Select",
				label: __("Loại văn bản"),
				options: this.select_options("DV Directive", "doc_type"),
				default: doc.doc_type,
			},
			{
				fieldname: "issue_date",
				fieldtype: "Date",
				label: __("Ngày ban hành"),
				default: doc.issue_date,
			},
			{ fieldtype: "Column Break" },
			{
				fieldname: "issuing_unit",
				fieldtype: "Link",
				options: "DV Unit",
				label: __("Cơ quan ban hành"),
				default: issuer_unit,
				description: doc.issuer ? __("Văn bản ghi: {0}", [frappe.utils.escape_html(doc.issuer)]) : "",
			},
			{
				fieldname: "issuer_name",
				fieldtype: "Data",
				label: __("Cơ quan ban hành (như ghi trên văn bản)"),
				default: doc.issuer,
			},
			{ fieldname: "title", fieldtype: "Data", label: __("Trích yếu"), default: doc.title },
			{ fieldname: "summary", fieldtype: "Small Text", label: __("Tóm tắt"), default: doc.summary },
		];
		preview.tasks.forEach((task, i) => fields.push(...this.task_fields(task, i)));
		if (!preview.tasks.length) {
			fields.push({
				fieldtype: "HTML",
				options: `<p class="text-muted">${__("Không tìm thấy nhiệm vụ nào trong văn bản.")}</p>`,
			});
		}

		const dialog = new frappe.ui.Dialog({
			title: __("Xem lại trước khi tạo: {0} nhiệm vụ", [preview.tasks.length]),
			size: "extra-large",
			fields,
			primary_action_label: __("Xác nhận tạo"),
			primary_action: () => {
				this.confirm(dialog, preview);
			},
		});
		dialog.show();
		this.show_pages(dialog, preview);
		preview.tasks.forEach((task, i) => {
			// Re-mark when the person picks a unit: the highlight shows what still needs mapping.
			for (const name of [`presiding_unit_${i}`, `group_kinds_${i}`]) {
				dialog.fields_dict[name].df.onchange = () => this.mark_unmatched(dialog, task, i);
			}
			this.mark_unmatched(dialog, task, i);
		});
	}

	task_fields(task, i) {
		const f = task.fields;
		const n = i + 1;
		const kinds = this.select_options("DV Task", "deadline_kind");
		const kind = frappe.boot.danvan.deadline_kind;
		const depends = (labels) =>
			`eval:doc.include_${i} && ${JSON.stringify(labels)}.includes(doc.deadline_kind_${i})`;
		const when_included = `eval:doc.include_${i}`;
		// A low-confidence proposal (an exhortation, a title over narrative) is shown apart and left unchecked.
		const low = task.confidence === "low";
		return [
			{ fieldtype: "Section Break", label: __("Nhiệm vụ {0}", [n]) },
			...(low
				? [
						{
							fieldname: `confidence_${i}`,
							fieldtype: "HTML",
							options: `<div class="dv-low-confidence"><span class="indicator-pill orange">${__(
								"Độ tin cậy thấp",
							)}</span> <span class="text-muted small">${__(
								"Đoạn này có thể chỉ là lời kêu gọi chung hoặc tiêu đề, không giao việc cụ thể; chọn nếu đúng là nhiệm vụ.",
							)}</span></div>`,
						},
				  ]
				: []),
			{
				fieldname: `include_${i}`,
				fieldtype: "Check",
				label: __("Tạo nhiệm vụ này"),
				default: low ? 0 : 1,
			},
			{
				fieldname: `title_${i}`,
				fieldtype: "Data",
				label: __("Tên nhiệm vụ"),
				default: f.title,
				depends_on: when_included,
			},
			{
				fieldname: `presiding_unit_${i}`,
				fieldtype: "Link",
				options: "DV Unit",
				label: __("Đơn vị chủ trì"),
				default: f.presiding_unit,
				depends_on: when_included,
				description: this.units_html(task.presiding_matches, __("Văn bản ghi")),
			},
			{
				fieldname: `group_kinds_${i}`,
				fieldtype: "MultiSelectList",
				label: __("Hoặc giao cho từng đơn vị thuộc loại"),
				default: task.group ? task.group.kinds : [],
				get_data: (txt) => frappe.db.get_link_options("DV Unit Kind", txt),
				depends_on: `eval:doc.include_${i} && !doc.presiding_unit_${i}`,
				description: task.group
					? __(
							"Văn bản giao chung; đề xuất {0} đơn vị trong phạm vi của bạn, mỗi đơn vị một nhiệm vụ.",
							[task.group.units],
					  )
					: "",
			},
			{
				fieldname: `group_level_${i}`,
				fieldtype: "Link",
				options: "DV Admin Level",
				label: __("Thuộc cấp"),
				default: task.group ? task.group.level : null,
				depends_on: `eval:doc.include_${i} && !doc.presiding_unit_${i}`,
			},
			{
				fieldname: `coordinating_units_${i}`,
				fieldtype: "Table MultiSelect",
				options: "DV Task Coordinating Unit",
				label: __("Đơn vị phối hợp"),
				default: (f.coordinating_units || []).map((unit) => ({ unit })),
				depends_on: when_included,
				description: this.units_html(task.coordinating_matches, __("Văn bản ghi")),
			},
			{
				fieldname: `deadline_kind_${i}`,
				fieldtype: "Select",
				label: __("Loại thời hạn"),
				options: kinds,
				default: f.deadline_kind,
				depends_on: when_included,
			},
			{
				fieldname: `due_date_${i}`,
				fieldtype: "Date",
				label: __("Hạn hoàn thành"),
				default: f.due_date,
				depends_on: depends([kind.date, kind.before, kind.recurring]),
			},
			{
				fieldname: `deadline_year_${i}`,
				fieldtype: "Int",
				label: __("Năm"),
				default: f.deadline_year,
				depends_on: depends([kind.within_month, kind.quarter, kind.from_year]),
			},
			{
				fieldname: `deadline_month_${i}`,
				fieldtype: "Int",
				label: __("Tháng"),
				default: f.deadline_month,
				depends_on: depends([kind.within_month, kind.recurring]),
			},
			{
				fieldname: `deadline_quarter_${i}`,
				fieldtype: "Select",
				label: __("Quý"),
				options: ["", "I", "II", "III", "IV"],
				default: f.deadline_quarter,
				depends_on: depends([kind.quarter]),
			},
			{
				fieldname: `recurrence_${i}`,
				fieldtype: "Select",
				label: __("Lặp lại"),
				options: this.select_options("DV Task", "recurrence"),
				default: f.recurrence,
				depends_on: when_included,
			},
			{
				fieldname: `deadline_text_${i}`,
				fieldtype: "Data",
				label: __("Thời hạn như ghi trong văn bản"),
				default: f.deadline_text,
				depends_on: when_included,
			},
			{ fieldtype: "Column Break" },
			{
				fieldtype: "HTML",
				fieldname: `clause_${i}`,
				options: `<div class="small text-muted">${__("Trích nguyên văn")}</div>
					<div class="dv-source-clause">${this.clause_html(task)}</div>${this.page_html(task)}`,
			},
		];
	}

	page_html(task) {
		// The page of the scan the clause was read from, beside the recognised text (filled in show_pages).
		if (!this.recognition || !task.page) return "";
		return `<div class="dv-scan-page" data-page="${cint(task.page)}">
			<div class="small text-muted">${__("Trang {0} của bản quét (bấm để phóng to)", [cint(task.page)])}</div>
			<img class="dv-scan-thumb" alt="${__("Trang {0}", [cint(task.page)])}"
				style="max-width: 100%; max-height: 320px; border: 1px solid var(--border-color); cursor: zoom-in">
		</div>`;
	}

	show_pages(dialog, preview) {
		if (!this.recognition || !preview.file_url) return;
		const pages = [...new Set(preview.tasks.map((t) => t.page).filter(Boolean))];
		for (const page of pages) {
			frappe
				.call({
					method: `${DV_API}.scan_page_image`,
					args: { file_url: preview.file_url, page },
				})
				.then((r) => {
					const image = r.message && r.message.image;
					if (!image) return;
					const holders = dialog.$wrapper.find(`.dv-scan-page[data-page="${page}"]`);
					holders.find("img").attr("src", image);
					holders.find("img").on("click", () => this.zoom_page(page, image));
				});
		}
	}

	zoom_page(page, image) {
		const big = new frappe.ui.Dialog({ title: __("Trang {0} của bản quét", [page]), size: "large" });
		big.$body.append(
			$('<img style="width: 100%; border: 1px solid var(--border-color)">').attr("src", image),
		);
		big.show();
	}

	mark_unmatched(dialog, task, i) {
		if (!dialog || !dialog.fields_dict[`presiding_unit_${i}`]) return;
		const grouped = (dialog.get_value(`group_kinds_${i}`) || []).length > 0;
		const missing = !dialog.get_value(`presiding_unit_${i}`) && !grouped;
		dialog.fields_dict[`presiding_unit_${i}`].$wrapper.toggleClass("dv-needs-unit", missing);
		const unmatched = task.coordinating_matches.some((m) => !m.unit);
		dialog.fields_dict[`coordinating_units_${i}`].$wrapper.toggleClass("dv-unit-unmatched", unmatched);
	}

	confirm(dialog, preview) {
		const v = (name) => dialog.get_value(name);
		const tasks = [];
		preview.tasks.forEach((task, i) => {
			if (!v(`include_${i}`)) return;
			tasks.push({
				title: v(`title_${i}`),
				source_clause: task.clause,
				presiding_unit: v(`presiding_unit_${i}`),
				presiding_group: v(`presiding_unit_${i}`)
					? null
					: { kinds: v(`group_kinds_${i}`) || [], level: v(`group_level_${i}`) || null },
				coordinating_units: (v(`coordinating_units_${i}`) || []).map((row) => row.unit),
				deadline_kind: v(`deadline_kind_${i}`),
				due_date: v(`due_date_${i}`),
				deadline_year: v(`deadline_year_${i}`),
				deadline_month: v(`deadline_month_${i}`),
				deadline_quarter: v(`deadline_quarter_${i}`),
				recurrence: v(`recurrence_${i}`),
				deadline_text: v(`deadline_text_${i}`),
			});
		});
		const directive = {
			references: preview.references,
			full_text: preview.source_text,
			attachment: preview.file_url,
		};
		// The server says which fields the person reviewed (danvan_app/importer/directive.py).
		for (const name of preview.reviewed_fields) {
			directive[name] = v(name);
		}
		frappe
			.call({
				method: `${DV_API}.confirm_directive_import`,
				args: {
					payload: {
						directive,
						use_directive: v("use_directive"),
						from_draft: this.frm.doc.awaiting_import ? this.frm.doc.name : null,
						tasks,
					},
				},
				freeze: true,
				freeze_message: __("Đang tạo văn bản và nhiệm vụ…"),
			})
			.then((r) => {
				const result = r.message;
				dialog.hide();
				let message = __("Đã tạo {0} nhiệm vụ.", [result.tasks.length]);
				if (result.skipped.length) {
					message +=
						" " + __("{0} nhiệm vụ đã có từ trước, không tạo lại.", [result.skipped.length]);
				}
				frappe.show_alert({ message, indicator: "green" }, 7);
				if (!this.frm.is_new() && result.directive === this.frm.doc.name) {
					this.frm.reload_doc();
				} else {
					frappe.set_route("Form", "DV Directive", result.directive);
				}
			});
	}

	quick_entry() {
		// The Select options come from DV Task's meta, so load it before building the dialog.
		frappe.model.with_doctype("DV Task", () => this.show_quick_entry());
	}

	show_quick_entry() {
		const dialog = new frappe.ui.Dialog({
			title: __("Tạo nhiệm vụ cho văn bản {0}", [this.frm.doc.directive_number]),
			size: "extra-large",
			fields: [
				{
					fieldname: "tasks",
					fieldtype: "Table",
					label: __("Nhiệm vụ"),
					cannot_add_rows: false,
					in_place_edit: false,
					data: [],
					fields: [
						{
							fieldname: "title",
							fieldtype: "Data",
							label: __("Tên nhiệm vụ"),
							in_list_view: 1,
							reqd: 1,
							columns: 3,
						},
						{
							fieldname: "presiding_unit",
							fieldtype: "Link",
							options: "DV Unit",
							label: __("Đơn vị chủ trì"),
							in_list_view: 1,
							reqd: 1,
							columns: 2,
						},
						{
							fieldname: "coordinating_units",
							fieldtype: "Data",
							label: __("Đơn vị phối hợp"),
							in_list_view: 1,
							columns: 2,
							description: __(
								"Tên hoặc tên viết tắt của đơn vị, cách nhau bằng dấu chấm phẩy (;).",
							),
						},
						{
							fieldname: "deadline_kind",
							fieldtype: "Select",
							label: __("Loại thời hạn"),
							options: this.select_options("DV Task", "deadline_kind"),
							default: frappe.boot.danvan.deadline_kind.none,
							in_list_view: 1,
							columns: 1,
						},
						{
							fieldname: "due_date",
							fieldtype: "Date",
							label: __("Hạn hoàn thành"),
							in_list_view: 1,
							columns: 1,
						},
						{
							fieldname: "source_clause",
							fieldtype: "Small Text",
							label: __("Trích nguyên văn từ văn bản"),
						},
						{ fieldname: "deadline_year", fieldtype: "Int", label: __("Năm") },
						{ fieldname: "deadline_month", fieldtype: "Int", label: __("Tháng") },
						{
							fieldname: "deadline_quarter",
							fieldtype: "Select",
							label: __("Quý"),
							options: ["", "I", "II", "III", "IV"],
						},
						{
							fieldname: "recurrence",
							fieldtype: "Select",
							label: __("Lặp lại"),
							options: this.select_options("DV Task", "recurrence"),
						},
						{
							fieldname: "deadline_text",
							fieldtype: "Data",
							label: __("Thời hạn như ghi trong văn bản"),
						},
					],
				},
			],
			primary_action_label: __("Tạo nhiệm vụ"),
			primary_action: () => {
				// What the person typed, field by field as the table above defines them (nothing listed twice).
				const keys = dialog.fields_dict.tasks.df.fields.map((df) => df.fieldname);
				const tasks = (dialog.fields_dict.tasks.grid.get_data() || [])
					.filter((row) => row.title || row.presiding_unit)
					.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));
				frappe
					.call({
						method: `${DV_API}.create_tasks`,
						args: { directive: this.frm.doc.name, tasks },
						freeze: true,
						freeze_message: __("Đang tạo nhiệm vụ…"),
					})
					.then((r) => {
						dialog.hide();
						frappe.show_alert(
							{ message: __("Đã tạo {0} nhiệm vụ.", [r.message.length]), indicator: "green" },
							7,
						);
						this.frm.reload_doc();
					});
			},
		});
		dialog.show();
	}
};
