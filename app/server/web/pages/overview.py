"""总览 at `/`: the user's unit (county or township) with a row per township or village, key
figures, the colour distribution and the monthly visit trend. A viewer sees the same numbers
(no page of the console shows a viewer a child's name or ID number)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from markupsafe import Markup

from app.server.console import charts, units
from app.server.console.overview import COLOURS, overview
from app.server.web.auth import ConsoleUser, current_user, may_see_people
from app.server.web.pages.common import fresh, today, unit_for
from app.server.web.templating import render

router = APIRouter()


@router.get("/")
def overview_page(request: Request, unit: str = "", user: ConsoleUser = Depends(current_user)):
    db = request.app.state.db
    prefix = unit_for(user, unit)
    if len(prefix) == 12:  # a village: its own page for staff, the township's overview for a viewer
        prefix = prefix[:9]
    fresh(db)
    with db.sessions() as s:
        data = overview(s, prefix, today=today())
        known = units.names(s, prefix)
    categories = sorted({c for r in data.rows for c in r.categories}, key=lambda c: -data.total.categories.get(c, 0))
    return render(request, "pages/overview.html", {
        "o": data, "rows": data.rows, "total": data.total, "colours": COLOURS, "categories": categories,
        "trail": units.trail(known, prefix, user.scope), "people": may_see_people(user),
        "child_level": units.LEVEL_NAMES.get(units.child_length(prefix) or 12, ""),
        "colour_chart": Markup(charts.colour_bars(data.total.colours)),
        "trend_chart": Markup(charts.month_columns(data.trend)),
    })
