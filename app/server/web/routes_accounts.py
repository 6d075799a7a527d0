"""账户: county admins add officers' accounts, change role and scope, disable them, reset
passwords (a temporary one, shown once, to be changed at the next login), and decide whether
admins must use the second factor."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.core import clock
from app.server import accounts
from app.server.web import audit
from app.server.web.auth import ConsoleUser, not_found, require_role
from app.server.web.templating import render

router = APIRouter()
admin_only = require_role("county-admin")

DONE = {"added": "账户已建立。", "saved": "账户已保存。", "policy": "安全设置已保存。"}
TEMP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"


def _scope_allowed(admin: ConsoleUser, role: str, scope: str) -> bool:
    """An admin limited to one county gives out only scopes inside it."""
    if not admin.scope:
        return True
    return bool(scope) and scope.startswith(admin.scope) if role == "township" else scope == admin.scope


def _page(request: Request, admin: ConsoleUser, *, ok: str = "", error: str = "", form: dict | None = None,
          temp: dict | None = None, status: int = 200):
    db = request.app.state.db
    return render(request, "accounts.html", {
        "accounts": accounts.list_all(db), "roles": accounts.ROLES, "ok": ok, "error": error,
        "form": form or {"role": "township", "scope": admin.scope}, "temp": temp,
        "totp_required": accounts.totp_required_for_admins(db), "min_password": accounts.MIN_PASSWORD,
        "me": admin, "now": clock.utcnow()}, status=status)


@router.get("/accounts")
def accounts_page(request: Request, done: str = "", admin: ConsoleUser = Depends(admin_only)):
    return _page(request, admin, ok=DONE.get(done, ""))


@router.post("/accounts")
def account_add(request: Request, name: str = Form(""), full_name: str = Form(""), role: str = Form(""),
                scope: str = Form(""), password: str = Form(""), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    form = {"name": name, "full_name": full_name, "role": role, "scope": scope}
    scope = scope.strip()
    if role in accounts.ROLES and not _scope_allowed(admin, role, scope):
        return _page(request, admin, error=f"您只能建立本县（{admin.scope}）范围内的账户", form=form, status=400)
    try:
        made = accounts.create(db, name=name, role=role, scope=scope, password=password, full_name=full_name,
                               must_change_password=True)
    except accounts.AccountError as exc:
        return _page(request, admin, error=exc.message, form=form, status=400)
    audit.record(db, admin, "account_add", made.name, f"{made.role_label} 范围 {made.scope or '全部'}")
    return RedirectResponse("/accounts?done=added", status_code=303)


@router.get("/accounts/{account_id:int}")
def account_edit_page(request: Request, account_id: int, admin: ConsoleUser = Depends(admin_only)):
    account = accounts.get(request.app.state.db, account_id)
    if account is None:
        raise not_found()
    return render(request, "account_edit.html", {"account": account, "roles": accounts.ROLES, "error": "", "temp": None})


@router.post("/accounts/{account_id:int}")
def account_edit(request: Request, account_id: int, role: str = Form(""), scope: str = Form(""),
                 full_name: str = Form(""), disabled: str = Form(""), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    account = accounts.get(db, account_id)
    if account is None:
        raise not_found()
    scope = scope.strip()
    try:
        if role in accounts.ROLES and not _scope_allowed(admin, role, scope):
            raise accounts.AccountError(f"您只能设置本县（{admin.scope}）范围内的账户")
        if account_id == admin.id and (disabled or role != "county-admin"):
            raise accounts.AccountError("不能停用自己的账户或取消自己的管理员角色")
        saved = accounts.update(db, account_id, role=role, scope=scope, full_name=full_name, disabled=bool(disabled))
    except accounts.AccountError as exc:
        return render(request, "account_edit.html", {"account": account, "roles": accounts.ROLES, "error": exc.message,
                                                     "temp": None}, status=400)
    audit.record(db, admin, "account_edit", saved.name,
                 f"{saved.role_label} 范围 {saved.scope or '全部'}{' 已停用' if saved.disabled else ''}")
    return RedirectResponse("/accounts?done=saved", status_code=303)


@router.post("/accounts/{account_id:int}/reset")
def account_reset(request: Request, account_id: int, admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    account = accounts.get(db, account_id)
    if account is None:
        raise not_found()
    temp = "".join(secrets.choice(TEMP_ALPHABET) for _ in range(12))
    accounts.set_password(db, account_id, temp, must_change=True)
    audit.record(db, admin, "account_reset", account.name, "临时密码，须在下次登录时修改")
    return render(request, "account_edit.html", {"account": accounts.get(db, account_id), "roles": accounts.ROLES,
                                                 "error": "", "temp": temp})


@router.post("/accounts/{account_id:int}/totp-off")
def account_totp_off(request: Request, account_id: int, admin: ConsoleUser = Depends(admin_only)):
    """For an officer who lost the phone: the second factor off (the officer sets it up again)."""
    db = request.app.state.db
    account = accounts.get(db, account_id)
    if account is None:
        raise not_found()
    accounts.disable_totp(db, account_id)
    audit.record(db, admin, "totp_off", account.name, "管理员为其关闭（手机丢失等）")
    return RedirectResponse("/accounts?done=saved", status_code=303)


@router.post("/accounts/policy")
def account_policy(request: Request, totp_admins: str = Form(""), admin: ConsoleUser = Depends(admin_only)):
    db = request.app.state.db
    accounts.set_totp_required_for_admins(db, bool(totp_admins))
    audit.record(db, admin, "policy", "两步验证", "县级管理员必须使用" if totp_admins else "自愿使用")
    return RedirectResponse("/accounts?done=policy", status_code=303)
