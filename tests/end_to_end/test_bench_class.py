"""A class on JupyterHub: bench/class_bench.py logs students in, runs every lesson and keeps their work apart.

The slow test starts a real JupyterHub on 127.0.0.1 (pip's jupyterhub, npm's configurable-http-proxy
from bench/hub) with three students. The fast tests check the bench's own judgement on hand-made
input: that a failing cell or a misplaced file really counts as a failure.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from kit_testing import ROOT

BENCH = ROOT / "bench" / "class_bench.py"
HUB_DIR = ROOT / "bench" / "hub"


def load_bench():
    spec = importlib.util.spec_from_file_location("class_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["class_bench"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def skip_or_fail(reason: str) -> None:
    """Missing tools skip the test on a developer's machine, but fail CI (which must have them)."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def ensure_proxy() -> None:
    if bench.PROXY.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        skip_or_fail("npm is not installed, so configurable-http-proxy cannot be (Debian: apt-get install npm)")
    try:
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HUB_DIR, capture_output=True,
                                text=True, timeout=300)
    except subprocess.TimeoutExpired:
        skip_or_fail("`npm ci` in bench/hub did not finish in 5 minutes")
    if result.returncode != 0 or not bench.PROXY.exists():
        skip_or_fail(f"`npm ci` in bench/hub could not install configurable-http-proxy: {result.stderr[-600:]}")


def ensure_jupyterhub() -> None:
    if importlib.util.find_spec("jupyterhub") is None:
        skip_or_fail("jupyterhub is not installed: `pip install -e '.[test]'`")


