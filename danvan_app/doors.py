"""Frappe methods that read or write around the permission hooks, closed for the scoped DV DocTypes.

Frappe lets an app stand in for a whitelisted method (``override_whitelisted_methods`` in hooks.py).
Each function here does exactly what Frappe does for every other DocType; for DV records it first applies
the rule Frappe's own method skips:

- ``search_link``/``search_widget`` with ``ignore_user_permissions=1`` drop every permission condition;
- ``get_count`` counts with no permission condition at all;
- ``get_group_by_count`` counts the assignees of records through an unchecked subquery;
- ``validate_link`` and ``get_link_title`` answer for records the user may not read;
- ``getdoc`` sends the titles of every linked record (``_link_titles``) without a check;
- ``toggle_like``, ``add_tag`` and ``follow_document`` act on any record they are given (and the follow
  digest then mails the record's comments and versions);
- ``assign_to.add`` and ``share.add`` let a user hand a record to someone its units do not reach (Frappe
  shares it with them): a DV record is assigned or shared only with people its scope already reaches;
- ``dashboard_chart.get`` caches a chart's figures under the chart's name alone, for every user: a call
  without ``refresh`` returns what the last user was shown. A chart over DV records is always computed
  for the user asking.
"""

import frappe
import frappe.client
import frappe.desk.doctype.dashboard_chart.dashboard_chart as frappe_chart
import frappe.desk.form.load
import frappe.desk.like
import frappe.desk.listview
import frappe.desk.query_report
import frappe.desk.search
import frappe.share
from frappe import _
from frappe.desk.doctype.tag import tag as frappe_tag
from frappe.desk.form import assign_to as frappe_assign_to
from frappe.desk.form import document_follow as frappe_follow
from frappe.query_builder import Order
from frappe.query_builder.functions import Count
from frappe.utils import get_safe_filters

from danvan_app.api import arguments
from danvan_app.domain import access
from danvan_app.exceptions import ArgumentError
from danvan_app.permissions import documents
from danvan_app.permissions.guard import may_read
from danvan_app.permissions.scope import user_scope

# A unit's name is public to every DV user (it is how others refer to it); its record is not.
PUBLIC_TITLES = frozenset({"DV Unit"})


def is_scoped(doctype) -> bool:
	return isinstance(doctype, str) and (doctype in access.SCOPED_DOCTYPES or doctype in access.CHILD_TABLES)


@frappe.whitelist()
def search_link(
	doctype,
	txt,
	query=None,
	filters=None,
	page_length=10,
	searchfield=None,
	reference_doctype=None,
	ignore_user_permissions=False,
):
	"""Link search; for DV records, always within the user's scope."""
	return frappe.desk.search.search_link(
		doctype,
		txt,
		query=query,
		filters=filters,
		page_length=page_length,
		searchfield=searchfield,
		reference_doctype=reference_doctype,
		ignore_user_permissions=False if is_scoped(doctype) else ignore_user_permissions,
	)


@frappe.whitelist()
def search_widget(
	doctype,
	txt,
	query=None,
	searchfield=None,
	start=0,
	page_length=10,
	filters=None,
	filter_fields=None,
	as_dict=False,
	reference_doctype=None,
	ignore_user_permissions=False,
):
	"""The search box; for DV records, always within the user's scope."""
	return frappe.desk.search.search_widget(
		doctype,
		txt,
		query=query,
		searchfield=searchfield,
		start=start,
		page_length=page_length,
		filters=filters,
		filter_fields=filter_fields,
		as_dict=as_dict,
		reference_doctype=reference_doctype,
		ignore_user_permissions=False if is_scoped(doctype) else ignore_user_permissions,
	)


@frappe.whitelist()
@frappe.read_only()
def get_count(doctype, filters=None, debug=False, cache=False):
	"""A count; for DV records, of the ones the user may read (through Frappe's list query)."""
	if not is_scoped(doctype):
		return frappe.client.get_count(doctype, filters=filters, debug=debug, cache=cache)
	parent = access.CHILD_TABLES.get(doctype)
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=["count(*) as count"],
		parent_doctype=parent,
		order_by=None,
	)
	return rows[0].count if rows else 0


@frappe.whitelist()
@frappe.read_only()
def get_group_by_count(doctype, current_filters, field):
	"""The list sidebar's counts; the assignees of DV records counted over the ones the user may read."""
	if field != "assigned_to" or not is_scoped(doctype) or user_scope().unrestricted:
		return frappe.desk.listview.get_group_by_count(doctype, current_filters, field)
	names = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name")
	if not names:
		return []
	ToDo, User = frappe.qb.DocType("ToDo"), frappe.qb.DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(ToDo)
		.join(User)
		.on(ToDo.allocated_to == User.name)
		.select(ToDo.allocated_to.as_("name"), count)
		.where(
			(ToDo.status != "Cancelled")
			& (User.user_type == "System User")
			& (ToDo.reference_type == doctype)
			& ToDo.reference_name.isin(names)
		)
		.groupby(ToDo.allocated_to)
		.orderby(count, order=Order.desc)
		.limit(50)
		.run(as_dict=True)
	)


