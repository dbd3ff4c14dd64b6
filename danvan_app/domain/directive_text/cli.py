"""The command line: ``python -m danvan_app.domain.directive_text FILE [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from danvan_app.domain.directive_text.parse import (
	parse_directive_text,
)
from danvan_app.domain.directive_text.results import (
	MAX_TEXT_CHARS,
	DirectiveParse,
	DirectiveTextError,
	_vn_date,
)

_KIND_LABELS = {
	"date": "ngày",
	"before": "trước",
	"within_month": "trong tháng",
	"quarter": "trong quý",
	"from_year": "từ năm",
	"recurring": "định kỳ",
	"none": "không có",
}


def format_human(result: DirectiveParse) -> str:
	document = result.document
	out = []
	if not result.is_directive:
		out.append(f"KHÔNG PHẢI CHỈ THỊ: {result.not_directive_reason}")
	out.append(f"Văn bản: {document.doc_type or '?'} số {document.number or '?'}")
	out.append(f"Cơ quan ban hành: {document.issuer or '?'}")
	out.append(f"Ngày ban hành: {_vn_date(document.issue_date) if document.issue_date else '?'}")
	out.append(f"Trích yếu: {document.title or '?'}")
	for warning in document.warnings:
		out.append(f"Cảnh báo: {warning}")
	out.append(f"Văn bản được dẫn ({len(result.references)}):")
	for reference in result.references:
		when = _vn_date(reference.date) if reference.date else "?"
		out.append(f"  - {reference.number}, ngày {when}, của {reference.issuer or '?'}")
	out.append(f"Nhiệm vụ ({len(result.tasks)}):")
	for number, task in enumerate(result.tasks, 1):
		out.append(f"  {number}. {task.title}")
		if task.presiding:
			out.append(f"     Chủ trì: {'; '.join(task.presiding)}")
		if task.coordinating:
			out.append(f"     Phối hợp: {'; '.join(task.coordinating)}")
		deadline = task.deadline
		if deadline.kind != "none" or deadline.text:
			due = f" → {_vn_date(deadline.due)}" if deadline.due else ""
			out.append(f"     Thời hạn: {_KIND_LABELS[deadline.kind]} ({deadline.text}){due}")
	return "\n".join(out)


def read_text_file(path: Path) -> str:
	try:
		data = path.read_bytes()
	except OSError as error:
		raise DirectiveTextError(f"Không đọc được tệp {path}: {error.strerror or error}") from error
	if len(data) > 4 * MAX_TEXT_CHARS:
		raise DirectiveTextError(f"Tệp quá lớn ({len(data):,} byte) để là một văn bản chỉ thị.")
	try:
		return data.decode("utf-8-sig")
	except UnicodeDecodeError as error:
		raise DirectiveTextError("Tệp không phải văn bản mã hóa UTF-8.") from error


def main(argv: Sequence[str] | None = None) -> int:
	parser = argparse.ArgumentParser(
		description="Phân tích văn bản chỉ thị (số hiệu, văn bản dẫn, nhiệm vụ)."
	)
	parser.add_argument("file", type=Path, help="tệp văn bản UTF-8")
	parser.add_argument("--json", action="store_true", help="in đúng một đối tượng JSON")
	args = parser.parse_args(argv)
	try:
		result = parse_directive_text(read_text_file(args.file))
	except DirectiveTextError as error:
		print(f"Lỗi: {error}", file=sys.stderr)
		return 1
	if args.json:
		print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2))
	else:
		print(format_human(result))
	return 0
