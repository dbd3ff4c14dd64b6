"""Tasks listed in a table, as a Government resolution's appendix does.

Columns like "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành". Converted to text, a
row either keeps its cells on one line (separated by "|" or tabs, continued on the next lines) or puts each
cell on its own line, a long cell wrapping over several. Both are read: a row starts at its number, the body
cell is the first that names a body, the time cell is the last when it reads as a time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import Deadline, parse_deadline
from danvan_app.domain.directive_text.confidence import confidence_of
from danvan_app.domain.directive_text.results import Task
from danvan_app.domain.directive_text.structure import _Line, _task_title
from danvan_app.domain.vn_text import fold

_HEADER_WINDOW = 8  # a header row split one cell a line spans at most this many lines
_TASK_COLUMN = re.compile(
	r"\b(?:nhiem vu|noi dung(?: cong viec| nhiem vu)?|ten nhiem vu|cong viec|ten de an|de an|san pham)\b"
)
_PRESIDING_COLUMN = re.compile(r"\b(?:chu tri|co quan thuc hien|don vi thuc hien)\b")
_COORDINATING_COLUMN = re.compile(r"\bphoi hop\b")
_TIME_COLUMN = re.compile(r"\b(?:thoi gian|thoi han|tien do)\b")
_ROW_NUMBER = re.compile(r"^(?P<number>\d{1,3})\s*[.)]?(?:\s*[|\t]\s*|\s+(?=\S)|$)")
_GROUP_ROW = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\s*[.)]?(?:\s*[|\t]|\s+[A-ZĐÀ-Ỹ]|$)")
_CELL_SEPARATOR = re.compile(r"\s*(?:\||\t)\s*")
_TIME_CELL = re.compile(
	r"^(?:(?:nam\s+)?\d{4}(?:\s*[-–]\s*\d{4})?|(?:thang|quy|qui (?:iv|i{1,3}|[1-4])|nam|hang|dinh ky|truoc|trong|giai doan|6 thang"
	r"|cuoi|dau|thuong xuyen|hoan thanh)\b)"
)


def table_tasks(lines: list[_Line]) -> list[Task]:
	"""The tasks of every task table in the text (none when it has no such table)."""
	nonempty = [line for line in lines if line.text]
	tasks: list[Task] = []
	index = 0
	while index < len(nonempty):
		header_end = _header_end(nonempty, index)
		if header_end is None:
			index += 1
			continue
		rows, index = _rows(nonempty, header_end)
		tasks.extend(task for task in (_task(row) for row in rows) if task is not None)
	return tasks


def _header_end(lines: list[_Line], index: int) -> int | None:
	"""Index after a header row starting at ``index`` (task, presiding and time or coordinating columns)."""
	if not _TASK_COLUMN.search(lines[index].folded) or len(lines[index].text) > 120:
		return None
	seen = ""
	for end in range(index, min(len(lines), index + _HEADER_WINDOW)):
		line = lines[end]
		if len(line.text) > 120 or (end > index and _ROW_NUMBER.match(line.text)):
			return None
		seen += " " + line.folded
		if _PRESIDING_COLUMN.search(seen) and (
			_TIME_COLUMN.search(seen) or _COORDINATING_COLUMN.search(seen)
		):
			# The header ends at the last of its columns' lines.
			last = end
			for following in range(end + 1, min(len(lines), index + _HEADER_WINDOW)):
				if _ROW_NUMBER.match(lines[following].text) or _GROUP_ROW.match(lines[following].text):
					break
				if len(lines[following].text) > 40:
					break
				last = following
			return last + 1
	return None


def _rows(lines: list[_Line], start: int) -> tuple[list[list[str]], int]:
	"""Each row's cells (or lines, when one cell a line), up to the table's end."""
	rows: list[list[str]] = []
	current: list[str] | None = None
	index = start
	expected = 1
	while index < len(lines):
		text = lines[index].text
		number = _ROW_NUMBER.match(text)
		if number and int(number.group("number")) in (expected, 1):
			expected = int(number.group("number")) + 1
			rest = text[number.end() :].strip()
			current = [rest] if rest else []
			rows.append(current)
		elif _GROUP_ROW.match(text) and len(text) <= 120:
			current = None  # a group's title row ("I. NHIỆM VỤ CHUNG"): not a task
		elif _ends_table(text):
			break
		elif current is not None:
			current.append(text)
		index += 1
	return [row for row in rows if row], index


def _ends_table(text: str) -> bool:
	folded = fold(text)
	return folded.startswith(("noi nhan", "phu luc", "t/m", "tm.", "kt.", "k/t")) or (
		len(text) > 60 and text.rstrip().endswith(":")
	)


def _task(row: list[str]) -> Task | None:
	if any("|" in cell or "\t" in cell for cell in row):
		cells = _merge_split_cells(row)
	else:
		cells = [cell.strip() for cell in row if cell.strip()]
	if len(cells) < 2:
		return None
	presiding_at = next((i for i in range(1, len(cells)) if _names_body(cells[i])), None)
	if presiding_at is None:
		return None
	# The time cell is the first after the bodies that reads as a time; cells after it are the same row's
	# second line (a second presiding body and its partners, drawn as a merged row).
	time_at = next(
		(i for i in range(presiding_at + 1, len(cells)) if _TIME_CELL.match(fold(cells[i]))), len(cells)
	)
	time_cell = cells[time_at] if time_at < len(cells) else None
	text = " ".join(cells[:presiding_at])
	presiding = _names(cells[presiding_at])
	coordinating = [
		name for cell in cells[presiding_at + 1 : time_at] for name in _names(cell, as_written=True)
	]
	extra = cells[time_at + 1 :]
	for position, cell in enumerate(extra):
		names = _names(cell) if position % 2 == 0 else _names(cell, as_written=True)
		(presiding if position % 2 == 0 else coordinating).extend(names)
	deadline = _time(time_cell) if time_cell else Deadline()
	clause = text.rstrip(" .;") + "."
	title = _task_title(clause)
	return Task(title, clause, presiding, coordinating, deadline, confidence_of(clause, presiding, deadline))


def _merge_split_cells(row: list[str]) -> list[str]:
	"""Cells of a "|"-separated row continued on later lines: the n-th cell of each line joins the n-th."""
	cells: list[str] = []
	for line in row:
		for position, cell in enumerate(_CELL_SEPARATOR.split(line.strip(" |"))):
			if position >= len(cells):
				cells.append(cell)
			elif cell:
				cells[position] = f"{cells[position]} {cell}".strip()
	return [cell for cell in cells if cell]


def _names_body(cell: str) -> bool:
	return bool(_names(cell))


_DETERMINER = re.compile(r"^(?:các|những|mọi)\s+", re.IGNORECASE)


def _names(cell: str, as_written: bool = False) -> list[str]:
	"""The bodies a cell names; ``as_written`` keeps a cell the reader cannot split ("Các bộ, ngành, địa
	phương") as one entry rather than dropping it."""
	presiding, _ = extract_units(cell.strip(" .;") + " thực hiện.")
	if presiding or not as_written or not cell.strip(" .;-"):
		return presiding
	return [_DETERMINER.sub("", cell.strip(" .;"))]


def _time(cell: str) -> Deadline:
	folded = fold(cell)
	phrase = cell
	if re.fullmatch(r"\d{4}", folded):
		phrase = f"năm {cell}"
	elif re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", folded):
		phrase = f"giai đoạn {cell}"
	deadline = parse_deadline(f"hoàn thành {phrase}")
	if deadline.kind == "none" and deadline.relative is None:
		return Deadline()
	return replace(deadline, text=" ".join(cell.split()))
