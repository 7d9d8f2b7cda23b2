# Replaces PyInstaller's own hook: collects this Qt module's libraries and only the plugins
# and translations the app needs (spec_support.QT_PLUGINS_KEPT), so the libraries those
# other plugins depend on are never pulled in.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from spec_support import trim_qt_collection

hiddenimports, binaries, datas = trim_qt_collection(*add_qt6_dependencies(__file__))
