"""scripts/importer_score.py: its matching on a small hand-made example, and the corpus files being well formed.

The corpus score itself changes as the importer improves; it is printed by the script, never asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
_spec = importlib.util.spec_from_file_location("importer_score", ROOT / "scripts" / "importer_score.py")
score_module = importlib.util.module_from_spec(_spec)
sys.modules["importer_score"] = score_module
_spec.loader.exec_module(score_module)

KINDS = {"date", "before", "within_month", "quarter", "from_year", "recurring", "none"}
RECURRENCES = {None, "weekly", "monthly", "quarterly", "half_yearly", "yearly"}


def _deadline(kind="none", due=None, recurrence=None, month=None):
	return {"kind": kind, "due": due, "start": None, "recurrence": recurrence, "month": month, "text": None}


def _task(title, clause, presiding, deadline, confidence=None):
	task = {
		"title": title,
		"clause": clause,
		"presiding": presiding,
		"coordinating": [],
		"deadline": deadline,
	}
	if confidence:
		task["confidence"] = confidence
	return task


EXPECTED = {
	"obligations": [
		{
			"id": "o1",
			"anchor": "Tổng hợp, báo cáo  kết quả",
			"presiding": ["Sở Nội vụ"],
			"deadline": {"kind": "recurring", "due": None, "recurrence": "yearly", "month": 12},
			"confidence_expected": "high",
		},
		{
			"id": "o2",
			"anchor": "tổ chức sơ kết",
			"presiding": ["Ban Dân vận Tỉnh ủy"],
			"deadline": {"kind": "quarter", "due": "2025-12-31", "recurrence": None, "month": None},
			"confidence_expected": "high",
			"parts": ["hướng dẫn các đơn vị"],
		},
		{
			"id": "o3",
			"anchor": "xây dựng kế hoạch",
			"presiding": ["UBND các xã, phường"],
			"deadline": {"kind": "none", "due": None, "recurrence": None, "month": None},
			"confidence_expected": "high",
		},
	],
	"not_tasks": ["trong 03 ngày làm việc kể từ"],
}


def test_a_grouped_task_matches_one_obligation_and_each_obligation_one_task():
	tasks = [
		# one task holding two anchors: it can be matched to only one of them
		_task(
			"Tổng hợp",
			"TỔNG HỢP, BÁO CÁO KẾT QUẢ hằng năm; tổ chức sơ kết quý IV/2025",
			["Giám đốc Sở Nội vụ"],
			_deadline("recurring", recurrence="yearly", month=12),
		),
		_task("Xây dựng", "các xã xây dựng kế hoạch", ["Ủy ban nhân dân các xã", "phường"], _deadline()),
	]
	score = score_module.score_text("x", EXPECTED, tasks)
	assert (score.expected, score.proposed, score.found) == (3, 2, 2)
	assert score.missed == ["o2"]
	# whitespace and case are normalised; a title ("Giám đốc") and "UBND" vs "Ủy ban nhân dân" do not matter,
	# nor how the list of units is split
	assert (score.unit_right, score.deadline_right, score.right) == (2, 2, 2)
	assert (score.false, score.split) == (0, 0)


def test_the_matching_prefers_the_pair_that_is_right():
	# both tasks contain the anchor of o1; only the second has the right deadline, and only the first
	# contains o2's anchor: a maximum matching must pair o1 with the second and o2 with the first
	tasks = [
		_task(
			"a",
			"tổng hợp, báo cáo kết quả; tổ chức sơ kết",
			["Ban Dân vận Tỉnh ủy"],
			_deadline("quarter", "2025-12-31"),
		),
		_task(
			"b",
			"tổng hợp, báo cáo kết quả",
			["Sở Nội vụ"],
			_deadline("recurring", recurrence="yearly", month=12),
		),
	]
	score = score_module.score_text("x", EXPECTED, tasks)
	assert score.found == 2 and score.right == 2 and score.missed == ["o3"]


def test_wrong_unit_or_deadline_is_found_but_not_right():
	tasks = [
		_task(
			"a",
			"tổng hợp, báo cáo kết quả",
			["Sở Tài chính"],
			_deadline("recurring", recurrence="yearly", month=12),
		),
		_task("b", "tổ chức sơ kết", ["Ban Dân vận Tỉnh ủy"], _deadline("quarter", "2025-09-30")),
		_task("c", "xây dựng kế hoạch", ["UBND các xã, phường"], _deadline()),
	]
	score = score_module.score_text("x", EXPECTED, tasks)
	assert score.found == 3
	assert (score.unit_right, score.deadline_right, score.right) == (2, 2, 1)
	assert [wrong["id"] for wrong in score.wrong] == ["o1", "o2"]


def test_unmatched_tasks_are_false_low_confidence_counted_apart_and_parts_are_split():
	tasks = [
		_task("a", "xây dựng kế hoạch", ["UBND xã, phường"], _deadline()),
		_task("b", "Xử lý trong 03 ngày làm việc kể từ ngày nhận", [], _deadline(), confidence="low"),
		_task("c", "Tăng cường công tác dân vận", ["các cấp ủy"], _deadline()),
		_task("d", "Hướng dẫn các đơn vị thực hiện", ["Ban Dân vận Tỉnh ủy"], _deadline()),
	]
	score = score_module.score_text("x", EXPECTED, tasks)
	assert (score.found, score.right) == (1, 1)
	assert (score.false, score.false_low, score.split, score.not_task_hits) == (2, 1, 1, 1)
	total = score_module.summary([score])
	assert total["recall"] == round(1 / 3, 3) and total["false_rate"] == 0.5


def test_empty_presiding_matches_only_empty():
	assert score_module.units_right([], [])
	assert not score_module.units_right([], ["Sở Nội vụ"])
	assert not score_module.units_right(["Sở Nội vụ"], [])
	assert score_module.units_right(
		["tổ chức chính trị - xã hội tỉnh"], ["các tổ chức chính trị-xã hội tỉnh"]
	)
	assert not score_module.units_right(["Sở Nội vụ"], ["Sở Tài chính"])


def _corpus_slugs():
	return sorted(
		(folder.name, path.name[: -len(".expected.json")])
		for folder in CORPUS.iterdir()
		if folder.is_dir()
		for path in folder.glob("*.expected.json")
	)


def test_the_corpus_has_its_sets():
	slugs = _corpus_slugs()
	counts = {name: sum(1 for folder, _ in slugs if folder == name) for name in ("dev", "heldout", "shared")}
	assert counts["dev"] + counts["heldout"] >= 12
	assert counts["heldout"] >= 3
	assert counts["shared"] == 3


@pytest.mark.parametrize(("folder", "slug"), _corpus_slugs())
def test_every_corpus_text_has_a_valid_source_and_expected_file(folder, slug):
	base = CORPUS / folder
	source = json.loads((base / f"{slug}.source.json").read_text(encoding="utf-8"))
	for key in ("url", "title", "issuer", "date", "retrieved", "notes"):
		assert key in source, key
	assert source["title"] and source["issuer"] and source["retrieved"]
	if folder == "shared":
		text_path = ROOT / source["text_file"]
		if not text_path.exists():
			text_path = score_module.SHARED_DOCS / Path(source["text_file"]).name
		if not text_path.exists():
			pytest.skip("the shared source documents are not on this machine")
	else:
		assert source["url"].startswith("https://")
		text_path = base / f"{slug}.txt"
	text = score_module.normalise(text_path.read_text(encoding="utf-8"))

	expected = json.loads((base / f"{slug}.expected.json").read_text(encoding="utf-8"))
	assert set(expected) <= {"obligations", "not_tasks", "notes"}
	ids = [obligation["id"] for obligation in expected["obligations"]]
	assert len(ids) == len(set(ids))
	for obligation in expected["obligations"]:
		assert set(obligation) <= {"id", "anchor", "presiding", "deadline", "confidence_expected", "parts"}
		assert obligation["confidence_expected"] in ("high", "low")
		assert isinstance(obligation["presiding"], list)
		deadline = obligation["deadline"]
		assert set(deadline) == {"kind", "due", "recurrence", "month"}
		assert deadline["kind"] in KINDS and deadline["recurrence"] in RECURRENCES
		assert (deadline["kind"] == "recurring") == (deadline["recurrence"] is not None)
		assert deadline["month"] is None or 1 <= deadline["month"] <= 12
		if deadline["due"] is not None:
			assert len(deadline["due"]) == 10 and deadline["due"][4] == "-"
		# every anchor and part is verbatim text of the document
		for phrase in [obligation["anchor"], *obligation.get("parts", [])]:
			assert score_module.normalise(phrase) in text, phrase
	for phrase in expected["not_tasks"]:
		assert score_module.normalise(phrase) in text, phrase


def test_low_confidence_obligations_are_optional():
	expected = {
		"obligations": [
			*EXPECTED["obligations"][2:],
			{
				"id": "o9",
				"anchor": "tăng cường công tác dân vận",
				"presiding": [],
				"deadline": {"kind": "none", "due": None, "recurrence": None, "month": None},
				"confidence_expected": "low",
			},
		],
		"not_tasks": [],
	}
	proposed = [_task("c", "Tăng cường công tác dân vận", [], _deadline(), confidence="low")]
	score = score_module.score_text("x", expected, proposed)
	# proposed: neither false nor in the recall; o3 (high) is missed
	assert (score.expected, score.optional, score.optional_found) == (1, 1, 1)
	assert (score.false, score.missed) == (0, ["o3"])
	# not proposed: not missed
	score = score_module.score_text("x", expected, [])
	assert (score.optional_found, score.missed) == (0, ["o3"])
