"""How well a scan reads: each source text typeset, "scanned" and recognised, against the original.

    python scripts/ocr_accuracy.py [FOLDER] [--render paragraphs|lines] [--only SLUG_PART] [--diff]
        [--keep DIR]
    python scripts/ocr_accuracy.py FOLDER --clean-words [OTHER_FOLDER ...]

Each text is typeset by LibreOffice (Times New Roman 13 pt), rasterised at 300 dpi by poppler, and dirtied
the way a scanner and an office do it (Pillow: rotated 0.6°, blurred, dust specks, and on the last page a
round stamp and a signature scribble over the signing block); the pages go into an image-only PDF that the
importer's own ``read_scan`` recognises and cleans.

What is typeset (``--render``): ``paragraphs`` (the default) prints the text the importer reads, i.e. the
source with its hard-wrapped web lines joined back into paragraphs and its "|" cell lines made paragraph
breaks (``layout.unwrap``, the importer's first step): a printed directive has paragraphs, which the
typesetting wraps at the page's width, not the 80-character lines of a scraped web page. The importer's
result on that text is the same as on the source file (checked here for every text, else the script
stops), so the scan is compared against the importer on the clean source. ``lines`` prints every source
line as a paragraph of its own (the first runs of issue 17).

Printed per text: pages, seconds per page, character accuracy (1 - edit distance / length, whitespace runs
counted as one space, against the text typeset) and "tasks same": how many of the clean text's tasks the
parser proposes identically from the scan. The two task lists are aligned in order by their text (title and
clause, difflib ratio ≥ 0.6; a task missing or extra in one list shifts nothing after it); a clean task is
the same when its aligned scan task reads ≥ 0.9 alike and has the same presiding and coordinating units
(case and spacing aside) and the same deadline kind, due date, recurrence and month. ``positional`` is the
first runs' count, task i against task i. When the folder holds ``<slug>.expected.json`` (the importer's
corpus), "obligations same" counts the expected obligations the scorer (``importer_score.py``) judges the
same way on the scan as on the clean text: missed in both, or found in both with the same verdict and, when
wrong, the same proposed units and deadline. ``--diff`` lists each clean task that differs, beside its scan
task. ``--keep DIR`` stores each text's raw recognised pages there and reuses them on the next run (the
clean-up and the parser run again; delete the folder after changing the rendering or the dirt); where it
holds Tesseract's TSV, the pages are laid out again from it by today's ``tsv_pages``.

``--clean-words`` runs no scan: the clean-up on each clean text as typeset (what a perfect recognition would
give), every word taken as doubted by Tesseract (so the respelling of doubtful words, ``ocr_doubtful``, runs
on all of them), listing every word it changes there; each is a repair that would spoil a correct reading.

Needs tesseract-ocr, tesseract-ocr-vie, poppler-utils, libreoffice-writer-nogui, python-docx and Pillow.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import math
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from danvan_app.bench_tests import scans  # noqa: E402
from danvan_app.domain.directive_text import parse_directive_text  # noqa: E402
from danvan_app.domain.directive_text.layout import unwrap  # noqa: E402
from danvan_app.domain.ocr import MAX_PAGES, Word, ocr_file, read_scan, tsv_pages  # noqa: E402
from danvan_app.domain.ocr_cleanup import clean_ocr_pages  # noqa: E402


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


def _normalised(text: str) -> str:
	return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def task_key(task: dict) -> tuple:
	"""What must be the same: presiding and coordinating units, the deadline's kind, due, recurrence, month."""
	deadline = task["deadline"]
	return (
		tuple(map(_normalised, task["presiding"])),
		tuple(map(_normalised, task["coordinating"])),
		deadline["kind"],
		deadline["due"],
		deadline.get("recurrence"),
		deadline.get("month"),
	)


def task_text(task: dict) -> str:
	return _normalised(f"{task['title']} {task['clause']}")


ALIGN_RATIO = 0.6  # below this two tasks' texts are not the same task misread
SAME_RATIO = 0.9  # the scan's task reads (nearly) as the clean one: OCR slips in a word or two


