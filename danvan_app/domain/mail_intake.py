"""Directives that arrive by e-mail: which attachments of a received message are worth a draft directive,
and what the draft is called until the importer reads it. Pure standard library.

The mailbox is Frappe's own Email Account; ``danvan_app.mail_intake`` turns one received message into at
most one draft DV Directive with these attachments, for an officer to read with the importer and confirm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from danvan_app.domain.directive_import import short_title
from danvan_app.domain.document_files import DocumentFileError, check_size, file_kind

# The kinds the importer reads (document_files.TEXT_EXTENSIONS): text, Word, OpenDocument, PDF and scans.
# Nothing else is copied onto a draft: a signature image inline in the message body (.gif, or a logo
# without a name) and anything executable stay on the mail only.
MAX_ATTACHMENTS = 10


@dataclass
class Attachment:
	name: str
	size: int
	key: str = ""  # the caller's handle on the file (a File's name)


@dataclass
class Sorted:
	usable: list[Attachment] = field(default_factory=list)
	# (file name, why) in Vietnamese, for the note left on the draft or the mail
	refused: list[tuple[str, str]] = field(default_factory=list)


def sort_attachments(attachments: list[Attachment]) -> Sorted:
	"""The attachments the importer can read (within the size limit), in the message's order, and the
	others with the reason each is left out."""
	result = Sorted()
	for attachment in attachments:
		try:
			file_kind(attachment.name)
			check_size(attachment.size)
		except DocumentFileError as error:
			result.refused.append((attachment.name, str(error)))
			continue
		if len(result.usable) >= MAX_ATTACHMENTS:
			result.refused.append(
				(
					attachment.name,
					f"Thư có quá {MAX_ATTACHMENTS} tệp văn bản; chỉ nhận {MAX_ATTACHMENTS} tệp đầu.",
				)
			)
			continue
		result.usable.append(attachment)
	return result


_REPLY_PREFIXES = ("re:", "fw:", "fwd:", "tl:", "tr:", "chuyển tiếp:", "trả lời:")


def provisional_title(subject: str | None, received: date) -> str:
	"""The draft's title until the importer reads the directive: the subject without reply and forward
	prefixes, or, for a message without one, when it came."""
	title = " ".join((subject or "").split())
	while title.lower().startswith(_REPLY_PREFIXES):
		title = title.split(":", 1)[1].strip()
	if not title:
		return f"Văn bản nhận qua thư ngày {received:%d/%m/%Y}"
	return short_title(title)


def refusal_note(refused: list[tuple[str, str]]) -> str:
	"""One line per attachment left out, to show on the draft or on the mail."""
	return "\n".join(f"- {name}: {why}" for name, why in refused)
