"""Benchmark: the real app side by side with a bare one-selectbox Streamlit app.

    python bench/run.py [--quick]                    # everything, prints a table + PASS/MISS
    python bench/run.py --target http://127.0.0.1:8530 [--server-pids 1,2] [--quick]
                                                     # only the concurrency part, against a
                                                     # running deployment (bench/scaleout.sh)
    python bench/run.py --only replicas [--replicas 2] [--quick]
                                                     # only the N-replica run and fault run
    python bench/run.py --only exports [--quick]     # only the deck / factsheet build times

Results go to bench/results/latest.json (target mode: bench/results/target.json).
See bench/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from dashboard import serve  # noqa: E402
from dashboard.navigation import PAGES  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, READY  # noqa: E402  (one definition)

RESULTS = BENCH / "results"
PORTS = range(8520, 8530)
METRIC = '[data-testid="stMetricValue"]'
SCOPES = {"main": '[data-testid="stMain"]', "sidebar": '[data-testid="stSidebar"]'}
LOAD_PAGE = "instroom"  # the app page the concurrency part loads (its measure control)
LOAD_WIDGET = {"app": "maat", "bare": "keuze"}

# Counts ForwardMsgs with `script_finished` (top-level protobuf field 6) on the page's websocket
# and remembers the last click, so a filter change is awaited without sleeping and also timed
# inside the page. (The script-state attribute alone can miss a fast run: React may batch the
# running -> notRunning change into one render.)
INIT_SCRIPT = """
(() => {
  const b = window.__bench = {finished: 0, lastFinished: 0, lastClick: 0, doneAt: 0};
  const varint = (u, i) => {
    let x = 0, s = 0, c;
    do { c = u[i++]; x += (c & 127) * 2 ** s; s += 7; } while (c & 128);
    return [x, i];
  };
  const isFinished = (buf) => {
    const u = new Uint8Array(buf);
    let i = 0, key, n;
    while (i < u.length) {
      [key, i] = varint(u, i);
      const field = Math.floor(key / 8), wt = key & 7;
      if (field === 6 && wt === 0) return true;
      if (wt === 0) [, i] = varint(u, i);
      else if (wt === 1) i += 8;
      else if (wt === 2) { [n, i] = varint(u, i); i += n; }
      else if (wt === 5) i += 4;
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer && isFinished(e.data)) {
          b.finished++;
          b.lastFinished = performance.now();
        }
      });
    }
  };
  document.addEventListener('click', () => { b.lastClick = performance.now(); }, true);
})();
"""
RENDERED_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
  .filter(c => c.querySelector('.vega-embed svg, .vega-embed canvas')).length
"""
ALL_CHARTS_JS = """
() => !document.querySelector('[data-testid="stSkeleton"]')
  && Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
       .every(c => c.querySelector('.vega-embed svg, .vega-embed canvas'))
"""
FIRST_RENDER_JS = """
([ready, n]) => {
  if (!document.querySelector(ready)) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  return document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= n;
}
"""
CHANGED_JS = """
([ready, finished, metric, before, n]) => {
  const b = window.__bench;
  if (!b || b.finished <= finished || !document.querySelector(ready)) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (before !== null) {
    const m = document.querySelector(metric);
    if (!m || m.textContent === before) return false;
  }
  if (document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length < n) return false;
  b.doneAt = performance.now();
  return true;
}
"""


@dataclass(frozen=True)
class FilterAction:
    """One filter change on a page: a radio (segmented control / pills) or a selectbox."""

    kind: str  # "radio" | "select"
    scope: str  # "main" | "sidebar": where the control is looked up
    label: str  # selectbox label (for radios: unused)
    values: tuple[str, str]  # toggled between
    metric: bool  # also wait until the first stMetricValue text changes


# Pages with their own main filter; any other page changes the shared sidebar region.
PAGE_FILTERS = {
    "instroom": FilterAction("radio", "main", "Maat", ("Eerstejaars", "Ingeschreven"), metric=True),
}
SIDEBAR_FILTER = FilterAction("select", "sidebar", "Regio", ("Drenthe", "Nederland"), metric=False)
BARE_FILTER = FilterAction("select", "main", "Keuze", ("Beta", "Alfa"), metric=True)


@dataclass
class Config:
    quick: bool
    reps: int
    sessions: int
    paced_s: float
    flat_s: float
    pace: float
    browser_pace: float
    query_runs: int
    source_ips: bool = False  # one 127.0.x.1 per load session (nginx ip_hash)
    replicas: int = 2  # scripts/production.py replicas for the replica and fault runs
    replica_sessions: int = 100
    replica_s: float = 60  # paced window of the replica run and of the fault run
    kill_at_s: float = 20  # fault run: SIGKILL the browser's replica this long into the window
    probe_every_s: float = 0.5  # fault run: a new visitor every this many seconds


# --------------------------------------------------------------------------- helpers


