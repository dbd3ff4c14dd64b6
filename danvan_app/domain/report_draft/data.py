"""What a draft is made from: plain records the bench reads from the site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from danvan_app.domain.report_draft.standing import DONE_STANDINGS, OPEN_STANDINGS, STANDINGS

PARTY_KINDS = ("Cấp ủy Đảng", "Cơ quan tham mưu, giúp việc của cấp ủy")
# Names that say a Party body when the unit's kind is not set.
PARTY_NAME_WORDS = ("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "đảng bộ", "chi bộ")


@dataclass(frozen=True)
class Body:
	"""The body a document is issued in the name of."""

	name: str
	kind: str | None = None
	superior: str | None = None
	abbreviation: str | None = None
	head_name: str | None = None

	@property
	def is_party(self) -> bool:
		if self.kind:
			return self.kind in PARTY_KINDS
		folded = self.name.casefold()
		return any(word in folded for word in PARTY_NAME_WORDS)


@dataclass(frozen=True)
class DirectiveInfo:
	number: str | None
	doc_type: str | None
	title: str | None
	issue_date: date | None = None
	issuer: str | None = None


@dataclass(frozen=True)
class ImplementingDoc:
	"""A document issued to carry the directive out (a plan, a programme), recorded with it as parent."""

	doc_type: str | None
	number: str | None
	issue_date: date | None
	issuer: str | None


@dataclass(frozen=True)
class UnitFigures:
	unit_name: str
	on_time: int = 0
	done_late: int = 0
	done_no_deadline: int = 0
	within_deadline: int = 0
	overdue: int = 0
	open_no_deadline: int = 0

	@property
	def total(self) -> int:
		return sum(getattr(self, key) for key in STANDINGS)

	@property
	def done(self) -> int:
		return sum(getattr(self, key) for key in DONE_STANDINGS)

	@property
	def open(self) -> int:
		return sum(getattr(self, key) for key in OPEN_STANDINGS)

	@property
	def no_deadline(self) -> int:
		return self.done_no_deadline + self.open_no_deadline


def add_up(rows: list[UnitFigures], name: str = "Tổng cộng") -> UnitFigures:
	return UnitFigures(name, **{key: sum(getattr(row, key) for row in rows) for key in STANDINGS})


@dataclass(frozen=True)
class TaskLine:
	title: str
	unit_name: str
	status: str
	due: date | None
	completed_on: date | None = None


@dataclass(frozen=True)
class ProgressNote:
	unit_name: str
	task_title: str
	day: date
	narrative: str
