"""报送督办台账 — start the window. ``python main.py --demo`` opens the demo workspace."""

from tracker.app import main

if __name__ == "__main__":
    raise SystemExit(main())
