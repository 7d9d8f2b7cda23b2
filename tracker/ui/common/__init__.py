"""Shared UI infrastructure: workers with progress and cancel, the change-signal bridge, the
error dialog, Chinese date widgets, a fast bulk proxy model, remembered window state.

Other UI packages (dialogs, letters, excel, backup) reuse these; keep them small and stable.
"""
