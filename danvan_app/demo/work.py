"""The plans' tasks, in every deadline outcome, and what the units did with them: progress reported by the
presiding and coordinating units, tasks done on time and late, an overdue task with an extension request
and an explanation request, a quarterly report whose past periods the daily job creates.

Every step goes through the app as the official who takes it (``registry.acting_as``): quick entry
(``api.directives.create_tasks``), ``api.tasks.report_progress``, ``request_extension``, a save of the task
for marking it done or asking for an explanation. Dates count from today, so the outcomes hold whenever
the demo is loaded. A task's story is told once, when the demo creates it: a second load adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import frappe
from frappe.utils import add_days, getdate, today

from danvan_app.api.directives import create_tasks
from danvan_app.api.tasks import report_progress, request_extension
from danvan_app.demo import registry
from danvan_app.demo.people import email
from danvan_app.domain import tasks as task_rules
from danvan_app.recurring_instances import generate_recurring_instances


@dataclass(frozen=True)
class Step:
	"""One thing a unit does on a task, ``days`` from today (negative: in the past)."""

	kind: str  # "progress", "done", "extension", "explanation"
	unit: str  # demo unit key of the unit that acts
	days: int = 0
	progress: int = 0
	text: str = ""


@dataclass(frozen=True)
class DemoTask:
	plan: str  # demo unit key of the plan's issuer
	title: str
	presiding: str
	due_in: int | None  # days from today; None: no deadline
	coordinating: tuple[str, ...] = ()
	recurrence: str | None = None
	steps: tuple[Step, ...] = field(default_factory=tuple)


DEMO_TASKS = (
	DemoTask(
		"du.batxat",
		"Tổ chức hội nghị quán triệt Chỉ thị 16-CT/TU đến cán bộ, đảng viên",
		"du.batxat",
		-60,
		steps=(
			Step("progress", "du.batxat", -70, 60, "Đã quán triệt tại 12/15 chi bộ"),
			Step("done", "du.batxat", -64, text="Hoàn thành quán triệt ở 15/15 chi bộ"),
		),
	),
	DemoTask(
		"du.batxat",
		"Rà soát, công khai thủ tục hành chính tại Bộ phận một cửa xã",
		"ubnd.batxat",
		-45,
		steps=(
			Step("progress", "ubnd.batxat", -50, 50, "Đã rà soát 48/96 thủ tục"),
			Step("done", "ubnd.batxat", -30, text="Niêm yết đủ 96 thủ tục; chậm do sáp nhập bộ phận một cửa"),
		),
	),
	DemoTask(
		"du.batxat",
		"Vận động nhân dân hiến đất mở rộng đường liên thôn Trung Hồ – Mường Hum",
		"mttq.batxat",
		30,
		coordinating=("ubnd.batxat",),
		steps=(
			Step("progress", "mttq.batxat", -20, 30, "32 hộ đăng ký hiến đất"),
			Step("progress", "ubnd.batxat", -12, 40, "UBND xã đã đo đạc, cắm mốc 1,1 km"),
			Step("progress", "mttq.batxat", -3, 45, "Thêm 9 hộ đăng ký, còn 4 hộ chưa đồng thuận"),
		),
	),
	DemoTask(
		"du.batxat",
		"Tổ chức đối thoại trực tiếp giữa Chủ tịch UBND xã với nhân dân",
		"ubnd.batxat",
		-10,
		steps=(
			Step("progress", "ubnd.batxat", -25, 50, "Đã tổng hợp 27 ý kiến, kiến nghị của cử tri"),
			Step(
				"extension",
				"ubnd.batxat",
				20,
				text="Chờ lịch tiếp công dân của Chủ tịch UBND xã sau kỳ họp HĐND",
			),
			Step(
				"explanation",
				"du.batxat",
				text="Đề nghị UBND xã giải trình việc chưa tổ chức đối thoại đúng hạn",
			),
		),
	),
	DemoTask(
		"du.batxat",
		"Xây dựng quy chế phối hợp giữa chính quyền và Mặt trận Tổ quốc xã",
		"mttq.batxat",
		60,
		coordinating=("ubnd.batxat",),
	),
	DemoTask(
		"du.batxat",
		"Duy trì sinh hoạt chuyên đề về công tác dân vận ở các chi bộ",
		"du.batxat",
		None,
		steps=(Step("progress", "du.batxat", -15, 35, "6/15 chi bộ đã sinh hoạt chuyên đề"),),
	),
	DemoTask(
		"du.batxat",
		"Báo cáo kết quả thực hiện công tác dân vận chính quyền",
		"ubnd.batxat",
		None,
		recurrence="Hằng quý",
	),
	DemoTask(
		"du.sapa",
		"Hướng dẫn các tổ dân phố đăng ký mô hình “Dân vận khéo”",
		"du.sapa",
		-20,
		steps=(Step("done", "du.sapa", -22, text="Đã ban hành Hướng dẫn số 15-HD/ĐU"),),
	),
	DemoTask(
		"du.sapa",
		"Tổng hợp kết quả xây dựng mô hình “Dân vận khéo” của phường",
		"mttq.sapa",
		-5,
	),
)

# Of a recurring report's past periods, the first is sent on time and the second late; later ones wait.
RECURRING_STORY = ("on time", "late")


def acting_user(unit_key: str) -> str:
	return email(f"lanhdao.{unit_key}")


def build_tasks(unit_ids: dict[str, str], plans: dict[str, str]) -> list[str]:
	"""The plans' tasks, entered by each plan's issuer; the story of each task the demo creates now."""
	created = []
	for plan_unit, plan in plans.items():
		entries = [task for task in DEMO_TASKS if task.plan == plan_unit]
		with registry.acting_as(acting_user(plan_unit)):
			names = create_tasks(plan, [entry_values(task, unit_ids) for task in entries])
		registry.add("DV Task", *names)
		created += names
		for task in entries:
			name = frappe.db.get_value(
				"DV Task",
				{"directive": plan, "title": task.title, "presiding_unit": unit_ids[task.presiding]},
				"name",
			)
			if name in names:
				tell_story(name, task, unit_ids)
	return created


def entry_values(task: DemoTask, unit_ids: dict[str, str]) -> dict:
	start = add_days(today(), -90 if task.due_in is None else min(task.due_in, 0) - 60)
	values = {
		"title": task.title,
		"presiding_unit": unit_ids[task.presiding],
		"coordinating_units": [unit_ids[unit] for unit in task.coordinating],
		"start_date": str(start),
	}
	if task.recurrence:
		# Counted from four quarters back: the daily job has past periods to create.
		values.update(
			{
				"deadline_kind": "Định kỳ",
				"recurrence": task.recurrence,
				"start_date": str(add_days(today(), -400)),
			}
		)
	elif task.due_in is not None:
		values.update({"deadline_kind": "Ngày cụ thể", "due_date": str(add_days(today(), task.due_in))})
	return values


def tell_story(task: str, spec: DemoTask, unit_ids: dict[str, str]) -> None:
	for step in spec.steps:
		unit = unit_ids[step.unit]
		with registry.acting_as(acting_user(step.unit)):
			day = add_days(today(), step.days)
			if step.kind == "progress":
				report_progress(task, unit, step.progress, step.text, str(day))
			elif step.kind == "done":
				mark_done(task, unit, day, step.text)
			elif step.kind == "extension":
				request_extension(task, str(day), step.text)
			elif step.kind == "explanation":
				doc = frappe.get_doc("DV Task", task)
				doc.append("explanations", {"request": step.text})
				doc.save()


def mark_done(task: str, unit: str, day, narrative: str) -> None:
	"""The presiding unit reports the last part and marks the task done on the day it finished it."""
	report_progress(task, unit, 100, narrative, str(day))
	doc = frappe.get_doc("DV Task", task)
	doc.status = task_rules.STATUS_DONE
	doc.completed_on = day
	doc.save()


def build_recurring_periods(unit_ids: dict[str, str]) -> list[str]:
	"""Run the daily job's step that creates recurring duties' period tasks (for every duty of the site, as
	the night's run would), list those of the demo's duties, and send the demo's quarterly report for its
	first past periods: once on time, once late."""
	generate_recurring_instances()
	duties = frappe.get_all(
		"DV Task",
		filters={
			"name": ("in", registry.names("DV Task") or [""]),
			"recurrence": ("not in", ("", "Không lặp lại")),
		},
		fields=["name", "title"],
	)
	if not duties:
		return []
	instances = frappe.get_all(
		"DV Task",
		filters={"recurring_source": ("in", [duty.name for duty in duties])},
		fields=["name", "due_date", "presiding_unit", "status", "recurring_source"],
		order_by="due_date asc",
	)
	new = [row for row in instances if not registry.is_demo("DV Task", row.name)]
	registry.add("DV Task", *[row.name for row in new])
	own = {
		duty.name for duty in duties if duty.title in {task.title for task in DEMO_TASKS if task.recurrence}
	}
	past = [row for row in new if row.recurring_source in own and getdate(row.due_date) < getdate(today())]
	send_first_reports(past, unit_ids)
	return [row.name for row in new]


def send_first_reports(past: list, unit_ids: dict[str, str]) -> None:
	keys = {unit_id: key for key, unit_id in unit_ids.items()}
	for row, story in zip(past, RECURRING_STORY, strict=False):
		key = keys.get(row.presiding_unit)
		if not key or row.status != task_rules.STATUS_NOT_STARTED:
			continue
		day = add_days(row.due_date, -3 if story == "on time" else 6)
		if getdate(day) > getdate(today()):
			continue
		with registry.acting_as(acting_user(key)):
			mark_done(row.name, row.presiding_unit, day, "Đã gửi báo cáo định kỳ")


# Of the tasks the import gave every commune's Party committee, the first one's reports: (commune, progress,
# narrative); 100 marks it done.
COMMUNE_REPORTS = (
	("laocai", 100, "Đã quán triệt đến 100% chi bộ, tổ dân phố"),
	("camduong", 100, "Hoàn thành; đã đưa vào chương trình công tác năm"),
	("sapa", 70, "Đã quán triệt ở 9/13 tổ dân phố"),
	("batxat", 50, "Đã triển khai ở 8/15 thôn"),
	("bacha", 20, "Mới triển khai tại hội nghị Ban Chấp hành"),
)


def report_on_commune_tasks(imported_tasks: list[str], unit_ids: dict[str, str]) -> None:
	"""Several communes report their part of one task the province gave them all."""
	if not imported_tasks:
		return
	rows = frappe.get_all(
		"DV Task",
		filters={"name": ("in", imported_tasks)},
		fields=["name", "presiding_unit", "directive"],
		order_by="creation asc, name asc",
	)
	first_of_unit: dict[str, str] = {}
	for row in rows:
		first_of_unit.setdefault(row.presiding_unit, row.name)
	for commune, progress, narrative in COMMUNE_REPORTS:
		unit = unit_ids[f"du.{commune}"]
		task = first_of_unit.get(unit)
		if not task:
			continue
		with registry.acting_as(email(f"canbo.du.{commune}")):
			day = add_days(today(), -progress // 10)
			if progress == 100:
				mark_done(task, unit, day, narrative)
			else:
				report_progress(task, unit, progress, narrative, str(day))