@frappe.whitelist()
def get_dashboard_chart(chart_name=None, chart=None, filters=None, **kwargs):
	"""A dashboard chart's figures; over DV records, computed for this user, never read from the cache.
	Its arguments are checked first (Frappe's own method answers a missing chart or odd filters with a
	server error)."""
	kwargs.pop("cmd", None)
	chart = arguments.mapping(chart, _("Biểu đồ")) or None
	chart_name = arguments.name(chart_name, _("Tên biểu đồ"), required=chart is None)
	filters = arguments.filters(filters, _("Bộ lọc của biểu đồ"))
	stored = chart_name and frappe.db.get_value("Dashboard Chart", chart_name, ["name", "document_type"])
	if chart_name and not stored:
		frappe.throw(_("Không có biểu đồ {0}.").format(frappe.bold(chart_name)), frappe.DoesNotExistError)
	document_type = (chart or {}).get("document_type") or (stored and stored[1])
	if isinstance(filters, dict):
		# Frappe's method appends to the filters: a field → value dict becomes its list of conditions.
		filters = [[document_type, field, "=", value] for field, value in filters.items()]
	if filters and document_type:
		check_filter_fields(document_type, filters)
	if is_scoped(document_type):
		kwargs["refresh"] = 1
	return frappe_chart.get(
		chart_name=chart_name, chart=frappe.as_json(chart) if chart else None, filters=filters, **kwargs
	)


def check_filter_fields(doctype: str, filters: list) -> None:
	"""Each condition names a field of the chart's DocType (an unknown column is a database error)."""
	meta = frappe.get_meta(doctype)
	for condition in filters:
		field = condition[0] if len(condition) == 3 else condition[1]
		if not (meta.has_field(field) or field in frappe.model.default_fields):
			frappe.throw(
				_("Bộ lọc của biểu đồ: {0} không có trường {1}.").format(_(doctype), frappe.bold(field)),
				ArgumentError,
			)


@frappe.whitelist()
def validate_link(doctype, docname, fields=None):
	"""A link's check as the form makes it: a DV record the user may not read does not exist for them."""
	if is_scoped(doctype) and doctype not in PUBLIC_TITLES and not may_read(doctype, docname):
		return frappe._dict(name=None)
	return frappe.client.validate_link(doctype, docname, fields=fields)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""A linked record's title; the name only, for a DV record the user may not read."""
	if is_scoped(doctype) and doctype not in PUBLIC_TITLES and not may_read(doctype, docname):
		return docname
	return frappe.desk.search.get_link_title(doctype, docname)


@frappe.whitelist()
def getdoc(doctype, name, user=None):
	"""A form's load, without the titles of linked DV records the user may not read."""
	frappe.desk.form.load.getdoc(doctype, name, user=user)
	titles = frappe.local.response.get("_link_titles") or {}
	for key in list(titles):
		linked_doctype, _, linked_name = key.partition("::")
		if is_scoped(linked_doctype) and linked_doctype not in PUBLIC_TITLES:
			if not may_read(linked_doctype, linked_name):
				del titles[key]


@frappe.whitelist()
def toggle_like(doctype, name, add=False):
	"""A like is a write on the record: only on one the user may read."""
	refuse_unless_readable(doctype, name)
	return frappe.desk.like.toggle_like(doctype, name, add=add)


def refuse_unless_readable(doctype, name):
	if is_scoped(doctype) and not may_read(doctype, name):
		raise frappe.PermissionError(_("Không tìm thấy bản ghi, hoặc bạn không có quyền xem bản ghi đó."))


@frappe.whitelist()
def add_tag(tag, dt, dn, color=None):
	"""A tag, only on a record the user may read."""
	refuse_unless_readable(dt, dn)
	return frappe_tag.add_tag(tag, dt, dn, color=color)


@frappe.whitelist()
def follow_document(doctype, doc_name, user):
	"""Following (and so receiving the record's changes by mail), only a record the user may read."""
	refuse_unless_readable(doctype, doc_name)
	return frappe_follow.follow_document(doctype, doc_name, user)


def refuse_outside_scope(doctype, name, users) -> None:
	"""Each user must be one the record's units reach (or an administrator), shares aside."""
	if not is_scoped(doctype):
		return
	refuse_unless_readable(doctype, name)
	doc = frappe.get_doc(doctype, name)
	for user in users:
		if not isinstance(user, str) or not documents.has_permission(doc, "read", user=user):
			frappe.throw(
				_("Người dùng {0} không thuộc phạm vi đơn vị của bản ghi này.").format(
					frappe.bold(str(user))
				),
				frappe.PermissionError,
			)


@frappe.whitelist()
def add_assignment(args=None):
	"""Assigning a DV record: only to people its units reach (an assignment shares the record)."""
	args = args or frappe.local.form_dict
	users = frappe.parse_json(args.get("assign_to")) if args.get("assign_to") else []
	refuse_outside_scope(args.get("doctype"), args.get("name"), users if isinstance(users, list) else [users])
	return frappe_assign_to.add(args)


@frappe.whitelist()
def add_share(doctype, name, user=None, read=1, write=0, submit=0, share=0, everyone=0, notify=0):
	"""Sharing a DV record: never with everyone, only with people its units reach."""
	if is_scoped(doctype) and frappe.utils.cint(everyone):
		raise frappe.PermissionError(_("Bản ghi công tác dân vận không chia sẻ cho mọi người."))
	refuse_outside_scope(doctype, name, [user])
	return frappe.share.add(doctype, name, user, read, write, submit, share, everyone, notify)


@frappe.whitelist()
@frappe.read_only()
def run_report(report_name=None, filters=None, **options):
	"""Frappe's report runner, its arguments checked first: a missing report name, or filters that are no
	JSON object (broken JSON, a list), were an HTTP 500 inside Frappe; they are refused in Vietnamese."""
	report_name = arguments.name(report_name, _("Tên báo cáo"))
	filters = arguments.mapping(filters, _("Bộ lọc của báo cáo"))
	return frappe.desk.query_report.run(report_name, filters=filters, **options)
