"""Directive records: the rules a DV Directive must satisfy before it is saved."""

from __future__ import annotations

from datetime import date

from danvan_app.domain.directive_number import DOC_TYPE_BY_CODE

# The states of the shipped Workflow (danvan_app/setup/workflows.json): drafted, issued ("Ban hành"), then
# no longer in force, or replaced by a newer text.
DRAFT = "Dự thảo"
IN_FORCE = "Còn hiệu lực"
EXPIRED = "Hết hiệu lực"
REPLACED = "Đã được thay thế"
STATUSES = (DRAFT, IN_FORCE, EXPIRED, REPLACED)

DOC_TYPES = (
	"Chỉ thị",
	"Nghị quyết",
	"Quyết định",
	"Quy chế",
	"Quy định",
	"Kế hoạch",
	"Chương trình",
	"Kết luận",
	"Hướng dẫn",
	"Công văn",
	"Thông báo",
	"Báo cáo",
)
# The kinds above first (the ones dân vận work meets daily), then every other kind a number code can name.
DOC_TYPES = tuple(dict.fromkeys(DOC_TYPES + tuple(DOC_TYPE_BY_CODE.values())))


class DirectiveRuleError(ValueError):
	"""A directive breaks a rule; the controller turns it into a Vietnamese message."""


class IssueDateInFuture(DirectiveRuleError):
	def __init__(self, issue_date: date, today: date):
		super().__init__(f"{issue_date} after {today}")
		self.issue_date, self.today = issue_date, today


class ReplacedWithoutSuccessor(DirectiveRuleError):
	pass


class ReplacedByItself(DirectiveRuleError):
	pass


class OwnParent(DirectiveRuleError):
	pass


def check_issue_date(issue_date: date | None, today: date) -> None:
	if issue_date and issue_date > today:
		raise IssueDateInFuture(issue_date, today)


def check_replacement(name: str | None, status: str, replaced_by: str | None) -> None:
	if status == REPLACED and not replaced_by:
		raise ReplacedWithoutSuccessor(name)
	if name and replaced_by == name:
		raise ReplacedByItself(name)


def check_parent_directive(name: str | None, parent: str | None) -> None:
	if name and parent == name:
		raise OwnParent(name)


def duplicate_key(normalized_number: str, issuer: str | None) -> tuple[str, str]:
	"""Two directives clash when the same issuer numbers them alike ("16 CT/TU" and "16-CT/TU" do)."""
	return normalized_number.casefold(), (issuer or "").strip().casefold()
