"""Domain refusals become Frappe's in one place: each domain exception's Vietnamese message and the
``frappe.ValidationError`` subclass it is raised as.

The domain core raises plain exceptions that carry what a message needs (dates, scores, states). A
controller runs a rule inside ``refusals()``; what the message needs beyond the rule's own values (a
unit's name, which field a date belongs to) is passed as keyword arguments. No controller writes a
try/except per rule, and each rule has exactly one message.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.utils import formatdate

from danvan_app.domain import classification as classification_rules
from danvan_app.domain import directives as directive_rules
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import kheo_models as model_rules
from danvan_app.domain import measures as measure_rules
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.domain import task_completion as completion_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.domain import units as unit_rules
from danvan_app.domain.directive_number import InvalidDirectiveNumber
from danvan_app.exceptions import (
	DeadlineError,
	DirectiveLinkError,
	DirectiveNumberError,
	IssueDateError,
	ModelRegistrationError,
	ModelStatusError,
	ModelYearError,
	ReorganisationError,
	ScoreError,
	TaskCompletionError,
	TemplateError,
	UnitTreeError,
	UnitValidityError,
)

Message = Callable[[Exception, dict], str]


def _unit(context: dict, unit: str) -> str:
	"""A unit's name as users know it (the controller passes the names it read), in bold."""
	return frappe.bold(context.get("names", {}).get(unit) or unit)


def _wrong_number(error: reorg_rules.WrongNumberOfUnits, context: dict) -> str:
	kind = _(reorg_rules.KIND_LABELS.get(error.kind, error.kind))
	if error.side == "old":
		return _("{0} áp dụng cho đúng một đơn vị cũ; đã chọn {1}.").format(kind, error.count)
	if error.expected == "1":
		return _("{0} cần đúng một đơn vị mới hoặc đơn vị tiếp nhận; đã chọn {1}.").format(kind, error.count)
	return _("Chia tách cần ít nhất hai đơn vị mới; đã chọn {0}.").format(error.count)


def _missing_particulars(error: model_rules.MissingBeforeApproval, context: dict) -> str:
	labels = context.get("labels", {})
	return _("Trước khi chuyển sang {0}, mô hình cần ghi đủ: {1}.").format(
		frappe.bold(error.state), ", ".join(_(labels.get(field, field)) for field in error.fields)
	)


def _late_registration(error: model_rules.OutsideRegistrationWindow, context: dict) -> str:
	message = _("Thời gian đăng ký mô hình năm {0} là từ {1} đến {2}.").format(
		error.start.year, formatdate(error.start), formatdate(error.end)
	)
	if error.manager_may:
		return message + " " + _("Đăng ký ngoài thời gian này cần cán bộ quản lý của đơn vị thực hiện.")
	return message + " " + _("Đã hết thời gian đăng ký.")


