"""Unit-subtree scope for every DV record, through Frappe's own permission hooks.

``scope``: whose units a user acts for, and the same rule as SQL. ``documents``: the hooks of the scoped
DocTypes (units, tasks, directives, models, evaluations). ``related``: their child tables and Frappe's
records about them (files, comments, versions, mail, assignments). ``danvan_app.doors`` closes the few
Frappe methods that read around these hooks.
"""

from danvan_app.permissions.scope import task_scope_criterion, user_scope

__all__ = ["task_scope_criterion", "user_scope"]
