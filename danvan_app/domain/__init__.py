"""The rules of công tác dân vận, in plain Python.

Nothing under this package imports ``frappe``: the controllers read a document, call these functions and
write back, so every rule can be tested without a site (``pytest tests/``).
"""
