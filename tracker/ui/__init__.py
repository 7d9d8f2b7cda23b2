"""The Qt window: views, dialogs and Qt models over service rows. No SQL here."""
