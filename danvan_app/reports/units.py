"""Which units a report shows."""


def open_unit_criterion(Unit, day):
	"""Units that exist on ``day`` (domain.units.is_active_on, in SQL): enabled, opened on or before it and
	not closed before it."""
	return (
		(Unit.enabled == 1)
		& (Unit.valid_from.isnull() | (Unit.valid_from <= day))
		& (Unit.valid_to.isnull() | (Unit.valid_to >= day))
	)
