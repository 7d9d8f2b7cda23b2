"""Use cases: each public method is one transaction and writes the audit log."""
