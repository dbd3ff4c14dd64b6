"""What reading a directive gives: the document, its references and tasks, and the errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from danvan_app.domain.deadline_phrases import (
	Deadline,
	iso_or_none,
)

# A long directive with annexes is ~100 KB; a megabyte of characters is certainly not one directive, and
# refusing early keeps the worst case (10 MB pasted by mistake) instant.
MAX_TEXT_CHARS = 1_000_000
TITLE_MAX_CHARS = 120
HEADER_LINES = 15  # the heading block (issuer, number, date, type, title) sits in the first lines


class DirectiveTextError(ValueError):
	"""The input cannot be parsed at all; the message is Vietnamese and fit to show to the user."""


@dataclass(frozen=True)
class Task:
	title: str
	clause: str
	presiding: list[str]
	coordinating: list[str]
	deadline: Deadline
	confidence: str = "medium"  # "high" | "medium" | "low" (confidence.py says when)

	def to_json_dict(self) -> dict[str, object]:
		return {
			"title": self.title,
			"clause": self.clause,
			"presiding": list(self.presiding),
			"coordinating": list(self.coordinating),
			"deadline": self.deadline.to_json_dict(),
			"confidence": self.confidence,
		}


@dataclass
class Reference:
	number: str
	date: date | None = None
	issuer: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {"number": self.number, "date": iso_or_none(self.date), "issuer": self.issuer}


@dataclass
class DocumentInfo:
	number: str | None = None
	doc_type: str | None = None
	issuer: str | None = None
	issue_date: date | None = None
	title: str | None = None
	warnings: list[str] = field(default_factory=list)

	def to_json_dict(self) -> dict[str, object]:
		return {
			"number": self.number,
			"doc_type": self.doc_type,
			"issuer": self.issuer,
			"issue_date": iso_or_none(self.issue_date),
			"title": self.title,
			"warnings": list(self.warnings),
		}


@dataclass
class DirectiveParse:
	document: DocumentInfo
	references: list[Reference]
	tasks: list[Task]
	is_directive: bool
	not_directive_reason: str | None = None

	def to_json_dict(self) -> dict[str, object]:
		return {
			"document": self.document.to_json_dict(),
			"references": [reference.to_json_dict() for reference in self.references],
			"tasks": [task.to_json_dict() for task in self.tasks],
			"is_directive": self.is_directive,
			"not_directive_reason": self.not_directive_reason,
		}


def _vn_date(value: date) -> str:
	return value.strftime("%d/%m/%Y")