REFUSALS: dict[type[Exception], tuple[type[Exception], Message]] = {
	classification_rules.InvalidCondition: (
		TemplateError,
		lambda e, c: _(
			"Điều kiện xếp loại không hợp lệ ({0}: {1}): chọn mức xếp loại và điều kiện trong danh sách; điều"
			" kiện tỷ lệ cần ghi một số phần trăm từ 0 đến 100."
		).format(e.classification, e.kind),
	),
	measure_rules.UnknownMeasure: (
		TemplateError,
		lambda e, c: _("Không có cách tính từ dữ liệu {0}; hãy chọn trong danh sách.").format(
			frappe.bold(e.key)
		),
	),
	measure_rules.ReviewWithoutReason: (
		frappe.MandatoryError,
		lambda e, c: _(
			"Tiêu chí {0}: điểm tính từ dữ liệu là {1}, điểm thẩm định {2}; hãy ghi lý do điều chỉnh ở cột nhận xét."
		).format(e.criterion, f"{e.computed:g}", f"{e.reviewed:g}"),
	),
	evaluation_rules.NotReviewed: (
		ScoreError,
		lambda e, c: _("Phiếu chưa có điểm thẩm định: người thẩm định cần chấm điểm thẩm định trước."),
	),
	evaluation_rules.StepNotFromAbove: (
		frappe.PermissionError,
		lambda e, c: _(
			"Bước {0} do người thẩm định được giao hoặc cơ quan cấp trên của đơn vị được đánh giá thực hiện; đơn vị"
			" không tự thẩm định, phê duyệt phiếu của mình."
		).format(frappe.bold(e.step)),
	),
	classification_rules.InvalidQuota: (
		TemplateError,
		lambda e, c: _("Tỷ lệ xuất sắc tối đa {0} không hợp lệ: phải từ 0 đến 100 (%).").format(e.percent),
	),
	completion_rules.DoneWithoutConfirmation: (
		TaskCompletionError,
		lambda e, c: _(
			"Đã bật bước xác nhận hoàn thành: đơn vị chủ trì báo cáo hoàn thành, nhiệm vụ hoàn thành khi đơn vị"
			" giao nhiệm vụ xác nhận."
		),
	),
	completion_rules.ReturnWithoutReason: (
		frappe.MandatoryError,
		lambda e, c: _("Trả lại nhiệm vụ cần ghi lý do trả lại."),
	),
	completion_rules.ConfirmationByAssigningUnit: (
		frappe.PermissionError,
		lambda e, c: _(
			"Chỉ đơn vị giao nhiệm vụ (hoặc quản trị viên dân vận) mới chuyển nhiệm vụ sang {0}."
		).format(frappe.bold(e.state)),
	),
	task_rules.DueBeforeStart: (
		DeadlineError,
		lambda e, c: _("{0} {1} trước {2} {3}.").format(
			c.get("end", _("Hạn hoàn thành")),
			formatdate(e.due),
			c.get("start", _("ngày bắt đầu")),
			formatdate(e.start),
		),
	),
	task_rules.DeadlineIncomplete: (
		DeadlineError,
		lambda e, c: _("Loại thời hạn {0} cần ghi đủ năm và {1}.").format(
			c.get("kind_label", e.kind), _("tháng") if e.kind == "within_month" else _("quý")
		),
	),
	task_rules.ChildDeadlineAfterParent: (
		DeadlineError,
		lambda e, c: _(
			"Nhiệm vụ giao cho cấp dưới phải có hạn không muộn hơn hạn của nhiệm vụ cấp trên ({0})."
		).format(formatdate(e.parent_due)),
	),
	task_rules.ExtensionNotLater: (
		DeadlineError,
		lambda e, c: _("Ngày đề nghị gia hạn {0} phải sau hạn hiện tại {1}.").format(
			formatdate(e.requested_due), formatdate(e.current_due)
		),
	),
	task_rules.DecisionFinal: (
		frappe.ValidationError,
		lambda e, c: _("Đề nghị gia hạn dòng {0} đã được quyết định, không thể thay đổi.").format(
			c.get("row")
		),
	),
	unit_rules.OwnAncestor: (
		UnitTreeError,
		lambda e, c: _(
			"Không thể đặt đơn vị {0} trực thuộc {1}: một đơn vị không thể là cấp trên của chính nó."
		).format(frappe.bold(c.get("unit_name", e.unit)), frappe.bold(c.get("parent_name", e.parent))),
	),
	unit_rules.ValidityReversed: (
		UnitValidityError,
		lambda e, c: _("Ngày kết thúc hoạt động {0} trước ngày bắt đầu hoạt động {1}.").format(
			formatdate(e.valid_to), formatdate(e.valid_from)
		),
	),
	unit_rules.OwnSuccessor: (
		UnitValidityError,
		lambda e, c: _("Đơn vị {0} không thể kế thừa chính nó.").format(
			frappe.bold(c.get("unit_name", e.unit))
		),
	),
	model_rules.YearOutOfRange: (
		ModelYearError,
		lambda e, c: _("Năm đăng ký {0} không hợp lệ: phải từ {1} đến {2}.").format(
			e.year, e.lowest, e.highest
		),
	),
	model_rules.SelfReplication: (
		ModelStatusError,
		lambda e, c: _("Mô hình không thể nhân rộng từ chính nó."),
	),
	model_rules.ReplicationCycle: (
		ModelStatusError,
		lambda e, c: _("Không thể nhân rộng vòng tròn: {0}.").format(" → ".join(e.chain)),
	),
	model_rules.InvalidWindow: (
		frappe.ValidationError,
		lambda e, c: _(
			"Thời gian đăng ký mô hình {0} – {1} không hợp lệ: ghi ngày/tháng có thật, ví dụ 01/01 – 31/03."
		).format(e.start, e.end),
	),
	model_rules.MissingBeforeApproval: (frappe.MandatoryError, _missing_particulars),
	model_rules.OutsideRegistrationWindow: (ModelRegistrationError, _late_registration),
	model_rules.EvaluationMissing: (
		ModelStatusError,
		lambda e, c: _("Mô hình cần có phiếu đánh giá đã gửi (submit) trước khi chuyển sang {0}.").format(
			frappe.bold(e.state)
		),
	),
	model_rules.EvaluationNotPassed: (
		ModelStatusError,
		lambda e, c: _("Mô hình được đánh giá {0} nên không thể công nhận.").format(
			frappe.bold(e.classification)
		),
	),
	model_rules.EvaluationInUse: (
		ModelStatusError,
		lambda e, c: _(
			"Mô hình đã ở trạng thái {0} dựa trên phiếu đánh giá này, nên không thể hủy phiếu."
		).format(frappe.bold(e.state)),
	),
	model_rules.RecognitionDecisionMissing: (
		frappe.MandatoryError,
		lambda e, c: _("Công nhận mô hình cần ghi số và ngày của quyết định công nhận."),
	),
	model_rules.StateNeedsSupervisor: (
		frappe.PermissionError,
		lambda e, c: _(
			"Chỉ cơ quan cấp trên của đơn vị đăng ký (hoặc quản trị viên dân vận) mới chuyển mô hình sang {0}."
		).format(frappe.bold(e.state)),
	),
	evaluation_rules.ScoreOutOfRange: (
		ScoreError,
		lambda e, c: _("Tiêu chí {0}: điểm {1} vượt khung 0 – {2}.").format(e.criterion, e.score, e.maximum),
	),
	evaluation_rules.InvalidMaximum: (
		ScoreError,
		lambda e, c: _("Tiêu chí {0}: điểm tối đa phải lớn hơn 0.").format(e.criterion),
	),
	evaluation_rules.InvalidThresholds: (
		TemplateError,
		lambda e, c: _(
			"Ngưỡng xếp loại không hợp lệ: mỗi mức xếp loại chỉ ghi một lần, điểm tối thiểu từ 0 đến"
			" {0} và mức cao hơn cần điểm cao hơn."
		).format(c.get("maximum")),
	),
	directive_rules.IssueDateInFuture: (
		IssueDateError,
		lambda e, c: _("Ngày ban hành {0} ở tương lai.").format(formatdate(e.issue_date)),
	),
	directive_rules.ReplacedWithoutSuccessor: (
		DirectiveLinkError,
		lambda e, c: _("Văn bản đã được thay thế phải ghi văn bản thay thế."),
	),
	directive_rules.ReplacedByItself: (
		DirectiveLinkError,
		lambda e, c: _("Văn bản không thể được thay thế bởi chính nó."),
	),
	directive_rules.OwnParent: (DirectiveLinkError, lambda e, c: _("Văn bản không thể triển khai chính nó.")),
	InvalidDirectiveNumber: (
		DirectiveNumberError,
		lambda e, c: _(
			"Số, ký hiệu {0} không đúng dạng số văn bản (ví dụ: 16-CT/TU, 16/CT-TTg, 290-QĐ/TW) hoặc có"
			" mã loại văn bản không xác định."
		).format(frappe.bold(e.text)),
	),
	reorg_rules.UnknownKind: (
		ReorganisationError,
		lambda e, c: _("Hình thức sắp xếp {0} không có trong danh sách.").format(frappe.bold(e.kind)),
	),
	reorg_rules.NoOldUnits: (
		ReorganisationError,
		lambda e, c: _("Chọn ít nhất một đơn vị cũ (đơn vị được sắp xếp)."),
	),
	reorg_rules.ListedTwice: (
		ReorganisationError,
		lambda e, c: _("Đơn vị {0} được ghi hai lần.").format(_unit(c, e.unit)),
	),
	reorg_rules.MissingTarget: (
		ReorganisationError,
		lambda e, c: _(
			"{0} cần ghi đơn vị mới hoặc đơn vị tiếp nhận công việc, để công việc đang làm không bị bỏ lại."
		).format(_(reorg_rules.KIND_LABELS.get(e.kind, e.kind))),
	),
	reorg_rules.WrongNumberOfUnits: (ReorganisationError, _wrong_number),
	reorg_rules.IntoOwnDescendant: (
		ReorganisationError,
		lambda e, c: _(
			"Không thể sắp xếp đơn vị {0} vào {1}: đó là chính đơn vị này hoặc một đơn vị cấp dưới của nó."
		).format(_unit(c, e.unit), _unit(c, e.target)),
	),
	reorg_rules.UnderClosingUnit: (
		ReorganisationError,
		lambda e, c: _(
			"Đơn vị {0} không thể trực thuộc {1}, vì {1} chấm dứt hoạt động theo quyết định này."
		).format(_unit(c, e.unit), _unit(c, e.parent)),
	),
	reorg_rules.SplitRuleIncomplete: (
		ReorganisationError,
		lambda e, c: _("Chia tách {0}: chưa ghi đơn vị mới tiếp nhận các đơn vị trực thuộc {1}.").format(
			_unit(c, e.unit), ", ".join(_unit(c, unit) for unit in e.missing)
		),
	),
	reorg_rules.SplitRowOutside: (
		ReorganisationError,
		lambda e, c: _(
			"Dòng phân chia {0} → {1} không hợp lệ: đơn vị phải trực thuộc đơn vị được chia tách và đơn vị"
			" tiếp nhận phải là một đơn vị mới của quyết định này."
		).format(_unit(c, e.unit), _unit(c, e.target)),
	),
	reorg_rules.AlreadyClosed: (
		ReorganisationError,
		lambda e, c: _("Đơn vị {0} đã chấm dứt hoạt động từ sau ngày {1}.").format(
			_unit(c, e.unit), formatdate(e.closed_on)
		),
	),
	reorg_rules.NotYetOpen: (
		ReorganisationError,
		lambda e, c: _("Đơn vị {0} chỉ hoạt động từ ngày {1}, không trước ngày hiệu lực.").format(
			_unit(c, e.unit), formatdate(e.opens_on)
		),
	),
	reorg_rules.PendingOverlap: (
		ReorganisationError,
		lambda e, c: _("Đơn vị {0} đã có trong quyết định sắp xếp {1} cùng có hiệu lực ngày {2}.").format(
			_unit(c, e.unit), frappe.bold(e.other), formatdate(e.effective)
		),
	),
}


@contextmanager
def refusals(**context) -> Iterator[None]:
	"""Run domain rules; a refusal is thrown as its Frappe error with its Vietnamese message."""
	try:
		yield
	except tuple(REFUSALS) as error:
		exc, message = REFUSALS[type(error)]
		frappe.throw(message(error, context), exc=exc)
