"""备份与恢复 in the window: the 文件 menu's backup and restore, run in a worker."""
