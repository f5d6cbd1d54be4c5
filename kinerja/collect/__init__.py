"""Collection (SOP steps 2-3): the register's workflow and locks, versions of submissions, notes, units."""
