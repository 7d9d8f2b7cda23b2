"""Dialogs acting on obligations: 登记报送, 免报, 延期, 记录催报, and the undo stack."""
