"""排名: the units ranked, per notice, year and category; a unit's history."""