# --- the whole class, for real ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def class_of_three(tmp_path_factory):
    """Run the bench with three students; MEDIALIT_WORK is set here and must not reach the students."""
    ensure_jupyterhub()
    ensure_proxy()
    stray = tmp_path_factory.mktemp("not-for-students")
    env = {**os.environ, "MEDIALIT_WORK": str(stray)}
    process = subprocess.Popen(
        [sys.executable, str(BENCH), "--students", "3", "--timeout", "600"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        output, _ = process.communicate(timeout=720)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)  # the bench stops the hub and every server on SIGTERM
        output, _ = process.communicate(timeout=180)
        pytest.fail(f"the class bench did not finish in 12 minutes:\n{output[-3000:]}")
    lines = output.strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return {"output": output, "result": result, "returncode": process.returncode, "stray": stray}


@pytest.mark.slow
def test_three_students_run_every_lesson_through_the_hub(class_of_three):
    result, output = class_of_three["result"], class_of_three["output"]
    assert result, f"no JSON line at the end:\n{output[-3000:]}"
    assert result["students"] == 3
    assert result["notebooks"] == len(bench.lesson_notebooks())
    assert result["completed"] == 3, output[-3000:]
    assert class_of_three["returncode"] == 0, output[-3000:]


@pytest.mark.slow
def test_three_students_work_stays_in_their_own_homes(class_of_three):
    assert class_of_three["result"].get("isolation_ok") is True, class_of_three["output"][-3000:]


@pytest.mark.slow
def test_medialit_work_of_the_hubs_environment_does_not_reach_students(class_of_three):
    assert class_of_three["result"].get("completed") == 3, class_of_three["output"][-3000:]
    assert list(class_of_three["stray"].iterdir()) == []


@pytest.mark.slow
def test_nothing_in_the_class_reaches_beyond_loopback(class_of_three):
    assert class_of_three["result"].get("network_ok") is True, class_of_three["output"][-3000:]


@pytest.mark.slow
def test_class_bench_reports_memory_and_time_per_student(class_of_three):
    result = class_of_three["result"]
    assert result["seconds"] > 0
    assert 50 < result["peak_mb_per_student"] < 2000
    assert result["median_peak_mb_per_student"] <= result["peak_mb_per_student"]


@pytest.mark.slow
def test_class_bench_leaves_no_process_behind(class_of_three):
    result = class_of_three["result"]
    assert result.get("leftover_processes") == 0, class_of_three["output"][-3000:]
    scratch = result["scratch"]
    survivors = []
    for process in psutil.process_iter(["pid", "cmdline", "cwd"]):
        text = " ".join(process.info["cmdline"] or []) + " " + (process.info["cwd"] or "")
        if scratch in text:
            survivors.append((process.info["pid"], text[:200]))
    assert survivors == []


# --- the bench's judgement, on hand-made input ------------------------------------------------------


class FakeConnection:
    """Stands in for a kernel websocket: answers each request with the given messages."""

    def __init__(self, respond):
        self.respond = respond
        self.queue: list = []

    async def write_message(self, text):
        request = json.loads(text)
        self.queue.extend(self.respond(request))

    async def read_message(self):
        return self.queue.pop(0) if self.queue else None


def reply(request, msg_type, content, channel="iopub"):
    return json.dumps({"msg_type": msg_type, "channel": channel, "content": content,
                       "parent_header": {"msg_id": request["header"]["msg_id"]}})


def run(respond, code="x = 1"):
    kernel = bench.Kernel(FakeConnection(respond), session="s", username="student01")
    return asyncio.run(kernel.execute(code))


def finished(request, status="ok", **extra):
    return [reply(request, "execute_reply", {"status": status, **extra}, "shell"),
            reply(request, "status", {"execution_state": "idle"})]


def test_a_cell_that_prints_returns_its_text():
    text = run(lambda r: [reply(r, "stream", {"name": "stdout", "text": "hello\n"})] + finished(r))
    assert text == "hello\n"


def test_a_cell_with_an_error_reply_fails_the_notebook():
    with pytest.raises(bench.StudentFailed, match="NameError: name 'kit' is not defined"):
        run(lambda r: finished(r, "error", ename="NameError", evalue="name 'kit' is not defined"))


def test_a_cell_that_shows_the_kits_error_message_fails_the_notebook():
    message = {"data": {"text/html": "<div><b>⚠ Something needs fixing</b><br>story.json is broken</div>"}}
    with pytest.raises(bench.StudentFailed, match="the kit showed an error message"):
        run(lambda r: [reply(r, "display_data", message)] + finished(r))


def test_messages_for_other_requests_are_not_mistaken_for_this_cells_reply():
    other = {"header": {"msg_id": "someone-else"}}
    text = run(lambda r: finished(other, "error", ename="X", evalue="not ours")[:1]
               + [reply(r, "stream", {"name": "stdout", "text": "mine"})] + finished(r))
    assert text == "mine"


def test_a_closed_websocket_fails_the_notebook():
    with pytest.raises(bench.StudentFailed, match="websocket closed"):
        run(lambda r: [])


def test_binary_frames_with_buffers_are_read_as_their_json_message():
    import struct

    message = json.dumps({"msg_type": "comm_msg"}).encode()
    buffer = b"\x00\x01\x02"
    offsets = [4 + 4 * 2, 4 + 4 * 2 + len(message)]
    frame = struct.pack("!3I", 2, *offsets) + message + buffer
    assert bench._decode(frame) == {"msg_type": "comm_msg"}


def save_work(home: Path, story: str, lesson: str, owner: str) -> Path:
    path = home / "medialit-work" / story / f"{lesson}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "medialit-work", "answers": {"bench": owner}}))
    return path


def students_in(homes: Path, *names: str):
    result = []
    for name in names:
        student = bench.Student(name, homes / name, ("00-start-here.ipynb",))
        student.notebooks["00-start-here.ipynb"] = "ok"
        student.saved["00-start-here"] = str(homes / name / "medialit-work" / "story" / "00-start-here.json")
        result.append(student)
    return result


def test_work_saved_where_it_belongs_passes_the_isolation_check(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "real-home"))
    homes = tmp_path / "scratch" / "homes"
    students = students_in(homes, "ann", "bob")
    for student in students:
        save_work(student.home, "story", "00-start-here", student.name)
    assert bench.check_work(students, homes, "story", ["00-start-here"]) == []
    assert all(student.ran_everything for student in students)


def test_one_students_work_in_anothers_folder_fails_the_isolation_check(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "real-home"))
    homes = tmp_path / "scratch" / "homes"
    students = students_in(homes, "ann", "bob")
    save_work(homes / "ann", "story", "00-start-here", "ann")
    save_work(homes / "bob", "story", "00-start-here", "ann")  # bob's file holds ann's work
    problems = bench.check_work(students, homes, "story", ["00-start-here"])
    assert any("in bob's folder but holds 'ann'" in p for p in problems)
    assert not students[1].ran_everything


def test_a_students_work_outside_every_home_fails_the_isolation_check(tmp_path, monkeypatch):
    real_home = tmp_path / "real-home"
    monkeypatch.setenv("HOME", str(real_home))
    homes = tmp_path / "scratch" / "homes"
    students = students_in(homes, "ann")
    save_work(homes / "ann", "story", "00-start-here", "ann")
    save_work(real_home, "story", "00-start-here", "ann")  # as if HOME had not been set for the server
    problems = bench.check_work(students, homes, "story", ["00-start-here"])
    assert any("landed outside their home" in p for p in problems)


