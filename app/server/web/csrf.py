"""CSRF protection for every console form, and the console's security headers.

`ConsoleGuard` is ASGI middleware in front of every path outside /api/ and /static/:
- it gives each browser a token (request.state.csrf): an HMAC, under the server's console secret,
  of the session cookie, or before login of a random pre-login cookie it sets;
- every POST (PUT, PATCH, DELETE) must carry that token as the form field `csrf_token` (what
  `{{ csrf_field() }}` writes) or the header `X-CSRF-Token`; otherwise it is refused with 403 and
  reaches no route, so nothing changes;
- answers get no-store caching and a Content-Security-Policy allowing only this server's own
  scripts (no inline scripts: put JS in /static) and styles.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import parse_qs

from starlette.requests import Request

from app.server.web import sessions

FIELD = "csrf_token"
HEADER = "x-csrf-token"
PRE_COOKIE = "tonghu_pre"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_FORM_BYTES = 20 * 1024 * 1024
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
           (b"cache-control", b"no-store")]
REFUSED = ("<!doctype html><html lang=zh-CN><meta charset=utf-8><title>请求被拒绝</title>"
           "<link rel=stylesheet href=/static/console.css><main class=narrow><div class=card>"
           "<h1>表单已失效</h1><p>这个表单已经过期或不是从本系统页面提交的，未作任何更改。"
           "请返回上一页，刷新后重新提交。</p><p><a class=btn href=/>返回首页</a></p></div></main>")


def token_for(secret: bytes, basis: str) -> str:
    return hmac.new(secret, basis.encode("utf-8"), hashlib.sha256).hexdigest()


def _is_console(path: str) -> bool:
    return not (path.startswith("/api/") or path.startswith("/static/"))


def _form_token(content_type: str, body: bytes) -> str:
    if content_type.startswith("application/x-www-form-urlencoded"):
        values = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).get(FIELD, [])
        return values[0] if values else ""
    return ""


async def _multipart_token(scope, body: bytes) -> str:
    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    request = Request(scope, receive)
    form = await request.form()
    try:
        value = form.get(FIELD)
        return value if isinstance(value, str) else ""
    finally:
        await form.close()


class ConsoleGuard:
    def __init__(self, app, secret: bytes):
        self.app = app
        self.secret = secret

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not _is_console(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        new_pre = None
        session_token = request.cookies.get(sessions.COOKIE)
        if session_token:
            basis = "s:" + session_token
        else:
            pre = request.cookies.get(PRE_COOKIE, "")
            if not (16 <= len(pre) <= 64):
                pre = new_pre = secrets.token_urlsafe(24)
            basis = "p:" + pre
        expected = token_for(self.secret, basis)
        scope.setdefault("state", {})["csrf"] = expected
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(HEADERS)]
                headers.extend(HEADERS)
                if new_pre:
                    cookie = f"{PRE_COOKIE}={new_pre}; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
                    headers.append((b"set-cookie", cookie.encode()))
                message = {**message, "headers": headers}
            await send(message)

        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send_with_headers)
            return
        body, too_large = await _read(receive)
        if too_large:
            await _answer(send_with_headers, 413, "<p>提交的内容太大，未作任何更改。</p>")
            return
        if not hmac.compare_digest(await _sent_token(scope, request, body), expected):
            await _answer(send_with_headers, 403, REFUSED)
            return
        await self.app(scope, _replay(body, receive), send_with_headers)


async def _sent_token(scope, request: Request, body: bytes) -> str:
    """The token the post carries: the X-CSRF-Token header, else the form field."""
    content_type = request.headers.get("content-type", "")
    sent = request.headers.get(HEADER, "")
    if not sent:
        sent = (await _multipart_token(scope, body) if content_type.startswith("multipart/form-data")
                else _form_token(content_type, body))
    return sent or "-"


def _replay(body: bytes, receive):
    """A receive that gives the route the body already read, then whatever comes next (disconnect)."""
    replayed = False

    async def replay():
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _read(receive) -> tuple[bytes, bool]:
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return b"", True
        parts.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(parts), False


async def _answer(send, status: int, html: str) -> None:
    body = html.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body, "more_body": False})
