"""The files the app ships (demo data, fonts, icons, the user guide), installed as the package
``tracker.resources`` and read through importlib.resources (see tracker/paths.py)."""
