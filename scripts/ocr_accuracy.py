"""How well a scan reads: each source text typeset, "scanned" and recognised, against the original.

    python scripts/ocr_accuracy.py [../shared/source-documents]

Each text is typeset by LibreOffice (Times New Roman 13 pt, one paragraph per line), rasterised at 300 dpi
by poppler, and dirtied the way a scanner and an office do it (Pillow: rotated 0.6°, blurred, dust specks,
and on the last page a round stamp and a signature scribble over the signing block); the pages go into an image-only PDF that the importer's own
``read_scan`` recognises and cleans. Printed per text: pages, seconds per page, character accuracy
(1 - edit distance / length, whitespace runs counted as one space) and how many of the clean text's tasks
the parser proposes identically (presiding and coordinating units, deadline) from the scan.

Needs tesseract-ocr, tesseract-ocr-vie, poppler-utils, libreoffice-writer-nogui, python-docx and Pillow.
"""

from __future__ import annotations

import difflib
import io
import math
import random
import re
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from danvan_app.bench_tests import scans  # noqa: E402
from danvan_app.domain.directive_text import parse_directive_text  # noqa: E402
from danvan_app.domain.ocr import MAX_PAGES, read_scan  # noqa: E402


def degrade(pgm: bytes, seed: int, last: bool) -> bytes:
	"""Rotation, blur and dust on every page; the stamp and the signature where they are put, at the
	signing block under the text of the last page."""
	rng = random.Random(seed)
	image = Image.open(io.BytesIO(pgm)).convert("L")
	image = image.rotate(rng.choice((-0.6, 0.6)), resample=Image.BICUBIC, fillcolor=255)
	image = image.filter(ImageFilter.GaussianBlur(0.7))
	draw = ImageDraw.Draw(image)
	width, height = image.size
	for _ in range(400):  # dust and toner specks
		x, y = rng.randrange(width), rng.randrange(height)
		draw.ellipse((x, y, x + rng.randint(1, 3), y + rng.randint(1, 3)), fill=rng.randint(60, 160))
	if last:
		# The signing block is the text's last lines, the stamp overlapping them as a seal does.
		rows = [y for y in range(height) if image.crop((0, y, width, y + 1)).getextrema()[0] < 100]
		bottom = rows[-1] if rows else height // 2
		cx, cy, r = int(width * 0.62), min(bottom, height - int(width * 0.1)), int(width * 0.08)
		for ring in range(6):
			draw.ellipse((cx - r + ring, cy - r + ring, cx + r - ring, cy + r - ring), outline=150)
		points = [
			(int(width * 0.55 + t * 4), int(cy + 30 * math.sin(t / 9) + rng.randint(-3, 3)))
			for t in range(120)
		]
		draw.line(points, fill=70, width=4)
	out = io.BytesIO()
	image.save(out, format="PPM")
	return out.getvalue()


def edit_distance(a: str, b: str) -> int:
	previous = list(range(len(b) + 1))
	for i, ca in enumerate(a, 1):
		current = [i]
		for j, cb in enumerate(b, 1):
			current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
		previous = current
	return previous[-1]


def character_accuracy(original: str, recognised: str) -> float:
	"""1 - edits / len(original), aligning words first (difflib) and counting characters in changed runs."""
	a, b = original.split(), recognised.split()
	edits = 0
	for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
		if tag != "equal":
			edits += edit_distance(" ".join(a[i1:i2]), " ".join(b[j1:j2])) + (1 if tag != "replace" else 0)
	return 1 - edits / len(" ".join(a))


def task_keys(text: str) -> list[tuple]:
	parse = parse_directive_text(text).to_json_dict()
	return [
		(tuple(t["presiding"]), tuple(t["coordinating"]), t["deadline"]["kind"], t["deadline"]["due"])
		for t in parse["tasks"]
	]


def main(folder: Path) -> None:
	print(f"{'text':<28} {'pages':>5} {'s/page':>7} {'accuracy':>9} {'tasks same':>11}")
	total_pages = total_seconds = 0.0
	all_pages: list[bytes] = []
	same_tasks = all_tasks = 0
	for number, path in enumerate(sorted(folder.glob("*.txt"))):
		original = path.read_text(encoding="utf-8")
		lines = [line for line in original.splitlines()]
		pdf = scans.convert(scans.directive_docx(lines), ".docx", "pdf")
		images = scans.page_images(pdf)
		if len(images) > MAX_PAGES:
			# The importer refuses such a scan in Vietnamese (split the file); nothing to measure.
			print(
				f"{path.name:<28} {len(images):>5} pages: over the {MAX_PAGES}-page limit of one reading, skipped"
			)
			continue
		pages = [
			degrade(page, seed=number * 100 + index, last=index == len(images) - 1)
			for index, page in enumerate(images)
		]
		started = time.monotonic()
		scan = read_scan(path.name + ".pdf", scans.image_pdf(pages))
		seconds = time.monotonic() - started
		accuracy = character_accuracy(re.sub(r"\s+", " ", original), re.sub(r"\s+", " ", scan.text))
		clean, scanned = task_keys(original), task_keys(scan.text)
		same = sum(1 for index, key in enumerate(clean) if index < len(scanned) and scanned[index] == key)
		total_pages += scan.pages
		total_seconds += seconds
		all_pages += pages
		same_tasks += same
		all_tasks += len(clean)
		print(
			f"{path.name:<28} {scan.pages:>5} {seconds / scan.pages:>7.2f} {accuracy:>9.2%}"
			f" {same:>5}/{len(clean):<5}"
		)
	print(
		f"all: {total_pages:.0f} pages, {total_seconds / total_pages:.2f} s/page,"
		f" tasks proposed identically {same_tasks}/{all_tasks}"
	)
	# Every page above in one file: what a user waits for, from the upload to the parsed proposal.
	all_pages = all_pages[:MAX_PAGES]
	started = time.monotonic()
	scan = read_scan("all.pdf", scans.image_pdf(all_pages))
	parse_directive_text(scan.text)
	print(f"one {scan.pages}-page scan read and parsed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
	main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/source-documents"))
