"""Report drafts compiled from the data, downloaded as Word or PDF."""

import frappe
from frappe import _

from danvan_app import report_drafts
from danvan_app.api import arguments
from danvan_app.domain import report_draft as rd

FORMATS = {
	"docx": (
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		report_drafts.as_docx,
	),
	"pdf": ("application/pdf", report_drafts.as_pdf),
}


@frappe.whitelist()
@frappe.read_only()
def download_result_report(directive=None, year=None, period=None, file_format=None):
	"""'Báo cáo kết quả thực hiện' ``directive`` in ``period`` ("Quý I"…"Cả năm", domain.periods) of ``year``, as a .docx or a
	.pdf draft for an officer to edit and send, from the tasks the user sees."""
	name = arguments.name(directive, _("Văn bản chỉ đạo"))
	year = arguments.number(year, _("Năm báo cáo"), 1930, 2100)
	if year != int(year):
		arguments.refuse(_("Năm báo cáo phải là một số nguyên, ví dụ 2025."))
	period = arguments.text(period, _("Kỳ báo cáo"), 40)
	if period not in rd.PERIOD_KEYS:
		arguments.refuse(
			_("Kỳ báo cáo phải là một trong: {0}.").format(", ".join(_(key) for key in rd.PERIOD_KEYS))
		)
	file_format = (arguments.text(file_format, _("Định dạng tệp"), 10) or "").lower()
	if file_format not in FORMATS:
		arguments.refuse(_("Định dạng tệp phải là Word (docx) hoặc PDF (pdf)."))
	if not frappe.db.exists("DV Directive", name) or not frappe.has_permission(
		"DV Directive", "read", doc=name
	):
		frappe.throw(_("Không tìm thấy văn bản chỉ đạo này."), frappe.DoesNotExistError)
	try:
		document = report_drafts.result_report(name, period, int(year))
	except rd.PeriodNotBegun as error:
		arguments.refuse(
			_("Kỳ báo cáo {0} chưa bắt đầu, chưa có số liệu để báo cáo.").format(error.period.phrase)
		)
	content_type, render = FORMATS[file_format]
	frappe.response.filename = f"{document.file_stem}.{file_format}"
	frappe.response.filecontent = render(document)
	frappe.response.type = "download"
	frappe.response.content_type = content_type
