"""Exceptions the controllers raise, so callers and tests can tell one refusal from another.

Each subclasses ``frappe.ValidationError``: the desk shows the message, the REST API answers 417, and a
test asserts the exact rule that fired (``self.assertRaises(DueBeforeStartError, task.insert)``).
"""

import frappe


class DirectiveNumberError(frappe.ValidationError):
	pass


class DuplicateDirectiveError(frappe.ValidationError):
	pass


class IssueDateError(frappe.ValidationError):
	pass


class DirectiveLinkError(frappe.ValidationError):
	pass


class UnitTreeError(frappe.ValidationError):
	pass


class UnitValidityError(frappe.ValidationError):
	pass


class ReorganisationError(frappe.ValidationError):
	"""A reorganisation of units that would break the tree, lose work, or cannot be applied or undone."""


class DeadlineError(frappe.ValidationError):
	pass


class ProgressError(frappe.ValidationError):
	pass


class TaskCompletionError(frappe.ValidationError):
	"""A task marked done around the completion confirmation, while it is switched on."""


class TaskUnitError(frappe.ValidationError):
	pass


class ModelStatusError(frappe.ValidationError):
	pass


class ModelYearError(frappe.ValidationError):
	pass


class ModelRegistrationError(frappe.ValidationError):
	"""A model registered outside the year's registration window."""


class TargetError(frappe.ValidationError):
	"""A yearly model target that clashes with another for the same unit kind, level and year."""


class ScoreError(frappe.ValidationError):
	pass


class TemplateError(frappe.ValidationError):
	pass


class DuplicateEvaluationError(frappe.ValidationError):
	pass


class DirectiveImportError(frappe.ValidationError):
	"""The pasted text or uploaded file cannot be read as a directive's text."""


class TaskEntryError(frappe.ValidationError):
	"""A reviewed or quickly entered task (or its directive) cannot be saved as given."""


class LinkedRecordError(frappe.ValidationError):
	"""A link names a record that does not exist or that the user may not read."""


class FixedFieldError(frappe.PermissionError):
	"""A field that decides who may act on a record was changed by someone other than an administrator."""


class FieldValueError(frappe.ValidationError):
	"""A field holds a value of the wrong type, size or range (a list for a Select, the year 99999…)."""


class ArgumentError(frappe.ValidationError):
	"""A whitelisted method was called with a missing or malformed argument."""
