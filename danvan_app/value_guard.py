"""One guard for the values of every DV DocType, before any rule, Frappe's link look-up or the database.

A form, the REST API or an import can hand a controller anything: a list for a Select, a dict for a unit,
``inf`` for a score, the year 99999, a megabyte of text, a child row without its date. ``ValueGuard`` is
mixed into every DV controller; it checks each field of the record and of its child rows against
``danvan_app.domain.values`` and refuses the first bad one with a Vietnamese message naming the field (and
the row), so nothing is written.
"""

import frappe
from frappe import _

from danvan_app.domain import values
from danvan_app.exceptions import FieldValueError, LinkedRecordError

# Fields Frappe fills itself (name, owner, parent…) are not the user's to give.
SKIPPED_TYPES = frozenset({"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading", "Fold"})


def problem_message(reason: str, df) -> str:
	"""The Vietnamese sentence for a refused value."""
	limit = df.length or values.TEXT_LIMITS.get(df.fieldtype, 140)
	return {
		values.NOT_TEXT: _("cần một chuỗi ký tự."),
		values.CONTROL_CHARACTERS: _("có ký tự điều khiển không được phép."),
		values.TOO_LONG: _("dài quá mức cho phép ({0} ký tự).").format(limit),
		values.NOT_AN_OPTION: _("giá trị không nằm trong các lựa chọn."),
		values.NOT_A_NUMBER: _("cần một số."),
		values.NOT_A_WHOLE_NUMBER: _("cần một số nguyên."),
		values.OUT_OF_RANGE: _("giá trị nằm ngoài khoảng cho phép."),
		values.NOT_A_DATE: _("không phải một ngày có thật (dạng năm-tháng-ngày, ví dụ 2025-12-31)."),
		values.DATE_OUT_OF_RANGE: _("ngày phải từ 01/01/{0} đến 31/12/{1}.").format(
			values.EARLIEST_DATE.year, values.LATEST_DATE.year
		),
		values.NOT_ROWS: _("cần một danh sách các dòng."),
		MISSING: _("chưa nhập."),
	}[reason]


MISSING = "missing"


def field_problem(doc, df, mandatory: bool = True) -> str | None:
	value = doc.get(df.fieldname)
	if df.fieldtype in ("Table", "Table MultiSelect"):
		return None if isinstance(value, list) else values.NOT_ROWS
	if mandatory and df.reqd and (value is None or value == "" or value == []):
		return MISSING
	options = None
	if df.fieldtype == "Select" and isinstance(df.options, str):
		options = ["", *df.options.split("\n")]
	return values.value_problem(value, df.fieldtype, df.length or None, options)


class ValueGuard:
	def _validate_links(self):
		# Frappe looks every link up before any controller method runs, and a dict given as a name reaches
		# SQL as filters: the values are checked here, the first moment a controller sees them. Links are
		# looked up here too, in Vietnamese, and also those Frappe 15 skips (a link other fields fetch from).
		self.take_values_from_links()
		self.check_field_values()
		self.check_links_exist()
		super()._validate_links()

	def take_values_from_links(self):
		"""Fill fields that follow from a link (an evaluation's unit from its model) before the values are
		checked, so a required one is not refused as empty. A controller overrides this."""

	def check_field_values(self):
		"""Every field of the record and of its child rows holds a value of its type, size and range."""
		for doc in [self, *self.get_all_children()]:
			for df in doc.meta.fields:
				if df.fieldtype in SKIPPED_TYPES:
					continue
				# A record saved with Frappe's ignore_mandatory (a directive received by e-mail, waiting for
				# the importer) is still checked for type, size and range.
				reason = field_problem(doc, df, mandatory=not self.flags.ignore_mandatory)
				if not reason:
					continue
				frappe.throw(
					f"{row_label(self, doc, df)}: {problem_message(reason, df)}",
					exc=FieldValueError,
					title=_("Dữ liệu không hợp lệ"),
				)

	def check_links_exist(self):
		"""Every link given or changed names a record that exists (whether the user may read it is the
		scope guard's question, asked later without quoting the record)."""
		for row, df, value in changed_links(self):
			if not frappe.db.exists(df.options, value):
				frappe.throw(
					_("{0}: không tìm thấy {1} «{2}».").format(
						row_label(self, row, df), _(df.options), value
					),
					exc=LinkedRecordError,
					title=_("Liên kết không hợp lệ"),
				)


def changed_links(doc):
	"""(row, field, value) of each Link of the record and its child rows that this save gives or changes;
	links left as they were are not asked about again."""
	before = doc.get_doc_before_save()
	old_rows = {row.name: row for row in before.get_all_children()} if before else {}
	for row in [doc, *doc.get_all_children()]:
		old = before if row is doc else old_rows.get(row.name)
		for df in row.meta.get_link_fields():
			value = row.get(df.fieldname)
			if value and not (old and old.get(df.fieldname) == value):
				yield row, df, value


def row_label(parent, doc, df) -> str:
	"""A field's label, with its row and table when it is on a child row."""
	label = _(df.label or df.fieldname)
	if doc is parent:
		return label
	table = parent.meta.get_field(doc.parentfield)
	return _("Dòng {0} của bảng {1}, {2}").format(
		doc.idx, _(table.label if table else doc.parentfield), label
	)
