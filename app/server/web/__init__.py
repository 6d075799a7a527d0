"""The county console: web pages for the county civil-affairs officers and township supervisors,
served by the county server at `/` beside the sync API (/api/v1).

`mount_console(app, db)` (called by `app.server.api.create_app`) adds:
- /static (app/server/web/static/: the stylesheet and any vendored script; nothing from the internet);
- the login, account, device and audit pages of this package, and every router in
  `app.server.web.pages.ROUTERS` (the content pages);
- `ConsoleGuard` (CSRF check on every form post, security headers) and HTML answers for errors
  on console paths (the API keeps its JSON errors).

Building a page: `from app.server.web.auth import current_user, require_role, in_scope, not_found,
may_see_people`; `from app.server.web.templating import render`; `from app.server.web import audit`;
`request.app.state.db` is the ServerDB. Forms include `{{ csrf_field() }}`. Scripts go in /static
(the Content-Security-Policy forbids inline scripts).
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import StatementError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.server import keys
from app.server.db import ServerDB

STATIC = Path(__file__).resolve().parent / "static"
SECRET_KEY = "console_secret"

log = logging.getLogger("tonghu.console")

MESSAGES = {
    404: ("页面不存在", "没有这个页面，或者您没有查看它的权限。"),
    405: ("不支持的操作", "这个页面不接受这种操作。请返回上一页重试。"),
    400: ("提交的内容不对", "表单中有不符合格式的内容（如数字栏填了文字），未作任何更改。请返回修改后再提交。"),
    500: ("服务器出错", "处理这个页面时出错，未作任何更改。请稍后再试；如果反复出现，请联系县民政局信息员查看服务器日志。"),
}


def console_secret(db: ServerDB) -> bytes:
    """The server's random key for CSRF tokens (made once, kept in the server's 0600 key file by
    `app.server.keys`; a value an older server left in srv_setting moves there on first open)."""
    return bytes.fromhex(keys.secret(db, SECRET_KEY, lambda: secrets.token_hex(32)))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _home_fallback(request: Request):  # used only while no page claims /
    from app.server.web.auth import current_user

    user = current_user(request)
    return RedirectResponse("/devices" if user.role == "county-admin" else "/account", status_code=303)


def mount_console(app: FastAPI, db: ServerDB) -> None:
    # imported here, not at the top: app.server.accounts imports this package's tables module
    from app.server.web import pages, routes_accounts, routes_audit, routes_devices, routes_login, routes_recovery
    from app.server.web.auth import LoginRequired
    from app.server.web.csrf import ConsoleGuard
    from app.server.web.templating import render

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in (routes_login.router, routes_accounts.router, routes_devices.router, routes_audit.router,
                   routes_recovery.router, *pages.ROUTERS):
        app.include_router(router)
    app.add_api_route("/", _home_fallback, methods=["GET"], include_in_schema=False)  # when no page claims /
    app.add_middleware(ConsoleGuard, secret=console_secret(db))

    api_http_error = app.exception_handlers.get(StarletteHTTPException)

    @app.exception_handler(LoginRequired)
    async def _login_required(_request: Request, exc: LoginRequired):
        return RedirectResponse(exc.location, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if _is_api(request) and api_http_error is not None:
            return await api_http_error(request, exc)
        _known_user(request)
        heading, message = MESSAGES.get(exc.status_code, ("请求未能完成", f"服务器拒绝了这个请求（{exc.status_code}）。"))
        return render(request, "error.html", {"heading": heading, "message": message}, status=exc.status_code)

    # The API answers bad input with JSON; a console page answers with a page (and logs the cause).
    for kind in (RequestValidationError, StatementError, ValueError, TypeError, RecursionError):
        app.add_exception_handler(kind, _page_or_api(app.exception_handlers.get(kind), render))
    app.add_exception_handler(Exception, _page_or_api(None, render))


def _known_user(request: Request) -> None:
    """Resolve the logged-in officer (if any) so an error page still shows the menu."""
    from app.server.web.auth import LoginRequired, session_account

    if getattr(request.state, "console_user", None) is None:
        try:
            session_account(request)
        except LoginRequired:
            pass  # not logged in: the error page shows no menu


def _page_or_api(api_handler, render):
    async def handle(request: Request, exc: Exception):
        if _is_api(request) and api_handler is not None:
            return await api_handler(request, exc)
        status = 400 if isinstance(exc, RequestValidationError) else 500
        if status == 500:
            log.error("console page %s failed", request.url.path, exc_info=exc)
        heading, message = MESSAGES[status]
        _known_user(request)
        return render(request, "error.html", {"heading": heading, "message": message}, status=status)

    return handle
