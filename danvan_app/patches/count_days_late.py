"""Tasks now carry their days late (shown in the list beside the due date): count them for existing tasks
with the daily job's own set-based rule."""

from danvan_app.jobs import refresh_deadline_outcomes


def execute():
	refresh_deadline_outcomes()
