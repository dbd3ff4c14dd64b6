from datetime import date

import pytest

from danvan_app.domain import directives as d
from danvan_app.domain.directive_number import DOC_TYPE_BY_CODE, parse_directive_number


def test_issue_date_in_the_future_is_refused():
	with pytest.raises(d.IssueDateInFuture):
		d.check_issue_date(date(2026, 11, 24), today=date(2026, 11, 23))
	d.check_issue_date(date(2026, 11, 23), today=date(2026, 11, 23))
	d.check_issue_date(None, today=date(2026, 11, 23))


def test_replaced_directive_names_its_successor_and_not_itself():
	with pytest.raises(d.ReplacedWithoutSuccessor):
		d.check_replacement("VB-1", d.REPLACED, None)
	with pytest.raises(d.ReplacedByItself):
		d.check_replacement("VB-1", d.REPLACED, "VB-1")
	d.check_replacement("VB-1", d.REPLACED, "VB-2")
	d.check_replacement("VB-1", d.IN_FORCE, None)


def test_a_directive_cannot_implement_itself():
	with pytest.raises(d.OwnParent):
		d.check_parent_directive("VB-1", "VB-1")
	d.check_parent_directive("VB-2", "VB-1")


def test_numbers_written_differently_clash_for_the_same_issuer():
	a = d.duplicate_key(parse_directive_number("16 CT/TU").normalized, "Ban Thường vụ Tỉnh ủy")
	b = d.duplicate_key(parse_directive_number("số 16-CT/TU,").normalized, " ban thường vụ tỉnh ủy ")
	c = d.duplicate_key(parse_directive_number("16-CT/TU").normalized, "Tỉnh ủy Yên Bái")
	assert a == b
	assert a != c


def test_every_type_a_number_can_name_is_a_selectable_doc_type():
	assert set(DOC_TYPE_BY_CODE.values()) <= set(d.DOC_TYPES)
	assert len(set(d.DOC_TYPES)) == len(d.DOC_TYPES)
