"""The one way the desktop runs store work off the UI thread (after Anki's `CollectionOp`).

    ops.run(window, lambda progress: bundle_io.import_bundle(store, path),
            done=show_result, title="导入同步文件", label="正在导入…")

`work(progress)` runs on **one** worker thread shared by every operation (imports, exports,
printing, demo creation, network sync), so writes to the store are serialised and never race each
other; operations queue in the order they were started. `done(result)` then runs on the UI thread.
A failure goes to `failed(exc)` if given (return True when handled), else to the one error path,
`app.ui.errors.show_error`: a `TonghuError` shows its message, anything else is logged with its
traceback and shown in the calm crash dialog. While any operation runs, `busy()` says so (the
cursor shows busy, the status bar the label) and, when the operation has a label and lasts longer
than half a second, a window-modal progress dialog follows `progress(text, done, total)` — the
event loop keeps turning, so the window repaints and timers (the idle lock) keep firing.
"""

from __future__ import annotations

import logging
import queue
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ui import main_thread_gc

logger = logging.getLogger(__name__)

__all__ = ["run", "Op", "Progress", "busy", "BusyState", "worker_thread_name", "drain"]

worker_thread_name = "tonghu-store"
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=worker_thread_name)


class _Bridge(QObject):
    """Lives on the UI thread; `post(fn)` from any thread runs `fn` there.

    The callables wait in a thread-safe queue and the signal carries no arguments: Python objects
    never travel through Qt's queued-argument copies."""

    wake = Signal()

    def __init__(self):
        super().__init__(QCoreApplication.instance())  # dies with the application, not at exit
        self._pending: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.wake.connect(self._drain, Qt.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._pending.put(fn)
        self.wake.emit()

    def _drain(self) -> None:
        while True:
            try:
                fn = self._pending.get_nowait()
            except queue.Empty:
                return
            fn()


_bridge: _Bridge | None = None


def _ensure_bridge() -> _Bridge:
    global _bridge
    if _bridge is None:  # made on first use, on the UI thread (`Op.start` is only called there)
        _bridge = _Bridge()
        main_thread_gc.install(QCoreApplication.instance())  # the worker must never collect Qt objects
    return _bridge


def _to_main(fn: Callable[[], None]) -> None:
    assert _bridge is not None, "ops.run() must be called on the UI thread first"
    _bridge.post(fn)


class BusyState(QObject):
    """How many operations are queued or running, and the label of the newest."""

    changed = Signal(bool, str)

    def __init__(self):
        super().__init__(QCoreApplication.instance())
        self.count = 0
        self.label = ""

    def enter(self, label: str) -> None:
        self.count += 1
        self.label = label
        if self.count == 1:
            QGuiApplication.setOverrideCursor(Qt.BusyCursor)
        self.changed.emit(True, label)

    def leave(self) -> None:
        self.count = max(0, self.count - 1)
        if self.count == 0:
            self.label = ""
            QGuiApplication.restoreOverrideCursor()
        self.changed.emit(self.count > 0, self.label)

    @property
    def is_busy(self) -> bool:
        return self.count > 0


_busy: BusyState | None = None


def busy() -> BusyState:
    global _busy
    if _busy is None:
        _busy = BusyState()
    return _busy


class Progress:
    """Handed to `work`: `progress(text, done, total)` from the worker, shown on the UI thread."""

    def __init__(self, op: "Op"):
        self._op = op

    def __call__(self, text: str = "", done: int = 0, total: int = 0) -> None:
        _to_main(lambda: self._op._on_progress(text, done, total))


class Op:
    """One operation: queued on the store worker, finished on the UI thread."""

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any], *,
                 done: Callable[[Any], None] | None = None,
                 failed: Callable[[BaseException], bool | None] | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 title: str = "", label: str = ""):
        self.parent, self.work, self.title, self.label = parent, work, title, label
        self._done, self._failed, self._progress = done, failed, progress
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.future: Future | None = None
        self._dialog: QProgressDialog | None = None
        self._dialog_timer: QTimer | None = None
        self._waiters: list[Callable[[], None]] = []

    # -- UI thread --------------------------------------------------------------------------
    def start(self) -> "Op":
        _ensure_bridge()
        busy().enter(self.label or self.title)
        if self.label and self.parent is not None:
            self._dialog_timer = QTimer(self.parent)
            self._dialog_timer.setSingleShot(True)
            self._dialog_timer.timeout.connect(self._show_dialog)
            self._dialog_timer.start(500)
        self.future = _executor.submit(self._run_in_worker)
        return self

    def _show_dialog(self) -> None:
        if self.finished:
            return
        dialog = QProgressDialog(self.label, "", 0, 0, self.parent)
        dialog.setWindowTitle(QCoreApplication.translate("Ops", "请稍候"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        self._dialog = dialog

    def _on_progress(self, text: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(text, done, total)
        if self._dialog is not None:
            if text:
                self._dialog.setLabelText(text)
            self._dialog.setRange(0, max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)

    def _finish(self) -> None:
        self.finished = True
        if self._dialog_timer is not None:
            self._dialog_timer.stop()
            self._dialog_timer.deleteLater()
            self._dialog_timer = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        busy().leave()
        try:
            self._report()
        finally:
            self._release()
            for wake in self._waiters:
                wake()
            self._waiters.clear()

    def _report(self) -> None:
        if self.error is None:
            if self._done is not None:
                self._done(self.result)
            return
        if self._failed is not None and self._failed(self.error):
            return
        from app.ui.errors import show_error

        show_error(self.parent, self.error, self.title)

    def _release(self) -> None:
        """Drop what ties this finished operation to widgets and frames (a traceback keeps every
        frame's locals alive, Qt wrappers among them, until the interpreter's last collection)."""
        self.work = self._done = self._failed = self._progress = None  # type: ignore[assignment]
        self.parent = None
        if self.error is not None:
            self.error.__traceback__ = None
            self.error.__context__ = None

    def wait(self, timeout_ms: int = 60000) -> "Op":
        """Run a nested event loop until this operation has finished (tests, and shutdown).

        A `QEventLoop`, not a `processEvents()` poll: PySide6 6.12 loses a reference to None on
        every `processEvents()` call, and a few thousand of them crash the interpreter at exit."""
        if not self.finished:
            loop = QEventLoop()
            self._waiters.append(loop.quit)
            # A timer object stopped here, not QTimer.singleShot: a static single shot outlives the
            # loop and, minutes later, calls quit() on a deleted QEventLoop (a crash in Qt).
            deadline = QTimer()
            deadline.setSingleShot(True)
            deadline.timeout.connect(loop.quit)
            deadline.start(timeout_ms)
            loop.exec()
            deadline.stop()
        if not self.finished:
            raise TimeoutError(f"operation {self.title or self.label!r} did not finish in {timeout_ms} ms")
        return self

    # -- worker thread ----------------------------------------------------------------------
    def _run_in_worker(self) -> None:
        try:
            self.result = self.work(Progress(self))
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread's one error path
            self.error = exc
        _to_main(self._finish)


def drain(timeout_s: float = 120.0) -> None:
    """Block until every operation queued so far has left the worker (before a store closes: a
    query still running on a closed SQLCipher connection crashes the process). The worker is one
    FIFO thread, so a no-op submitted now runs after all of them."""
    _executor.submit(lambda: None).result(timeout=timeout_s)


def run(parent: QWidget | None, work: Callable[[Progress], Any], *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], bool | None] | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        title: str = "", label: str = "") -> Op:
    """Queue `work(progress)` on the store worker; see the module docstring."""
    return Op(parent, work, done=done, failed=failed, progress=progress, title=title, label=label).start()
