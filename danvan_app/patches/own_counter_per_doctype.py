"""Each DocType numbers on its own. Names were once made by ``format:VB-{#####}``, whose series key is
empty, so every DocType shared one counter (the first task was NV-2026-000016). The DocTypes now use
prefixed series (``VB-.#####``): each prefix's counter starts after the highest number already used."""

import re

import frappe

# Each DocType's own names as (prefix)(number); others (a recurring instance's NV-…-2026-Q1) are skipped.
NUMBERED = {
	"DV Directive": re.compile(r"^(VB-)(\d+)$"),
	"DV Task": re.compile(r"^(NV-\d{4}-)(\d+)$"),
	"DV Kheo Model": re.compile(r"^(MH-\d{4}-)(\d+)$"),
	"DV Evaluation": re.compile(r"^(DG-\d{4}-)(\d+)$"),
	"DV Unit": re.compile(r"^(DVI-)(\d+)$"),
}


def highest_per_prefix(doctype: str, names) -> dict[str, int]:
	highest: dict[str, int] = {}
	for name in names:
		match = NUMBERED[doctype].match(name)
		if match:
			highest[match[1]] = max(highest.get(match[1], 0), int(match[2]))
	return highest


def execute():
	Series = frappe.qb.DocType("Series")
	for doctype in NUMBERED:
		for prefix, number in highest_per_prefix(doctype, frappe.get_all(doctype, pluck="name")).items():
			current = frappe.db.get_value("Series", prefix, "current", order_by="name")
			if current is None:
				frappe.qb.into(Series).columns(Series.name, Series.current).insert(prefix, number).run()
			elif int(current) < number:
				frappe.qb.update(Series).set(Series.current, number).where(Series.name == prefix).run()
