"""The 工作台 home screen: count cards (overdue, due this week, 红, 黄, never visited), the lists
behind them (each item opens the child's file via `ctx.open_child`), screening progress, and
every block other features register in `registry.DASHBOARD_SECTIONS`.

The numbers come from app.data.dashboard.compute_dashboard (derived columns, indexed).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from app.data.dashboard import Block, compute_dashboard, follow_ups_and_screening
from app.domain.policy import PolicyError, default_policy
from app.ui import registry
from app.ui.columns import ColumnsDelegate, set_columns
from app.ui.widgets import colour_icon, fmt_date

CARD_HEX = {"overdue": "#c5221f", "week": "#1a73e8", "follow": "#7627bb", "red": "#d93025", "yellow": "#b06000",
            "never": "#5f6368"}


class CountCard(QPushButton):
    """A big number with a caption; clicking shows its list."""

    def __init__(self, key: str, caption: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setCheckable(True)
        self.setMinimumHeight(74)
        self.setCursor(Qt.PointingHandCursor)
        self.caption = caption
        self.count = 0
        hexc = CARD_HEX.get(key, "#202124")
        self.setStyleSheet(
            "QPushButton{background:#ffffff;border:1px solid #dadce0;border-radius:6px;text-align:left;padding:6px 12px;}"
            f"QPushButton:checked{{border:2px solid {hexc};background:#f8f9fa;}}")
        self.number = QLabel("0")
        self.number.setStyleSheet(f"font-size:26px;font-weight:bold;color:{hexc};background:transparent;border:none;")
        self.text = QLabel(caption)
        self.text.setStyleSheet("color:#3c4043;background:transparent;border:none;")
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 4, 12, 4)
        col.setSpacing(0)
        col.addWidget(self.number)
        col.addWidget(self.text)

    def set_count(self, n: int) -> None:
        self.count = n
        self.number.setText(str(n))


class DashboardPage(QWidget):
    """工作台: what needs doing this week, and how the round of screening goes."""

    LIST_KEYS = ["overdue", "week", "follow", "red", "yellow", "never"]

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data = None
        self.title = QLabel(self.tr("工作台"))
        self.title.setProperty("role", "title")
        self.title.setStyleSheet("font-size:18px;font-weight:bold;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dashboardSubtitle")
        captions = {"overdue": self.tr("逾期未走访"), "week": self.tr("本周应走访"), "follow": self.tr("跟进到期"),
                    "red": self.tr("红色儿童"),
                    "yellow": self.tr("黄色儿童"), "never": self.tr("从未走访")}
        self.cards = {k: CountCard(k, captions[k]) for k in self.LIST_KEYS}
        cards = QHBoxLayout()
        for key, card in self.cards.items():
            card.clicked.connect(lambda _=False, k=key: self.show_list(k))
            cards.addWidget(card)
        self.colour_line = QLabel()
        self.colour_line.setObjectName("colourCounts")
        self.policy_error = QLabel()
        self.policy_error.setObjectName("policyError")
        self.policy_error.setWordWrap(True)
        self.policy_error.setStyleSheet("color:#ffffff;background:#c5221f;padding:6px;border-radius:4px;")
        self.policy_error.hide()

        self.list_title = QLabel()
        self.list_title.setStyleSheet("font-weight:bold;")
        self.list = QListWidget()
        self.list.setObjectName("dashboardList")
        # name, 组, due / overdue (or the follow-up), last visit: in columns, colour as a chip (issue 13)
        self.list.setItemDelegate(ColumnsDelegate([0.2, 0.12, 0.3, 0.38], self.list))
        self.list.itemClicked.connect(self._open)
        self.list_more = QLabel()
        self.list_more.setProperty("role", "hint")

        # screening progress
        self.screening_box = QFrame()
        self.screening_box.setObjectName("screeningProgress")
        self.screening_box.setFrameShape(QFrame.StyledPanel)
        self.screening_layout = QVBoxLayout(self.screening_box)
        self.screening_layout.setContentsMargins(10, 6, 10, 6)

        # blocks other features add
        self.sections: list[QWidget] = []
        sections = QVBoxLayout()
        for entry in registry.DASHBOARD_SECTIONS:
            try:
                w = entry.load()(ctx, self)
            except Exception as exc:  # one broken block must not take the home screen down
                logging.getLogger(__name__).warning("dashboard section %s failed to load", entry.key, exc_info=True)
                w = QLabel(self.tr("此栏无法加载：{e}").format(e=exc))
            box = QFrame()
            box.setFrameShape(QFrame.StyledPanel)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(10, 6, 10, 6)
            head = QLabel(self.tr(entry.title))
            head.setStyleSheet("font-weight:bold;")
            inner.addWidget(head)
            inner.addWidget(w)
            sections.addWidget(box)
            self.sections.append(w)
        sections.addStretch()

        left = QVBoxLayout()
        left.addWidget(self.list_title)
        left.addWidget(self.list, 1)
        left.addWidget(self.list_more)
        right = QVBoxLayout()
        scr_title = QLabel(self.tr("一年两排 排查进度"))
        scr_title.setStyleSheet("font-weight:bold;")
        right.addWidget(scr_title)
        right.addWidget(self.screening_box)
        right.addLayout(sections, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addSpacing(12)
        heading.addWidget(self.subtitle, 1)
        layout.addLayout(heading)
        layout.addWidget(self.policy_error)
        layout.addLayout(cards)
        layout.addWidget(self.colour_line)
        layout.addLayout(body, 1)
        self.current = "overdue"
        self.refresh()

    # -- data ------------------------------------------------------------
    def refresh(self) -> None:
        try:
            default_policy()
            self.policy_error.hide()
        except PolicyError as exc:  # shown, not raised: the rest of the app keeps working
            self.policy_error.setText(self.tr("评估标准文件有误，暂时不能评估和记录走访，请联系县民政局：") + str(exc))
            self.policy_error.show()
        # follow-ups and screening read every visit / child: they come next, on the store worker (issue 17)
        self.data = d = self.ctx.store.read(compute_dashboard, with_follow_ups=False, with_screening=False)
        self.subtitle.setText(self.tr("今天 {t}，本周 {a} 至 {b}，在册儿童 {n} 名").format(
            t=fmt_date(d.today), a=fmt_date(d.week_start), b=fmt_date(d.week_end), n=d.active))
        for key, block in self.blocks().items():
            self.cards[key].set_count(block.count)
        self.cards["follow"].number.setText("…")
        self._load_later(d.today)
        counts = d.colour_counts
        colours = "　".join(f"{self.tr(c)} {counts.get(c, 0)}" for c in ("红", "黄", "蓝", "绿"))
        self.colour_line.setText(self.tr("四色分布：") + colours + "　" + self.tr("未评估 {n}").format(n=counts.get("", 0)))
        for w in self.sections:  # heavier blocks read on the store worker, after the counts (issue 17)
            refresh = getattr(w, "refresh_later", None) or getattr(w, "refresh", None)
            if refresh is not None:
                refresh()
        self.show_list(self.current)

    def _load_later(self, today) -> None:
        """The follow-ups and the screening progress, read on the store worker (issue 17)."""
        from shiboken6 import isValid

        from app.ui import ops

        store, data = self.ctx.store, self.data

        def work(_progress):
            return store.read(follow_ups_and_screening, today)

        def done(result) -> None:
            if not isValid(self) or self.data is not data:  # closed, or refreshed meanwhile
                return
            data.follow_ups, data.screening = result
            self.cards["follow"].set_count(data.follow_ups.count)
            self._refresh_screening()
            if self.current == "follow":
                self.show_list("follow")

        ops.run(self, work, done=done, title=self.tr("跟进到期"))

    def blocks(self) -> dict[str, Block]:
        d = self.data
        return {"overdue": d.overdue, "week": d.due_this_week, "follow": d.follow_ups, "red": d.red, "yellow": d.yellow,
                "never": d.never_visited}

    def _refresh_screening(self) -> None:
        while self.screening_layout.count():
            item = self.screening_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not self.data.screening:
            label = QLabel(self.tr("目前没有进行中的排查。可在“排查”页开始新一轮排查。"))
            label.setWordWrap(True)
            self.screening_layout.addWidget(label)
            return
        for p in self.data.screening:
            label = QLabel(self.tr("{name}（{a} 至 {b}）：已排查 {d}/{t}").format(
                name=p.name, a=fmt_date(p.window_start), b=fmt_date(p.window_end), d=p.screened, t=p.total))
            bar = QProgressBar()
            bar.setObjectName("screeningBar")
            bar.setRange(0, max(1, p.total))
            bar.setValue(p.screened)
            bar.setFormat(f"{p.screened}/{p.total}")
            self.screening_layout.addWidget(label)
            self.screening_layout.addWidget(bar)

    def show_list(self, key: str) -> None:
        self.current = key
        for k, card in self.cards.items():
            card.setChecked(k == key)
        block = self.blocks()[key]
        titles = {"overdue": self.tr("逾期未走访（按逾期天数，最久的在前）"), "week": self.tr("本周应走访"),
                  "follow": self.tr("一周内到期和已逾期的跟进事项"),
                  "red": self.tr("红色儿童（高风险，立即介入）"), "yellow": self.tr("黄色儿童（中风险，定期介入）"),
                  "never": self.tr("从未走访的儿童")}
        self.list_title.setText(titles[key])
        self.list.clear()
        for item in block.items:
            parts = [item.name, item.group_name or ""]
            if key == "follow":
                parts.append(item.note)
                parts.append(self.tr("跟进已逾期 {n} 天").format(n=item.days_overdue) if item.days_overdue
                             else self.tr("跟进期限 {d}").format(d=fmt_date(item.due)))
            elif item.days_overdue:
                parts.append(self.tr("逾期 {n} 天").format(n=item.days_overdue))
            else:
                parts.append(self.tr("应于 {d} 走访").format(d=fmt_date(item.due)) if item.due else "")
            parts.append(self.tr("上次走访 {d}").format(d=fmt_date(item.last_visit)) if item.last_visit
                         else self.tr("从未走访"))
            row = QListWidgetItem(colour_icon(item.colour, 14), "　".join(p for p in parts if p))
            set_columns(row, parts if key != "follow" else [parts[0], parts[1], parts[2] + "　" + parts[3], parts[4]],
                        item.colour)
            row.setData(Qt.UserRole, item.child_id)
            if item.days_overdue:
                row.setForeground(Qt.darkRed)
            self.list.addItem(row)
        if not block.items:
            empty = QListWidgetItem(self.tr("（无）"))
            empty.setFlags(Qt.NoItemFlags)
            self.list.addItem(empty)
        more = block.count - len(block.items)
        self.list_more.setText(self.tr("另有 {n} 名未列出，可在儿童名册中筛选查看").format(n=more) if more > 0 else "")

    def _open(self, item: QListWidgetItem) -> None:
        child_id = item.data(Qt.UserRole)
        if child_id:
            self.ctx.open_child.emit(child_id)
