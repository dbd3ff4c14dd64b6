"""Granting users access to units: Frappe User Permissions on DV Unit, made in one step."""

import frappe
from frappe import _

from danvan_app.api import arguments
from danvan_app.domain import access, limits
from danvan_app.users import users_with_role


def assert_can_grant() -> None:
	"""Only the provincial administrators (and System Managers) hand out unit access."""
	# Not frappe.only_for: it lets everyone through while tests run, and this rule must be tested.
	if not set(frappe.get_roles()) & access.UNRESTRICTED_ROLES:
		frappe.throw(
			_("Chỉ quản trị viên công tác dân vận được cấp quyền truy cập đơn vị."), frappe.PermissionError
		)


@frappe.whitelist(methods=["POST"])
def grant_unit_access(user=None, units=None, with_descendants=1) -> list[str]:
	"""Give ``user`` access to ``units`` (and their sub-units unless ``with_descendants`` is 0).

	Returns the names of the User Permissions created; grants that already exist are left as they are.
	"""
	assert_can_grant()
	user = arguments.name(user, _("Người dùng"))
	units = arguments.names(units, _("Đơn vị"), limits.UNITS_PER_GRANT)
	with_descendants = arguments.flag(with_descendants, _("Gồm đơn vị cấp dưới"))
	if not frappe.db.exists("User", user):
		frappe.throw(_("Không có người dùng {0}.").format(frappe.bold(user)), frappe.DoesNotExistError)
	if not units:
		frappe.throw(_("Chọn ít nhất một đơn vị để cấp quyền."))
	missing = [unit for unit in units if not frappe.db.exists("DV Unit", unit)]
	if missing:
		# Check everything before writing anything: a grant is all or nothing.
		frappe.throw(_("Không có đơn vị: {0}.").format(", ".join(missing)), frappe.DoesNotExistError)

	created = []
	for unit in units:
		if frappe.db.exists("User Permission", {"user": user, "allow": "DV Unit", "for_value": unit}):
			continue
		permission = frappe.get_doc(
			{
				"doctype": "User Permission",
				"user": user,
				"allow": "DV Unit",
				"for_value": unit,
				"apply_to_all_doctypes": 1,
				"hide_descendants": 0 if with_descendants else 1,
			}
		).insert(ignore_permissions=True)
		created.append(permission.name)
	return created


@frappe.whitelist(methods=["POST"])
def add_unit_user(unit=None, email=None, full_name=None, role=None) -> str:
	"""Create a desk user for a unit with one DV role and access to the unit's subtree, nothing more.

	Frappe makes the first user of a site a System Manager when no one else is (who then sees every
	unit): the action refuses until the site has a System Manager of its own, rather than hand that right
	to a unit's official.
	"""
	assert_can_grant()
	unit = arguments.name(unit, _("Đơn vị"))
	email = arguments.name(email, _("Thư điện tử"))
	full_name = arguments.name(full_name, _("Họ và tên"))
	role = arguments.name(role, _("Vai trò"))
	if role not in access.DV_ROLES:
		frappe.throw(_("Vai trò phải là một vai trò công tác dân vận."), frappe.ValidationError)
	if not frappe.db.exists("DV Unit", unit):
		frappe.throw(_("Không có đơn vị {0}.").format(frappe.bold(unit)), frappe.DoesNotExistError)
	if frappe.db.exists("User", email):
		frappe.throw(
			_("Đã có người dùng {0}: hãy dùng “Cấp quyền truy cập đơn vị”.").format(frappe.bold(email)),
			frappe.DuplicateEntryError,
		)
	if not users_with_role("System Manager", limit=1):
		frappe.throw(
			_(
				"Trang này chưa có tài khoản Quản trị hệ thống (System Manager) nào ngoài Administrator, nên"
				" Frappe sẽ tự cấp quyền đó cho người dùng mới, và người đó sẽ xem được mọi đơn vị. Hãy tạo"
				" trước một tài khoản Quản trị hệ thống riêng."
			),
			frappe.PermissionError,
		)
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": full_name,
			"language": "vi",
			"send_welcome_email": 1,
			"roles": [{"role": role}],
		}
	).insert(ignore_permissions=True)
	grant_unit_access(user.name, [unit], 1)
	return user.name
