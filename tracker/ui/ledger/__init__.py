"""报送情况: the ledger grid (one row per obligation) and the per-notice matrix."""