def align(clean: list[str], scanned: list[str]) -> dict[int, tuple[int, float]]:
	"""Clean index → (scan index, text ratio): the order-keeping pairing with the largest sum of ratios ≥
	ALIGN_RATIO (dynamic programming), so that one task missing or extra on one side shifts nothing."""
	ratios: dict[tuple[int, int], float] = {}
	for i, a in enumerate(clean):
		for j, b in enumerate(scanned):
			matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
			if matcher.real_quick_ratio() < ALIGN_RATIO or matcher.quick_ratio() < ALIGN_RATIO:
				continue
			ratio = matcher.ratio()
			if ratio >= ALIGN_RATIO:
				ratios[i, j] = ratio
	n, m = len(clean), len(scanned)
	best = [[0.0] * (m + 1) for _ in range(n + 1)]
	for i in range(n - 1, -1, -1):
		for j in range(m - 1, -1, -1):
			value = max(best[i + 1][j], best[i][j + 1])
			if (i, j) in ratios:
				value = max(value, ratios[i, j] + best[i + 1][j + 1])
			best[i][j] = value
	pairs: dict[int, tuple[int, float]] = {}
	i = j = 0
	while i < n and j < m:
		if (i, j) in ratios and math.isclose(best[i][j], ratios[i, j] + best[i + 1][j + 1]):
			pairs[i] = (j, ratios[i, j])
			i, j = i + 1, j + 1
		elif best[i][j] == best[i + 1][j]:
			i += 1
		else:
			j += 1
	return pairs


def compare_tasks(clean: list[dict], scanned: list[dict]) -> tuple[int, int, list[str]]:
	"""(tasks the same, tasks the same by position, a description of each difference)."""
	pairs = align([task_text(t) for t in clean], [task_text(t) for t in scanned])
	same = 0
	differences = []
	used = set()
	for index, task in enumerate(clean):
		if index not in pairs:
			differences.append(f"  [{index}] not in the scan: {task_text(task)[:110]} {task_key(task)}")
			continue
		other, ratio = pairs[index]
		used.add(other)
		if ratio >= SAME_RATIO and task_key(task) == task_key(scanned[other]):
			same += 1
			continue
		differences.append(
			f"  [{index}] ratio {ratio:.2f}\n    clean: {task_text(task)[:110]}\n           {task_key(task)}"
			f"\n    scan:  {task_text(scanned[other])[:110]}\n           {task_key(scanned[other])}"
		)
	for index, task in enumerate(scanned):
		if index not in used:
			differences.append(f"  scan only [{index}]: {task_text(task)[:110]} {task_key(task)}")
	positional = sum(
		1
		for index, task in enumerate(clean)
		if index < len(scanned) and task_key(scanned[index]) == task_key(task)
	)
	return same, positional, differences


def obligation_verdicts(slug: str, expected: dict, tasks: list[dict]) -> dict[str, tuple]:
	"""Each expected obligation's verdict by the importer's scorer: missed, right, or wrong with what was
	proposed; optional (low) obligations are left out as the scorer leaves them out of its recall."""
	from importer_score import score_text

	score = score_text(slug, expected, tasks)
	verdicts = {}
	wrong = {entry["id"]: entry for entry in score.wrong}
	for obligation in expected["obligations"]:
		if obligation.get("confidence_expected") == "low":
			continue
		identifier = obligation["id"]
		if identifier in score.missed:
			verdicts[identifier] = ("missed",)
		elif identifier in wrong:
			entry = wrong[identifier]
			verdicts[identifier] = (
				"wrong",
				repr(entry["proposed_presiding"]),
				repr(entry["proposed_deadline"]),
			)
		else:
			verdicts[identifier] = ("right",)
	return verdicts


