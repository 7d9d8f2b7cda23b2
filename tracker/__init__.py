"""报送督办台账 — the submission tracker of a municipal standards office."""

__version__ = "0.1.0"
APP_NAME = "报送督办台账"
