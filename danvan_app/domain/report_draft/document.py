"""The structured document a draft is: what the writers (.docx, HTML, PDF) lay out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from danvan_app.domain.report_draft.data import UnitFigures
from danvan_app.domain.report_draft.standing import STANDINGS


@dataclass
class Header:
	party: bool
	superior: str | None
	issuer: str
	issuer_mark: str  # "*" under a Party body's name; a State body's name is underlined instead
	number: str
	national: list[str]  # "ĐẢNG CỘNG SẢN VIỆT NAM", or the State's name and motto
	place_date: str


@dataclass
class Block:
	"""``heading`` (bold), ``paragraph``, ``item`` (a dash line), ``note`` (italic: for the officer to
	complete) or ``table`` (``columns`` and ``rows``, the last row being the total)."""

	kind: str
	text: str = ""
	columns: list[str] = field(default_factory=list)
	rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
	heading: str
	blocks: list[Block] = field(default_factory=list)


@dataclass
class Signature:
	authority: str  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", or "" when the head signs in their own name
	position: str
	name: str


@dataclass
class Document:
	header: Header
	kind: str
	subject: list[str]
	sections: list[Section]
	recipients: list[str]
	signature: Signature
	totals: UnitFigures
	file_stem: str

	def as_dict(self) -> dict:
		data = dataclasses.asdict(self)
		data["totals"] = {key: getattr(self.totals, key) for key in (*STANDINGS, "total", "done", "open")}
		return data
