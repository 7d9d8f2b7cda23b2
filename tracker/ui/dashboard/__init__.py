"""概览: deadlines ahead, progress per requirement, overdue by category; numbers click through."""
