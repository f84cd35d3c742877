"""`make bench-class`: a whole class working through the kit on a real JupyterHub on 127.0.0.1.

    python bench/class_bench.py --students 30 --concurrency 4


Starts JupyterHub (pip's jupyterhub) with configurable-http-proxy (npm, installed in
bench/hub/node_modules by `npm ci` in bench/hub) and the configuration in bench/hub/jupyterhub_config.py:
one shared password, SimpleLocalProcessSpawner, every student's home in a scratch folder. Then each
simulated student, a few at a time, goes through the hub's proxy for everything:

1. logs in at /hub/login with the password (a browser's form post, with the hub's XSRF cookie) and,
   still logged in by cookie, asks the hub for an API token of their own;
2. starts their server (/hub/api/users/<name>/server) and waits until the hub says it is ready;
3. for every lesson notebook (notebooks/, not notebooks/teacher/): reads it from their own server
   (/user/<name>/api/contents), starts a kernel (/user/<name>/api/kernels), and sends its code cells
   one by one as execute_request messages on the kernel's websocket; any error reply, error output or
   kit error message fails that notebook. One more cell saves work as that student
   (`kit.session().work.set("bench", "<name>")`) and reports where it went;
4. shuts the kernels and then the server down.

A student whose request fails without an answer (refused, reset, timed out, a 502/503/504 from the proxy,
a kernel websocket that closes) does what a student does: waits a moment, reloads, and carries on. For
the hub's pages that is the same request again; inside a notebook it is a new websocket to the same
kernel and the failed cell run again (or, if the kernel is gone, a new kernel and the notebook run again
up to that cell). At most RELOADS reloads per step; each one is counted. An error the kit or Python
reports in a cell is never retried: it fails that notebook.

With --think S a student pauses between two cells for a random 0 to 2S seconds (S on average), as if
reading the next instructions; without it every cell follows the last at once, the harshest case.

Every wait is timed: logging in, starting the server, and each cell from the moment its request is sent
until the kernel is idle again (including any reloads). The summary gives p50 and p95 of the cell waits
over the whole class and for the slowest cells, and the JSON line carries them per cell.

Meanwhile every single-user server and its kernels are sampled with psutil for resident memory.
At the end the saved work is checked: each student's lesson files exist in their own home only and
hold their own name, and no student's work is anywhere else. A summary is printed, then, as the last
line, one JSON object: {"students", "completed", "seconds", "peak_mb_per_student", ...}, where seconds
run from starting the hub to the last student's server stopping, and peak_mb_per_student is the largest,
over students, of the peak resident memory (sampled every 0.5 s) of a student's server plus its kernel.
Memory figures are MiB (bytes / 1024 / 1024), whatever the key says. The load average is sampled with
the memory, so a run under other load says so. The exit status is non-zero when a student did not
complete, lost saved work, isolation failed or anything tried to reach the network.

Everything listens on 127.0.0.1; single-user servers and kernels run with tests/support/offline on
PYTHONPATH (no network but loopback) and an empty NLTK_DATA. The hub, the proxy and every server are
stopped on the way out, also on failure, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookies import SimpleCookie
from pathlib import Path

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPRequest, HTTPResponse
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = ROOT / "bench" / "hub"
HUB_CONFIG = HUB_DIR / "jupyterhub_config.py"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
KIT_ERROR_TITLE = "Something needs fixing"  # medialit.widgets.common.message_html

# Bounded waits, in seconds.
HTTP_TIMEOUT = 60
HUB_START_TIMEOUT = 90
SPAWN_TIMEOUT = 180
KERNEL_READY_TIMEOUT = 90
CELL_TIMEOUT = 180
STOP_TIMEOUT = 60
#: How often a student reloads after a request that got no answer, and how long they wait first.
RELOADS = 3
RELOAD_PAUSE = 3.0
#: HTTP answers that mean "the hub or the proxy is overloaded", not "you did something wrong".
BUSY_CODES = (502, 503, 504)


class StudentFailed(Exception):
    """One step of one student went wrong; the message says which and why."""


class NoAnswer(StudentFailed):
    """A request got no useful answer (timed out, refused, 502-504, a closed websocket): worth a reload."""


@dataclass
class Student:
    name: str
    home: Path
    lessons: tuple[str, ...]  # the notebooks this student must run
    notebooks: dict[str, str] = field(default_factory=dict)  # notebook -> "ok" or the problem
    saved: dict[str, str] = field(default_factory=dict)  # lesson stem -> path the kernel saved to
    problems: list[str] = field(default_factory=list)
    peak_mb: float = 0.0
    seconds: float = 0.0
    reloads: int = 0
    think: float = 0.0  # mean seconds a student reads between two cells (0: clicks straight on)
    waits: dict[str, list[float]] = field(default_factory=dict)  # "login", "spawn", "<notebook>#<cell>"

    def waited(self, what: str, seconds: float) -> None:
        self.waits.setdefault(what, []).append(seconds)

    @property
    def ran_everything(self) -> bool:
        return not self.problems and all(self.notebooks.get(n) == "ok" for n in self.lessons)


def lesson_notebooks() -> list[str]:
    """The student notebooks, relative to notebooks/ (the teacher's folder and checkpoints left out)."""
    folder = ROOT / "notebooks"
    paths = [
        p for p in folder.rglob("*.ipynb") if not {"teacher", ".ipynb_checkpoints"} & set(p.relative_to(folder).parts)
    ]
    return sorted(str(p.relative_to(folder)) for p in paths)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- the hub and its processes -----------------------------------------------------------------


class Hub:
    """A JupyterHub process (and, through it, the proxy and every student's server) on loopback."""

    def __init__(self, scratch: Path, password: str, extensions: str | None = None) -> None:
        self.scratch = scratch
        self.password = password
        self.extensions = extensions
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.ready_at: float | None = None  # time.monotonic() when the hub first answered
        self.log_path = scratch / "jupyterhub.log"
        self.network_log = scratch / "network-attempts-hub.log"
        self._log = None

    def start(self) -> None:
        nltk = self.scratch / "empty-nltk-data"
        nltk.mkdir(parents=True, exist_ok=True)
        env = {key: value for key, value in os.environ.items() if not key.startswith(("MEDIALIT_", "JUPYTER"))}
        env.update(
            MEDIALIT_HUB_SCRATCH=str(self.scratch),
            MEDIALIT_HUB_PORT=str(self.port),
            MEDIALIT_HUB_API_PORT=str(free_port()),
            MEDIALIT_PROXY_API_PORT=str(free_port()),
            MEDIALIT_HUB_PASSWORD=self.password,
            MEDIALIT_HUB_NLTK_DATA=str(nltk),
            CONFIGPROXY_AUTH_TOKEN=secrets.token_hex(32),
            # The hub itself is held to the same rule: loopback only, attempts logged.
            PYTHONPATH=str(ROOT / "tests" / "support" / "offline"),
            MEDIALIT_NETWORK_LOG=str(self.network_log),
        )
        if self.extensions:
            env["MEDIALIT_HUB_EXTENSIONS"] = str(Path(self.extensions).resolve())
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)],
            cwd=self.scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the bench, which then stops the hub in order
        )

    async def wait_ready(self, http: "Browser") -> None:
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while True:
            try:
                response = await http.fetch("/hub/api/", timeout=5)
                if response.code == 200:
                    self.ready_at = time.monotonic()
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}; see {self.log_path}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub did not answer within {HUB_START_TIMEOUT} s; see {self.log_path}")
            await asyncio.sleep(0.3)

    def stop(self, watch: "Watch | None") -> list[str]:
        """Stop the hub (which stops the proxy and the servers), then anything it left behind."""
        leftovers: list[str] = []
        if self.process is None:
            return leftovers
        if watch is not None:
            watch.sample()  # remember processes started since the last sample
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                leftovers.append("JupyterHub did not stop within a minute; killed")
                _kill_group(self.process.pid)
                self.process.wait(timeout=10)
        # Servers run in their own sessions (the spawner does that), so check every process we saw.
        survivors = [p for p in (watch.known() if watch else []) if _alive(p)]
        for process in survivors:
            leftovers.append(f"process {process.pid} ({' '.join(_cmdline(process)[:2])}) outlived the hub")
            _terminate(process)
        psutil.wait_procs(survivors, timeout=10)
        for process in survivors:
            if _alive(process):
                process.kill()
        if self._log:
            self._log.close()
        return leftovers


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _terminate(process: psutil.Process) -> None:
    try:
        process.terminate()
    except psutil.Error:
        pass


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return ["?"]


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class Watch:
    """Samples, every ``interval`` seconds, the resident memory of each student's server plus its kernels.

    A student's server is a child of the hub whose environment names the student (JUPYTERHUB_USER);
    its kernels are that server's descendants. Every process seen under the hub is remembered so that
    nothing is left running at the end.
    """

    def __init__(self, hub_pid: int, interval: float = 0.5) -> None:
        self.hub = psutil.Process(hub_pid)
        self.interval = interval
        self.peak_mb: dict[str, float] = {}
        self.hub_peak_mb = 0.0  # the hub and the proxy together
        self.load_max = os.getloadavg()[0]  # the 1-minute load average, highest seen
        self._known: dict[tuple[int, float], psutil.Process] = {}
        self._owner: dict[tuple[int, float], str | None] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-watch", daemon=True)

    def __enter__(self) -> "Watch":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def known(self) -> list[psutil.Process]:
        with self._lock:
            return list(self._known.values())

    def sample(self) -> None:
        self.load_max = max(self.load_max, os.getloadavg()[0])
        try:
            children = self.hub.children()
        except psutil.Error:
            return
        with self._lock:
            infrastructure = _rss(self.hub)
            for child in children:
                key = _key(child)
                if key is None:
                    continue
                self._known.setdefault(key, child)
                if key not in self._owner:
                    self._owner[key] = _student_of(child)
                owner = self._owner[key]
                family = [child] + _descendants(child)
                for process in family[1:]:
                    process_key = _key(process)
                    if process_key is not None:
                        self._known.setdefault(process_key, process)
                total = sum(_rss(p) for p in family)
                if owner is None:  # the proxy (and anything else that is not a student's)
                    infrastructure += total
                else:
                    self.peak_mb[owner] = max(self.peak_mb.get(owner, 0.0), total)
            self.hub_peak_mb = max(self.hub_peak_mb, infrastructure)


