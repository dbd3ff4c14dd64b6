"""Score the directive importer against hand-written expected parses (issue 15).

Usage (from the repository root, no Frappe needed)::

	python scripts/importer_score.py                # the development set
	python scripts/importer_score.py --set shared   # the three shared development texts
	python scripts/importer_score.py --set all --json

Each text ``tests/corpus/<set>/<slug>.txt`` has ``<slug>.expected.json`` (written by hand, see
``tests/corpus/README.md``) and ``<slug>.source.json``. The ``shared`` set keeps only the expected and source
files: its texts live in ``/work/shared/source-documents`` (``source.json`` ``text_file``).

Matching: an expected obligation is *found* by a proposed task whose title or clause contains the
obligation's anchor (both normalised: NFC, case-folded, whitespace collapsed). Each task matches at most one
obligation and each obligation at most one task (maximum bipartite matching; among equally large matchings
the one with the most fully right pairs is preferred). A found obligation is *right* when its presiding
units and its deadline are right:

* presiding: the same multiset of naming words over all names (``unit_words``: abbreviations such as UBND
  spelled out, titles such as "Giám đốc"/"Chủ tịch"/"Thủ trưởng" and the connectors "và"/"các"/"những"
  dropped), so "Sở Nội vụ" = "Giám đốc Sở Nội vụ" and a list split differently still counts; an expected empty
  list needs an empty proposed list;
* deadline: ``kind``, ``due``, ``recurrence`` and ``month`` all equal (``start`` and ``text`` are not scored).

Obligations expected with ``confidence_expected: "low"`` (generic exhortations with no deliverable, which
issue 15 says the importer *may* propose as low-confidence tasks) are optional: a task matching one is neither
false nor counted in the recall, and one not proposed is not missed; how many were proposed is printed.
An obligation may list ``parts``: further untimed duties the text writes in the same clause, which the
importer may keep grouped or propose on their own. False tasks: every proposed task that matches no
obligation and contains no part; how many of those the importer itself marked low confidence is printed
beside them (they are still counted as false); tasks that hold only a part are counted as "split", neither
right nor false. Recall = right / expected; false-task rate = false / proposed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Appended, not put first: PYTHONPATH may name another checkout whose parser is to be scored on this corpus.
if str(ROOT) not in sys.path:
	sys.path.append(str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
SETS = ("dev", "heldout", "shared")
SHARED_DOCS = Path("/work/shared/source-documents")
DEADLINE_FIELDS = ("kind", "due", "recurrence", "month")


def normalise(text: str) -> str:
	return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_ABBREVIATIONS = {
	"ubnd": "ủy ban nhân dân",
	"hđnd": "hội đồng nhân dân",
	"mttq": "mặt trận tổ quốc",
	"uỷ": "ủy",
	"thuỷ": "thủy",
	"hoà": "hòa",
}
_TITLES = re.compile(r"\b(?:thủ trưởng|chủ tịch|giám đốc|chánh|bí thư|người đứng đầu)\s+|^trưởng\s+")
_CONNECTORS = {"và", "các", "những", "mỗi", "từng"}


def unit_words(name: str) -> list[str]:
	"""The words naming a unit, normalised: NFC, case-folded, abbreviations spelled out, a leading title
	("Giám đốc", "Chủ tịch", "Thủ trưởng" …) and the connectors "và"/"các"/"những"/"mỗi"/"từng" dropped."""
	name = normalise(name)
	name = " ".join(_ABBREVIATIONS.get(word, word) for word in re.split(r"[\s,;.:()\-–]+", name) if word)
	name = _TITLES.sub("", name)
	return [word for word in name.split() if word not in _CONNECTORS and word != "-"]


def units_right(expected: list[str], proposed: list[str]) -> bool:
	"""Same units: the same multiset of naming words, however the names are split into list entries."""
	return sorted(w for n in expected for w in unit_words(n)) == sorted(
		w for n in proposed for w in unit_words(n)
	)


def deadline_right(expected: dict, proposed: dict) -> bool:
	return all(expected.get(key) == proposed.get(key) for key in DEADLINE_FIELDS)


def task_text(task: dict) -> str:
	return normalise(f"{task.get('title') or ''}\n{task.get('clause') or ''}")


@dataclass
class TextScore:
	slug: str
	expected: int
	proposed: int
	found: int = 0
	unit_right: int = 0
	deadline_right: int = 0
	right: int = 0
	false: int = 0
	false_low: int = 0
	split: int = 0
	optional: int = 0
	optional_found: int = 0
	not_task_hits: int = 0
	missed: list[str] = field(default_factory=list)
	wrong: list[dict] = field(default_factory=list)
	false_titles: list[str] = field(default_factory=list)

	def to_json_dict(self) -> dict:
		return dict(self.__dict__)


def _max_matching(right: dict[int, list[int]], other: dict[int, list[int]]) -> dict[int, int]:
	"""Maximum bipartite matching obligation → task by augmenting paths: first over fully right pairs only,
	then over every pair for the obligations still unmatched (a right pair is never given up for a wrong one
	unless that makes the matching larger)."""
	task_of: dict[int, int] = {}
	owner: dict[int, int] = {}

	def augment(obligation: int, seen: set[int], edges: dict[int, list[int]]) -> bool:
		for task in edges.get(obligation, ()):
			if task in seen:
				continue
			seen.add(task)
			if task not in owner or augment(owner[task], seen, edges):
				owner[task] = obligation
				task_of[obligation] = task
				return True
		return False

	for obligation in right:
		augment(obligation, set(), right)
	both = {o: right.get(o, []) + other.get(o, []) for o in set(right) | set(other)}
	for obligation in sorted(both):
		if obligation not in task_of:
			augment(obligation, set(), both)
	return task_of


def score_text(slug: str, expected: dict, tasks: list[dict]) -> TextScore:
	obligations = expected["obligations"]
	texts = [task_text(task) for task in tasks]
	right: dict[int, list[int]] = {}
	other: dict[int, list[int]] = {}
	for o_index, obligation in enumerate(obligations):
		anchor = normalise(obligation["anchor"])
		for t_index, text in enumerate(texts):
			if anchor not in text:
				continue
			task = tasks[t_index]
			ok = units_right(obligation["presiding"], task.get("presiding") or []) and deadline_right(
				obligation["deadline"], task.get("deadline") or {}
			)
			(right if ok else other).setdefault(o_index, []).append(t_index)
	matched = _max_matching(right, other)
	optional = {o_index for o_index, o in enumerate(obligations) if o.get("confidence_expected") == "low"}
	score = TextScore(slug, expected=len(obligations) - len(optional), proposed=len(tasks))
	score.optional = len(optional)
	for o_index, obligation in enumerate(obligations):
		if o_index in optional:
			# a generic exhortation the importer may propose (low confidence) or leave out: neither missed
			# nor false, and not in the recall
			score.optional_found += o_index in matched
			continue
		if o_index not in matched:
			score.missed.append(obligation["id"])
			continue
		task = tasks[matched[o_index]]
		score.found += 1
		unit_ok = units_right(obligation["presiding"], task.get("presiding") or [])
		deadline_ok = deadline_right(obligation["deadline"], task.get("deadline") or {})
		score.unit_right += unit_ok
		score.deadline_right += deadline_ok
		if unit_ok and deadline_ok:
			score.right += 1
		else:
			score.wrong.append(
				{
					"id": obligation["id"],
					"expected_presiding": obligation["presiding"],
					"proposed_presiding": task.get("presiding") or [],
					"expected_deadline": {k: obligation["deadline"].get(k) for k in DEADLINE_FIELDS},
					"proposed_deadline": {k: (task.get("deadline") or {}).get(k) for k in DEADLINE_FIELDS},
				}
			)
	used = set(matched.values())
	not_tasks = [normalise(phrase) for phrase in expected.get("not_tasks", [])]
	parts = [normalise(part) for obligation in obligations for part in obligation.get("parts", [])]
	for t_index, task in enumerate(tasks):
		if t_index in used:
			continue
		if any(part in texts[t_index] for part in parts):
			score.split += 1  # an untimed duty the text groups with others, proposed on its own: not false
			continue
		score.false += 1
		score.false_low += task.get("confidence") == "low"
		score.false_titles.append(task.get("title") or "")
		score.not_task_hits += any(phrase in texts[t_index] for phrase in not_tasks)
	return score


def corpus_entries(which: str, corpus: Path = CORPUS) -> list[tuple[str, Path, Path]]:
	"""(slug, text path, expected path) of a set, sorted by slug."""
	sets = SETS if which == "all" else (which,)
	entries = []
	for name in sets:
		folder = corpus / name
		for expected_path in sorted(folder.glob("*.expected.json")):
			slug = expected_path.name[: -len(".expected.json")]
			entries.append((f"{name}/{slug}", _text_path(folder, slug), expected_path))
	return entries


def _text_path(folder: Path, slug: str) -> Path:
	own = folder / f"{slug}.txt"
	if own.exists():
		return own
	source = json.loads((folder / f"{slug}.source.json").read_text(encoding="utf-8"))
	relative = source.get("text_file")
	if not relative:
		return own
	candidate = (ROOT / relative).resolve()
	return candidate if candidate.exists() else SHARED_DOCS / Path(relative).name


def run(which: str) -> list[TextScore]:
	from danvan_app.domain.directive_text import parse_directive_text, read_text_file

	scores = []
	for slug, text_path, expected_path in corpus_entries(which):
		expected = json.loads(expected_path.read_text(encoding="utf-8"))
		parse = parse_directive_text(read_text_file(text_path)).to_json_dict()
		scores.append(score_text(slug, expected, parse["tasks"]))
	return scores


def summary(scores: list[TextScore]) -> dict:
	expected = sum(s.expected for s in scores)
	proposed = sum(s.proposed for s in scores)
	right = sum(s.right for s in scores)
	false = sum(s.false for s in scores)
	return {
		"texts": len(scores),
		"expected": expected,
		"found": sum(s.found for s in scores),
		"unit_right": sum(s.unit_right for s in scores),
		"deadline_right": sum(s.deadline_right for s in scores),
		"right": right,
		"proposed": proposed,
		"false": false,
		"false_low": sum(s.false_low for s in scores),
		"split": sum(s.split for s in scores),
		"optional": sum(s.optional for s in scores),
		"optional_found": sum(s.optional_found for s in scores),
		"recall": round(right / expected, 3) if expected else None,
		"false_rate": round(false / proposed, 3) if proposed else None,
	}


def main(argv: list[str] | None = None) -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--set", default="dev", choices=(*SETS, "all"))
	parser.add_argument("--json", action="store_true")
	parser.add_argument("--verbose", "-v", action="store_true", help="list missed, wrong and false tasks")
	args = parser.parse_args(argv)
	scores = run(args.set)
	total = summary(scores)
	if args.json:
		print(
			json.dumps(
				{"set": args.set, "texts": [s.to_json_dict() for s in scores], "summary": total},
				ensure_ascii=False,
				indent=2,
			)
		)
		return 0
	header = (
		f"{'text':<48} {'found':>9} {'unit':>5} {'ddl':>5} {'right':>6} {'false':>7} {'low':>4} {'split':>5} "
		f"{'opt':>5}"
	)
	print(header)
	for s in scores:
		print(
			f"{s.slug:<48} {s.found:>4}/{s.expected:<4} {s.unit_right:>5} {s.deadline_right:>5} "
			f"{s.right:>6} {s.false:>3}/{s.proposed:<3} {s.false_low:>4} {s.split:>5} "
			f"{s.optional_found:>2}/{s.optional:<2}"
		)
		if args.verbose:
			for obligation_id in s.missed:
				print(f"    missed {obligation_id}")
			for wrong in s.wrong:
				print(f"    wrong  {json.dumps(wrong, ensure_ascii=False)}")
			for title in s.false_titles:
				print(f"    false  {title[:100]}")
	print(
		f"SUMMARY {args.set}: {total['texts']} texts, recall {total['right']}/{total['expected']} = "
		f"{total['recall']} (found {total['found']}, unit right {total['unit_right']}, deadline right "
		f"{total['deadline_right']}); false tasks {total['false']}/{total['proposed']} = {total['false_rate']} "
		f"({total['false_low']} of them marked low confidence); {total['split']} split parts and "
		f"{total['optional_found']}/{total['optional']} optional (low) obligations proposed, not counted"
	)
	return 0


if __name__ == "__main__":
	raise SystemExit(main())
