"""Excel in the window: 报送情况统计表 export, 导出所选 from the grid, the old-ledger import
wizard. Actions in :mod:`tracker.ui.excel.actions`, placed by tracker.ui.composition."""
