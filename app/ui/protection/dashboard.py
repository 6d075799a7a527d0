"""Home-screen (工作台) block of the protection feature: one block with a tab per list — report
alarms, 应保未保, entitlements to end, 劝返复学 follow-ups, open cases — and a red banner when a
report has waited too long for its 公安 notification. One block rather than five keeps the lists
readable on a 1366×768 laptop. Each list is also a `QWidget(ctx, parent)` with `refresh()`.

Staged loading (issue 17): on the 工作台 the lists are read once, on the store worker
(`refresh_later()`, through app/ui/ops.py), after the window is up — the 应保未保 list over a
county takes a while and must not hold the window. A section inside a `ProtectionSection` waits
for it; a section or block made alone (no parent) reads at once, as before."""

from __future__ import annotations


from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.core import clock
from app.data import benefits, cases, protection, schoolroll_import
from app.ui import ops
from app.ui.messages import user_text, value_text
from app.ui.protection.common import AMBER, RED, ChildList
from app.ui.widgets import fmt_date

MAX_LINES = 50


class _Section(QWidget):
    empty_text = ""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = ChildList(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.count = 0
        if parent is None:
            self.refresh()
        else:  # filled in by the block (ProtectionSection.refresh_later)
            self.summary.setText(self.tr("正在统计…"))
            self.list.setVisible(False)

    def refresh(self) -> None:
        self.show_lines(self.ctx.store.read(self.collect))

    def show_lines(self, lines: list[tuple]) -> None:
        self.list.clear()
        self.count = len(lines)
        for text, child_id, colour in lines[:MAX_LINES]:
            self.list.add_line(text, child_id, colour)
        self.list.setVisible(bool(lines))
        self.summary.setText(self.summarise(lines) if lines else self.tr(self.empty_text))

    def collect(self, s) -> list[tuple]:
        raise NotImplementedError

    def summarise(self, lines) -> str:
        return self.tr("共 {n} 项（双击打开儿童档案）").format(n=len(lines))


class ReportAlarmsSection(_Section):
    empty_text = QT_TRANSLATE_NOOP("ReportAlarmsSection", "没有未结束的强制报告")
    overdue = 0

    def collect(self, s):
        out = []
        alarms = protection.report_alarms(s)
        self.overdue = sum(1 for a in alarms if a.overdue)
        for a in alarms:
            r = a.view.report
            text = f"{a.view.child_name}　{value_text(r.situation)}　{r.recorded_at:%Y-%m-%d %H:%M}　{value_text(a.text)}"
            out.append((text, r.child_id, RED if a.overdue or not a.view.police_notified else None))
        return out

    def summarise(self, lines):
        if self.overdue:
            return self.tr("⚠ {o} 份报告超时未向公安机关报告；未结束的报告共 {n} 份").format(o=self.overdue, n=len(lines))
        return self.tr("未结束的强制报告 {n} 份").format(n=len(lines))


class UncoveredSection(_Section):
    empty_text = QT_TRANSLATE_NOOP("UncoveredSection", "没有发现应保未保的儿童")

    def collect(self, s):
        return [(f"{u.child.name}　{user_text(u.reason)}", u.child.id, AMBER) for u in benefits.looks_eligible_unpaid(s)]

    def summarise(self, lines):
        return self.tr("{n} 名儿童看起来符合保障条件但没有领取（应保尽保）").format(n=len(lines))


class EndingSection(_Section):
    empty_text = QT_TRANSLATE_NOOP("EndingSection", "近期没有需要终止的保障")

    def collect(self, s):
        today = clock.today()
        return [(self.tr("{name}　{kind}　应于 {date} 终止　{reason}").format(
                    name=t.child.name, kind=value_text(t.entitlement.kind), date=fmt_date(t.end_date),
                    reason=user_text(t.reason)), t.child.id, RED if t.end_date < today else None)
                for t in benefits.entitlements_to_end(s)]

    def summarise(self, lines):
        return self.tr("{n} 项保障需要办理终止").format(n=len(lines))


class DropoutSection(_Section):
    empty_text = QT_TRANSLATE_NOOP("DropoutSection", "没有待劝返复学的儿童")

    def collect(self, s):
        return [(self.tr("{name}　{school}　自 {date} 起劝返中").format(
                    name=c.name, school=c.school or self.tr("未登记学校"), date=fmt_date(t.opened_on)), c.id, AMBER)
                for t, c in schoolroll_import.open_tasks(s)]

    def summarise(self, lines):
        return self.tr("{n} 名学龄儿童不在学籍库中，需劝返复学").format(n=len(lines))


class OpenCasesSection(_Section):
    empty_text = QT_TRANSLATE_NOOP("OpenCasesSection", "没有进行中的个案")

    def collect(self, s):
        out = []
        for line in cases.open_cases(s):
            due = self.tr("下一步 {date}").format(date=fmt_date(line.next_due)) if line.next_due else self.tr("无待办步骤")
            late = self.tr("　{n} 步逾期").format(n=line.overdue) if line.overdue else ""
            out.append((f"{line.child_name}　{line.case.title}　{value_text(line.case.status)}　{due}{late}", line.case.child_id,
                        RED if line.overdue else None))
        return out

    def summarise(self, lines):
        return self.tr("进行中的个案 {n} 个").format(n=len(lines))


class ProtectionSection(QWidget):
    """The five lists as tabs ("强制报告 2", "应保未保 11" …), with a red banner for overdue reports."""

    SECTIONS = [("强制报告", ReportAlarmsSection), ("应保未保", UncoveredSection), ("待终止", EndingSection),
                ("劝返", DropoutSection), ("个案", OpenCasesSection)]

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.banner = QLabel()
        self.banner.setObjectName("reportBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color:white;background:#c5221f;padding:4px;font-weight:bold;")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("protectionTabs")
        self.tabs.setDocumentMode(True)
        self.parts = []
        for title, cls in self.SECTIONS:
            w = cls(ctx, self)
            self.parts.append((title, w))
            self.tabs.addTab(w, self.tr(title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setMinimumHeight(170)
        self._loading: ops.Op | None = None
        self._again = False
        if parent is None:
            self.refresh()
        else:
            self._labels()

    def refresh(self) -> None:
        """Read and show every list now (on the UI thread)."""
        for _, w in self.parts:
            w.refresh()
        self._labels()

    def refresh_later(self) -> None:
        """Read every list in one read session on the store worker, then show them; the window
        stays usable meanwhile. A refresh asked for while one runs runs once more after it."""
        if self._loading is not None and not self._loading.finished:
            self._again = True
            return
        store, collectors = self.ctx.store, [w.collect for _, w in self.parts]

        def work(_progress):  # one read, one session (store.read)
            return store.read(lambda s: [collect(s) for collect in collectors])

        self._loading = ops.run(self, work, done=self._loaded, title=self.tr("保护与保障"))

    def _loaded(self, results: list[list[tuple]]) -> None:
        if not isValid(self):  # the window closed meanwhile
            return
        for (_, w), lines in zip(self.parts, results, strict=False):
            w.show_lines(lines)
        self._labels()
        if self._again:
            self._again = False
            self.refresh_later()

    def _labels(self) -> None:
        for i, (title, w) in enumerate(self.parts):
            self.tabs.setTabText(i, f"{self.tr(title)} {w.count}" if w.count else self.tr(title))
        overdue = self.parts[0][1].overdue
        self.banner.setText(self.tr("⚠ {n} 份强制报告超时未向公安机关报告，请立即报告并登记").format(n=overdue))
        self.banner.setVisible(bool(overdue))
        if overdue:
            self.tabs.setCurrentIndex(0)
