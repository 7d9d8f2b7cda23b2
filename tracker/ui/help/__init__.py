"""帮助 menu: the user guide and the 关于 dialog."""
