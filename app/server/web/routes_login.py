"""Login, the second factor, logout and the officer's own account page (password, TOTP)."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import quote

import segno
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from app.server import accounts
from app.server.web import audit, sessions
from app.server.web.auth import session_account
from app.server.web.templating import render

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only a path on this server (never another site, never back to the login pages)."""
    target = (target or "").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target or target.startswith("/login"):
        return "/"
    return target[:500]


def _set_cookie(request: Request, response, token: str) -> None:
    response.set_cookie(sessions.COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


@router.get("/login")
def login_page(request: Request, next: str = "", expired: str = ""):
    return render(request, "login.html", {"next": safe_next(next), "expired": bool(expired), "name": "", "error": ""})


@router.post("/login")
def login_post(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("")):
    db = request.app.state.db
    target = safe_next(next)
    try:
        account = accounts.login(db, name, password)
    except accounts.AccountError as exc:
        # an unknown name may be a password typed in the wrong box: it is not written down
        target = "（未知登录名）" if exc.code == accounts.UNKNOWN_NAME else name[:64]
        audit.record(db, None, "login_failed", target, exc.message)
        return render(request, "login.html", {"next": target, "expired": False, "name": name[:64], "error": exc.message},
                      status=401)
    sessions.end(db, request.cookies.get(sessions.COOKIE))
    token = sessions.start(db, account.id, second_factor_done=not account.totp)
    audit.record(db, account, "login", account.name, "密码正确，等待两步验证" if account.totp else "")
    location = f"/login/totp?next={quote(target, safe='')}" if account.totp else target
    response = RedirectResponse(location, status_code=303)
    _set_cookie(request, response, token)
    return response


def _pending(request: Request):
    found = sessions.lookup(request.app.state.db, request.cookies.get(sessions.COOKIE))
    return found if found is not None and found.account is not None else None


@router.get("/login/totp")
def totp_page(request: Request, next: str = ""):
    found = _pending(request)
    if found is None:
        return RedirectResponse("/login", status_code=303)
    if found.second_factor_done:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login_totp.html", {"next": safe_next(next), "error": ""})


@router.post("/login/totp")
def totp_post(request: Request, code: str = Form(""), next: str = Form("")):
    db = request.app.state.db
    found = _pending(request)
    if found is None:
        return RedirectResponse("/login", status_code=303)
    if not found.second_factor_done:
        if not accounts.check_totp(db, found.account.id, code):
            audit.record(db, found.account, "login_failed", found.account.name, "两步验证码不正确")
            error = "验证码不正确或已用过，请输入验证器当前显示的6位数字。"
            return render(request, "login_totp.html", {"next": safe_next(next), "error": error}, status=401)
        sessions.second_factor_passed(db, request.cookies.get(sessions.COOKIE))
        audit.record(db, found.account, "login", found.account.name, "两步验证通过")
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request):
    db = request.app.state.db
    found = _pending(request)
    if found is not None:
        audit.record(db, found.account, "logout", found.account.name)
    sessions.end(db, request.cookies.get(sessions.COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


# -- my account ----------------------------------------------------------------------------------
def _qr_svg(uri: str) -> Markup:
    out = BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", scale=3, border=2, xmldecl=False, svgns=True)
    return Markup(out.getvalue().decode("utf-8"))


def _account_page(request: Request, account: accounts.AccountView, *, ok: str = "", error: str = "",
                  new_secret: str = "", status: int = 200):
    db = request.app.state.db
    context = {"account": account, "ok": ok, "error": error, "min_password": accounts.MIN_PASSWORD,
               "totp_required": accounts.needs_totp_setup(db, account) or (account.role == "county-admin"
                                                                          and accounts.totp_required_for_admins(db)),
               "needs_setup": accounts.needs_totp_setup(db, account), "new_secret": new_secret, "qr": None}
    if new_secret:
        context["qr"] = _qr_svg(accounts.totp_uri(account.name, new_secret))
    return render(request, "account.html", context, status=status)


DONE = {"password": "密码已修改。", "totp": "两步验证已启用。以后登录时，输入密码后还要输入验证器上的6位数字。",
        "totp_off": "两步验证已关闭。"}


@router.get("/account")
def account_page(request: Request, done: str = "", account: accounts.AccountView = Depends(session_account)):
    secret = accounts.new_totp_secret() if not account.totp else ""
    return _account_page(request, account, ok=DONE.get(done, ""), new_secret=secret)


@router.post("/account/password")
def account_password(request: Request, old: str = Form(""), new: str = Form(""), again: str = Form(""),
                     account: accounts.AccountView = Depends(session_account)):
    db = request.app.state.db
    secret = accounts.new_totp_secret() if not account.totp else ""
    if new != again:
        return _account_page(request, account, error="两次输入的新密码不一致", new_secret=secret, status=400)
    try:
        accounts.change_own_password(db, account.id, old, new)
    except accounts.AccountError as exc:
        return _account_page(request, account, error=exc.message, new_secret=secret, status=400)
    audit.record(db, account, "password_change", account.name)
    account = accounts.get(db, account.id)
    request.state.console_account = account
    return RedirectResponse("/account?done=password", status_code=303)


@router.post("/account/totp")
def account_totp_on(request: Request, secret: str = Form(""), code: str = Form(""),
                    account: accounts.AccountView = Depends(session_account)):
    db = request.app.state.db
    secret = "".join(ch for ch in secret.upper() if ch.isalnum())[:64]
    if account.totp:
        return RedirectResponse("/account", status_code=303)
    try:
        accounts.enable_totp(db, account.id, secret, code)
    except accounts.AccountError as exc:
        return _account_page(request, account, error=exc.message, new_secret=secret, status=400)
    audit.record(db, account, "totp_on", account.name)
    return RedirectResponse("/account?done=totp", status_code=303)


@router.post("/account/totp/off")
def account_totp_off(request: Request, code: str = Form(""), account: accounts.AccountView = Depends(session_account)):
    db = request.app.state.db
    if account.role == "county-admin" and accounts.totp_required_for_admins(db):
        return _account_page(request, account, error="本县要求管理员必须使用两步验证，不能关闭。", status=400)
    if not accounts.check_totp(db, account.id, code):
        return _account_page(request, account, error="验证码不正确，两步验证未关闭。", status=400)
    accounts.disable_totp(db, account.id)
    audit.record(db, account, "totp_off", account.name)
    return RedirectResponse("/account?done=totp_off", status_code=303)
