"""The nginx config of scripts/production.py: valid, and it really routes as documented.

The second test runs the generated config in a real nginx in front of three tiny HTTP servers
that answer with their own name (no Streamlit: fast). It checks the sticky cookie, the failover
of a client whose replica died (and that its cookie moves with it), and the security headers.
"""

from __future__ import annotations

import importlib.util
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx not installed")


def _production():
    spec = importlib.util.spec_from_file_location("production", REPO / "scripts/production.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["production"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _free_block(n: int) -> int:
    """A port p with p .. p+n free on 127.0.0.1."""
    for base in range(18600, 19600, 10):
        socks = []
        try:
            for p in range(base, base + n + 1):
                s = socket.socket()
                s.bind(("127.0.0.1", p))
                socks.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free ports")


def test_generated_config_is_valid_and_has_upgrade_sticky_headers(tmp_path):
    prod = _production()
    layout = prod.Layout(8501, "127.0.0.1", 4, tmp_path)
    conf = prod.nginx_conf(layout)
    prod.write_conf(layout)
    res = prod.check_conf(layout)
    assert res.returncode == 0, res.stderr
    # websocket upgrade
    assert "proxy_http_version 1.1;" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "proxy_set_header Connection $connection_upgrade;" in conf
    assert "proxy_read_timeout 3600s;" in conf
    assert "proxy_set_header Host $http_host;" in conf
    # sticky: cookie -> named upstream, every replica has the others as backup
    assert "map $cookie_swic_replica $swic_upstream" in conf
    assert "proxy_pass http://$swic_upstream;" in conf
    for i, port in enumerate(range(8502, 8506), 1):
        assert f"        r{i} r{i};" in conf
        assert f"upstream r{i} {{\n        server 127.0.0.1:{port} max_fails=1" in conf
    assert conf.count(" backup;") == 4 * 3
    assert "least_conn;" in conf
    assert "add_header Set-Cookie $swic_set_cookie always;" in conf
    # passive health checks on every server line
    server_lines = [ln for ln in conf.splitlines() if ln.strip().startswith("server 127.0.0.1:")]
    assert len(server_lines) == 4 * 4 + 4
    assert all("max_fails=1 fail_timeout=10s" in ln for ln in server_lines)
    # the security headers (the same set bench/scaleout.sh had)
    for name in (
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Content-Security-Policy",
    ):
        assert f"add_header {name} " in conf
    assert "frame-ancestors 'self'" in conf


class _Named(ThreadingHTTPServer):
    daemon_threads = True


def _backend(port: int, name: str) -> _Named:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = name.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = _Named(("127.0.0.1", port), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def _get(url: str, cookie: str | None = None) -> tuple[str, dict]:
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.read().decode(), {k.lower(): v for k, v in r.headers.items()}


def _cookie(headers: dict) -> str | None:
    value = headers.get("set-cookie")
    return value.split(";", 1)[0] if value else None


def test_nginx_routes_by_cookie_and_fails_over(tmp_path):
    prod = _production()
    base = _free_block(3)
    layout = prod.Layout(base, "127.0.0.1", 3, tmp_path)
    backends = {f"r{i}": _backend(p, f"r{i}") for i, p in enumerate(layout.replica_ports, 1)}
    prod.write_conf(layout)
    nginx = subprocess.Popen(prod.nginx_cmd(layout), stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                _get(layout.url)
                break
            except OSError:
                time.sleep(0.05)
        # a new client gets a cookie naming the replica that answered
        name, headers = _get(layout.url)
        assert _cookie(headers) == f"swic_replica={name}"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in headers["content-security-policy"]
        # with the cookie: always that replica, and no new cookie
        for target in ("r1", "r2", "r3"):
            for path in ("/", "/media/x.png", "/_stcore/health"):
                got, h = _get(layout.url + path, f"swic_replica={target}")
                assert got == target
                assert "set-cookie" not in h
        # r2 dies: its client is served by another replica, and the cookie moves with it
        backends["r2"].shutdown()
        backends["r2"].server_close()
        got, h = _get(layout.url + "/media/x.png", "swic_replica=r2")
        assert got in ("r1", "r3")
        assert _cookie(h) == f"swic_replica={got}"
        # nginx marked r2 down: new clients never get it while it is down
        for _ in range(6):
            got, _h = _get(layout.url)
            assert got in ("r1", "r3")
        # an unknown cookie value is treated as no cookie
        got, h = _get(layout.url, "swic_replica=r9")
        assert got in ("r1", "r3")
        assert _cookie(h) == f"swic_replica={got}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        for srv in backends.values():
            srv.shutdown()
            srv.server_close()
