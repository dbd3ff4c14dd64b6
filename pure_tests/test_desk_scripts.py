"""The desk scripts parse, and stay thin: every behaviour is in the bundle (public/js), which each DocType
script only hands to Frappe."""

import shutil
import subprocess
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "danvan_app"
BUNDLE = APP / "public" / "js"
DOCTYPE_SCRIPTS = sorted(p for p in APP.glob("*/doctype/*/*.js"))
REPORT_SCRIPTS = sorted(APP.glob("*/report/*/*.js"))


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
@pytest.mark.parametrize("path", [*sorted(BUNDLE.glob("*.js")), *DOCTYPE_SCRIPTS, *REPORT_SCRIPTS], ids=str)
def test_script_parses(path):
	# The bundle's files are ES modules (esbuild); the DocType scripts are plain scripts Frappe evaluates.
	module = path.parent == BUNDLE
	source = path.read_text()
	args = ["node", "--input-type=module" if module else "--input-type=commonjs", "--check"]
	result = subprocess.run(args, input=source, capture_output=True, text=True)
	assert result.returncode == 0, result.stderr


def test_every_bundle_module_is_imported_by_the_bundle():
	bundle = (BUNDLE / "danvan.bundle.js").read_text()
	modules = {p.stem for p in BUNDLE.glob("*.js")} - {"danvan.bundle"}
	assert {m for m in modules if f'import "./{m}";' not in bundle} == set()


@pytest.mark.parametrize("path", DOCTYPE_SCRIPTS, ids=str)
def test_doctype_scripts_only_hand_frappe_the_bundles_objects(path):
	code = [line for line in path.read_text().splitlines() if line.strip() and not line.startswith("//")]
	assert len(code) == 1 and "danvan." in code[0], code
