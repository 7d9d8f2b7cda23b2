"""Pure rules of the ledger: forms, statuses, deadlines and working days. No Qt, no SQL."""
