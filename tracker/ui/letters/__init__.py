"""催报函 and printed lists in the window: the letter dialog, the list dialog, print preview."""
