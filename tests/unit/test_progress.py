"""Saved student work: restored on re-run, never half-written, never silently lost, exported per student."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from medialit import progress
from medialit.progress import PROFILE, WORK_ENV, LessonWork, WorkError, all_work, export_work, open_work, save_lesson


def test_a_saved_answer_comes_back_when_the_lesson_is_reopened(tmp_path):
    open_work("01", "story", folder=tmp_path).set("labels", {"000:3": "body"})
    assert open_work("01", "story", folder=tmp_path).get("labels") == {"000:3": "body"}


def test_work_on_different_stories_is_kept_apart(tmp_path):
    open_work("01", "story-a", folder=tmp_path).set("answer", "A")
    assert open_work("01", "story-b", folder=tmp_path).get("answer") is None


def test_default_folder_is_in_the_home_folder_unless_configured(monkeypatch, tmp_path):
    monkeypatch.delenv(WORK_ENV, raising=False)
    assert progress.default_work_folder() == Path.home() / "medialit-work"
    monkeypatch.setenv(WORK_ENV, str(tmp_path))
    open_work("02", "s").set("x", 1)
    assert (tmp_path / "s" / "02.json").exists()


def test_the_file_is_readable_json_naming_lesson_and_story(tmp_path):
    path = save_lesson(LessonWork("03", "story", tmp_path, {"verdict": "fragment"}))
    data = json.loads(path.read_text())
    assert data["format"] == "medialit-work" and data["lesson"] == "03" and data["story"] == "story"
    assert data["answers"] == {"verdict": "fragment"}


def test_an_interrupted_save_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    work = open_work("01", "s", folder=tmp_path)
    work.set("answer", "first")

    def crash(*args, **kwargs):
        raise OSError("disk vanished")

    monkeypatch.setattr(progress.os, "replace", crash)
    with pytest.raises(WorkError, match="Cannot save your work"):
        work.set("answer", "second")
    monkeypatch.undo()
    assert open_work("01", "s", folder=tmp_path).get("answer") == "first"
    assert [p.name for p in work.folder.iterdir()] == ["01.json"], "no temporary file is left behind"


def test_a_save_killed_halfway_never_leaves_a_broken_file(tmp_path):
    # A real process saving large answers over and over is killed at a random moment;
    # the file must always be one complete save, old or new.
    script = textwrap.dedent(
        f"""
        from medialit.progress import open_work
        work = open_work("01", "s", folder={str(tmp_path)!r})
        work.set("n", -1)
        print("ready", flush=True)
        n = 0
        while True:
            work.set("n", n)
            work.set("big", "x" * 3_000_000)
            n += 1
        """
    )
    for delay in (0.05, 0.2, 0.35):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = json.loads((tmp_path / "s" / "01.json").read_text())
        assert isinstance(data["answers"]["n"], int)


def test_a_corrupt_file_is_moved_aside_and_reported(tmp_path):
    work = open_work("01", "s", folder=tmp_path)
    work.set("answer", "precious")
    broken = '{"format": "medialit-work", "answers": {"answer": "prec'
    work.path.write_text(broken)
    reopened = open_work("01", "s", folder=tmp_path)
    assert reopened.answers == {}
    assert "could not be read" in reopened.problem and "broken JSON at line 1" in reopened.problem
    kept = [p for p in work.folder.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == broken
    assert kept[0].name in reopened.problem


def test_a_new_save_after_corruption_does_not_overwrite_the_kept_copy(tmp_path):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_bytes(b"\xff\xfe not json")
    reopened = open_work("01", "s", folder=tmp_path)
    reopened.set("answer", "new")
    kept = [p for p in work.folder.iterdir() if ".unreadable-" in p.name]
    assert kept and kept[0].read_bytes() == b"\xff\xfe not json"
    assert "not UTF-8" in reopened.problem


def test_a_json_file_of_the_wrong_shape_is_treated_as_corrupt(tmp_path):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_text('["a list"]')
    assert "not a medialit work file" in open_work("01", "s", folder=tmp_path).problem


def test_an_answer_that_is_not_plain_data_is_refused_clearly(tmp_path):
    with pytest.raises(WorkError, match="not plain data"):
        open_work("01", "s", folder=tmp_path).set("answer", object())


def test_lesson_names_cannot_escape_the_work_folder(tmp_path):
    work = open_work("../../etc/passwd", "../x", folder=tmp_path)
    work.set("a", 1)
    assert work.path.resolve().is_relative_to(tmp_path.resolve())


def test_all_work_gathers_every_lesson_and_skips_unreadable_files(tmp_path):
    open_work("01", "s", folder=tmp_path).set("a", 1)
    open_work("02", "s", folder=tmp_path).set("b", 2)
    (tmp_path / "s" / "broken.json").write_text("{")
    assert all_work("s", folder=tmp_path) == {"01": {"a": 1}, "02": {"b": 2}}


def test_export_writes_one_file_per_student_with_every_lesson(tmp_path):
    home = tmp_path / "home"
    open_work(PROFILE, "s", folder=home).set("name", "Ada Lovelace")
    open_work("01", "s", folder=home).set("labels", {"000:1": "other"})
    target = export_work("s", tmp_path / "out", folder=home)
    data = json.loads(target.read_text())
    assert target.name == "ada-lovelace.medialit.json"
    assert data["student"] == "Ada Lovelace" and data["lessons"] == {"01": {"labels": {"000:1": "other"}}}


def test_export_without_a_name_asks_for_one(tmp_path):
    with pytest.raises(WorkError, match="Type your name"):
        export_work("s", tmp_path / "out", folder=tmp_path / "home")


def test_export_to_an_unwritable_place_says_so(tmp_path):
    open_work(PROFILE, "s", folder=tmp_path).set("name", "Sam")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WorkError, match="choose a folder"):
        export_work("s", blocker / "sub", folder=tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_saving_into_a_read_only_folder_says_how_to_fix_it(tmp_path):  # pragma: no cover - CI runs as root
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WorkError, match=WORK_ENV):
            open_work("01", "s", folder=tmp_path).set("a", 1)
    finally:
        tmp_path.chmod(0o700)


def test_names_in_any_script_get_their_own_files(tmp_path):
    for name in ("张伟", "李娜"):
        open_work(PROFILE, "s", folder=tmp_path / name).set("name", name)
        export_work("s", tmp_path / "out", folder=tmp_path / name)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["张伟.medialit.json", "李娜.medialit.json"]


def test_work_on_stories_named_in_other_scripts_is_kept_apart(tmp_path):
    open_work("01", "Україна", folder=tmp_path).set("q", "A")
    assert open_work("01", "Сирия", folder=tmp_path).get("q") is None


def test_export_never_replaces_another_students_file(tmp_path):
    for name in ("Sam Lee", "sam-lee"):
        open_work(PROFILE, "s", folder=tmp_path / name).set("name", name)
    export_work("s", tmp_path / "out", folder=tmp_path / "Sam Lee")
    with pytest.raises(WorkError, match="another student's work"):
        export_work("s", tmp_path / "out", folder=tmp_path / "sam-lee")
    assert json.loads((tmp_path / "out" / "sam-lee.medialit.json").read_text())["student"] == "Sam Lee"


def test_a_student_can_export_again_over_their_own_file(tmp_path):
    open_work(PROFILE, "s", folder=tmp_path).set("name", "Ada")
    export_work("s", tmp_path / "out", folder=tmp_path)
    open_work("01", "s", folder=tmp_path).set("a", 2)
    assert json.loads(export_work("s", tmp_path / "out", folder=tmp_path).read_text())["lessons"]["01"] == {"a": 2}


# --- robustness (issue 15, row 16) --------------------------------------------------------------------


def test_two_tabs_on_one_lesson_keep_each_others_answers(tmp_path):
    first_tab, second_tab = open_work("01", "s", folder=tmp_path), open_work("01", "s", folder=tmp_path)
    first_tab.set("q1", "from the first tab")
    second_tab.set("q2", "from the second tab")
    assert open_work("01", "s", folder=tmp_path).answers == {"q1": "from the first tab", "q2": "from the second tab"}


def test_saved_files_follow_the_umask_so_shared_folders_work(tmp_path):
    old = os.umask(0o022)
    try:
        work = open_work("01", "s", folder=tmp_path)
        work.set("a", 1)
        assert work.path.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)


def test_a_corrupt_file_that_cannot_be_moved_aside_is_reported_not_raised(tmp_path, monkeypatch):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_text("{")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "link", refused)
    monkeypatch.setattr(os, "replace", refused)  # a read-only folder refuses both
    reopened = open_work("01", "s", folder=tmp_path)
    assert "cannot be moved aside" in reopened.problem and work.path.read_text() == "{"


def test_a_corrupt_file_on_a_file_system_without_hard_links_is_still_moved_aside(tmp_path, monkeypatch):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_text("{")

    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")  # what a FAT file system says

    monkeypatch.setattr(os, "link", no_links)
    assert "It was kept as" in open_work("01", "s", folder=tmp_path).problem and not work.path.exists()


def test_a_corrupt_file_moved_away_by_another_window_means_a_fresh_start(tmp_path, monkeypatch):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_text("{")

    def gone(*args, **kwargs):
        raise FileNotFoundError(2, "No such file")

    monkeypatch.setattr(os, "link", gone)
    reopened = open_work("01", "s", folder=tmp_path)
    assert reopened.answers == {} and reopened.problem == ""


def test_a_kept_copy_is_never_overwritten_by_a_second_window(tmp_path, monkeypatch):
    import medialit.progress as progress

    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    taken = work.path.with_name("01.json.unreadable-taken")
    taken.write_text("the first window's copy")
    names = iter([taken, work.path.with_name("01.json.unreadable-free")])
    monkeypatch.setattr(progress, "unused_sibling", lambda path, label: next(names))
    work.path.write_text("{")
    assert "unreadable-free" in open_work("01", "s", folder=tmp_path).problem
    assert taken.read_text() == "the first window's copy"


def test_concurrent_opens_of_a_corrupt_file_never_raise_or_lose_a_copy(tmp_path):
    import subprocess
    import sys

    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    script = (
        "import sys; from medialit.progress import open_work\n"
        "for _ in range(40):\n"
        f"    open_work('01', 's', folder={str(tmp_path)!r})\n"
    )
    work.path.write_text("{")
    runs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(2)]
    errors = [run.communicate()[1].decode() for run in runs]
    assert errors == ["", ""]
    kept = [p for p in work.folder.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{"


def test_junk_after_the_saved_data_is_named_as_such(tmp_path):
    work = open_work("01", "s", folder=tmp_path)
    work.path.parent.mkdir(parents=True)
    work.path.write_text('{"format": "medialit-work", "answers": {}} trailing')
    assert "something follows the saved data" in open_work("01", "s", folder=tmp_path).problem


def test_a_work_file_saved_with_a_byte_order_mark_opens(tmp_path):
    work = open_work("01", "s", folder=tmp_path)
    work.set("a", 1)
    work.path.write_text("\ufeff" + work.path.read_text(encoding="utf-8"), encoding="utf-8")
    assert open_work("01", "s", folder=tmp_path).answers == {"a": 1}


# --- export after any lesson (issue 13) ---------------------------------------------------------------


def test_a_later_export_replaces_that_lesson_and_keeps_the_others(tmp_path):
    out = tmp_path / "out"
    first, second = tmp_path / "computer-a", tmp_path / "computer-b"
    for home in (first, second):
        open_work(PROFILE, "s", folder=home).set("name", "Ada")
    open_work("01", "s", folder=first).set("q", "first try")
    open_work("02", "s", folder=first).set("q", "lesson 2")
    export_work("s", out, folder=first)
    open_work("01", "s", folder=second).set("q", "second try")
    lessons = json.loads(export_work("s", out, folder=second).read_text())["lessons"]
    assert lessons == {"01": {"q": "second try"}, "02": {"q": "lesson 2"}}


def test_an_export_of_another_story_is_not_merged_in(tmp_path):
    open_work(PROFILE, "s", folder=tmp_path).set("name", "Ada")
    open_work("01", "s", folder=tmp_path).set("q", "x")
    target = tmp_path / "out" / "ada.medialit.json"
    target.parent.mkdir()
    target.write_text(json.dumps({"student": "Ada", "story": "other", "lessons": {"09": {"q": 1}}}))
    assert json.loads(export_work("s", tmp_path / "out", folder=tmp_path).read_text())["lessons"] == {"01": {"q": "x"}}


def test_a_lesson_file_that_links_outside_the_work_folder_is_not_read_and_says_why(tmp_path):
    work = open_work("01", "s", folder=tmp_path / "home")
    work.path.parent.mkdir(parents=True)
    work.path.symlink_to("/etc/hostname")
    reopened = open_work("01", "s", folder=tmp_path / "home")
    assert "link to a file outside your work folder" in reopened.problem and reopened.answers == {}
    assert Path("/etc/hostname").exists()  # the link was moved aside, its target untouched