def recognise(
	path: Path, number: int, text: str, keep: Path | None
) -> tuple[list[str], list[Word], float, list[bytes]]:
	"""The raw recognised pages of ``text`` typeset and dirtied, Tesseract's words with their confidence
	(none from a cache without TSV), the seconds recognition took, and the dirtied page images (empty when
	read from ``keep``)."""
	kept = keep / f"{path.stem}.json" if keep else None
	if kept and kept.exists():
		data = json.loads(kept.read_text(encoding="utf-8"))
		if data.get("typeset") == text:
			if "tsv" in data:  # laid out again from the word boxes, by today's code
				laid_out = [tsv_pages(args[2], args[0], args[1]) for args in data["tsv"]]
				pages = [page for pages, _ in laid_out for page in pages]
				return pages, [word for _, words in laid_out for word in words], data["seconds"], []
			return data["pages"], [], data["seconds"], []
	pdf = scans.convert(scans.directive_docx(text.splitlines()), ".docx", "pdf")
	images = scans.page_images(pdf)
	if len(images) > MAX_PAGES:
		return [], [], 0.0, images
	pages = [
		degrade(page, seed=number * 100 + index, last=index == len(images) - 1)
		for index, page in enumerate(images)
	]
	started = time.monotonic()
	result = ocr_file("pdf", scans.image_pdf(pages))
	seconds = time.monotonic() - started
	if kept:
		kept.parent.mkdir(parents=True, exist_ok=True)
		kept.write_text(
			json.dumps(
				{"typeset": text, "pages": result.pages, "tsv": result.tsv, "seconds": seconds},
				ensure_ascii=False,
			),
			encoding="utf-8",
		)
	return result.pages, result.words, seconds, pages


def changed_words(original: str, cleaned: str) -> list[str]:
	"""The words of ``original`` that ``cleaned`` writes otherwise, each as "before → after" with a word of
	context on each side."""
	a, b = original.split(), cleaned.split()
	changes = []
	for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
		if tag != "equal":
			context = " ".join(a[max(0, i1 - 1) : i1])
			after = " ".join(a[i2 : i2 + 1])
			changes.append(f"{context} [{' '.join(a[i1:i2])} → {' '.join(b[j1:j2])}] {after}")
	return changes


def clean_words(folders: list[Path]) -> None:
	"""The clean-up run on the clean texts themselves (the text typeset, no scan): a correct reading should come
	back unchanged, so every word it changes there is listed, and counted."""
	total = same_tasks = all_tasks = 0
	for folder in folders:
		for path in sorted(folder.glob("*.txt")):
			# NFC first: the clean-up composes every letter, which changes no word a reader sees.
			typeset = unicodedata.normalize("NFC", unwrap(path.read_text(encoding="utf-8")))
			# Every word doubted (confidence 0): the respelling of doubtful words at its most eager.
			cleaned = clean_ocr_pages([typeset], [Word(word, 0.0, 1) for word in typeset.split()], trusted=0)
			changes = changed_words(typeset, cleaned)
			total += len(changes)
			for change in changes:
				print(f"{path.stem[:40]:<40} {change}")
			# And the structure: the importer's tasks on the cleaned text against those on the text itself.
			before = parse_directive_text(typeset).to_json_dict()["tasks"]
			same, _, differences = compare_tasks(
				before, parse_directive_text(cleaned).to_json_dict()["tasks"]
			)
			same_tasks += same
			all_tasks += len(before)
			if differences:
				print(f"{path.stem[:40]:<40} tasks the same {same}/{len(before)}")
	print(f"clean texts: {total} places changed; tasks proposed identically {same_tasks}/{all_tasks}")


