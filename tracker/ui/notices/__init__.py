"""通知与报送事项: the notice list page and the notice editor."""
