"""Writers that lay out a document the domain core built (danvan_app.domain.report_draft) as a file.

Pure Python (no ``frappe``): the pure tier opens what they write."""