def _key(process: psutil.Process) -> tuple[int, float] | None:
    try:
        return process.pid, process.create_time()
    except psutil.Error:
        return None


def _descendants(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _student_of(process: psutil.Process) -> str | None:
    try:
        return process.environ().get("JUPYTERHUB_USER")
    except psutil.Error:
        return None


def _rss(process: psutil.Process) -> float:
    try:
        return process.memory_info().rss / 1024 / 1024
    except psutil.Error:
        return 0.0


# --- one simulated student -------------------------------------------------------------------------


class Browser:
    """HTTP through the hub's public URL (the proxy), with cookies kept like a browser keeps them."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}
        self.client = AsyncHTTPClient()

    async def fetch(self, path: str, method: str = "GET", body: bytes | str | None = None,
                    headers: dict[str, str] | None = None, timeout: float = HTTP_TIMEOUT) -> HTTPResponse:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is None and method in ("POST", "PUT", "PATCH"):
            body = b""
        request = HTTPRequest(
            self.base + path, method=method, body=body, headers=headers, follow_redirects=False,
            connect_timeout=timeout, request_timeout=timeout,
        )
        response = await self.client.fetch(request, raise_error=False)
        if response.code == 599:  # no HTTP answer at all: refused, reset or timed out
            raise OSError(f"{method} {path}: {response.error}")
        for header in response.headers.get_list("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response


def _check(response: HTTPResponse, step: str, *codes: int) -> HTTPResponse:
    if response.code not in codes:
        text = (response.body or b"").decode("utf-8", "replace")[:300]
        problem = NoAnswer if response.code in BUSY_CODES else StudentFailed
        raise problem(f"{step}: HTTP {response.code} {text}")
    return response


async def reloading(student: Student, what: str, step):
    """Run ``step()`` (a coroutine function); on no answer, wait, reload (run it again) and carry on.

    Returns what the step returns; after RELOADS reloads the last failure stands.
    """
    for attempt in range(RELOADS + 1):
        try:
            return await step()
        except (NoAnswer, OSError, asyncio.TimeoutError) as error:
            if attempt == RELOADS:
                raise NoAnswer(f"{what}: still no answer after {RELOADS} reloads ({error or type(error).__name__})") from None
            student.reloads += 1
            await asyncio.sleep(RELOAD_PAUSE)


class Kernel:
    """A kernel's websocket (jupyter_server's JSON protocol), used the way JupyterLab uses it."""

    def __init__(self, connection, session: str, username: str) -> None:
        self.connection = connection
        self.session = session
        self.username = username

    def _message(self, msg_type: str, content: dict, channel: str = "shell") -> dict:
        return {
            "header": {
                "msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": self.session,
                "username": self.username, "version": "5.3", "date": datetime.now(timezone.utc).isoformat(),
            },
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
        }

    async def _receive(self, deadline: float) -> dict:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise asyncio.TimeoutError
        frame = await asyncio.wait_for(self.connection.read_message(), remaining)
        if frame is None:
            raise NoAnswer("the kernel's websocket closed")
        return _decode(frame)

    async def wait_ready(self) -> None:
        request = self._message("kernel_info_request", {})
        await self.connection.write_message(json.dumps(request))
        deadline = time.monotonic() + KERNEL_READY_TIMEOUT
        try:
            while True:
                message = await self._receive(deadline)
                if message.get("msg_type") == "kernel_info_reply" and _parent(message) == request["header"]["msg_id"]:
                    return
        except asyncio.TimeoutError:
            raise NoAnswer(f"the kernel did not answer within {KERNEL_READY_TIMEOUT} s") from None

    async def execute(self, code: str) -> str:
        """Run one cell; return its text output; raise StudentFailed on an error of any kind."""
        request = self._message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True,
        })
        msg_id = request["header"]["msg_id"]
        await self.connection.write_message(json.dumps(request))
        deadline = time.monotonic() + CELL_TIMEOUT
        reply, idle, text, problem = None, False, [], None
        try:
            while reply is None or not idle:
                message = await self._receive(deadline)
                if _parent(message) != msg_id:
                    continue
                kind, content = message.get("msg_type"), message.get("content", {})
                if kind == "execute_reply":
                    reply = content
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
                elif kind == "error":
                    problem = problem or f"{content.get('ename')}: {content.get('evalue')}"
                elif kind == "stream":
                    text.append(content.get("text", ""))
                    if "Traceback" in content.get("text", ""):
                        problem = problem or "a traceback was printed"
                elif kind in ("display_data", "execute_result", "update_display_data"):
                    data = content.get("data", {})
                    if KIT_ERROR_TITLE in str(data.get("text/html", "")):
                        problem = problem or f"the kit showed an error message: {str(data['text/html'])[:200]}"
                    text.append(str(data.get("text/plain", "")))
        except asyncio.TimeoutError:
            raise NoAnswer(f"a cell did not finish within {CELL_TIMEOUT} s: {code[:80]!r}") from None
        if reply.get("status") != "ok":
            problem = problem or f"{reply.get('ename')}: {reply.get('evalue')}"
        if problem:
            raise StudentFailed(f"cell {code[:60]!r} failed: {problem}")
        return "".join(text)


def _parent(message: dict) -> str | None:
    return (message.get("parent_header") or {}).get("msg_id")


def _decode(frame: str | bytes) -> dict:
    if isinstance(frame, str):
        return json.loads(frame)
    # A message with binary buffers (widgets send some): offsets first, then the JSON message.
    count = struct.unpack("!I", frame[:4])[0]
    offsets = struct.unpack(f"!{count}I", frame[4:4 + 4 * count])
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0]:end].decode("utf-8"))


def save_cell(name: str) -> str:
    """The extra cell: save work as this student and say where it went and what the kernel saw."""
    report = (
        '{"path": str(kit.session().work.path), "home": __import__("os").path.expanduser("~"), '
        '"MEDIALIT_WORK": __import__("os").environ.get("MEDIALIT_WORK")}'
    )
    return f'kit.session().work.set("bench", {name!r})\nprint("BENCH-SAVED", __import__("json").dumps({report}))'


async def run_student(student: Student, hub_url: str, password: str, notebooks: list[str]) -> None:
    started = time.monotonic()
    browser = Browser(hub_url)
    name = student.name
    token = ""
    try:
        # 1. Log in with the form, as a browser does, then ask for an API token as the logged-in student.
        async def log_in() -> str:
            _check(await browser.fetch("/hub/login"), "opening the login page", 200)
            form = urllib.parse.urlencode({"username": name, "password": password,
                                           "_xsrf": browser.cookies.get("_xsrf", "")})
            response = await browser.fetch("/hub/login?next=", "POST", form,
                                           {"Content-Type": "application/x-www-form-urlencoded"})
            _check(response, "logging in", 302)
            if not any(cookie.startswith("jupyterhub-hub-login") for cookie in browser.cookies):
                raise StudentFailed("logging in: the hub set no login cookie (wrong password?)")
            response = _check(await browser.fetch(
                f"/hub/api/users/{name}/tokens", "POST", json.dumps({"note": "class bench", "expires_in": 3600}),
                # Logging in renewed the XSRF cookie; a cookie-authenticated API call must echo it.
                {"X-XSRFToken": browser.cookies.get("_xsrf", ""), "Content-Type": "application/json"}),
                "asking the hub for a token", 200, 201)
            return json.loads(response.body)["token"]

        clock = time.monotonic()
        token = await reloading(student, "logging in", log_in)
        student.waited("login", time.monotonic() - clock)
        api = {"Authorization": f"token {token}", "Content-Type": "application/json"}

        # 2. Start the server and wait until the hub says it is ready (a failed start: press Start again).
        clock = time.monotonic()
        await reloading(student, "starting the server", lambda: start_server(browser, student, api))
        student.waited("spawn", time.monotonic() - clock)

        # 3. Every lesson notebook, through the proxy, from the student's own copy.
        for notebook in notebooks:
            try:
                await run_notebook(browser, student, notebook, api)
                student.notebooks[notebook] = "ok"
            except (StudentFailed, OSError, KeyError, ValueError) as error:
                student.notebooks[notebook] = str(error) or type(error).__name__
    except (StudentFailed, OSError, KeyError, ValueError) as error:
        student.problems.append(str(error) or type(error).__name__)
    finally:
        # 4. Stop the server (its kernels are already shut down) and say goodbye.
        if token:
            try:
                await reloading(student, "stopping the server",
                                lambda: stop_server(browser, name, {"Authorization": f"token {token}"}))
            except (StudentFailed, OSError) as error:
                student.problems.append(f"stopping the server: {error}")
        student.seconds = time.monotonic() - started


async def start_server(browser: Browser, student: Student, api: dict[str, str]) -> None:
    """Ask for the server (again, after a reload: "already running" is then fine) and wait until it is ready."""
    name = student.name
    response = await browser.fetch(f"/hub/api/users/{name}/server", "POST", "{}", api)
    _check(response, "starting the server", 201, 202, 400)
    if response.code == 400 and b"already" not in (response.body or b""):
        _check(response, "starting the server", 201, 202)
    asked = time.monotonic()
    deadline = asked + SPAWN_TIMEOUT
    while True:
        model = json.loads(_check(await browser.fetch(f"/hub/api/users/{name}", headers=api),
                                  "asking whether the server is ready", 200).body)
        server = (model.get("servers") or {}).get("", {})
        if server.get("ready"):
            return
        if not server.get("pending") and time.monotonic() > asked + 5:
            raise NoAnswer(f"the server stopped while starting: {model.get('servers')}")
        if time.monotonic() > deadline:
            raise NoAnswer(f"the server did not start within {SPAWN_TIMEOUT} s")
        await asyncio.sleep(0.5)


async def run_notebook(browser: Browser, student: Student, notebook: str, api: dict[str, str]) -> None:
    """Open the notebook, run its code cells in order, then save work as this student and check where it went.

    A reload keeps the kernel when it is still there (the student runs the failed cell again); a kernel
    that is gone means a new one and the notebook again from the top, up to where the student was.
    """
    name = student.name
    quoted = urllib.parse.quote(notebook)

    async def read() -> list[str]:
        model = json.loads(_check(await browser.fetch(f"/user/{name}/api/contents/{quoted}?content=1", headers=api),
                                  f"reading {notebook} from the student's server", 200).body)
        cells = [cell for cell in model["content"]["cells"] if cell["cell_type"] == "code"]
        return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]

    sources = [source for source in await reloading(student, f"opening {notebook}", read) if source.strip()]
    sources.append(save_cell(name))
    folder = str(Path(notebook).parent) if Path(notebook).parent != Path(".") else ""

    async def new_kernel() -> str:
        kernel = json.loads(_check(await browser.fetch(
            f"/user/{name}/api/kernels", "POST", json.dumps({"name": "python3", "path": folder}), api),
            "starting a kernel", 201).body)
        return f"/user/{name}/api/kernels/{kernel['id']}"

    kernel_url = await reloading(student, "starting a kernel", new_kernel)
    runner: Kernel | None = None
    done = 0  # cells finished in the current kernel
    output = ""
    reloads = 0
    clock: float | None = None  # when the student first ran the current cell (a reload does not reset it)
    try:
        while done < len(sources):
            try:
                if runner is None:
                    runner = await connect(browser, kernel_url, name, api)
                clock = clock or time.monotonic()
                output = await runner.execute(sources[done])
                student.waited(f"{notebook}#{done + 1}", time.monotonic() - clock)
                clock = None
                done += 1
                if student.think and done < len(sources):
                    await asyncio.sleep(random.uniform(0, 2 * student.think))  # reading the next instructions
            except (NoAnswer, OSError, asyncio.TimeoutError) as error:
                # The page stopped answering: wait, reload (a new websocket), and carry on.
                reloads += 1
                if reloads > RELOADS:
                    raise NoAnswer(f"{notebook}: still no answer after {RELOADS} reloads ({error})") from None
                student.reloads += 1
                if runner is not None:
                    runner.connection.close()
                    runner = None
                await asyncio.sleep(RELOAD_PAUSE)
                alive = await browser.fetch(kernel_url, headers=api)
                if alive.code == 404:  # the kernel died: a new one, and the notebook again from the top
                    kernel_url = await reloading(student, "starting a kernel", new_kernel)
                    done = 0
        line = next((l for l in output.splitlines() if l.startswith("BENCH-SAVED ")), None)
        if line is None:
            raise StudentFailed(f"the save cell printed nothing: {output[:200]!r}")
        report = json.loads(line.split(" ", 1)[1])
        if report["home"] != str(student.home):
            raise StudentFailed(f"the kernel's home is {report['home']}, not {student.home}")
        if report["MEDIALIT_WORK"] is not None:
            raise StudentFailed(f"MEDIALIT_WORK reached the student's kernel: {report['MEDIALIT_WORK']}")
        student.saved[Path(notebook).stem] = report["path"]
    finally:
        if runner is not None:
            runner.connection.close()
        try:
            response = await reloading(student, "shutting the kernel down",
                                       lambda: browser.fetch(kernel_url, "DELETE", headers=api))
            _check(response, "shutting the kernel down", 204, 404)
        except (NoAnswer, OSError) as error:
            student.problems.append(f"{notebook}: shutting the kernel down: {error}")


async def connect(browser: Browser, kernel_url: str, name: str, api: dict[str, str]) -> Kernel:
    """A websocket to the kernel, as JupyterLab opens one when the notebook page loads."""
    session = uuid.uuid4().hex
    ws_url = browser.base.replace("http://", "ws://", 1) + f"{kernel_url}/channels?session_id={session}"
    try:
        connection = await asyncio.wait_for(
            websocket_connect(HTTPRequest(ws_url, headers=api, connect_timeout=HTTP_TIMEOUT),
                              max_message_size=64 * 1024 * 1024),
            HTTP_TIMEOUT,
        )
    except Exception as error:  # noqa: BLE001 - tornado raises HTTPClientError, OSError, StreamClosedError ...
        raise NoAnswer(f"opening the kernel's websocket: {error or type(error).__name__}") from None
    runner = Kernel(connection, session, name)
    await runner.wait_ready()
    return runner


async def stop_server(browser: Browser, name: str, api: dict[str, str]) -> None:
    _check(await browser.fetch(f"/hub/api/users/{name}/server", "DELETE", headers=api),
           "stopping the server", 202, 204, 400)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        model = json.loads(_check(await browser.fetch(f"/hub/api/users/{name}", headers=api),
                                  "asking whether the server stopped", 200).body)
        if not (model.get("servers") or {}):
            return
        await asyncio.sleep(0.5)
    raise StudentFailed(f"the server did not stop within {STOP_TIMEOUT} s")


# --- checking the saved work --------------------------------------------------------------------


def check_work(students: list[Student], homes: Path, story_id: str, lessons: list[str]) -> list[str]:
    """Problems with where work was saved; also marks students whose own work is wrong."""
    problems: list[str] = []
    names = {s.name for s in students}
    for student in students:
        work = student.home / "medialit-work"
        for lesson in lessons:
            reported = student.saved.get(lesson)
            if reported is None:
                continue  # that notebook failed and is already counted
            # A notebook may keep its work under another lesson name (the transfer task keeps a before and an
            # after) or another story; it must be a lesson file in one of the student's own story folders.
            expected = Path(reported)
            if expected.parent.parent != work or expected.suffix != ".json":
                expected = work / story_id / f"{lesson}.json"
                student.problems.append(f"{lesson}: the kernel saved to {reported}, not in {work}/<story>/")
            try:
                answers = json.loads(expected.read_text(encoding="utf-8"))["answers"]
            except (OSError, ValueError, KeyError) as error:
                student.problems.append(f"{lesson}: no readable work at {expected} ({error})")
                continue
            if answers.get("bench") != student.name:
                student.problems.append(f"{lesson}: {expected} holds {answers.get('bench')!r}, not {student.name!r}")
    # No file in one student's folder may carry another student's work.
    for path in sorted(homes.glob("*/**/*.json")):
        owner = path.relative_to(homes).parts[0]
        value = _bench_value(path)
        if value is not None and value != owner:
            problems.append(f"{path} is in {owner}'s folder but holds {value!r}'s work")
    # And no student's work anywhere but in their own home: the scratch folder, the real home, MEDIALIT_WORK.
    elsewhere = [homes.parent, Path.home() / "medialit-work"]
    if os.environ.get("MEDIALIT_WORK"):
        elsewhere.append(Path(os.environ["MEDIALIT_WORK"]).expanduser())
    for base in elsewhere:
        if not base.is_dir():
            continue
        for path in base.rglob("*.json"):
            if homes in path.parents:
                continue
            value = _bench_value(path)
            if value in names:
                problems.append(f"{value}'s work landed outside their home: {path}")
    return problems


def _bench_value(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    answers = data.get("answers") if isinstance(data, dict) else None
    return answers.get("bench") if isinstance(answers, dict) else None


# --- the whole class ------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile by nearest rank (q=50: the median of an odd count; q=95 of 20 values: the 19th)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100), at least 1
    return ordered[int(rank) - 1]


def pooled_waits(students: list[Student]) -> dict[str, list[float]]:
    """Every student's waits, pooled by what was waited for (login, spawn, notebook#cell)."""
    pooled: dict[str, list[float]] = {}
    for student in students:
        for what, values in student.waits.items():
            pooled.setdefault(what, []).extend(values)
    return pooled


