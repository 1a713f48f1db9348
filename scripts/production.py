"""Production run mode: N replicas of the dashboard behind nginx, sticky by a cookie.

    python scripts/production.py --replicas 4 [--port 8501] [--address 0.0.0.0]
    python scripts/production.py --stop [--port 8501]

(`bash scripts/run.sh --replicas 4` calls this.) What it does, in order:

1. starts N replicas (``python -m dashboard.serve``) on 127.0.0.1:<port+1> … <port+N>, all with
   the same ``server.cookieSecret`` (a signed XSRF cookie stays valid on another replica);
2. waits until every replica answers ``/_stcore/health`` (nginx starts only after that);
3. writes ``nginx.conf`` into the state dir and starts nginx (foreground child, ``daemon off``)
   on <address>:<port>, checks the config with ``nginx -t`` first;
4. prints ``ready {json}`` (url, pids) and waits. Ctrl-C / SIGTERM, or ``--stop`` from another
   shell, stops nginx and the replicas (by their pids, recorded in the state dir). A replica that
   dies is started again (``--no-restart`` to leave it dead, as the benchmark's fault run does).

Stickiness: every response carries (when it changes) the cookie ``swic_replica=r<i>`` naming the
replica that actually served it. A request with that cookie goes to upstream ``r<i>``: that
replica, with the others as ``backup``. So the websocket (``/_stcore/stream``), ``/media``,
uploads and the XSRF cookie of one browser reach one replica, also behind a NAT where hundreds of
viewers share one IP (ip_hash would put them all on one replica). If a replica fails, its clients
go to a backup and the cookie follows them there, so they stay there even after the failed
replica is back (a hash of a fixed cookie would send their ``/media`` requests back to it).
Clients without the cookie go to the replica with the fewest open connections (``least_conn``;
an open websocket is an open session). Health: passive, ``max_fails=1 fail_timeout=10s`` per
server (a refused connection is retried on the next server, the user sees no error; the failed
server gets one probe request per 10 s until it answers again).

State (config, pids, logs, cookie secret): ``--state``, default ``$TMPDIR/swic-production-<port>``.
Standard library only; nginx from PATH or /usr/sbin/nginx.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COOKIE = "swic_replica"
FAIL_TIMEOUT_S = 10
HEALTH_TIMEOUT_S = 120

# Streamlit cannot set these itself; the app loads nothing from other origins.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        "connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'self'"
    ),
}


@dataclass(frozen=True)
class Layout:
    """Where everything listens and lives."""

    port: int  # nginx
    address: str  # nginx listen address
    replicas: int
    state: Path

    @property
    def replica_ports(self) -> list[int]:
        return [self.port + i for i in range(1, self.replicas + 1)]

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "") else self.address  # noqa: S104
        return f"http://{host}:{self.port}"


def default_state(port: int) -> Path:
    return Path(tempfile.gettempdir()) / f"swic-production-{port}"


def nginx_bin() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise SystemExit("nginx not found: install it (Debian: apt-get install nginx)")
    return found


def nginx_conf(layout: Layout) -> str:
    """The whole nginx.conf for this layout (paths inside the state dir)."""
    st = layout.state
    ports = layout.replica_ports
    fail = f"max_fails=1 fail_timeout={FAIL_TIMEOUT_S}s"
    upstreams = []
    for i, port in enumerate(ports, 1):
        lines = [f"        server 127.0.0.1:{port} {fail};"]
        lines += [f"        server 127.0.0.1:{p} {fail} backup;" for p in ports if p != port]
        upstreams.append(f"    upstream r{i} {{\n" + "\n".join(lines) + "\n    }")
    anyone = "\n".join(f"        server 127.0.0.1:{p} {fail};" for p in ports)
    by_cookie = "\n".join(f"        r{i} r{i};" for i in range(1, len(ports) + 1))
    # the replica that served (the last address: earlier ones were tried and failed)
    served = "\n".join(
        f'        "~(^|, )127\\.0\\.0\\.1:{p}$" r{i};' for i, p in enumerate(ports, 1)
    )
    headers = "\n".join(
        f'        add_header {k} "{v}" always;' for k, v in SECURITY_HEADERS.items()
    )
    return f"""# generated by scripts/production.py: {layout.replicas} replicas behind nginx
