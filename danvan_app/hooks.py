from danvan_app.domain.access import CHILD_TABLES, DV_ROLES, RELATED_RECORDS, SCOPED_DOCTYPES

app_name = "danvan_app"
app_title = "Dân vận"
app_publisher = "danvan_app developers"
app_description = (
	"Quản lý công tác dân vận: văn bản chỉ đạo, nhiệm vụ, mô hình Dân vận khéo, đánh giá, xếp loại"
)
app_email = "dev@danvan.invalid"
app_license = "mit"

# Each controller carries the generated type block of its DocType.
export_python_type_annotations = True

# Only the records this app owns: never a whole table of a shared DocType.
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(DV_ROLES)]]},
	{"dt": "DV Unit Kind", "filters": [["is_standard", "=", 1]]},
	{"dt": "DV Admin Level", "filters": [["is_standard", "=", 1]]},
	{"dt": "DV Kheo Field", "filters": [["is_standard", "=", 1]]},
]

# DV Unit is a tree: Frappe opens it as one, and a unit filter means the unit and the units under it.
treeviews = ["DV Unit"]

# The desk code, bundled (public/js, public/scss); the DocType scripts only hand Frappe its objects.
app_include_js = "danvan.bundle.js"
app_include_css = "danvan.bundle.css"

# What the official print formats (DV Directive Official, DV Unit Open Tasks) print beside the document:
# the issuing body's header and signature and the tasks in the printing user's scope.
jinja = {
	"methods": [
		"danvan_app.official_prints.dv_directive_print",
		"danvan_app.official_prints.dv_unit_open_tasks",
	]
}

# The stored values the desk scripts compare with (frappe.boot.danvan), from the domain core.
boot_session = "danvan_app.boot.boot_session"

after_install = "danvan_app.install.after_install"
# The desk records link to the roles and kinds of the fixtures, which Frappe syncs after after_install.
after_sync = "danvan_app.install.sync_desk_records"
after_migrate = "danvan_app.install.sync_desk_records"
before_uninstall = "danvan_app.install.before_uninstall"

# Unit scope, through Frappe's hooks: the scoped DocTypes, their child tables, and Frappe's records about
# them (files, comments, versions, mail, assignments). See danvan_app/permissions/.
permission_query_conditions = {
	**{doctype: "danvan_app.permissions.documents.query" for doctype in SCOPED_DOCTYPES},
	**{doctype: "danvan_app.permissions.related.child_query" for doctype in CHILD_TABLES},
	**{doctype: "danvan_app.permissions.related.related_query" for doctype in RELATED_RECORDS},
}

has_permission = {
	**{doctype: "danvan_app.permissions.documents.has_permission" for doctype in SCOPED_DOCTYPES},
	**{doctype: "danvan_app.permissions.related.related_has_permission" for doctype in RELATED_RECORDS},
}

# A REST body for a DV DocType that Frappe could not even build a document from is refused in Vietnamese.
before_request = ["danvan_app.request_guard.check_dv_resource_body"]

# Emailed DV reports run as the Auto Email Report's user, so a leader's mail holds only their units.
override_doctype_class = {"Auto Email Report": "danvan_app.email_reports.ScopedAutoEmailReport"}
doctype_js = {"Auto Email Report": "public/js/doctype/auto_email_report.js"}

doc_events = {
	"File": {"after_insert": "danvan_app.permissions.related.keep_files_private"},
	"User": {"validate": "danvan_app.users.set_dv_user_defaults"},
	# A directive received by e-mail (an Email Account with a receiving unit) becomes a draft directive.
	"Communication": {"on_update": "danvan_app.mail_intake.on_communication_update"},
}

# Frappe methods that read or write around the hooks above, closed for the scoped DocTypes.
override_whitelisted_methods = {
	"frappe.desk.search.search_link": "danvan_app.doors.search_link",
	"frappe.desk.search.search_widget": "danvan_app.doors.search_widget",
	"frappe.client.get_count": "danvan_app.doors.get_count",
	"frappe.desk.listview.get_group_by_count": "danvan_app.doors.get_group_by_count",
	"frappe.client.validate_link": "danvan_app.doors.validate_link",
	"frappe.desk.search.get_link_title": "danvan_app.doors.get_link_title",
	"frappe.desk.form.load.getdoc": "danvan_app.doors.getdoc",
	"frappe.desk.like.toggle_like": "danvan_app.doors.toggle_like",
	"frappe.desk.doctype.tag.tag.add_tag": "danvan_app.doors.add_tag",
	"frappe.desk.form.document_follow.follow_document": "danvan_app.doors.follow_document",
	"frappe.desk.form.assign_to.add": "danvan_app.doors.add_assignment",
	"frappe.share.add": "danvan_app.doors.add_share",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "danvan_app.doors.get_dashboard_chart",
	"frappe.desk.query_report.run": "danvan_app.doors.run_report",
}

scheduler_events = {
	"daily": ["danvan_app.jobs.daily"],
	"weekly": ["danvan_app.jobs.send_overdue_digest"],
}
