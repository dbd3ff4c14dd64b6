"""The "Dân vận khéo" figures of the workspace cards, and the reminder to the units below their target."""

import frappe
from frappe import _
from frappe.utils import get_url_to_report, getdate, today

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
	reminded_today = reminders_sent_on(today(), [row.unit for row in rows])
	to_remind = []
	for row in rows:
		if not row.dan_van_leader:
			result["without_leader"].append(row.unit)
		elif (row.unit, row.dan_van_leader) in reminded_today:
			result["already_reminded"].append(row.unit)
		else:
			to_remind.append(row)
	close_earlier_reminders([row.unit for row in to_remind])
	for row in to_remind:
		remind(row, year)
		result["reminded"].append(row.unit)
	return result


def reminders_sent_on(day: str, units: list[str]) -> set[tuple[str, str]]:
	if not units:
		return set()
	ToDo = frappe.qb.DocType("ToDo")
	rows = (
		frappe.qb.from_(ToDo)
		.select(ToDo.reference_name, ToDo.allocated_to)
		.where(
			(ToDo.reference_type == "DV Unit")
			& ToDo.reference_name.isin(units)
			& ToDo.description.like(f"%{REMINDER_MARK}%")
			& (ToDo.date == day)
			& (ToDo.status != "Cancelled")
		)
		.run()
	)
	return set(rows)


def remind(row, year: int) -> None:
	message = reminder_text(row, year)
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": row.dan_van_leader,
			"reference_type": "DV Unit",
			"reference_name": row.unit,
			"date": today(),
			"priority": "Medium",
			"assigned_by": frappe.session.user,
			# The mark is an HTML comment: invisible in the ToDo, found by reminders_sent_on.
			"description": f"{message}<!-- {REMINDER_MARK} -->",
		}
	).insert(ignore_permissions=True)
	frappe.sendmail(
		recipients=[row.dan_van_leader],
		subject=_('Mô hình "Dân vận khéo" năm {0}: {1} chưa đạt chỉ tiêu').format(year, row.unit_name),
		message=message,
		reference_doctype="DV Unit",
		reference_name=row.unit,
	)


def close_earlier_reminders(units: list[str]) -> None:
	"""Today's reminder of a unit replaces its open reminders of earlier days (one UPDATE for all units)."""
	if not units:
		return
	ToDo = frappe.qb.DocType("ToDo")
	frappe.qb.update(ToDo).set(ToDo.status, "Cancelled").where(
		(ToDo.reference_type == "DV Unit")
		& ToDo.reference_name.isin(units)
		& (ToDo.status == "Open")
		& (ToDo.date < today())
		& ToDo.description.like(f"%{REMINDER_MARK}%")
	).run()


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