def main(argv: list[str] | None = None) -> None:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("folder", nargs="?", default="/work/shared/source-documents")
	parser.add_argument("--render", choices=("paragraphs", "lines"), default="paragraphs")
	parser.add_argument("--only", default="", help="only the texts whose file name contains this")
	parser.add_argument("--diff", action="store_true", help="list the tasks that differ")
	parser.add_argument("--keep", type=Path, help="store and reuse the raw recognised pages here")
	parser.add_argument(
		"--clean-words",
		nargs="*",
		type=Path,
		help="no scan: list the words the clean-up changes in the clean texts of the folder and these folders",
	)
	args = parser.parse_args(argv)
	folder = Path(args.folder)
	if args.clean_words is not None:
		clean_words([folder, *args.clean_words])
		return
	print(
		f"{'text':<40} {'pages':>5} {'s/page':>7} {'accuracy':>9} {'tasks same':>11} {'positional':>10}"
		f" {'obligations same':>16}"
	)
	total_pages = total_seconds = 0.0
	all_pages: list[bytes] = []
	same_tasks = all_tasks = positional_tasks = same_obligations = all_obligations = 0
	for number, path in enumerate(sorted(folder.glob("*.txt"))):
		if args.only not in path.name:
			continue
		original = path.read_text(encoding="utf-8")
		typeset = unwrap(original) if args.render == "paragraphs" else original
		clean_tasks = parse_directive_text(original).to_json_dict()["tasks"]
		if parse_directive_text(typeset).to_json_dict()["tasks"] != clean_tasks:
			sys.exit(f"{path.name}: the importer reads the paragraphs typeset differently from the source")
		raw_pages, words, seconds, pages = recognise(path, number, typeset, args.keep)
		if not raw_pages:
			# The importer refuses such a scan in Vietnamese (split the file); nothing to measure.
			print(
				f"{path.name:<40} {len(pages):>5} pages: over the {MAX_PAGES}-page limit of one reading, skipped"
			)
			continue
		started = time.monotonic()
		scan_text = clean_ocr_pages(raw_pages, words)
		seconds += time.monotonic() - started
		accuracy = character_accuracy(re.sub(r"\s+", " ", typeset), re.sub(r"\s+", " ", scan_text))
		scan_tasks = parse_directive_text(scan_text).to_json_dict()["tasks"]
		same, positional, differences = compare_tasks(clean_tasks, scan_tasks)
		obligations = ""
		expected_path = folder / (path.name[: -len(".txt")] + ".expected.json")
		if expected_path.exists():
			expected = json.loads(expected_path.read_text(encoding="utf-8"))
			before = obligation_verdicts(path.stem, expected, clean_tasks)
			after = obligation_verdicts(path.stem, expected, scan_tasks)
			agreeing = sum(before[key] == after[key] for key in before)
			same_obligations += agreeing
			all_obligations += len(before)
			obligations = f"{agreeing:>5}/{len(before):<5}"
			differences += [
				f"  obligation {key}: clean {before[key]}, scan {after[key]}"
				for key in before
				if before[key] != after[key]
			]
		total_pages += len(raw_pages)
		total_seconds += seconds
		all_pages += pages
		same_tasks += same
		positional_tasks += positional
		all_tasks += len(clean_tasks)
		print(
			f"{path.name[:40]:<40} {len(raw_pages):>5} {seconds / len(raw_pages):>7.2f} {accuracy:>9.2%}"
			f" {same:>5}/{len(clean_tasks):<5} {positional:>10} {obligations:>16}",
			flush=True,
		)
		if args.diff and differences:
			print("\n".join(differences))
	print(
		f"all: {total_pages:.0f} pages, {total_seconds / max(total_pages, 1):.2f} s/page,"
		f" tasks proposed identically {same_tasks}/{all_tasks}"
		f" ({same_tasks / max(all_tasks, 1):.1%}; by position {positional_tasks}/{all_tasks})"
		+ (
			f", obligations judged the same {same_obligations}/{all_obligations}"
			f" ({same_obligations / max(all_obligations, 1):.1%})"
			if all_obligations
			else ""
		)
	)
	if not all_pages:
		return  # every page came from --keep: nothing to time end to end
	# Every page above in one file: what a user waits for, from the upload to the parsed proposal.
	all_pages = all_pages[:MAX_PAGES]
	started = time.monotonic()
	scan = read_scan("all.pdf", scans.image_pdf(all_pages))
	parse_directive_text(scan.text)
	print(f"one {scan.pages}-page scan read and parsed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
	main()
