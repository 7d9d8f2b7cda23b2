"""The readers in the window: notices drafted from their file, received files registered in a
batch, and the 关键数据 of a notice's summaries."""
