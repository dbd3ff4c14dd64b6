from danvan_app.domain.access import DV_ROLES

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

after_install = "danvan_app.install.after_install"
after_migrate = "danvan_app.install.sync_notifications"
before_uninstall = "danvan_app.install.before_uninstall"

permission_query_conditions = {
	"DV Task": "danvan_app.permissions.task_query",
	"DV Directive": "danvan_app.permissions.directive_query",
	"DV Kheo Model": "danvan_app.permissions.kheo_model_query",
	"DV Evaluation": "danvan_app.permissions.evaluation_query",
}

has_permission = {
	"DV Task": "danvan_app.permissions.task_has_permission",
	"DV Directive": "danvan_app.permissions.directive_has_permission",
	"DV Kheo Model": "danvan_app.permissions.kheo_model_has_permission",
	"DV Evaluation": "danvan_app.permissions.evaluation_has_permission",
}

scheduler_events = {
	"daily": ["danvan_app.jobs.daily"],
	"weekly": ["danvan_app.jobs.send_overdue_digest"],
}
