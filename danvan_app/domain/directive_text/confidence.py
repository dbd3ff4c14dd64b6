"""How sure the parser is that a proposed task is a duty someone must carry out: "high", "medium" or "low".

* high: a named body (not only "các cấp ủy, chính quyền") is given something to deliver or a time;
* medium: a duty with a time or a deliverable but no named body, or a named body without either;
* low: an exhortation — no time, and nobody but the generic "cấp ủy, chính quyền" (or nobody) is named and
  nothing is to be delivered. The review dialog leaves these unchecked.
"""

from __future__ import annotations

import re

from danvan_app.domain.deadline_phrases import Deadline
from danvan_app.domain.vn_text import fold

CONFIDENCES = ("high", "medium", "low")

# Generic addressees: every directive calls on them, so naming them gives no one a particular duty.
_GENERIC_BODY = re.compile(
	r"^(?:(?:cac|moi)\s+)?(?:cap uy(?: dang)?|chinh quyen|to chuc(?: dang)?|co quan|don vi|dia phuong|nganh"
	r"|cap|he thong chinh tri|can bo|dang vien|to chuc co so dang|co quan, don vi(?:, dia phuong)?|don vi, dia phuong"
	r"|co quan, to chuc|co quan, don vi, ca nhan)"
	r"(?:\s+(?:cac cap|dia phuong|co so|don vi|lien quan|co lien quan|tu tinh den co so|lay y kien|gop y kien"
	r"|hoac ca nhan|duoc giao))*$"
)
# Something a person can check was done: a plan, a report, a meeting, a document, an inspection.
_DELIVERABLE = re.compile(
	r"\b(?:bao cao|ke hoach|chuong trinh|so ket|tong ket|ban hanh|hoi nghi|huong dan|kiem tra|giam sat|trinh"
	r"|tham muu|de an|danh gia|tong hop|to chuc (?:thuc hien|trien khai|hoi|tuyen|quan triet|ky niem)"
	r"|xay dung (?:ke hoach|chuong trinh|quy che|de an)|quan triet|tuyen truyen|ra soat|gui)\b"
)


def is_generic_body(name: str) -> bool:
	""" "cấp ủy", "chính quyền các cấp", "cơ quan, đơn vị": addressees of every text, no one in particular."""
	return bool(_GENERIC_BODY.match(fold(name)))


def confidence_of(clause: str, presiding: list[str], deadline: Deadline, folded: str | None = None) -> str:
	"""``folded``: the clause folded (``fold_same_length(clause).lower()``) when the caller has it."""
	timed = deadline.kind != "none" or deadline.relative is not None
	named = [name for name in presiding if not _GENERIC_BODY.match(fold(name))]
	deliverable = bool(_DELIVERABLE.search(folded if folded is not None else fold(clause)))
	if named and (timed or deliverable):
		return "high"
	if timed or (deliverable and presiding) or named:
		return "medium"
	return "low"
