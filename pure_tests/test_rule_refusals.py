"""Every refusal the domain core raises has exactly one Vietnamese message, in danvan_app/rule_refusals.py."""

import ast
import inspect
from pathlib import Path

from danvan_app.domain import (
	classification,
	directive_number,
	directives,
	evaluation,
	kheo_models,
	measures,
	reorganisation,
	task_completion,
	tasks,
	units,
)

APP = Path(__file__).resolve().parents[1] / "danvan_app"
BASES = {
	tasks: tasks.TaskRuleError,
	units: units.UnitRuleError,
	kheo_models: kheo_models.KheoRuleError,
	evaluation: evaluation.EvaluationRuleError,
	directives: directives.DirectiveRuleError,
	task_completion: task_completion.CompletionRuleError,
	classification: classification.ClassificationRuleError,
	measures: measures.MeasureRuleError,
	reorganisation: reorganisation.ReorganisationError,
}


def mapped_names() -> set[str]:
	tree = ast.parse((APP / "rule_refusals.py").read_text())
	table = next(
		node.value
		for node in tree.body
		if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "REFUSALS"
	)
	return {ast.unparse(key).rsplit(".", 1)[-1] for key in table.keys}


def test_every_domain_refusal_has_its_message():
	raised = {
		name
		for module, base in BASES.items()
		for name, value in inspect.getmembers(module, inspect.isclass)
		if issubclass(value, base) and value is not base and value.__module__ == module.__name__
	}
	raised.add(directive_number.InvalidDirectiveNumber.__name__)
	assert raised - mapped_names() == set()


def test_no_controller_catches_a_domain_refusal_itself():
	for path in APP.glob("*/doctype/*/*.py"):
		source = path.read_text()
		for module in (
			"task_rules",
			"unit_rules",
			"model_rules",
			"evaluation_rules",
			"directive_rules",
			"classification_rules",
			"completion_rules",
			"measure_rules",
		):
			assert f"except {module}." not in source, path.name
