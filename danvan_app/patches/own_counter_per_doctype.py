"""Each DocType numbers on its own. Names were once made by ``format:VB-{#####}``, whose series key is
empty, so every DocType shared one counter (the first task was NV-2026-000016). The DocTypes now use
prefixed series (``VB-.#####``): each prefix's counter starts after the highest number already used."""

import re

import frappe

PREFIXED = ("DV Directive", "DV Task", "DV Kheo Model", "DV Evaluation", "DV Unit")
NUMBERED = re.compile(r"^(.*\D)(\d+)$")


def highest_per_prefix(names) -> dict[str, int]:
	highest: dict[str, int] = {}
	for name in names:
		match = NUMBERED.match(name)
		if match:
			highest[match[1]] = max(highest.get(match[1], 0), int(match[2]))
	return highest


def execute():
	Series = frappe.qb.DocType("Series")
	for doctype in PREFIXED:
		for prefix, number in highest_per_prefix(frappe.get_all(doctype, pluck="name")).items():
			current = frappe.db.get_value("Series", prefix, "current", order_by="name")
			if current is None:
				frappe.qb.into(Series).columns(Series.name, Series.current).insert(prefix, number).run()
			elif int(current) < number:
				frappe.qb.update(Series).set(Series.current, number).where(Series.name == prefix).run()