async def run_class(hub: Hub, students: list[Student], notebooks: list[str], concurrency: int,
                    deadline: float) -> None:
    AsyncHTTPClient.configure(None, max_clients=max(20, 4 * concurrency))
    await hub.wait_ready(Browser(hub.url))
    gate = asyncio.Semaphore(concurrency)

    async def one(student: Student) -> None:
        async with gate:
            print(f"  {student.name}: logging in", flush=True)
            await run_student(student, hub.url, hub.password, notebooks)
            print(f"  {student.name}: {'done' if student.ran_everything else 'FAILED'} in {student.seconds:.0f} s",
                  flush=True)

    tasks = [asyncio.create_task(one(s)) for s in students]
    done, pending = await asyncio.wait(tasks, timeout=max(1.0, deadline - time.monotonic()))
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=STOP_TIMEOUT)
        for student in students:
            if not student.seconds:
                student.problems.append("the class ran out of time (--timeout) before this student finished")
    for task in done:
        if task.exception() is not None:
            raise task.exception()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30, help="how many students log in (default 30)")
    parser.add_argument("--concurrency", type=int, default=4,
                        help="students working at the same moment (default 4, for a 2-core machine)")
    parser.add_argument("--timeout", type=float, default=1800, help="give up after this many seconds (default 1800)")
    parser.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="only these lesson notebooks (paths under notebooks/); default: every one")
    parser.add_argument("--think", type=float, default=0.0, metavar="SECONDS",
                        help="mean pause between two cells, as a student reads (default 0: no pause)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (homes, hub log) afterwards")
    parser.add_argument("--extensions", metavar="FOLDER",
                        help="also load the server extensions a real hub has (nbgitpuller, jupyter-resource-usage), "
                             "installed in FOLDER with `pip install --no-deps --target FOLDER ...`")
    args = parser.parse_args(argv)
    if args.students < 1 or args.concurrency < 1 or args.think < 0:
        parser.error("--students and --concurrency must be at least 1, --think at least 0")
    if args.extensions and not all((Path(args.extensions) / name).is_dir()
                                   for name in ("nbgitpuller", "jupyter_resource_usage")):
        parser.error(f"--extensions {args.extensions}: nbgitpuller and jupyter_resource_usage are not installed "
                     f"there (pip install --no-deps --target {args.extensions} nbgitpuller jupyter-resource-usage)")

    if not PROXY.exists():
        print(f"configurable-http-proxy is not installed in {HUB_DIR / 'node_modules'}: "
              f"run `npm ci` in {HUB_DIR} (make bench-class does it).", file=sys.stderr)
        return 2
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        print("jupyterhub is not installed: `pip install -e '.[test]'` (make bench-class does it).", file=sys.stderr)
        return 2
    notebooks = lesson_notebooks()
    if args.notebooks:
        unknown = sorted(set(args.notebooks) - set(notebooks))
        if unknown:
            parser.error(f"not lesson notebooks under notebooks/: {', '.join(unknown)} (choose from {', '.join(notebooks)})")
        notebooks = [n for n in notebooks if n in args.notebooks]
    if not notebooks:
        print(f"No lesson notebooks in {ROOT / 'notebooks'}.", file=sys.stderr)
        return 2
    os.environ.pop("MEDIALIT_STORY", None)
    from medialit.story import load_story

    story_id = load_story().id
    lessons = [Path(n).stem for n in notebooks]

    def interrupted(signum, frame):  # SIGTERM cleans up like Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    scratch = Path(tempfile.mkdtemp(prefix="medialit-class-"))
    tag = secrets.token_hex(2)
    students = [Student(f"student{i:02d}-{tag}", scratch / "homes" / f"student{i:02d}-{tag}", tuple(notebooks),
                        think=args.think)
                for i in range(1, args.students + 1)]
    hub = Hub(scratch, password=secrets.token_urlsafe(12), extensions=args.extensions)
    print(f"A class of {args.students} on JupyterHub at {hub.url} ({len(notebooks)} notebook(s): "
          f"{', '.join(notebooks)}; {args.concurrency} students at a time; scratch {scratch})", flush=True)
    load_at_start = os.getloadavg()[0]
    started = time.monotonic()
    watch: Watch | None = None
    leftovers: list[str] = []
    fatal = ""
    finished = started
    try:
        hub.start()
        watch = Watch(hub.process.pid)
        with watch:
            asyncio.run(run_class(hub, students, notebooks, args.concurrency, started + args.timeout))
            finished = time.monotonic()
    except KeyboardInterrupt:
        fatal = "interrupted"
        finished = time.monotonic()
    except Exception as error:  # noqa: BLE001 - still clean up and print the JSON line
        fatal = f"{type(error).__name__}: {error}"
        finished = time.monotonic()
    finally:
        # A second Ctrl-C or SIGTERM must not cut the clean-up short.
        previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
        leftovers = hub.stop(watch)
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    isolation = check_work(students, scratch / "homes", story_id, lessons)
    for student in students:
        student.peak_mb = watch.peak_mb.get(student.name, 0.0) if watch else 0.0
        log = scratch / f"network-attempts-{student.name}.log"
        if log.exists():
            student.problems.append(f"tried to reach the network: {log.read_text()[:200]}")
    hub_network = hub.network_log.read_text()[:300] if hub.network_log.exists() else ""
    completed = [s for s in students if s.ran_everything]
    peaks = [s.peak_mb for s in students if s.peak_mb]
    seconds = finished - started
    # Saved work lost: a notebook the student finished whose work file is missing or holds someone else's.
    lost = sorted({s.name for s in students for p in s.problems if "no readable work" in p or " holds " in p})
    waits = pooled_waits(students)
    cells = {what: values for what, values in waits.items() if "#" in what}
    every_cell = [value for values in cells.values() for value in values]
    reloads = sum(s.reloads for s in students)

    print()
    load_max = watch.load_max if watch else os.getloadavg()[0]
    print(f"JupyterHub {__import__('jupyterhub').__version__}, configurable-http-proxy, "
          f"{os.cpu_count()} cores; load average {load_at_start:.1f} at the start, {load_max:.1f} at most, "
          f"{os.getloadavg()[0]:.1f} at the end")
    ready = hub.ready_at
    print(f"Hub ready after {(ready or finished) - started:.1f} s; the class took {seconds:.0f} s "
          f"({args.students} students x {len(notebooks)} notebook(s), {args.concurrency} at a time)")
    if peaks:
        print(f"Peak memory per student (server + kernel): max {max(peaks):.0f} MiB, "
              f"median {statistics.median(peaks):.0f} MiB; hub + proxy peak {watch.hub_peak_mb:.0f} MiB")
    if every_cell:
        print(f"Waits per cell (request sent -> kernel idle, reloads included), {len(every_cell)} cells run: "
              f"p50 {percentile(every_cell, 50):.2f} s, p95 {percentile(every_cell, 95):.2f} s, "
              f"max {max(every_cell):.1f} s")
        slowest = sorted(cells, key=lambda what: percentile(cells[what], 95), reverse=True)[:6]
        for what in slowest:
            print(f"  {what}: p50 {percentile(cells[what], 50):.2f} s, p95 {percentile(cells[what], 95):.2f} s")
    for what in ("login", "spawn"):
        if waits.get(what):
            print(f"Waits to {'log in' if what == 'login' else 'start a server'}: "
                  f"p50 {percentile(waits[what], 50):.1f} s, p95 {percentile(waits[what], 95):.1f} s")
    print(f"Reloads (a request with no answer, tried again as a student would): {reloads}")
    print(f"Completed: {len(completed)} of {args.students}")
    print("Saved work: " + ("no student lost any" if not lost else f"LOST for {', '.join(lost)}"))
    for student in students:
        if not student.ran_everything:
            bad = [f"{nb}: {student.notebooks.get(nb, 'not run')}" for nb in notebooks
                   if student.notebooks.get(nb) != "ok"] + student.problems
            more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
            print(f"  {student.name}: {bad[0][:300]}{more}")
    print("Isolation: " + ("every student's work is in their own home only" if not isolation else "FAILED"))
    for problem in isolation[:20]:
        print(f"  {problem}")
    print("Network: " + (f"JupyterHub tried to reach {hub_network!r}" if hub_network else
                         "nothing but 127.0.0.1 (hub, servers and kernels behind the offline guard)"))
    for line in leftovers:
        print(f"  clean-up: {line}")
    if fatal:
        print(f"Stopped early: {fatal} (hub log: {hub.log_path})")
    if args.keep or fatal or hub_network or isolation or len(completed) < args.students:
        print(f"Kept {scratch} (homes, hub log) for a look.")
    else:
        shutil.rmtree(scratch, ignore_errors=True)

    result = {
        "students": args.students,
        "completed": len(completed),
        "seconds": round(seconds, 1),
        "peak_mb_per_student": round(max(peaks), 1) if peaks else None,
        "median_peak_mb_per_student": round(statistics.median(peaks), 1) if peaks else None,
        "hub_and_proxy_peak_mb": round(watch.hub_peak_mb, 1) if watch else None,
        "hub_start_seconds": round(ready - started, 1) if ready else None,
        "notebooks": len(notebooks),
        "concurrency": args.concurrency,
        "extensions": bool(args.extensions),
        "think_seconds": args.think,
        "cores": os.cpu_count(),
        "load_average_start": round(load_at_start, 1),
        "load_average_max": round(load_max, 1),
        "reloads": reloads,
        "work_lost": len(lost),
        "cell_wait_p50_s": round(percentile(every_cell, 50), 2) if every_cell else None,
        "cell_wait_p95_s": round(percentile(every_cell, 95), 2) if every_cell else None,
        "cell_wait_max_s": round(max(every_cell), 2) if every_cell else None,
        "login_wait_p95_s": round(percentile(waits["login"], 95), 1) if waits.get("login") else None,
        "spawn_wait_p50_s": round(percentile(waits["spawn"], 50), 1) if waits.get("spawn") else None,
        "spawn_wait_p95_s": round(percentile(waits["spawn"], 95), 1) if waits.get("spawn") else None,
        "cell_waits": {what: [round(percentile(v, 50), 2), round(percentile(v, 95), 2)] for what, v in cells.items()},
        "isolation_ok": not isolation,
        "network_ok": not hub_network and not any("tried to reach the network" in p for s in students for p in s.problems),
        "leftover_processes": len([line for line in leftovers if "outlived" in line]),
        "error": fatal or None,
        "scratch": str(scratch),
    }
    print(json.dumps(result), flush=True)
    ok = len(completed) == args.students and not lost and not isolation and not fatal and result["network_ok"]
    return 0 if ok else 1


