"""单位名录: the unit list page, the unit editor and the roster import."""
