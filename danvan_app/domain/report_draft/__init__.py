"""The draft of a "Báo cáo kết quả thực hiện" a directive, and the official layout it shares with the prints.

Plain data in (the directive, the reporting body, the period, each presiding unit's figures, the tasks still
to mention, the progress notes), a structured document out: header, title, sections of paragraphs and one
table, recipients, signature. Every Vietnamese word of the draft is decided here; the writers (.docx, HTML,
PDF) only lay the structure out. No ``frappe`` import: the pure tier tests it.

Which tasks a period reports, and how each stands, is stated here once (:func:`reported_in`,
:func:`standing_as_of`); the SQL that counts them on the bench (``danvan_app.report_drafts``) mirrors these
two functions, and the bench test checks both give the same figures.

The layout follows Hướng dẫn 36-HD/VPTW (Party documents) and Nghị định 30/2020/NĐ-CP (State documents):
header in two columns, the number and symbol, place and date in italics, the kind of document and its
subject, "Nơi nhận:" bottom-left and the signature bottom-right.
"""

from danvan_app.domain.report_draft.compose import *
from danvan_app.domain.report_draft.data import *
from danvan_app.domain.report_draft.document import *
from danvan_app.domain.report_draft.layout import *
from danvan_app.domain.report_draft.period import *
from danvan_app.domain.report_draft.standing import *
