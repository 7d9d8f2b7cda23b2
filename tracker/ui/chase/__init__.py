"""The escalation ladder in the window: 建议 in the grid, 今日待办 on the dashboard."""
