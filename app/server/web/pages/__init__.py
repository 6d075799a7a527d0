"""The console's content pages (overview, inbox, villages and children, exports).

Each page module adds its `APIRouter` to `ROUTERS`; `app.server.web.mount_console` includes them all.
"""

from __future__ import annotations

from fastapi import APIRouter

from app.server.web.pages import audit_gaps, exports, mail, overview, reports, roster, villages, warm

ROUTERS: list[APIRouter] = [overview.router, reports.router, villages.router, exports.router, mail.router,
                            warm.router, roster.router, audit_gaps.router]
