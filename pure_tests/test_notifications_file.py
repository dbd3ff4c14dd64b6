"""The reminders the app ships (danvan_app/setup/notifications.json) point at real fields and statuses."""

import json
import re
from pathlib import Path

from danvan_app.domain import tasks

APP = Path(__file__).resolve().parents[1] / "danvan_app"
TASK_FIELDS = {
	f["fieldname"]
	for f in json.loads((APP / "dv_directives/doctype/dv_task/dv_task.json").read_text())["fields"]
}
NOTIFICATIONS = json.loads((APP / "setup" / "notifications.json").read_text())


def test_three_reminders_before_and_after_the_deadline():
	events = sorted((n["event"], n["days_in_advance"]) for n in NOTIFICATIONS)
	assert events == [("Days After", 1), ("Days Before", 1), ("Days Before", 7)]


def test_each_reminder_is_well_formed():
	for n in NOTIFICATIONS:
		assert n["doctype"] == "Notification" and n["document_type"] == "DV Task"
		# Uninstall removes them by this prefix; sync compares this timestamp with the site's.
		assert n["name"].startswith("DV: ") and n["modified"]
		assert n["date_changed"] in TASK_FIELDS
		assert n["send_to_all_assignees"] == 1
		for status in re.findall(r'"([^"]+)"', n["condition"]):
			assert status in tasks.STATUSES, status
		for field in re.findall(r"doc\.(\w+)", n["message"] + n["subject"]):
			assert field in TASK_FIELDS | {"doctype", "name"}, field
