"""Read the text of a directive (Chỉ thị, Nghị quyết, Kế hoạch …) into a document, its references and tasks.

Pure standard library: the importer's UI calls ``parse_directive_text``; people call the CLI::

	python -m danvan_app.domain.directive_text FILE [--json]

``--json`` prints exactly one JSON object (``DirectiveParse.to_json_dict``) with the keys

* ``document``: ``number``, ``doc_type``, ``issuer``, ``issue_date``, ``title``, ``warnings`` (list of str);
* ``references``: list of ``{number, date, issuer}``;
* ``tasks``: list of ``{title, clause, presiding, coordinating, deadline, confidence}`` where ``deadline`` is
  ``{kind, due, start, recurrence, month, text, end, relative}``;
* ``is_directive`` (bool) and ``not_directive_reason`` (str or null).

Extensions of the agreed shape, fields added only (a reader of the old shape ignores them):

* ``is_directive``/``not_directive_reason``: news reports and meeting summaries are recognised, keep their
  references, and get no tasks.
* ``confidence`` (issue 15): "high" (a named body is given a deliverable or a time), "medium", or "low" (an
  exhortation to "các cấp ủy, chính quyền" with nothing to deliver, or a title over narrative); the review
  dialog leaves low ones unchecked. See ``confidence.py``.
* ``deadline.end`` (issue 15): the last day of a stated period ("giai đoạn 2021–2025" → start 2021-01-01, end
  2025-12-31; "6 tháng đầu năm 2025" → start 2025-01-01, end 2025-06-30), null otherwise.
* ``deadline.relative`` (issue 15): a limit timed against an event, as written ("chậm nhất 30 ngày trước ngày
  khai mạc kỳ họp"); ``kind`` stays "none" and no date is invented.
* ``deadline.recurrence`` may be "weekly" ("hàng tuần") beside the four earlier values; the importer proposes
  it as DV Task's "Hằng tuần" (ISO weeks, ``danvan_app/domain/recurrence.py``).

``deadline.kind`` keeps its seven values. A period alone as a deadline is due its last day, kind "date" ("vào
năm 2030", a table's "2030", "cuối năm 2026", "6 tháng đầu năm 2025", "giai đoạn 2021–2025", "từ ngày … đến
ngày 14/12/2025"); the period of a programme ("kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030", "giai đoạn
đến năm 2030") is none. "tháng Mười", "tháng Chạp", "tháng Giêng" are months; "tại kỳ họp thường kỳ tháng 6 hằng
năm", "vào dịp 15/10 hằng năm", "Hằng năm … vào dịp kỷ niệm ngày truyền thống … (15/10/1930 …)" are yearly
in that month. An hour written before the day ("đến 17 giờ 00, ngày 01/02/2026") keeps the day. Dates are ISO strings, null when the
text does not say. Errors (empty, binary, oversized input) raise ``DirectiveTextError`` with a Vietnamese
message; the CLI prints it on stderr and exits with status 1.

Choices worth knowing:

* ``clause`` is the item's text verbatim (whitespace normalised, list marker such as ``1.``/``-``/``a)``
  removed); follow-on paragraphs are joined with a newline.
* Unit names are kept as written, minus a leading plural determiner ("các", "những", "mỗi", "từng"):
  "Các huyện ủy, thị ủy" → ["huyện ủy", "thị ủy"]. A parenthesised second name becomes its own entry.
* "ngay từ đầu năm" (no year) → deadline kind "none" with the phrase kept in ``text``: there is no date to compute
  and none is invented. Likewise a month or day without a year keeps ``due`` null.
* One task per obligation (issue 15): a clause giving one body several duties each with its own time becomes one
  task per timed duty (``obligations.py``), and an untimed duty followed after ";" by a duty that opens with its
  own time ("… đôn đốc, kiểm tra …; định kỳ hằng năm báo cáo Tỉnh ủy") is two tasks, the first without the
  second's time (a bare completion time, "…; hoàn thành trước ngày 31/12/2025", stays the duty's own); a sentence opening with its time and naming its actor ("Định kỳ 6
  tháng, các sở, ngành báo cáo …") is a task wherever it stands; headers that name a body ("2. Sở Nội vụ",
  "Điều 14. Trách nhiệm của Sở Nội vụ", "c) Đề nghị Trung ương MTTQ Việt Nam") give it to the points below
  (``items.py``), so do office holders ("Đồng chí Phó Trưởng phòng … - Phó Trưởng tiểu ban: …", a header
  "5. Các Phó chủ tịch phụ trách lĩnh vực …"), kept as written; an inspection plan's "NỘI DUNG KIỂM TRA, GIÁM
  SÁT" items are its duties, timed by their "* Thời gian thực hiện" field; a plan's waves on lines of their own
  ("2.1. Đợt 1: Trong tháng 12/2025" over bullets) are one duty each, due the wave's time; appendix task tables are read row by row (``tables.py``); hard-wrapped scraped text is joined
  back first (``layout.py``). Legal rules are not tasks: per-case limits ("trong 03 ngày làm việc kể từ ngày
  nhận được …"), case rules ("Đối với kiến nghị …"), accountability ("chịu trách nhiệm trước …"), the execution
  formula, conditional reports, citations.
"""

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import DEADLINE_KINDS, RECURRENCES, Deadline, parse_deadline
from danvan_app.domain.directive_text.cli import format_human, main, read_text_file
from danvan_app.domain.directive_text.parse import parse_directive_text
from danvan_app.domain.directive_text.results import (
	MAX_TEXT_CHARS,
	DirectiveParse,
	DirectiveTextError,
	DocumentInfo,
	Reference,
	Task,
)
from danvan_app.domain.directive_text.structure import looks_vietnamese

__all__ = [
	"DEADLINE_KINDS",
	"MAX_TEXT_CHARS",
	"RECURRENCES",
	"Deadline",
	"DirectiveParse",
	"DirectiveTextError",
	"DocumentInfo",
	"Reference",
	"Task",
	"extract_units",
	"format_human",
	"looks_vietnamese",
	"main",
	"parse_deadline",
	"parse_directive_text",
	"read_text_file",
]
