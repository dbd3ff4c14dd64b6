"""The rules live in plain Python: nothing under danvan_app/domain (nor the document writers) imports frappe."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "danvan_app"
PURE = sorted([*(ROOT / "domain").rglob("*.py"), *(ROOT / "writers").rglob("*.py")])


def imported_modules(path: Path) -> set[str]:
	modules = set()
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.Import):
			modules.update(alias.name for alias in node.names)
		elif isinstance(node, ast.ImportFrom) and node.module:
			modules.add(node.module)
	return modules


def test_the_pure_modules_are_found():
	assert len(PURE) > 20 and any(path.parent.name == "report_draft" for path in PURE)


@pytest.mark.parametrize("path", PURE, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_frappe_import(path):
	frappe_imports = {
		m for m in imported_modules(path) if m == "frappe" or m.startswith(("frappe.", "pypika"))
	}
	assert not frappe_imports, f"{path.name} imports {sorted(frappe_imports)}"
