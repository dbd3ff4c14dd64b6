"""Read the text of a directive (Chỉ thị, Nghị quyết, Kế hoạch …) into a document, its references and tasks.

Pure standard library: the importer's UI calls ``parse_directive_text``; people call the CLI::

	python -m danvan_app.domain.directive_text FILE [--json]

``--json`` prints exactly one JSON object (``DirectiveParse.to_json_dict``) with the keys

* ``document``: ``number``, ``doc_type``, ``issuer``, ``issue_date``, ``title``, ``warnings`` (list of str);
* ``references``: list of ``{number, date, issuer}``;
* ``tasks``: list of ``{title, clause, presiding, coordinating, deadline}`` where ``deadline`` is
  ``{kind, due, start, recurrence, month, text}``;
* ``is_directive`` (bool) and ``not_directive_reason`` (str or null).

``is_directive``/``not_directive_reason`` are the one documented extension of the agreed shape: news reports and
meeting summaries are recognised, keep their references, and get no tasks. Dates are ISO strings, null when the
text does not say. Errors (empty, binary, oversized input) raise ``DirectiveTextError`` with a Vietnamese
message; the CLI prints it on stderr and exits with status 1.

Choices worth knowing:

* ``clause`` is the item's text verbatim (whitespace normalised, list marker such as ``1.``/``-``/``a)``
  removed); follow-on paragraphs are joined with a newline.
* Unit names are kept as written, minus a leading plural determiner ("các", "những", "mỗi", "từng"):
  "Các huyện ủy, thị ủy" → ["huyện ủy", "thị ủy"]. A parenthesised second name becomes its own entry.
* "ngay từ đầu năm" (no year) → deadline kind "none" with the phrase kept in ``text``: there is no date to compute
  and none is invented. Likewise a month or day without a year keeps ``due`` null.
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