def pct(xs: list[float], p: float) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return round(xs[lo] + (xs[hi] - xs[lo]) * (k - lo), 1)


def summary(xs: list[float]) -> dict:
    return {
        "n": len(xs),
        "p50": pct(xs, 50),
        "p95": pct(xs, 95),
        "mean": round(statistics.fmean(xs), 1) if xs else None,
        "max": round(max(xs), 1) if xs else None,
    }


def port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(taken: set[int]) -> int:
    for port in PORTS:
        if port not in taken and port_free(port):
            taken.add(port)
            return port
    raise RuntimeError("no free port in 8520-8529")


def proc_tree(pid: int) -> list[psutil.Process]:
    p = psutil.Process(pid)
    return [p, *p.children(recursive=True)]


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            total += sum(p.memory_info().rss for p in proc_tree(pid))
    return round(total / 2**20, 1)


def cpu_s(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            for p in proc_tree(pid):
                t = p.cpu_times()
                total += t.user + t.system
    return total


class Sampler(threading.Thread):
    """Samples RSS of the server processes every 0.5 s; CPU from cpu_times over the window."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.pids = pids
        self.stop_event = threading.Event()
        self.peak = 0.0
        self.cpu0 = {pid: cpu_s([pid]) for pid in pids}
        self.t0 = time.perf_counter()

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.peak = max(self.peak, rss_mb(self.pids))
            self.stop_event.wait(0.5)

    def finish(self) -> dict:
        self.stop_event.set()
        self.join()
        wall = time.perf_counter() - self.t0
        by_pid = {pid: round(100 * (cpu_s([pid]) - c0) / wall, 1) for pid, c0 in self.cpu0.items()}
        return {
            "rss_peak_mb": self.peak,
            "cpu_pct": round(sum(by_pid.values()), 1),
            "cpu_pct_by_pid": by_pid,
        }


# --------------------------------------------------------------------------- servers


class Server:
    """A headless server on a port of ours, killed by pid: the dashboard as production starts it
    (``python -m dashboard.serve``, script None) or ``streamlit run <script>``."""

    def __init__(self, name: str, script: Path | None, cwd: Path, port: int, logdir: Path):
        self.name, self.port = name, port
        self.url = f"http://127.0.0.1:{port}"
        self.log = logdir / f"{name}.log"
        cmd = serve.command(port, script)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log.open("w") as fh:
            self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fh, stderr=fh)
        self.rss: dict[str, float] = {}

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait_healthy(self, timeout: float = 90) -> None:
        if not serve.wait_healthy(self.url, self.proc, timeout):
            raise RuntimeError(
                f"{self.name} exited or not healthy within {timeout} s; see {self.log}"
            )

    def stop(self) -> None:
        serve.stop(self.proc)


def start_servers(tmp: Path) -> dict[str, Server]:
    """The app (repo config), the bare app with the app's config, and with the default config."""
    taken: set[int] = set()
    bare_cfg = tmp / "bare"
    bare_default = tmp / "bare_default"
    for d in (bare_cfg, bare_default):
        d.mkdir()
        shutil.copy(BENCH / "bare_app.py", d / "bare_app.py")
    (bare_cfg / ".streamlit").mkdir()
    shutil.copy(REPO / ".streamlit" / "config.toml", bare_cfg / ".streamlit" / "config.toml")
    servers = {
        "app": Server("app", None, REPO, free_port(taken), tmp),
        "bare": Server("bare", bare_cfg / "bare_app.py", bare_cfg, free_port(taken), tmp),
        "bare_default": Server(
            "bare_default", bare_default / "bare_app.py", bare_default, free_port(taken), tmp
        ),
    }
    for s in servers.values():
        s.wait_healthy()
    return servers


# --------------------------------------------------------------------------- browser


def new_context(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    ctx.add_init_script(INIT_SCRIPT)
    return ctx


def load_page(page, url: str, n_charts: int, timeout: int = 60000) -> float:
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout)
    page.wait_for_function(FIRST_RENDER_JS, arg=[READY, n_charts], timeout=timeout, polling="raf")
    return (time.perf_counter() - t0) * 1000


def count_charts(page) -> int:
    """Charts on the page once everything rendered (learned on a warm-up visit).

    Element components are loaded lazily: after the script state is notRunning the page can
    still show skeletons for a while, so wait for those to go and the charts to draw.
    """
    page.wait_for_function(ALL_CHARTS_JS, timeout=60000)
    return page.evaluate(RENDERED_JS)


def change_filter(
    page, action: FilterAction, value: str, n_charts: int, timeout: int = 60000
) -> tuple[float, float]:
    """Change one filter; wait for the finished rerun (and the changed metric). (wall, in-page)."""
    finished = page.evaluate("window.__bench.finished")
    before = page.locator(METRIC).first.text_content() if action.metric else None
    scope = page.locator(SCOPES[action.scope])
    if action.kind == "radio":
        target = scope.get_by_role("radio", name=value, exact=True)
    else:
        scope.get_by_role("combobox", name=action.label).click()
        target = page.get_by_role("option", name=value, exact=True)
    t0 = time.perf_counter()
    target.click()
    page.wait_for_function(
        CHANGED_JS, arg=[READY, finished, METRIC, before, n_charts], timeout=timeout, polling="raf"
    )
    wall = (time.perf_counter() - t0) * 1000
    in_page = page.evaluate("window.__bench.doneAt - window.__bench.lastClick")
    return wall, in_page


def bench_target(browser, url: str, action: FilterAction, reps: int) -> dict:
    """Warm-up visit, then `reps` first renders (fresh contexts) and `reps` filter changes."""
    ctx = new_context(browser)
    page = ctx.new_page()
    cold = load_page(page, url, 0)
    n_charts = count_charts(page)
    ctx.close()
    first = []
    for _ in range(reps):
        ctx = new_context(browser)
        page = ctx.new_page()
        first.append(load_page(page, url, n_charts))
        ctx.close()
    ctx = new_context(browser)
    page = ctx.new_page()
    load_page(page, url, n_charts)
    wall, in_page = [], []
    for i in range(reps + 1):  # the first change is a warm-up (new option combination)
        w, ip = change_filter(page, action, action.values[i % 2], n_charts)
        if i:
            wall.append(w)
            in_page.append(ip)
    ctx.close()
    return {
        "url": url,
        "charts": n_charts,
        "filter": f"{action.kind} {action.label}: {' <-> '.join(action.values)}",
        "cold_first_visit_ms": round(cold, 1),
        "first_render_ms": summary(first),
        "rerun_ms": summary(wall),
        "rerun_in_page_ms": summary(in_page),
    }


def browser_part(servers: dict[str, Server], cfg: Config) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {"app": {}, "bare": {}, "bare_default": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        out["chromium"] = browser.version
        for spec in PAGES:
            action = PAGE_FILTERS.get(spec.url_path, SIDEBAR_FILTER)
            # the default page lives at "/" (a deep link to its url_path says "page not found")
            url = f"{servers['app'].url}/{'' if spec.default else spec.url_path}"
            say(f"  browser: app /{spec.url_path}")
            try:
                out["app"][spec.url_path] = bench_target(browser, url, action, cfg.reps)
            except Exception as exc:  # one broken page must not stop the run
                say(f"    failed: {type(exc).__name__}: {str(exc).splitlines()[0]}")
                out["app"][spec.url_path] = {"url": url, "error": f"{type(exc).__name__}: {exc}"}
        for name in ("bare", "bare_default"):
            say(f"  browser: {name}")
            out[name] = bench_target(browser, servers[name].url + "/", BARE_FILTER, cfg.reps)
        browser.close()
    return out


# --------------------------------------------------------------------------- concurrency


def start_load(
    url: str,
    widget: str,
    cfg: Config,
    duration: float,
    pace: float,
    tmp: Path,
    sessions: int | None = None,
    extra: tuple[str, ...] = (),
):
    out = tmp / f"load-{time.monotonic_ns()}.json"
    cmd = [
        sys.executable,
        str(BENCH / "load.py"),
        url,
        "--widget",
        widget,
        "--sessions",
        str(sessions or cfg.sessions),
        "--duration",
        str(duration),
        "--pace",
        str(pace),
        "--json",
        str(out),
        *extra,
    ]
    if cfg.source_ips:
        cmd.append("--source-ips")
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()  # "ready": all sessions connected, the timed window starts
    return proc, out


def read_load(proc, out: Path) -> dict:
    proc.stdout.read()
    rc = proc.wait()
    if rc != 0 or not out.exists():
        return {"errors": 1, "error_kinds": {f"load.py exit {rc}": 1}, "latencies_ms": []}
    return json.loads(out.read_text())


def concurrency(browser, url: str, kind: str, pids: list[int], cfg: Config, tmp: Path) -> dict:
    """Paced load with a browser measuring alongside, then flat-out load (no browser)."""
    widget = LOAD_WIDGET[kind]
    action = PAGE_FILTERS[LOAD_PAGE] if kind == "app" else BARE_FILTER
    ctx = new_context(browser)
    page = ctx.new_page()
    load_page(page, url, 0)
    n_charts = count_charts(page)
    change_filter(page, action, action.values[0], n_charts)
    rss_before = rss_mb(pids)
    proc, out = start_load(url, widget, cfg, cfg.paced_s, cfg.pace, tmp)
    sampler = Sampler(pids)
    sampler.start()
    user, user_errors, i = [], 0, 1
    while proc.poll() is None:
        try:
            user.append(change_filter(page, action, action.values[i % 2], n_charts)[0])
        except Exception as exc:  # a timeout or a broken page counts as a user-side error
            user_errors += 1
            say(f"    user-side error: {type(exc).__name__}")
            page.reload()
        i += 1
        time.sleep(cfg.browser_pace)  # pacing between user actions, not a wait for state
    paced = read_load(proc, out)
    server = sampler.finish()
    ctx.close()
    proc, out = start_load(url, widget, cfg, cfg.flat_s, 0, tmp)
    sampler = Sampler(pids)
    sampler.start()
    flat = read_load(proc, out)
    server_flat = sampler.finish()
    return {
        "url": url,
        "paced": {
            "sessions": cfg.sessions,
            "pace_s": cfg.pace,
            "connect_s": paced.get("connect_s"),
            "duration_s": paced.get("duration_s"),
            "user_ms": summary(user),
            "user_errors": user_errors,
            "load_ms": summary(paced["latencies_ms"]),
            "load_errors": paced["errors"],
            "error_kinds": paced.get("error_kinds"),
            "reruns_per_s": paced.get("reruns_per_s"),
            "server": server,
        },
        "flat": {
            "sessions": cfg.sessions,
            "duration_s": flat.get("duration_s"),
            "reruns_per_s": flat.get("reruns_per_s"),
            "load_ms": summary(flat["latencies_ms"]),
            "errors": flat["errors"],
            "error_kinds": flat.get("error_kinds"),
            "client_cpu_s": flat.get("client_cpu_s"),
            "server": server_flat,
        },
        "rss_before_mb": rss_before,
        "rss_after_mb": rss_mb(pids),
    }


def concurrency_part(targets: dict[str, tuple[str, str, list[int]]], cfg: Config, tmp) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (url, kind, pids) in targets.items():
            say(f"  concurrency: {name}")
            out[name] = concurrency(browser, url, kind, pids, cfg, tmp)
        browser.close()
    return out


# --------------------------------------------------------------------------- replicas, fault


class Deployment:
    """scripts/production.py (N replicas behind nginx) as a child, stopped by its pid."""

    def __init__(self, replicas: int, tmp: Path):
        self.state = tmp / "production"
        port = next(p for p in range(8540, 8600, 10) if all(port_free(p + i) for i in range(9)))
        cmd = [sys.executable, str(REPO / "scripts" / "production.py"), "--replicas", str(replicas)]
        cmd += ["--port", str(port), "--address", "127.0.0.1", "--state", str(self.state)]
        cmd += ["--no-restart"]  # the fault run leaves the killed replica dead
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
        for line in self.proc.stdout:
            if line.startswith("ready "):
                info = json.loads(line[6:])
                break
        else:
            raise RuntimeError(f"production.py exited; see {self.state}")
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()  # drain
        self.url = info["url"]
        self.replica_pids: dict[str, int] = info["replicas"]
        self.port = port

    def replica_port(self, name: str) -> int:
        return self.port + int(name[1:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def browser_loop(page, action, n_charts: int, proc, cfg: Config, on_tick=None) -> dict:
    """Change the filter every browser_pace s while the load runs; a failure waits for the
    page to come back by itself (Streamlit's frontend reconnects), it is not reloaded."""
    user, errors, times, i = [], [], [], 1
    while proc.poll() is None:
        if on_tick is not None:
            on_tick()
        try:
            user.append(change_filter(page, action, action.values[i % 2], n_charts, 20000)[0])
            times.append(time.time())
        except Exception as exc:  # a timeout or a broken page counts as a user-side error
            errors.append((time.time(), type(exc).__name__))
            say(f"    user-side error: {type(exc).__name__}")
            with contextlib.suppress(Exception):
                page.wait_for_function(ALL_CHARTS_JS, timeout=30000)
        i += 1
        time.sleep(cfg.browser_pace)  # pacing between user actions, not a wait for state
    return {"user": user, "ok_at": times, "errors": errors}


def nginx_attempts(state: Path, port: int, since: float) -> list[float]:
    """Seconds after `since` at which nginx tried the upstream on `port` and failed."""
    out = []
    log = state / "nginx-error.log"
    if not log.exists():
        return out
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if "connect() failed" in line and f"127.0.0.1:{port}" in line:
            with contextlib.suppress(ValueError):
                t = datetime.strptime(line[:19], "%Y/%m/%d %H:%M:%S").timestamp()
                if t >= int(since):
                    out.append(round(t - int(since), 1))
    return out


def access_5xx(state: Path) -> int:
    log = state / "access.log"
    if not log.exists():
        return 0
    return sum(1 for ln in log.read_text().splitlines() if ln.split(" ")[1:2] in (["502"], ["504"]))


def replica_run(browser, dep: Deployment, cfg: Config, tmp: Path, fault: bool) -> dict:
    """100 paced sessions through nginx with a browser measuring; `fault`: kill one replica."""
    url = f"{dep.url}/{LOAD_PAGE}"
    action = PAGE_FILTERS[LOAD_PAGE]
    pids = list(dep.replica_pids.values())
    ctx = new_context(browser)
    page = ctx.new_page()
    load_page(page, url, 0, timeout=180000)  # untimed warm-up of a cold replica
    n_charts = count_charts(page)
    change_filter(page, action, action.values[0], n_charts)
    cookie = {c["name"]: c["value"] for c in ctx.cookies()}.get("swic_replica")
    extra = ("--probe-every", str(cfg.probe_every_s)) if fault else ()
    proc, out = start_load(
        url, "maat", cfg, cfg.replica_s, cfg.pace, tmp, cfg.replica_sessions, extra
    )
    sampler = Sampler(pids)
    sampler.start()
    t_ready = time.time()
    killed: dict = {}

    def tick() -> None:
        if fault and not killed and time.time() - t_ready >= cfg.kill_at_s:
            name = cookie or next(iter(dep.replica_pids))
            os.kill(dep.replica_pids[name], signal.SIGKILL)
            killed.update(name=name, t=time.time(), pid=dep.replica_pids[name])
            say(f"    SIGKILL replica {name} (pid {killed['pid']}, the browser's)")

    b = browser_loop(page, action, n_charts, proc, cfg, tick if fault else None)
    load = read_load(proc, out)
    server = sampler.finish()
    ctx.close()
    res = {
        "url": url,
        "replicas": len(pids),
        "sessions": cfg.replica_sessions,
        "pace_s": cfg.pace,
        "connect_s": load.get("connect_s"),
        "duration_s": load.get("duration_s"),
        "browser_replica": cookie,
        "user_ms": summary(b["user"]),
        "user_errors": len(b["errors"]),
        "load_ms": summary(load["latencies_ms"]),
        "load_errors": load["errors"],
        "error_kinds": load.get("error_kinds"),
        "reruns_per_s": load.get("reruns_per_s"),
        "server": server,
        "rss_after_mb": rss_mb(pids),
    }
    if fault:
        res["fault"] = fault_summary(load, b, killed, dep)
    return res


def fault_summary(load: dict, b: dict, killed: dict, dep: Deployment) -> dict:
    if not killed:
        return {"error": "the load ended before the kill"}
    t_kill = killed["t"]
    outages = [o for o in load.get("outages", []) if o["t_drop"] >= t_kill - 1]
    rec = [o["recover_s"] for o in outages if o["recover_s"] is not None]
    probes_after = [p for p in load.get("probes", []) if p["t"] >= t_kill]
    probes_before = [p for p in load.get("probes", []) if p["t"] < t_kill]
    ok_after = [t for t in b["ok_at"] if t > t_kill]
    return {
        "killed": killed["name"],
        "kill_at_s": round(t_kill - (load.get("t0_epoch") or t_kill), 1),
        # sessions that lost their websocket when their replica died
        "sessions_dropped": len(outages),
        "dropped_errors": sum(o["errors"] for o in outages),
        "dropped_errors_max": max((o["errors"] for o in outages), default=0),
        "recover_s": summary(rec),
        "not_recovered": len(outages) - len(rec),
        # new visitors after the kill (connect, first run, one change)
        "new_sessions_after": len(probes_after),
        "new_session_errors_after": sum(1 for p in probes_after if not p["ok"]),
        "new_session_ms_after": summary([p["ms"] for p in probes_after if p["ok"]]),
        "new_session_ms_before": summary([p["ms"] for p in probes_before if p["ok"]]),
        # nginx: failed tries of the dead replica (each retried on a live one) and 5xx to clients
        "nginx_dead_attempts_s": nginx_attempts(
            dep.state, dep.replica_port(killed["name"]), t_kill
        ),
        "client_5xx": access_5xx(dep.state),
        # the real browser (Streamlit's frontend) that was on the killed replica
        "browser_errors": len([e for e in b["errors"] if e[0] >= t_kill]),
        "browser_recover_s": round(ok_after[0] - t_kill, 2) if ok_after else None,
    }


def replicas_part(cfg: Config, tmp: Path) -> dict:
    """N replicas behind nginx (scripts/production.py): a paced run, then the fault run."""
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, fault in (("paced", False), ("fault", True)):
            say(f"  replicas: {cfg.replicas} x {cfg.replica_sessions} sessions, {name}")
            dep = Deployment(cfg.replicas, tmp / name)
            try:
                out[name] = replica_run(browser, dep, cfg, tmp, fault)
            finally:
                dep.stop()
        browser.close()
    return out


# --------------------------------------------------------------------------- queries, build


def queries_part(runs: int) -> dict:
    from dashboard import db
    from tests.query_samples import SAMPLES

    database = db.connect()
    out = {}
    for sql in sorted((REPO / "queries").glob("*.sql")):
        name = sql.stem
        params = SAMPLES.get(name)
        if params is None:
            out[name] = {"error": "no sample params in tests/query_samples*.py"}
            continue
        db.execute(database, name, params)  # warm-up
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            db.execute(database, name, params)
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = {
            "p50": pct(times, 50),
            "p95": pct(times, 95),
            "n": runs,
        }
    database.close()
    return out


def build_part(tmp: Path) -> dict:
    out_dir = tmp / "build"
    t0 = time.perf_counter()
    res = subprocess.run(
        [sys.executable, "-m", "pipeline.build", "--out", str(out_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    return {
        "seconds": round(wall, 2),
        "returncode": res.returncode,
        "files": len(list(out_dir.rglob("*"))) if out_dir.exists() else 0,
        "stderr_tail": res.stderr[-500:] if res.returncode else "",
    }


# --------------------------------------------------------------------------- report


def say(msg: str) -> None:
    print(msg, flush=True)


def machine() -> dict:
    def version(pkg: str) -> str | None:
        try:
            return importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            return None

    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "mem_total_mb": round(psutil.virtual_memory().total / 2**20),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "streamlit": version("streamlit"),
        "duckdb": version("duckdb"),
        "altair": version("altair"),
        "pandas": version("pandas"),
        "playwright": version("playwright"),
        "websockets": version("websockets"),
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def verdict(ok: bool | None) -> str:
    return "?" if ok is None else ("PASS" if ok else "MISS")


def check(rows: list, name: str, value, limit_text: str, ok: bool | None) -> None:
    rows.append({"check": name, "value": value, "target": limit_text, "result": verdict(ok)})


def ratio_check(rows: list, name: str, value, bare, limit: float) -> None:
    r = ratio(value, bare)
    check(
        rows,
        name,
        f"{value} vs {bare} ms = {r}x",
        f"<= {limit}x bare",
        None if r is None else r <= limit,
    )


def evaluate(res: dict) -> list[dict]:
    rows: list[dict] = []
    for name, e in (res.get("exports") or {}).items():
        check(rows, f"{name} (new build)", f"{e['first_s']} s", "<= 5 s", e["first_s"] <= 5)
    br = res.get("browser")
    if br:
        bare = br["bare"]
        for metric, label in (
            ("rerun_ms", "filter-change rerun"),
            ("first_render_ms", "first render"),
        ):
            for page, r in br["app"].items():
                name = f"{label} p95 /{page}"
                if "error" in r:
                    check(rows, name, "error (see JSON)", "<= 1.5x bare", False)
                    continue
                ratio_check(rows, name, r[metric]["p95"], bare[metric]["p95"], 1.5)
    conc = res.get("concurrency")
    if conc and "bare" in conc:
        app, bare = conc["app"], conc["bare"]
        ratio_check(
            rows,
            f"{app['paced']['sessions']} paced sessions user p95",
            app["paced"]["user_ms"]["p95"],
            bare["paced"]["user_ms"]["p95"],
            2.0,
        )
        errs = app["paced"]["load_errors"] + app["paced"]["user_errors"] + app["flat"]["errors"]
        check(rows, "errors under load (app)", errs, "0", errs == 0)
        a, b = app["flat"]["reruns_per_s"], bare["flat"]["reruns_per_s"]
        share = round(a / b, 2) if a is not None and b else None
        check(
            rows,
            "flat-out throughput",
            f"{a} vs {b} reruns/s = {share}x",
            ">= 0.5x bare",
            None if share is None else share >= 0.5,
        )
    elif conc:
        for name, c in conc.items():
            errs = c["paced"]["load_errors"] + c["paced"]["user_errors"] + c["flat"]["errors"]
            check(rows, f"errors under load ({name})", errs, "0", errs == 0)
    if conc:
        key = "app" if "app" in conc else "target"
        c = conc[key]
        peak = max(
            c["paced"]["server"]["rss_peak_mb"],
            c["flat"]["server"]["rss_peak_mb"],
            c["rss_after_mb"],
        )
        n = max(1, len(res.get("server_pids", [])))  # target mode: summed over the replicas
        check(
            rows,
            f"server RSS peak ({key}, {n} process{'es' if n > 1 else ''})",
            f"{peak} MB",
            f"<= {500 * n} MB",
            peak <= 500 * n if peak else None,
        )
    evaluate_replicas(rows, res.get("replicas"))
    for name, q in res.get("queries", {}).items():
        p95 = q.get("p95")
        check(
            rows, f"query {name} p95", f"{p95} ms", "<= 20 ms", None if p95 is None else p95 <= 20
        )
    if "build" in res:
        b = res["build"]
        ok = b["returncode"] == 0 and b["seconds"] <= 30
        check(rows, "data build", f"{b['seconds']} s (rc {b['returncode']})", "<= 30 s", ok)
    return rows


def evaluate_replicas(rows: list, rep: dict | None) -> None:
    if not rep:
        return
    p = rep.get("paced")
    if p:
        name = f"{p['sessions']} paced sessions, {p['replicas']} replicas: user p95"
        u = p["user_ms"]["p95"]
        check(rows, name, f"{u} ms", "<= 1000 ms", None if u is None else u <= 1000)
        errs = p["load_errors"] + p["user_errors"]
        check(rows, f"errors ({p['replicas']} replicas)", errs, "0", errs == 0)
    f = (rep.get("fault") or {}).get("fault")
    if not f:
        return
    if "error" in f:
        check(rows, "fault run", f["error"], "a kill during the load", False)
        return
    n = f["new_session_errors_after"]
    check(
        rows,
        "fault: new sessions after the kill",
        f"{f['new_sessions_after'] - n} of {f['new_sessions_after']} ok",
        "0 errors",
        n == 0 and f["new_sessions_after"] > 0,
    )
    r = f["recover_s"]
    check(
        rows,
        "fault: dropped sessions reconnect",
        f"{f['sessions_dropped']} dropped, {f['dropped_errors']} errors (max "
        f"{f['dropped_errors_max']}), back in p50 {r['p50']} / max {r['max']} s",
        "all recover",
        f["sessions_dropped"] > 0 and f["not_recovered"] == 0,
    )
    b = f["browser_recover_s"]
    check(
        rows,
        "fault: the browser on it works again",
        f"{b} s, {f['browser_errors']} errors",
        "recovers",
        b is not None,
    )
    tries = f["nginx_dead_attempts_s"]
    after = rep["fault"]["duration_s"] - f["kill_at_s"] if rep["fault"]["duration_s"] else 0
    bound = (rep["fault"]["replicas"] + 1) * (int(after // 10) + 2)  # 1 probe/group/10 s
    check(
        rows,
        "fault: nginx stops sending to the dead one",
        f"{len(tries)} failed tries, {f['client_5xx']} 5xx to clients",
        f"<= {bound} tries, 0 5xx",
        len(tries) <= bound and f["client_5xx"] == 0,
    )


def fmt_row(cells: list, widths: list[int]) -> str:
    return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))


def print_exports(exp: dict | None) -> None:
    if exp:
        say("\nExports (median s; first = new build, repeat = same download again)")
        for name, e in exp.items():
            say(f"  {name:26} first {e['first_s']:>6}   repeat {e['repeat_s']:>6}   {e['bytes']} B")


def print_tables(res: dict) -> None:
    br = res.get("browser")
    if br:
        say("\nBrowser (ms; Playwright wall time; in-page = click -> script notRunning)")
        w = [22, 7, 22, 22, 16, 13]
        say(
            fmt_row(
                [
                    "target",
                    "charts",
                    "first render p50/p95",
                    "rerun p50/p95",
                    "in-page p50/p95",
                    "rerun ratio",
                ],
                w,
            )
        )
        bare95 = br["bare"]["rerun_ms"]["p95"]
        rows = [(f"app /{k}", v) for k, v in br["app"].items()]
        rows += [("bare (app config)", br["bare"]), ("bare (default cfg)", br["bare_default"])]
        for name, r in rows:
            if "error" in r:
                say(f"{name:22}  ERROR {r['error'].splitlines()[0][:90]}")
                continue
            f, rr, ip = r["first_render_ms"], r["rerun_ms"], r["rerun_in_page_ms"]
            say(
                fmt_row(
                    [
                        name,
                        r["charts"],
                        f"{f['p50']} / {f['p95']}",
                        f"{rr['p50']} / {rr['p95']}",
                        f"{ip['p50']} / {ip['p95']}",
                        ratio(rr["p95"], bare95),
                    ],
                    w,
                )
            )
    conc = res.get("concurrency")
    if conc:
        say("\nConcurrency (paced: user-side browser ms + protocol sessions; flat: no pause)")
        w = [18, 18, 18, 9, 11, 10, 14, 12, 12]
        say(
            fmt_row(
                [
                    "server",
                    "user p50/p95",
                    "load p50/p95",
                    "errors",
                    "paced r/s",
                    "flat r/s",
                    "flat p50/p95",
                    "CPU% p/f",
                    "RSS peak",
                ],
                w,
            )
        )
        for name, c in conc.items():
            p, f = c["paced"], c["flat"]
            say(
                fmt_row(
                    [
                        name,
                        f"{p['user_ms']['p50']} / {p['user_ms']['p95']}",
                        f"{p['load_ms']['p50']} / {p['load_ms']['p95']}",
                        p["load_errors"] + p["user_errors"] + f["errors"],
                        p["reruns_per_s"],
                        f["reruns_per_s"],
                        f"{f['load_ms']['p50']} / {f['load_ms']['p95']}",
                        f"{p['server']['cpu_pct']} / {f['server']['cpu_pct']}",
                        max(p["server"]["rss_peak_mb"], f["server"]["rss_peak_mb"]),
                    ],
                    w,
                )
            )
    rep = res.get("replicas")
    if rep:
        say("\nReplicas behind nginx (scripts/production.py; paced sessions + a browser)")
        for name, c in rep.items():
            say(
                f"  {name:6} {c['replicas']} replicas x {c['sessions']} sessions: user p50/p95 "
                f"{c['user_ms']['p50']} / {c['user_ms']['p95']} ms, load p50/p95 "
                f"{c['load_ms']['p50']} / {c['load_ms']['p95']} ms, errors "
                f"{c['load_errors'] + c['user_errors']} {c.get('error_kinds') or ''}"
            )
            if "fault" in c:
                say(f"         fault: {json.dumps(c['fault'], ensure_ascii=False)}")
    print_exports(res.get("exports"))
    mem = res.get("memory")
    if mem:
        say("\nMemory (RSS MB): start = after warm-up, end = after the concurrency run")
        for name, m in mem.items():
            say(f"  {name:14} start {m['rss_start_mb']:>7}   end {m['rss_end_mb']:>7}")
    say("\nTargets")
    w = [44, 38, 16, 5]
    for r in res["checks"]:
        say(fmt_row([r["check"], r["value"], r["target"], r["result"]], w))


# --------------------------------------------------------------------------- main


def config(args) -> Config:
    if args.quick:
        cfg = Config(True, 3, 25, 10, 5, 2.0, 1.0, 50, replica_s=20, kill_at_s=6)
        cfg.replica_sessions = 20
    else:
        cfg = Config(False, args.reps, 25, 60, 20, 2.0, 1.0, 50)
    cfg.replicas = args.replicas
    if args.replica_sessions:
        cfg.replica_sessions = args.replica_sessions
    return cfg


def run_local(cfg: Config, tmp: Path) -> dict:
    res: dict = {}
    say("starting servers ...")
    servers = start_servers(tmp)
    try:
        res["servers"] = {k: {"url": s.url, "pid": s.pid} for k, s in servers.items()}
        res["browser"] = browser_part(servers, cfg)
        res["memory"] = {k: {"rss_start_mb": rss_mb([s.pid])} for k, s in servers.items()}
        targets = {
            "app": (f"{servers['app'].url}/{LOAD_PAGE}", "app", [servers["app"].pid]),
            "bare": (servers["bare"].url + "/", "bare", [servers["bare"].pid]),
            "bare_default": (
                servers["bare_default"].url + "/",
                "bare",
                [servers["bare_default"].pid],
            ),
        }
        res["concurrency"] = concurrency_part(targets, cfg, tmp)
        for k, s in servers.items():
            res["memory"][k]["rss_end_mb"] = rss_mb([s.pid])
    finally:
        for s in servers.values():
            s.stop()
    res["replicas"] = replicas_part(cfg, tmp)
    say("  queries")
    res["queries"] = queries_part(cfg.query_runs)
    say("  data build")
    res["build"] = build_part(tmp)
    say("  exports (deck, factsheets)")
    res["exports"] = run_exports(cfg)
    return res


def run_exports(cfg: Config) -> dict:
    from exports_bench import exports_part  # bench/ is on sys.path when run as a script

    return exports_part(str(REPO / "app.py"), 3 if cfg.quick else 5)


def run_target(cfg: Config, target: str, pids: list[int], tmp: Path) -> dict:
    cfg.source_ips = True
    url = target.rstrip("/") + f"/{LOAD_PAGE}"
    res = {"target": target, "server_pids": pids}
    res["concurrency"] = concurrency_part({"target": (url, "app", pids)}, cfg, tmp)
    if pids:
        res["memory"] = {
            "target": {
                "rss_start_mb": res["concurrency"]["target"]["rss_before_mb"],
                "rss_end_mb": res["concurrency"]["target"]["rss_after_mb"],
            }
        }
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--quick", action="store_true", help="3 repetitions, 10 s load")
    ap.add_argument("--reps", type=int, default=15, help="browser repetitions (full run)")
    ap.add_argument("--target", help="only the concurrency part, against this base url")
    ap.add_argument("--server-pids", default="", help="pids of the target's servers (RSS/CPU)")
    ap.add_argument("--replicas", type=int, default=2, help="replicas for the replica/fault run")
    ap.add_argument("--replica-sessions", type=int, help="default 100 (--quick: 20)")
    ap.add_argument("--only", choices=["replicas", "exports"], help="run only this part")
    args = ap.parse_args(argv)
    cfg = config(args)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    info = machine()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmpdir:
        tmp = Path(tmpdir)
        if args.target:
            pids = [int(x) for x in args.server_pids.split(",") if x.strip()]
            res = run_target(cfg, args.target, pids, tmp)
        elif args.only == "replicas":
            res = {"replicas": replicas_part(cfg, tmp)}
        elif args.only == "exports":
            res = {"exports": run_exports(cfg)}
        else:
            res = run_local(cfg, tmp)
    res = {
        "started": started,
        "seconds": round(time.perf_counter() - t0, 1),
        "quick": cfg.quick,
        "config": cfg.__dict__,
        "machine": info,
        **res,
    }
    res["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    res["checks"] = evaluate(res)
    print_tables(res)
    RESULTS.mkdir(exist_ok=True)
    name = "target" if args.target else (args.only or "latest")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    say(f"\nwritten: {path.relative_to(REPO)} ({res['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