#: The figures `lines()` holds a small class to (the sizing in docs/jupyterhub.md rests on them).
LINE_TARGETS = {"cell_wait_p95_s": 5.0, "peak_mb_per_student": 470.0, "hub_and_proxy_peak_mb": 250.0}


def lines(students: int = 3) -> list[str]:
    """A small class, all at once, for `make bench`: the printed figures with their targets.

    Runs this bench as a script (its own hub, proxy and servers, stopped afterwards) and reads its
    JSON line; a missing proxy or jupyterhub gives one line saying so instead of figures.
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--students", str(students),
               "--concurrency", str(students), "--timeout", "900"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    if not last.startswith("{"):
        return [f"Class on JupyterHub: not measured ({(done.stderr or done.stdout).strip()[:200]})"]
    result = json.loads(last)
    ok = result["completed"] == students and not result["work_lost"]
    out = [f"Class on JupyterHub, {students} students at once on {result['cores']} cores (load average "
           f"{result['load_average_start']} -> {result['load_average_max']}): {result['completed']} of {students} "
           f"completed, {result['work_lost']} lost work, {result['reloads']} reloads "
           f"({'ok' if ok else 'FAILED'}; target: all, none lost)"]
    for key, label in (("cell_wait_p95_s", "cell wait p95, s"), ("peak_mb_per_student", "peak MiB per student"),
                       ("hub_and_proxy_peak_mb", "hub + proxy peak MiB")):
        value, target = result.get(key), LINE_TARGETS[key]
        verdict = "ok" if value is not None and value <= target else "OVER"
        out.append(f"  {label}: {value} (target <= {target:g}: {verdict})")
    return out


if __name__ == "__main__":
    sys.exit(main())
