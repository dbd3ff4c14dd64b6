"""The "Dân vận khéo" figures of the workspace cards, and the reminder to the units below their target."""

import frappe
from frappe import _
from frappe.utils import get_url_to_report, getdate, today

from danvan_app import unit_reminders
from danvan_app.api import arguments
from danvan_app.domain import kheo_models as model_rules
from danvan_app.kheo_targets import NOT_COUNTED, standing_rows

TARGET_REPORT = "DV Kheo Targets"
# Marks the reminder ToDos, so that a second reminder on the same day finds the first.
REMINDER_MARK = "dv-kheo-target-reminder"


def current_year() -> int:
	return getdate(today()).year


@frappe.whitelist()
@frappe.read_only()
def models_registered_this_year(filters=None) -> dict:
	# Counted as the target report counts them: not a registration turned down or sent back.
	return model_count({"year": current_year(), "status": ("not in", NOT_COUNTED)}, {"year": current_year()})


@frappe.whitelist()
@frappe.read_only()
def models_recognised_this_year(filters=None) -> dict:
	conditions = {"year": current_year(), "status": model_rules.RECOGNISED}
	return model_count(conditions, conditions)


def model_count(conditions: dict, route_options: dict) -> dict:
	# Through frappe.get_list: the user's unit scope applies as in the list the card opens.
	result = frappe.get_list(
		"DV Kheo Model", filters={**conditions, "docstatus": ("<", 2)}, fields=["count(*) as total"]
	)
	return {
		"value": result[0].total if result else 0,
		"fieldtype": "Int",
		"route": ["List", "DV Kheo Model"],
		"route_options": route_options,
	}


@frappe.whitelist()
@frappe.read_only()
def units_below_target(filters=None) -> dict:
	year = current_year()
	below = sum(1 for row in standing_rows(year) if row.below_target)
	return {
		"value": below,
		"fieldtype": "Int",
		"route": ["query-report", TARGET_REPORT],
		"route_options": {"year": year, "below_target_only": 1},
	}


@frappe.whitelist(methods=["POST"])
def remind_units_below_target(year=None, unit=None) -> dict:
	"""Remind the leader in charge of dân vận of each unit below its target (in the caller's scope): a
	ToDo on the unit and an e-mail. Once a day per unit and leader: a second call the same day reminds no
	one twice, and yesterday's open reminder is closed by today's."""
	year = int(arguments.number(year, _("Năm"), model_rules.FIRST_YEAR, current_year() + 1))
	unit = arguments.name(unit, _("Đơn vị"), required=False)
	# Reminding units is acting on them: the right to change units, which managers and administrators have.
	if not frappe.has_permission("DV Unit", "write"):
		frappe.throw(
			_("Chỉ cán bộ quản lý hoặc quản trị viên dân vận được nhắc các đơn vị."), frappe.PermissionError
		)
	result = {"reminded": [], "already_reminded": [], "without_leader": []}
	rows = [row for row in standing_rows(year, unit) if row.below_target]
	reminded_today = unit_reminders.sent_today(REMINDER_MARK, [row.unit for row in rows])
	to_remind = []
	for row in rows:
		if not row.dan_van_leader:
			result["without_leader"].append(row.unit)
		elif (row.unit, row.dan_van_leader) in reminded_today:
			result["already_reminded"].append(row.unit)
		else:
			to_remind.append(row)
	unit_reminders.close_earlier(REMINDER_MARK, [row.unit for row in to_remind])
	result["reminded"] = [row.unit for row in to_remind]
	result["queued"] = unit_reminders.send_all(REMINDER_MARK, [reminder(row, year) for row in to_remind])
	return result


def reminder(row, year: int) -> dict:
	return {
		"unit": row.unit,
		"person": row.dan_van_leader,
		"subject": _('Mô hình "Dân vận khéo" năm {0}: {1} chưa đạt chỉ tiêu').format(year, row.unit_name),
		"message": reminder_text(row, year),
	}


def reminder_text(row, year: int) -> str:
	lacking = []
	if row.registered_short:
		lacking.append(
			_("cần đăng ký thêm {0} mô hình (đã đăng ký {1}/{2})").format(
				row.registered_short, row.registered, row.min_registered
			)
		)
	if row.recognised_short:
		lacking.append(
			_("cần thêm {0} mô hình được công nhận (đã có {1}/{2})").format(
				row.recognised_short, row.recognised, row.min_recognised
			)
		)
	link = get_url_to_report(TARGET_REPORT, "Script Report", "DV Kheo Model")
	return _(
		'<p>Năm {0}, {1} chưa đạt chỉ tiêu xây dựng mô hình "Dân vận khéo": {2}.</p>'
		'<p><a href="{3}">Xem báo cáo mô hình Dân vận khéo theo chỉ tiêu</a></p>'
	).format(year, frappe.bold(row.unit_name), "; ".join(lacking), link)
