"""Protocol-level load for a Streamlit app: N websocket sessions that change one widget.

Each session does what the browser frontend does, without a browser:

1. open ``ws://host:port/_stcore/stream`` with subprotocol ``streamlit``;
2. send a ``BackMsg`` whose ``rerun_script`` (a ``ClientState``) carries the query string and
   the page (``page_name`` = url path on the first run, then ``page_script_hash``);
3. read ``ForwardMsg`` frames until ``script_finished``; the widget to change is found in the
   ``new_element`` deltas (its ``id``, options and ``query_param_key``);
4. once all sessions are connected (not timed), every ``pace`` seconds (uniform ±``jitter``),
   or flat-out with ``--pace 0``, send another ``rerun_script`` with the widget set to its next
   option in ``widget_states`` and time the rerun until ``script_finished``.

Like a browser, a session first GETs the page and keeps the cookies it is given (a sticky
proxy such as scripts/production.py routes by one) and sends them with the websocket.

Errors: an ``exception`` element in the output, a script that did not finish successfully, a
rerun slower than the timeout, or a dropped connection. After a drop the session reconnects as
Streamlit's frontend does: it waits (0.5 s, doubling up to 8 s), pings ``/_stcore/health``,
opens a new websocket (a new session: the old one lived in the memory of its replica) and
reruns the page with its widget value. Each outage (first error -> first successful run again)
is recorded with its error count and duration (``outages``). ``--probe-every S`` also opens a
fresh session every S seconds during the window (connect, one change, close: ``probes``), to
see whether new visitors get in, e.g. while a replica is down.

    python bench/load.py http://127.0.0.1:8520/instroom --widget maat --sessions 25 \
        --duration 60 --pace 2
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import resource
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RERUN_TIMEOUT = 30.0
RECONNECT_MIN_S, RECONNECT_MAX_S = 0.5, 8.0
# what a session survives by reconnecting (anything else is a bug in this script)
RECOVERABLE = (TimeoutError, OSError, LookupError, websockets.WebSocketException)
OK_STATUSES = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
# widget element type -> WidgetState field that carries its value (see streamlit/elements/widgets)
VALUE_FIELDS = {
    "button_group": "string_array_value",
    "multiselect": "string_array_value",
    "selectbox": "string_value",
}


@dataclass
class Widget:
    element_type: str
    widget_id: str
    options: list[str]
    default: int
    query_param_key: str


@dataclass
class RunResult:
    status: int | None = None
    exceptions: int = 0
    messages: int = 0
    page_hash: str = ""
    widgets: list[Widget] = field(default_factory=list)


@dataclass
class Stats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    connects: int = 0
    outages: list[dict] = field(default_factory=list)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def _widget_of(element) -> Widget | None:
    kind = element.WhichOneof("type")
    if kind not in VALUE_FIELDS:
        return None
    el = getattr(element, kind)
    if kind == "button_group":
        options = [o.content for o in el.options]
        default = el.default[0] if el.default else 0
    elif kind == "multiselect":
        options = list(el.options)
        default = el.default[0] if el.default else 0
    else:
        options = list(el.options)
        default = el.default if el.HasField("default") else 0
    return Widget(kind, el.id, options, default, el.query_param_key)


def widget_matches(w: Widget, name: str) -> bool:
    """A widget is named by its key (the id ends with '-key') or its query parameter."""
    return w.widget_id.endswith(f"-{name}") or w.query_param_key == name


async def read_run(ws) -> RunResult:
    """Read ForwardMsgs until script_finished; collect widgets, exceptions and the page hash."""
    res = RunResult()
    while True:
        raw = await ws.recv()
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        res.messages += 1
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                res.exceptions += 1
            w = _widget_of(element)
            if w is not None:
                res.widgets.append(w)
        elif kind == "navigation":
            res.page_hash = msg.navigation.page_script_hash
        elif kind == "new_session" and not res.page_hash:
            res.page_hash = msg.new_session.page_script_hash
        elif kind == "script_finished":
            res.status = msg.script_finished
            return res


def rerun_msg(
    base_query: list[tuple[str, str]],
    page_name: str,
    page_hash: str,
    widget: Widget | None = None,
    option: int | None = None,
) -> bytes:
    back = BackMsg()
    cs = back.rerun_script
    query = list(base_query)
    if widget is not None and option is not None:
        value = widget.options[option]
        if widget.query_param_key:
            query = [(k, v) for k, v in query if k != widget.query_param_key]
            if option != widget.default:  # bound widgets keep defaults out of the URL
                query.append((widget.query_param_key, value))
        ws_ = cs.widget_states.widgets.add()
        ws_.id = widget.widget_id
        target = getattr(ws_, VALUE_FIELDS[widget.element_type])
        if VALUE_FIELDS[widget.element_type] == "string_array_value":
            target.data.append(value)
        else:
            ws_.string_value = value
    cs.query_string = urlencode(query)
    if page_hash:
        cs.page_script_hash = page_hash
    else:
        cs.page_name = page_name
    cs.context_info.timezone = "Europe/Amsterdam"
    cs.context_info.locale = "nl-NL"
    return back.SerializeToString()


def http_get(url: str, jar: dict[str, str]) -> None:
    """GET like a browser: send the cookie jar, keep what Set-Cookie gives back."""
    headers = {"Cookie": cookie_header(jar)} if jar else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
        r.read()
        update_jar(jar, r.headers.get_all("Set-Cookie") or [])


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def update_jar(jar: dict[str, str], set_cookies: list[str]) -> None:
    for value in set_cookies:
        c = SimpleCookie()
        c.load(value)
        jar.update({k: m.value for k, m in c.items()})


class Session:
    def __init__(self, url: str, widget: str, stats: Stats, source_ip: str | None = None):
        parts = urlsplit(url)
        base = parts.path.rsplit("/", 1)[0]
        self.page_url = url
        self.health_url = f"http://{parts.netloc}{base}/_stcore/health"
        self.ws_url = f"ws://{parts.netloc}{base}/_stcore/stream"
        self.page_name = parts.path.rsplit("/", 1)[-1]
        self.query = parse_qsl(parts.query)
        self.widget_name = widget
        self.stats = stats
        self.source_ip = source_ip
        self.ws = None
        self.widget: Widget | None = None
        self.page_hash = ""
        self.option = 0
        self.cookies: dict[str, str] = {}
        self.loaded = False  # the page itself was fetched (first visit)
        self.outage: dict | None = None

    async def connect(self) -> None:
        """(Re)open the session: page or health GET, websocket, a full run with our value."""
        url = self.health_url if self.loaded else self.page_url
        await asyncio.to_thread(http_get, url, self.cookies)
        self.loaded = True
        kwargs = {"local_addr": (self.source_ip, 0)} if self.source_ip else {}
        if self.cookies:
            kwargs["additional_headers"] = {"Cookie": cookie_header(self.cookies)}
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=RERUN_TIMEOUT,
            **kwargs,
        )
        self.stats.connects += 1
        update_jar(self.cookies, self.ws.response.headers.get_all("Set-Cookie"))
        if self.widget is None:
            msg = rerun_msg(self.query, self.page_name, "")
        else:  # a reconnect: the frontend reruns the page with the widget states it holds
            msg = rerun_msg(self.query, self.page_name, "", self.widget, self.option)
        await self.ws.send(msg)
        res = await asyncio.wait_for(read_run(self.ws), RERUN_TIMEOUT)
        self.page_hash = res.page_hash
        found = [w for w in res.widgets if widget_matches(w, self.widget_name)]
        if not found:
            raise LookupError(f"widget {self.widget_name!r} not found on {self.page_name!r}")
        if self.widget is None:
            self.option = found[0].default
        self.widget = found[0]
        if res.exceptions or res.status not in OK_STATUSES:
            raise LookupError(f"first run failed (status {res.status})")
        self.recovered()

    def failed(self) -> None:
        """An error: starts an outage, or counts one more inside the current one."""
        if self.outage is None:
            self.outage = {"t_drop": time.time(), "errors": 0, "recover_s": None}
        self.outage["errors"] += 1

    def recovered(self) -> None:
        if self.outage is not None:
            self.outage["recover_s"] = round(time.time() - self.outage["t_drop"], 3)
            self.stats.outages.append(self.outage)
            self.outage = None

    async def rerun(self) -> None:
        assert self.widget is not None
        self.option = (self.option + 1) % len(self.widget.options)
        t0 = time.perf_counter()
        await self.ws.send(
            rerun_msg(self.query, self.page_name, self.page_hash, self.widget, self.option)
        )
        res = await asyncio.wait_for(read_run(self.ws), RERUN_TIMEOUT)
        ms = (time.perf_counter() - t0) * 1000
        if res.exceptions:
            self.stats.error("exception element")
            self.failed()
        elif res.status not in OK_STATUSES:
            self.stats.error(f"script status {res.status}")
            self.failed()
        else:
            self.stats.latencies_ms.append(ms)
            self.recovered()

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(*RECOVERABLE):
                await self.ws.close()
        if self.outage is not None:  # never recovered within the window
            self.stats.outages.append(self.outage)
            self.outage = None


async def run_session(session: Session, deadline: float, pace: float, jitter: float) -> None:
    stats = session.stats
    if pace > 0:  # spread the first changes over one pace interval
        await asyncio.sleep(random.uniform(0, pace))
    backoff = RECONNECT_MIN_S
    while time.perf_counter() < deadline:
        try:
            if session.ws is None:
                await session.connect()
                backoff = RECONNECT_MIN_S
            if pace > 0:
                await asyncio.sleep(pace * random.uniform(1 - jitter, 1 + jitter))
                if time.perf_counter() >= deadline:
                    break
            await session.rerun()
        except RECOVERABLE as exc:
            stats.error("timeout" if isinstance(exc, TimeoutError) else type(exc).__name__)
            session.failed()
            ws, session.ws = session.ws, None
            if ws is not None:
                with contextlib.suppress(*RECOVERABLE):
                    await ws.close()
            await asyncio.sleep(backoff)  # the frontend's reconnect back-off
            backoff = min(2 * backoff, RECONNECT_MAX_S)
    await session.close()


async def probe_loop(url: str, widget: str, every: float, deadline: float, out: list) -> None:
    """A new visitor every `every` s: connect, one change, close. Records each attempt."""
    while time.perf_counter() < deadline:
        s = Session(url, widget, Stats())
        t, t0 = time.time(), time.perf_counter()
        rec: dict = {"t": round(t, 3), "ok": False}
        try:
            await s.connect()
            await s.rerun()
            rec["ok"] = not s.stats.errors
            rec["error"] = next(iter(s.stats.errors), None)
        except RECOVERABLE as exc:
            rec["error"] = "timeout" if isinstance(exc, TimeoutError) else type(exc).__name__
        rec["ms"] = round((time.perf_counter() - t0) * 1000, 1)
        out.append(rec)
        s.outage = None
        await s.close()
        await asyncio.sleep(every)


async def connect_all(sessions: list[Session], parallel: int = 5) -> None:
    """Open every session (its first full script run) before the timed window starts."""
    gate = asyncio.Semaphore(parallel)

    async def one(s: Session) -> None:
        async with gate:
            try:
                await s.connect()
            except RECOVERABLE as exc:
                s.stats.error(f"connect {type(exc).__name__}")
                s.failed()
                s.ws = None  # run_session reconnects

    await asyncio.gather(*(one(s) for s in sessions))


async def run_load(
    url: str,
    widget: str,
    sessions: int,
    duration: float,
    pace: float,
    jitter: float = 0.5,
    source_ips: bool = False,
    on_ready=None,
    probe_every: float = 0,
) -> dict:
    """Connect `sessions` sessions, then change the widget for `duration` seconds."""
    stats = Stats()
    # ip_hash in nginx hashes the first three octets: one /24 per session
    pool = [
        Session(url, widget, stats, f"127.0.{i % 250 + 1}.1" if source_ips else None)
        for i in range(sessions)
    ]
    t_connect = time.perf_counter()
    await connect_all(pool)
    connect_s = time.perf_counter() - t_connect
    if on_ready is not None:
        on_ready()
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0, t0_epoch = time.perf_counter(), time.time()
    deadline = t0 + duration
    probes: list[dict] = []
    tasks = [run_session(s, deadline, pace, jitter) for s in pool]
    if probe_every > 0:
        tasks.append(probe_loop(url, widget, probe_every, deadline, probes))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return {
        "url": url,
        "widget": widget,
        "sessions": sessions,
        "connect_s": round(connect_s, 2),
        "duration_s": round(elapsed, 2),
        "pace_s": pace,
        "jitter": jitter,
        "reruns": len(stats.latencies_ms),
        "reruns_per_s": round(len(stats.latencies_ms) / elapsed, 2),
        "errors": sum(stats.errors.values()),
        "error_kinds": stats.errors,
        "connects": stats.connects,
        "t0_epoch": round(t0_epoch, 3),
        "outages": stats.outages,
        "probes": probes,
        "latencies_ms": [round(x, 2) for x in stats.latencies_ms],
        "client_cpu_s": round(client_cpu, 2),
    }


def _announce_ready() -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("url", help="page url, e.g. http://127.0.0.1:8520/instroom")
    ap.add_argument("--widget", required=True, help="widget key or query parameter name")
    ap.add_argument("--sessions", type=int, default=25)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--pace", type=float, default=2.0, help="seconds between changes; 0 = flat out")
    ap.add_argument("--jitter", type=float, default=0.5)
    ap.add_argument("--source-ips", action="store_true", help="one 127.0.x.1 per session")
    ap.add_argument("--probe-every", type=float, default=0, help="a new session every S s")
    ap.add_argument(
        "--json",
        help="write the result here (default: stdout); then 'ready' is printed when "
        "all sessions are connected and the timed window starts",
    )
    args = ap.parse_args(argv)
    result = asyncio.run(
        run_load(
            args.url,
            args.widget,
            args.sessions,
            args.duration,
            args.pace,
            args.jitter,
            args.source_ips,
            on_ready=_announce_ready if args.json else None,
            probe_every=args.probe_every,
        )
    )
    text = json.dumps(result)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:  # noqa: PTH123
            fh.write(text)
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
