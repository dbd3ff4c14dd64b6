"""Text out of scans: Tesseract (Vietnamese model) over page images, and LibreOffice for .doc/.odt.

Why the command-line tools and not a Python binding (pytesseract, tesserocr, pdf2image):

* the tools run in their own process, so a hostile file that makes them hang or eat memory is ended by a
  timeout (the whole process group is killed) and an address-space limit, and the web worker stays alive;
  a crash inside a C extension would take the worker down with it;
* pytesseract and pdf2image are themselves only wrappers around these same commands, and tesserocr must be
  compiled against the installed libtesseract; the CLI needs nothing but the Debian packages;
* ``tesseract ... tsv`` gives the words with their confidence in one pass, which the review needs.

Pure standard library (subprocess, tempfile); no Frappe. Every refusal is a :class:`DocumentFileError` with a
Vietnamese message fit to show to the user.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from danvan_app.domain.document_files import DocumentFileError
from danvan_app.domain.ocr_doubtful import locate_words
from danvan_app.domain.ocr_images import MAX_PAGES, MAX_PIXELS, check_image, image_kind, too_many_pages
from danvan_app.domain.ocr_layout import Box, lost_marks
from danvan_app.domain.ocr_locate import doubtful_in_clause, locate_pages, page_of  # noqa: F401 (the API uses ocr.*)

DPI = 300
# Below this the letters of a 13-14 pt directive are too small to read; a page that would need a lower
# resolution to stay under MAX_PIXELS is not a document page.
MIN_DPI = 150
PAGE_SECONDS = 90  # one page rasterised or recognised; ~3 s is usual here (see BENCHMARKS.md)
TOTAL_SECONDS = 600  # the whole file, however many pages
CONVERT_SECONDS = 90  # LibreOffice .doc/.odt -> .docx, first start of a fresh profile included
# Address space for pdftoppm and tesseract: generous for a 300 dpi page, fatal for a decompression bomb.
TOOL_MEMORY_BYTES = 2 * 1024**3
# Words Tesseract is less sure of than this are marked for the reviewer.
LOW_CONFIDENCE = 60


OCR_PACKAGES = "tesseract-ocr tesseract-ocr-vie poppler-utils"
OFFICE_PACKAGE = "libreoffice-writer-nogui"


@dataclass
class Word:
	text: str
	confidence: float
	page: int


@dataclass
class OcrResult:
	"""Recognised text, page by page, with the words Tesseract was unsure of (in reading order)."""

	pages: list[str] = field(default_factory=list)
	words: list[Word] = field(default_factory=list)
	seconds: float = 0.0
	# Tesseract's own output, (page, dpi, TSV) per call: kept so that a measurement can lay the pages out
	# again from the word boxes without recognising them again.
	tsv: list[tuple[int, int, str]] = field(default_factory=list)

	@property
	def low_confidence(self) -> list[Word]:
		return [word for word in self.words if word.confidence < LOW_CONFIDENCE]


Progress = Callable[[int, int], None]


# --- tools -----------------------------------------------------------------------------------------------


def require_ocr_tools(pdf: bool) -> None:
	"""Refuse, naming the Debian packages, when the server lacks Tesseract, its Vietnamese model or poppler."""
	missing = [tool for tool in ("tesseract", *(("pdftoppm", "pdfinfo") if pdf else ())) if not _which(tool)]
	if missing:
		raise DocumentFileError(
			f"Máy chủ chưa cài công cụ nhận dạng chữ ({', '.join(missing)}), nên chưa đọc được bản quét."
			f" Quản trị viên cần cài các gói: {OCR_PACKAGES}."
		)
	languages = _run(["tesseract", "--list-langs"], timeout=30).stdout.split()
	if "vie" not in languages:
		raise DocumentFileError(
			"Máy chủ chưa có bộ nhận dạng chữ tiếng Việt cho Tesseract. Quản trị viên cần cài gói:"
			" tesseract-ocr-vie."
		)


def _which(tool: str) -> str | None:
	return shutil.which(tool)


def _limit_memory() -> None:  # runs in the child between fork and exec
	import resource

	resource.setrlimit(resource.RLIMIT_AS, (TOOL_MEMORY_BYTES, TOOL_MEMORY_BYTES))


def _run(
	args: list[str], timeout: float, *, limit_memory: bool = False, env: dict | None = None, cwd=None
) -> subprocess.CompletedProcess:
	"""Run a tool in its own process group; on timeout the whole group is killed (soffice forks)."""
	process = subprocess.Popen(
		args,
		stdout=subprocess.PIPE,
		stderr=subprocess.PIPE,
		stdin=subprocess.DEVNULL,
		start_new_session=True,
		preexec_fn=_limit_memory if limit_memory else None,
		env=env,
		cwd=cwd,
	)
	try:
		stdout, stderr = process.communicate(timeout=max(timeout, 0.1))
	except subprocess.TimeoutExpired:
		with contextlib.suppress(ProcessLookupError):
			os.killpg(process.pid, signal.SIGKILL)
		process.communicate()
		raise
	return subprocess.CompletedProcess(
		args, process.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
	)


def _tool_env() -> dict:
	# Tesseract's OpenMP threads fight each other on a small server: one thread per page is 4x faster here.
	return {**os.environ, "OMP_THREAD_LIMIT": "1", "LC_ALL": "C"}


# --- PDF -------------------------------------------------------------------------------------------------


def pdf_info(path: Path) -> dict[str, str]:
	try:
		result = _run(["pdfinfo", str(path)], timeout=30, limit_memory=True, env=_tool_env())
	except subprocess.TimeoutExpired:
		raise DocumentFileError("Tệp PDF bị hỏng (đọc thông tin tệp quá lâu), không đọc được.") from None
	if result.returncode != 0:
		if "Incorrect password" in result.stderr or "encrypted" in result.stderr.lower():
			raise DocumentFileError(_ENCRYPTED)
		raise DocumentFileError("Tệp PDF bị hỏng, không đọc được.")
	info = {}
	for line in result.stdout.splitlines():
		key, _, value = line.partition(":")
		info[key.strip()] = value.strip()
	return info


_ENCRYPTED = "Tệp PDF có mật khẩu hoặc bị khóa. Hãy gửi bản PDF không đặt mật khẩu."


def _page_dpi(info: dict[str, str]) -> int:
	"""300 dpi, or less for an oversized page so that no page image exceeds MAX_PIXELS."""
	match = re.match(r"([\d.]+) x ([\d.]+) pts", info.get("Page size", ""))
	if not match:
		return DPI
	width, height = float(match[1]) / 72, float(match[2]) / 72  # inches
	if width * height <= 0:
		return DPI
	dpi = min(DPI, int(math.sqrt(MAX_PIXELS / (width * height))))
	if dpi < MIN_DPI:
		raise DocumentFileError(
			f"Trang PDF quá khổ ({width * 2.54:.0f} × {height * 2.54:.0f} cm), không phải trang văn bản;"
			" không nhận dạng được."
		)
	return dpi


# --- recognition -------------------------------------------------------------------------------------------


@dataclass
class ScanText:
	"""What the importer gets from a scan: the cleaned text and where in it the doubtful words are."""

	text: str
	pages: int
	seconds: float
	# (start, end, word, confidence) in ``text``
	low_confidence: list[tuple[int, int, str, float]]
	# where each page's text starts in ``text`` (the first page at 0), to show a clause beside its page
	page_starts: list[int | None] = field(default_factory=lambda: [0])

	def to_json_dict(self) -> dict:
		return {
			"pages": self.pages,
			"page_starts": self.page_starts,
			"seconds": round(self.seconds, 1),
			"low_confidence": [
				{"start": start, "end": end, "word": word, "confidence": round(confidence)}
				for start, end, word, confidence in self.low_confidence
			],
		}


def read_scan(
	filename: str, data: bytes, progress: Progress | None = None, seconds: float = TOTAL_SECONDS
) -> ScanText:
	"""A scanned PDF or an image → cleaned text ready for the directive parser, with its doubtful words."""
	from danvan_app.domain.ocr_cleanup import clean_ocr_pages

	kind = "pdf" if Path(filename).suffix.lower() == ".pdf" else image_kind(filename)
	if not kind:
		raise DocumentFileError("Chỉ nhận dạng chữ được trên tệp PDF hoặc ảnh .png, .jpg, .tif.")
	result = ocr_file(kind, data, progress, seconds)
	text = clean_ocr_pages(result.pages, result.words)
	if not text.strip():
		raise DocumentFileError(
			"Không nhận dạng được chữ nào trên bản quét. Hãy quét lại rõ hơn (300 dpi, đen trắng hoặc xám)."
		)
	return ScanText(
		text,
		len(result.pages),
		result.seconds,
		locate_words(text, result.low_confidence),
		locate_pages(text, result.words, len(result.pages)),
	)


def scan_pages(filename: str, data: bytes) -> int:
	"""The number of pages a scan has, after the checks that need no recognition (tools, password, page
	and pixel limits): the caller decides from it whether to read now or in the background."""
	kind = "pdf" if Path(filename).suffix.lower() == ".pdf" else image_kind(filename)
	if not kind:
		raise DocumentFileError("Chỉ nhận dạng chữ được trên tệp PDF hoặc ảnh .png, .jpg, .tif.")
	require_ocr_tools(pdf=kind == "pdf")
	if kind != "pdf":
		return check_image(data)
	with tempfile.TemporaryDirectory(prefix="danvan-ocr-") as directory:
		source = Path(directory) / "input.pdf"
		source.write_bytes(data)
		info = pdf_info(source)
	pages = int(info.get("Pages", "0") or 0)
	if pages > MAX_PAGES:
		raise DocumentFileError(too_many_pages(pages))
	_page_dpi(info)
	return pages


def page_image(kind: str, data: bytes, page: int, dpi: int = 100) -> bytes:
	"""One page of a scanned PDF as a small greyscale PNG for the reviewer to look at beside the text;
	within the same bounds as the recognition."""
	require_ocr_tools(pdf=True)
	if kind != "pdf":
		raise DocumentFileError("Chỉ dựng ảnh trang được cho tệp PDF.")
	with tempfile.TemporaryDirectory(prefix="danvan-page-") as directory:
		folder = Path(directory)
		source = folder / "input.pdf"
		source.write_bytes(data)
		info = pdf_info(source)
		pages = int(info.get("Pages", "0") or 0)
		if not 1 <= page <= min(pages, MAX_PAGES):
			raise DocumentFileError(f"Bản quét không có trang {page}.")
		_page_dpi(info)  # refuses an oversized page as the recognition does
		args = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile"]
		try:
			result = _run(
				[*args, str(source), str(folder / "page")],
				timeout=PAGE_SECONDS,
				limit_memory=True,
				env=_tool_env(),
			)
		except subprocess.TimeoutExpired:
			raise DocumentFileError(f"Dựng ảnh trang {page} quá lâu; đã dừng.") from None
		image = folder / "page.png"
		if result.returncode != 0 or not image.exists():
			raise DocumentFileError(f"Không dựng được ảnh trang {page} của tệp PDF.")
		return image.read_bytes()


def ocr_file(
	kind: str, data: bytes, progress: Progress | None = None, seconds: float = TOTAL_SECONDS
) -> OcrResult:
	"""Recognise a scanned PDF (``kind="pdf"``) or an image (png, jpeg, tiff), page by page, within bounds."""
	require_ocr_tools(pdf=kind == "pdf")
	started = time.monotonic()
	deadline = started + seconds
	result = OcrResult()
	with tempfile.TemporaryDirectory(prefix="danvan-ocr-") as directory:
		folder = Path(directory)
		source = folder / ("input.pdf" if kind == "pdf" else f"input.{kind}")
		source.write_bytes(data)
		if kind == "pdf":
			# pdfinfo fails on a PDF that needs a password to open (refused there); one only restricted by its
			# owner ("Encrypted: yes (print:yes ...)") opens without one and is read like any scan.
			info = pdf_info(source)
			pages = int(info.get("Pages", "0") or 0)
			if pages > MAX_PAGES:
				raise DocumentFileError(too_many_pages(pages))
			if pages < 1:
				raise DocumentFileError("Tệp PDF không có trang nào.")
			dpi = _page_dpi(info)
			for number in range(1, pages + 1):
				if progress:
					progress(number - 1, pages)
				image = _rasterise(source, number, dpi, folder, deadline)
				_recognise(image, number, dpi, result, deadline)
				image.unlink()
		else:
			pages = check_image(data)
			if progress:
				progress(0, pages)
			_recognise(source, 0, None, result, deadline, pages)
	if progress:
		progress(pages, pages)
	result.seconds = time.monotonic() - started
	return result


def _remaining(deadline: float) -> float:
	left = deadline - time.monotonic()
	if left <= 0:
		raise DocumentFileError(_too_long())
	return left


def _too_long() -> str:
	return (
		"Nhận dạng bản quét quá thời gian cho phép; đã dừng. Hãy tách tệp thành các phần nhỏ hơn hoặc quét"
		" lại rõ hơn."
	)


def _rasterise(source: Path, number: int, dpi: int, folder: Path, deadline: float) -> Path:
	"""One page as a greyscale PGM (uncompressed: Tesseract reads it faster than a PNG it must inflate)."""
	prefix = folder / "page"
	args = ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(number), "-l", str(number), "-singlefile"]
	try:
		result = _run(
			[*args, str(source), str(prefix)],
			timeout=min(PAGE_SECONDS, _remaining(deadline)),
			limit_memory=True,
			env=_tool_env(),
		)
	except subprocess.TimeoutExpired:
		# The whole file's budget ran out while this page was drawn (on a loaded server, the usual case when a
		# page is cut short): that is what the user is told, as when it runs out during recognition.
		if time.monotonic() >= deadline:
			raise DocumentFileError(_too_long()) from None
		raise DocumentFileError(
			f"Trang {number} của tệp PDF dựng ảnh quá lâu (tệp có thể bị hỏng hoặc cố ý gây quá tải); đã dừng."
		) from None
	image = folder / "page.pgm"
	if result.returncode != 0 or not image.exists():
		raise DocumentFileError(f"Không dựng được ảnh trang {number} của tệp PDF (tệp có thể bị hỏng).")
	return image


def _recognise(
	image: Path, page: int, dpi: int | None, result: OcrResult, deadline: float, pages: int = 1
) -> None:
	# A photo or a PNG often carries no resolution, and Tesseract then assumes 70 dpi and sizes its letter
	# models wrongly; a page photographed whole or scanned is near 300 dpi, so that is what it is told.
	args = ["tesseract", str(image), "stdout", "-l", "vie", "--psm", "3", "--dpi", str(dpi or DPI)]
	try:
		done = _run(
			[*args, "tsv"],
			timeout=min(PAGE_SECONDS * pages, _remaining(deadline)),
			limit_memory=True,
			env=_tool_env(),
		)
	except subprocess.TimeoutExpired:
		if time.monotonic() >= deadline:
			raise DocumentFileError(_too_long()) from None
		raise DocumentFileError(f"Nhận dạng chữ trang {page or 1} quá lâu; đã dừng.") from None
	if done.returncode != 0:
		raise DocumentFileError("Không nhận dạng được ảnh (tệp ảnh có thể bị hỏng).")
	pages, words = tsv_pages(done.stdout, page, dpi or DPI)
	result.tsv.append((page, dpi or DPI, done.stdout))
	result.pages.extend(pages)
	result.words.extend(words)


def tsv_pages(tsv: str, page: int = 0, dpi: int = DPI) -> tuple[list[str], list[Word]]:
	"""Tesseract's TSV → the text of each page (a line per printed line, a blank line between blocks and
	paragraphs, as in a text PDF) and its words with their confidence.

	A gap of several letter heights inside a printed line is the gutter of the two-column heading (issuer
	| Quốc hiệu, number | place and date), which Tesseract often reads across as one line: each side
	becomes its own line, in the order a .docx's heading table gives them.

	``page`` is the PDF page number when one image is one page; 0 takes the page numbers Tesseract gives
	(a multi-page TIFF).
	"""
	pages: dict[int, list[str]] = {}
	words: list[Word] = []
	current: tuple | None = None
	paragraph: tuple | None = None
	right_edge = 0
	rows = [
		columns
		for row in tsv.splitlines()[1:]
		if len(columns := row.split("\t")) >= 12 and columns[0] == "5" and columns[11].strip()
	]
	# A list mark the recognition lost, put back where the word boxes show its place (ocr_layout).
	lost = lost_marks(
		[Box((int(c[1]), c[2], c[3], c[4]), int(c[5]), int(c[6]), int(c[7]), c[11].strip()) for c in rows],
		dpi,
	)
	for columns in rows:
		text = columns[11].strip()
		number = page or int(columns[1])
		left, width, height = int(columns[6]), int(columns[8]), int(columns[9])
		lines = pages.setdefault(number, [])
		line_key = (number, columns[2], columns[3], columns[4])
		confidence = float(columns[10])
		mark, first_word = lost.get((int(columns[1]), *line_key[1:]), ("", 0))
		if mark and int(columns[5]) < first_word:
			continue  # dust where the mark was
		if mark and int(columns[5]) == first_word:
			text = f"{mark} {text}"
		# Dust read as punctuation: a speck is a few pixels across, a printed dash or "*" 14-22 at 300 dpi,
		# so size tells them apart where confidence does not (specks score 30-87, real dashes 30-93 here).
		if not any(ch.isalnum() for ch in text) and (max(width, height) <= 6 * dpi / DPI or confidence < 20):
			continue
		if line_key != current:
			if paragraph is not None and line_key[:3] != paragraph and lines:
				lines.append("")
			lines.append(text)
			current, paragraph = line_key, line_key[:3]
		elif left - right_edge > 3 * max(height, 20):
			lines.append(text)
		else:
			lines[-1] += " " + text
		right_edge = left + width
		words.append(Word(text, confidence, number))
	return ["\n".join(pages[number]) for number in sorted(pages)], words


# --- LibreOffice -----------------------------------------------------------------------------------------


_OFFICE_MAGIC = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"PK\x03\x04")


def office_to_docx(filename: str, data: bytes) -> bytes:
	"""A .doc or .odt converted to .docx by LibreOffice headless, in a throw-away profile, within a time limit.

	A fresh profile per conversion: two conversions at once would otherwise fight over one profile's lock,
	and nothing from one user's file lingers for the next.
	"""
	soffice = _which("soffice") or _which("libreoffice")
	if not soffice:
		raise DocumentFileError(
			"Máy chủ chưa cài LibreOffice nên chưa đọc được tệp .doc/.odt. Quản trị viên cần cài gói:"
			f" {OFFICE_PACKAGE}. Trong lúc chờ, hãy mở tệp bằng Word và lưu lại dạng .docx."
		)
	suffix = Path(filename).suffix.lower() or ".doc"
	# Only what a word processor writes goes to LibreOffice, which would otherwise import any bytes as
	# plain text (and parse many more formats than a directive needs): Word 97-2003 (OLE), RTF saved as
	# .doc, and zip packages (.odt, or a .docx renamed .doc).
	if not data.startswith(_OFFICE_MAGIC):
		raise DocumentFileError(
			f"Tệp {suffix} bị hỏng hoặc không phải văn bản Word/OpenDocument, không đọc được."
		)
	with tempfile.TemporaryDirectory(prefix="danvan-office-") as directory:
		folder = Path(directory)
		source = folder / f"input{suffix}"
		source.write_bytes(data)
		out = folder / "out"
		args = [
			soffice,
			"--headless",
			"--norestore",
			"--nolockcheck",
			f"-env:UserInstallation={(folder / 'profile').as_uri()}",
			"--convert-to",
			"docx:MS Word 2007 XML",
			"--outdir",
			str(out),
			str(source),
		]
		env = {**os.environ, "HOME": str(folder)}
		try:
			_run(args, timeout=CONVERT_SECONDS, env=env, cwd=folder)
		except subprocess.TimeoutExpired:
			raise DocumentFileError(
				f"Chuyển đổi tệp {suffix} quá lâu (quá {CONVERT_SECONDS} giây); đã dừng. Tệp có thể bị hỏng;"
				" hãy mở bằng Word và lưu lại dạng .docx."
			) from None
		converted = out / "input.docx"
		if not converted.exists():
			raise DocumentFileError(
				f"Tệp {suffix} bị hỏng hoặc không phải văn bản Word/OpenDocument, không chuyển đổi được."
			)
		return converted.read_bytes()
