"""`tonghu serve` is encrypted by default: plain HTTP only on loopback, or with `--insecure` and a
warning; with `--tls-cert/--tls-key` it serves HTTPS (a real process, a real certificate)."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.cli import main
from app.commands.common import CliError
from app.commands.server_cmds import is_loopback, listen_check
from app.core import protocol as P


def test_loopback_addresses():
    for host in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost", "LOCALHOST"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "10.1.2.3", "192.168.1.5", "county.example", ""):
        assert not is_loopback(host), host


def test_non_loopback_without_tls_is_refused(tmp_path, capsys):
    for host in ("0.0.0.0", "192.0.2.10", "::"):
        assert main(["serve", "--db", str(tmp_path / "c.db"), "--host", host, "--port", "1"]) == 1
        err = capsys.readouterr().err
        assert "拒绝启动" in err and "--tls-cert" in err and "--insecure" in err
    assert not (tmp_path / "c.db").exists()  # refused before anything was opened


def test_insecure_gives_a_warning_and_tls_or_loopback_none():
    warning = listen_check("0.0.0.0", tls=False, insecure=True)
    assert warning and "警告" in warning and "不加密" in warning
    assert listen_check("0.0.0.0", tls=True, insecure=False) is None
    assert listen_check("127.0.0.1", tls=False, insecure=False) is None
    with pytest.raises(CliError):
        listen_check("10.0.0.1", tls=False, insecure=False)


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tonghu-test")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_tls(tmp_path):
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--db", str(tmp_path / "c.db"),
                             "--host", "127.0.0.1", "--port", str(port), "--tls-cert", str(cert), "--tls-key", str(key)],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(root)})
    try:
        import ssl

        trust = ssl.create_default_context(cafile=str(cert))
        deadline = time.time() + 30
        answer = None
        while time.time() < deadline and answer is None:
            try:
                answer = httpx.get(f"https://127.0.0.1:{port}/api/v1/hello", verify=trust,
                                   headers={P.HEADER_PROTOCOL: str(P.PROTOCOL)})
            except httpx.TransportError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200, proc.stderr.read1() if proc.poll() is not None else ""
        assert answer.headers.get("x-tonghu-signature")
        with pytest.raises(httpx.TransportError):  # plain HTTP on the TLS port gets nothing useful
            r = httpx.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=3)
            if r.status_code >= 400:
                raise httpx.ConnectError("refused")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