def test_a_notebook_that_keeps_its_work_under_another_lesson_name_passes(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "real-home"))
    homes = tmp_path / "scratch" / "homes"
    (student,) = students_in(homes, "ann")
    student.saved["00-start-here"] = str(save_work(student.home, "story", "06-transfer-before", "ann"))
    assert bench.check_work([student], homes, "story", ["00-start-here"]) == []
    assert student.ran_everything


def test_work_the_kernel_saved_outside_the_students_story_folders_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "real-home"))
    homes = tmp_path / "scratch" / "homes"
    (student,) = students_in(homes, "ann")
    save_work(student.home, "story", "00-start-here", "ann")
    student.saved["00-start-here"] = str(homes / "ann" / "elsewhere.json")
    bench.check_work([student], homes, "story", ["00-start-here"])
    assert any("not in" in problem for problem in student.problems)


def test_a_student_whose_work_file_is_missing_did_not_complete(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "real-home"))
    homes = tmp_path / "scratch" / "homes"
    students = students_in(homes, "ann")
    bench.check_work(students, homes, "story", ["00-start-here"])
    assert not students[0].ran_everything
    assert "no readable work" in students[0].problems[0]


def test_a_student_who_ran_no_notebook_did_not_complete(tmp_path):
    assert not bench.Student("ann", tmp_path, ("00-start-here.ipynb",)).ran_everything


def test_lesson_notebooks_leave_out_the_teachers_folder(tmp_path, monkeypatch):
    for name in ("00-a.ipynb", "teacher/overview.ipynb", ".ipynb_checkpoints/00-a-checkpoint.ipynb"):
        (tmp_path / "notebooks" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "notebooks" / name).write_text("{}")
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    assert bench.lesson_notebooks() == ["00-a.ipynb"]


def test_hub_config_listens_on_loopback_and_gives_students_only_their_own_settings(tmp_path, monkeypatch):
    pytest.importorskip("jupyterhub", reason="jupyterhub is not installed: `pip install -e '.[test]'`")
    from traitlets.config import Config

    monkeypatch.setenv("MEDIALIT_WORK", "/somewhere/shared")
    for name, value in {"SCRATCH": str(tmp_path), "PORT": "8000", "API_PORT": "8001", "PASSWORD": "a-long-password",
                        "NLTK_DATA": str(tmp_path / "nltk")}.items():
        monkeypatch.setenv(f"MEDIALIT_HUB_{name}", value)
    monkeypatch.setenv("MEDIALIT_PROXY_API_PORT", "8002")
    config = Config()
    source = (HUB_DIR / "jupyterhub_config.py").read_text()
    exec(compile(source, str(HUB_DIR / "jupyterhub_config.py"), "exec"),
         {"get_config": lambda: config, "__file__": str(HUB_DIR / "jupyterhub_config.py")})
    assert config.JupyterHub.ip == config.JupyterHub.hub_ip == config.Spawner.ip == "127.0.0.1"
    assert config.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert not any(key.startswith("MEDIALIT") for key in config.Spawner.env_keep)
    assert "MEDIALIT_WORK" not in config.Spawner.environment
    assert config.Spawner.environment["PYTHONPATH"] == str(ROOT / "tests" / "support" / "offline")
    assert config.SimpleLocalProcessSpawner.home_dir_template == str(tmp_path / "homes" / "{username}")


# --- a student who meets an overloaded hub reloads and carries on -------------------------------------


def test_percentiles_are_by_nearest_rank():
    values = [float(v) for v in range(1, 21)]  # 1 .. 20
    assert bench.percentile(values, 50) == 10.0
    assert bench.percentile(values, 95) == 19.0
    assert bench.percentile([3.0], 95) == 3.0


def test_a_busy_proxy_answer_counts_as_no_answer_but_a_refusal_does_not():
    class Response:
        def __init__(self, code):
            self.code, self.body = code, b"busy"

    with pytest.raises(bench.NoAnswer):
        bench._check(Response(502), "opening the login page", 200)
    with pytest.raises(bench.StudentFailed) as refused:
        bench._check(Response(403), "opening the login page", 200)
    assert not isinstance(refused.value, bench.NoAnswer)


