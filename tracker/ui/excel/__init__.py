"""Excel in the window: 报送情况统计表 export, 导出所选 from the grid, the old-ledger import
wizard. Installed by :mod:`tracker.ui.excel.menu` (see tracker.ui.extensions)."""
