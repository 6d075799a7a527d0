"""The enrol dialog suggests an https:// address, and a plain http:// address of another machine
is not used before the director read why it is unsafe and clicked 仍然登记; loopback http (a county
server on this machine) enrols directly. Through the real dialog and a real server."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.sync import client
from app.ui.sync.dialogs import EnrolDialog
from tests.sync.stores import V1, make_store


def test_enrol_dialog_suggests_https_and_explains_plain_http(qtbot, tmp_path, live, monkeypatch):
    store = make_store(tmp_path, "a", V1)
    try:
        dialog = EnrolDialog(store)
        qtbot.addWidget(dialog)
        assert dialog.server.placeholderText().startswith("例如 https://")
        dialog.server.setText("http://10.32.1.5:8765")
        dialog.code.setText(live.code(V1))
        dialog._enrol()
        assert "不加密" in dialog.error.text() and "https://" in dialog.error.text()
        assert dialog.ok.text() == "仍然登记" and not client.is_enrolled(store)
        dialog.server.setText("10.32.1.5:8765")  # no scheme: https is assumed, nothing to warn about
        assert dialog.ok.text() == "登记"

        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        dialog.server.setText(live.url)  # http://127.0.0.1:…, this machine: enrols at once
        dialog._enrol()
        assert client.is_enrolled(store) and dialog.result() == dialog.DialogCode.Accepted
    finally:
        store.close()