def test_a_step_with_no_answer_is_reloaded_and_the_reloads_are_counted(monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    student = bench.Student("ann", Path("/nowhere"), ())
    answers = [OSError("reset"), bench.NoAnswer("HTTP 502"), "logged in"]

    async def step():
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert asyncio.run(bench.reloading(student, "logging in", step)) == "logged in"
    assert student.reloads == 2


def test_a_student_gives_up_after_the_last_reload(monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    student = bench.Student("ann", Path("/nowhere"), ())

    async def step():
        raise bench.NoAnswer("HTTP 504")

    with pytest.raises(bench.NoAnswer, match=f"after {bench.RELOADS} reloads"):
        asyncio.run(bench.reloading(student, "logging in", step))
    assert student.reloads == bench.RELOADS


def test_an_error_in_a_cell_is_not_reloaded(monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    student = bench.Student("ann", Path("/nowhere"), ())

    async def step():
        raise bench.StudentFailed("NameError: name 'kit' is not defined")

    with pytest.raises(bench.StudentFailed, match="NameError"):
        asyncio.run(bench.reloading(student, "a cell", step))
    assert student.reloads == 0


class FakeServer:
    """A student's server behind the proxy: one notebook with two code cells, kernels by id."""

    def __init__(self, home):
        self.home = home
        self.kernels: set[str] = set()
        self.started = 0
        self.base = "http://127.0.0.1:1"

    async def fetch(self, path, method="GET", body=None, headers=None, timeout=None):
        class Response:
            def __init__(self, code, data=None):
                self.code, self.body = code, json.dumps(data or {}).encode()

        if "/api/contents/" in path:
            cells = [{"cell_type": "code", "source": "a = 1"}, {"cell_type": "code", "source": "b = 2"}]
            return Response(200, {"content": {"cells": cells}})
        if path.endswith("/api/kernels") and method == "POST":
            self.started += 1
            self.kernels.add(f"k{self.started}")
            return Response(201, {"id": f"k{self.started}"})
        kernel = path.rsplit("/", 1)[-1]
        if method == "DELETE":
            self.kernels.discard(kernel)
            return Response(204)
        return Response(200 if kernel in self.kernels else 404)


def fake_kernel(server, plan, ran):
    """connect() stand-in: each connection runs cells until the plan says its websocket closes."""

    async def connect(browser, kernel_url, name, api):
        class Runner:
            connection = type("Connection", (), {"close": lambda self: None})()

            async def execute(self, code):
                if plan and plan[0] == len(ran):
                    plan.pop(0)
                    if "kill" in plan[:1]:
                        plan.pop(0)
                        server.kernels.clear()
                    raise bench.NoAnswer("the kernel's websocket closed")
                ran.append(code)
                if code.startswith("kit.session()"):
                    report = {"path": str(server.home / "medialit-work" / "story" / "00-a.json"),
                              "home": str(server.home), "MEDIALIT_WORK": None}
                    return "BENCH-SAVED " + json.dumps(report)
                return ""

        return Runner()

    return connect


def test_a_closed_websocket_mid_notebook_is_reloaded_and_the_same_kernel_carries_on(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    server, ran = FakeServer(tmp_path), []
    monkeypatch.setattr(bench, "connect", fake_kernel(server, [1], ran))  # closes before the 2nd cell
    student = bench.Student("ann", tmp_path, ("00-a.ipynb",))
    asyncio.run(bench.run_notebook(server, student, "00-a.ipynb", {}))
    assert ran[:2] == ["a = 1", "b = 2"] and len(ran) == 3  # no cell run twice, then the save cell
    assert student.reloads == 1 and server.started == 1
    assert student.saved["00-a"].endswith("00-a.json")
    assert set(student.waits) == {"00-a.ipynb#1", "00-a.ipynb#2", "00-a.ipynb#3"}


def test_a_kernel_lost_in_a_reload_is_replaced_and_the_notebook_run_again_up_to_there(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    server, ran = FakeServer(tmp_path), []
    monkeypatch.setattr(bench, "connect", fake_kernel(server, [1, "kill"], ran))
    student = bench.Student("ann", tmp_path, ("00-a.ipynb",))
    asyncio.run(bench.run_notebook(server, student, "00-a.ipynb", {}))
    assert ran[:3] == ["a = 1", "a = 1", "b = 2"]  # the new kernel needs the first cell again
    assert server.started == 2 and student.reloads == 1
    assert server.kernels == set()  # and the kernel is shut down at the end


def test_a_thinking_student_pauses_between_cells_but_not_after_the_last(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "RELOAD_PAUSE", 0)
    pauses = []
    monkeypatch.setattr(bench.random, "uniform", lambda low, high: pauses.append((low, high)) or 0)
    server, ran = FakeServer(tmp_path), []
    monkeypatch.setattr(bench, "connect", fake_kernel(server, [], ran))
    student = bench.Student("ann", tmp_path, ("00-a.ipynb",), think=2.0)
    asyncio.run(bench.run_notebook(server, student, "00-a.ipynb", {}))
    assert len(ran) == 3 and pauses == [(0, 4.0), (0, 4.0)]
