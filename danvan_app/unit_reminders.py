"""Reminders about a unit sent to a person (a ToDo on the unit and an e-mail), at most one a day: a
reminder of the same kind sent today is found again, and today's replaces the open ones of earlier days.

Each kind of reminder has its mark, an HTML comment in the ToDo's description (invisible to the reader).
"""

import hashlib

import frappe
from frappe import _
from frappe.utils import today


def sent_today(mark: str, units: list[str]) -> set[tuple[str, str]]:
	"""(unit, person) pairs already reminded today with ``mark``."""
	if not units:
		return set()
	ToDo = frappe.qb.DocType("ToDo")
	rows = (
		frappe.qb.from_(ToDo)
		.select(ToDo.reference_name, ToDo.allocated_to)
		.where(
			(ToDo.reference_type == "DV Unit")
			& ToDo.reference_name.isin(units)
			& ToDo.description.like(f"%{mark}%")
			& (ToDo.date == today())
			& (ToDo.status != "Cancelled")
		)
		.run()
	)
	return set(rows)


def close_earlier(mark: str, units: list[str]) -> None:
	"""Today's reminder of a unit replaces its open reminders of earlier days (one UPDATE for all units)."""
	if not units:
		return
	ToDo = frappe.qb.DocType("ToDo")
	frappe.qb.update(ToDo).set(ToDo.status, "Cancelled").where(
		(ToDo.reference_type == "DV Unit")
		& ToDo.reference_name.isin(units)
		& (ToDo.status == "Open")
		& (ToDo.date < today())
		& ToDo.description.like(f"%{mark}%")
	).run()


def send(mark: str, *, unit: str, person: str, subject: str, message: str) -> bool:
	"""Make the ToDo and send the e-mail; False when the site has no outgoing e-mail account (then the ToDo
	alone reaches the person, in the desk, as Frappe does for its own notifications)."""
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": person,
			"reference_type": "DV Unit",
			"reference_name": unit,
			"date": today(),
			"priority": "Medium",
			"assigned_by": frappe.session.user,
			"description": f"{message}<!-- {mark} -->",
		}
	).insert(ignore_permissions=True)
	try:
		frappe.sendmail(
			recipients=[person],
			subject=subject,
			message=message,
			reference_doctype="DV Unit",
			reference_name=unit,
		)
	except frappe.OutgoingEmailError:
		# Frappe's English "Please setup default Email Account" is dropped; send_all() says it in Vietnamese.
		frappe.clear_last_message()
		return False
	return True


# Up to this many reminders are sent in the request; more (a province reminding thousands of communes) go
# to one background job on the long queue, so the request answers at once and no web worker is held.
BACKGROUND_FROM = 100
JOB_TIMEOUT = 3600


def send_all(mark: str, reminders: list[dict]) -> bool:
	"""Send ``reminders`` (each with send()'s keywords); True when they were handed to a background job."""
	if len(reminders) <= BACKGROUND_FROM:
		mailed = [send(mark, **reminder) for reminder in reminders]
		if not all(mailed):
			frappe.msgprint(
				_(
					"Chưa cấu hình tài khoản thư đi: lời nhắc đã được giao việc trên hệ thống nhưng chưa gửi"
					" được thư điện tử."
				),
				alert=True,
				indicator="orange",
			)
		return False
	units = sorted(reminder["unit"] for reminder in reminders)
	frappe.enqueue(
		"danvan_app.unit_reminders.send_in_background",
		queue="long",
		timeout=JOB_TIMEOUT,
		# The same reminders asked for twice while the first job waits are sent once.
		job_id=f"{mark}::{today()}::{hashlib.sha1(','.join(units).encode()).hexdigest()[:16]}",
		deduplicate=True,
		enqueue_after_commit=True,
		now=frappe.flags.in_test,
		mark=mark,
		reminders=reminders,
	)
	return True


def send_in_background(mark: str, reminders: list[dict]) -> int:
	"""The background job (run as the user who asked): what another run sent today in the meantime is
	not sent again; progress is published to that user every 50 units."""
	already = sent_today(mark, [reminder["unit"] for reminder in reminders])
	sent = 0
	for position, reminder in enumerate(reminders, 1):
		if (reminder["unit"], reminder["person"]) not in already:
			send(mark, **reminder)
			sent += 1
		if position % 50 == 0 or position == len(reminders):
			frappe.publish_progress(
				100 * position / len(reminders),
				title=_("Đang gửi lời nhắc"),
				description=_("{0}/{1} đơn vị").format(position, len(reminders)),
			)
	return sent