worker_processes 1;
daemon off;
pid {st}/nginx.pid;
error_log {st}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    # no client address in the log; $upstream_addr shows failovers ("a, b")
    log_format swic '$time_iso8601 $status $request_method $uri '
                    '$upstream_addr $upstream_status $request_time';
    access_log {st}/access.log swic buffer=32k flush=1s;
    client_body_temp_path {st}/spool/body;
    proxy_temp_path {st}/spool/proxy;
    fastcgi_temp_path {st}/spool/fastcgi;
    uwsgi_temp_path {st}/spool/uwsgi;
    scgi_temp_path {st}/spool/scgi;
    client_max_body_size 12m;  # Streamlit server.maxUploadSize (10 MB) plus form overhead
    server_tokens off;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    # sticky: the cookie names a replica; without it (or an unknown value) the least busy one
    map $cookie_{COOKIE} $swic_upstream {{
        default swic_any;
{by_cookie}
    }}
    map $upstream_addr $swic_served {{
        default "";
{served}
    }}
    # set the cookie only when it differs from the replica that served this response
    map "$cookie_{COOKIE}|$swic_served" $swic_set_cookie {{
        "~\\|$" "";
        "~^(r[0-9]+)\\|\\1$" "";
        default "{COOKIE}=$swic_served; Path=/; HttpOnly; SameSite=Lax";
    }}
{chr(10).join(upstreams)}
    upstream swic_any {{
        least_conn;
{anyone}
    }}
    server {{
        listen {layout.address}:{layout.port};
{headers}
        add_header Set-Cookie $swic_set_cookie always;
        location / {{
            proxy_pass http://$swic_upstream;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;  # Streamlit checks the websocket Origin against it
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 5s;
            proxy_read_timeout 3600s;  # idle sessions keep their websocket
            proxy_send_timeout 3600s;
            proxy_buffering off;
        }}
    }}
}}
"""


def write_conf(layout: Layout) -> Path:
    (layout.state / "spool").mkdir(parents=True, exist_ok=True)
    path = layout.state / "nginx.conf"
    path.write_text(nginx_conf(layout), encoding="utf-8")
    return path


def nginx_cmd(layout: Layout, *extra: str) -> list[str]:
    st = str(layout.state)
    return [nginx_bin(), "-c", f"{st}/nginx.conf", "-p", st, "-e", f"{st}/nginx-error.log", *extra]


def check_conf(layout: Layout) -> subprocess.CompletedProcess:
    return subprocess.run(
        nginx_cmd(layout, "-t", "-q"), capture_output=True, text=True, check=False
    )


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
            return r.status == 200
    except OSError:
        return False


def say(msg: str) -> None:
    print(msg, flush=True)


class Deployment:
    def __init__(self, layout: Layout, python: str, restart: bool, streamlit_args: list[str]):
        self.layout = layout
        self.python = python
        self.restart = restart
        self.streamlit_args = streamlit_args
        self.replicas: dict[int, subprocess.Popen] = {}
        self.nginx: subprocess.Popen | None = None
        secret = layout.state / "cookie_secret"
        if not secret.exists():
            secret.write_text(secrets.token_hex(24), encoding="utf-8")
            secret.chmod(0o600)
        self.secret = secret.read_text(encoding="utf-8").strip()

    def start_replica(self, port: int) -> None:
        st = self.layout.state
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": self.secret, "PYTHONUNBUFFERED": "1"}
        cmd = [self.python, "-m", "dashboard.serve", "--server.headless", "true"]
        cmd += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        cmd += ["--browser.gatherUsageStats", "false", *self.streamlit_args]
        with (st / f"replica-{port}.log").open("a") as log:
            proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=log)
        self.replicas[port] = proc
        (st / f"replica-{port}.pid").write_text(str(proc.pid), encoding="utf-8")

    def wait_healthy(self, ports: list[int]) -> None:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        for port in ports:
            while not healthy(f"http://127.0.0.1:{port}"):
                if self.replicas[port].poll() is not None:
                    raise RuntimeError(f"replica :{port} exited; see {self.layout.state}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"replica :{port} not healthy in {HEALTH_TIMEOUT_S} s")
                time.sleep(0.25)

    def start(self) -> None:
        lay = self.layout
        for port in lay.replica_ports:
            self.start_replica(port)
        self.wait_healthy(lay.replica_ports)
        write_conf(lay)
        res = check_conf(lay)
        if res.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{res.stderr}")
        with (lay.state / "nginx.out").open("a") as log:
            self.nginx = subprocess.Popen(nginx_cmd(lay), stdout=log, stderr=log)
        (lay.state / "nginx.run.pid").write_text(str(self.nginx.pid), encoding="utf-8")
        deadline = time.monotonic() + 20
        while not healthy(lay.url):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start; see {lay.state}/nginx-error.log")
            time.sleep(0.1)

    def pids(self) -> dict:
        return {
            "nginx": self.nginx.pid if self.nginx else None,
            "replicas": {
                f"r{i}": self.replicas[p].pid for i, p in enumerate(self.layout.replica_ports, 1)
            },
        }

    def watch(self) -> None:
        """Until a signal: restart replicas that died (they are reachable again once healthy)."""
        while True:
            if self.nginx is not None and self.nginx.poll() is not None:
                raise RuntimeError("nginx exited; see nginx-error.log")
            for port, proc in list(self.replicas.items()):
                if proc.poll() is not None and self.restart:
                    say(f"· replica :{port} exited ({proc.returncode}); starting it again")
                    self.start_replica(port)
            time.sleep(1)

    def stop(self) -> None:
        procs = ([self.nginx] if self.nginx else []) + list(self.replicas.values())
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for f in self.layout.state.glob("*.pid"):
            f.unlink(missing_ok=True)


def stop_recorded(state: Path) -> int:
    """--stop: end the processes recorded in the state dir (ours only, by pid)."""
    files = sorted(state.glob("*.pid")) if state.is_dir() else []
    if not files:
        say(f"· nothing running (no pid files in {state})")
        return 0
    runner = state / "runner.pid"
    if runner.exists():  # the foreground runner stops its own children
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(runner.read_text()), signal.SIGTERM)
        for _ in range(60):
            if not runner.exists():
                say("· stopped")
                return 0
            time.sleep(0.25)
    for f in files:
        with contextlib.suppress(ProcessLookupError, ValueError, FileNotFoundError):
            os.kill(int(f.read_text()), signal.SIGTERM)
        f.unlink(missing_ok=True)
    say("· stopped")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8501")))
    ap.add_argument("--address", default="0.0.0.0", help="nginx listen address")  # noqa: S104
    ap.add_argument("--state", type=Path, help="default: $TMPDIR/swic-production-<port>")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the replicas")
    ap.add_argument("--no-restart", action="store_true", help="leave a dead replica dead")
    ap.add_argument("--stop", action="store_true", help="stop a running deployment")
    args, streamlit_args = ap.parse_known_args(argv)
    state = (args.state or default_state(args.port)).resolve()
    if args.stop:
        return stop_recorded(state)
    if args.replicas < 1:
        ap.error("--replicas must be at least 1")
    if any(state.glob("*.pid")):
        raise SystemExit(f"already running? {state} holds pid files (use --stop first)")
    state.mkdir(parents=True, exist_ok=True)
    layout = Layout(args.port, args.address, args.replicas, state)
    dep = Deployment(layout, args.python, not args.no_restart, streamlit_args)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    (state / "runner.pid").write_text(str(os.getpid()), encoding="utf-8")
    try:
        say(f"· starting {args.replicas} replicas on {layout.replica_ports}; state in {state}")
        dep.start()
        say("ready " + json.dumps({"url": layout.url, "state": str(state), **dep.pids()}))
        say(f"· {layout.url} -> {args.replicas} replicas (sticky cookie {COOKIE}); Ctrl-C stops")
        dep.watch()
    except KeyboardInterrupt:
        pass
    finally:
        dep.stop()
        (state / "runner.pid").unlink(missing_ok=True)
        say("· stopped nginx and the replicas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
