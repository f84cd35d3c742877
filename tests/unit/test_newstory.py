"""`medialit new-story` and `medialit check-story`: a teacher's own pages become a story, and every problem is listed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from kit_testing import HOSTILE

from medialit import load_story
from medialit.__main__ import main
from medialit.checkup import check_story_folder
from medialit.newstory import html_to_text, new_story
from medialit.story import StoryError, bundled_story_folder

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Flood hits town - Daily Star</title>
<meta property="og:site_name" content="Daily Star"><meta name="author" content="Jo Bloggs">
<link rel="canonical" href="https://www.dailystar.example/news/flood"><script>track()</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Flood hits <em>town</em></h1><p>By Jo Bloggs</p>
<p>Heavy rain flooded the town centre on Tuesday, the council said, closing <a href="/x">twenty shops</a>.</p>
<footer>Privacy Policy</footer></body></html>"""


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "saved pages"
    folder.mkdir()
    (folder / "daily-star.html").write_bytes(PAGE)
    (folder / "002_gazette.txt").write_text("Gazette headline\n\nThe council said twenty shops closed on Tuesday.\n")
    return folder


def test_html_and_txt_pages_become_numbered_reports(source, tmp_path):
    story = new_story(source, tmp_path / "story", title="Town flood", date="2024-05-01")
    assert [r.filename for r in story.reports] == ["001_daily-star.txt", "002_gazette.txt"]
    assert (story.title, story.date, story.id) == ("Town flood", "2024-05-01", "town-flood")


def test_a_web_page_keeps_its_furniture_and_loses_its_scripts(source, tmp_path):
    text = new_story(source, tmp_path / "story").report("001").raw_text
    assert "Home News" in text and "Privacy Policy" in text and "Flood hits town" in text
    assert "track()" not in text and "<em>" not in text
    assert "closing twenty shops." in text  # inline links stay inside their sentence


def test_txt_reports_are_copied_byte_for_byte(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    assert story.report("002").raw_text == (source / "002_gazette.txt").read_text()


def test_publisher_clues_come_from_the_page_metadata(source, tmp_path):
    clues = new_story(source, tmp_path / "story").report("001").publisher_clues
    assert "The page's hidden code names the site: 'Daily Star'." in clues
    assert any("www.dailystar.example" in clue for clue in clues)
    assert any("Jo Bloggs" in clue for clue in clues)


def test_the_storys_description_for_students_says_in_plain_words_what_it_was_made_from(source, tmp_path):
    about = new_story(source, tmp_path / "story").metadata["about"]
    assert about == "Made by your teacher from 1 saved web page and 1 text file."


def test_the_storys_description_names_no_command_and_no_folder(tmp_path):
    folder = tmp_path / "my-pages"
    folder.mkdir()
    for name in ("a.html", "b.htm", "c.xhtml"):
        (folder / name).write_bytes(PAGE)
    about = new_story(folder, tmp_path / "story").metadata["about"]
    assert about == "Made by your teacher from 3 saved web pages."
    assert "`" not in about and "medialit" not in about and "my-pages" not in about


def test_a_txt_report_gets_a_blank_answer_key(source, tmp_path):
    new_story(source, tmp_path / "story")
    assert json.loads((tmp_path / "story" / "answer_key.json").read_text())["002"] == []


def test_a_web_page_gets_a_proposed_key_for_every_paragraph(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    key = json.loads((story.folder / "answer_key.json").read_text())["001"]
    assert [entry["line"] for entry in key] == [block.line for block in story.report("001").helper_blocks]
    assert story.key_proposed and "001" in story.disagreements


def test_where_the_two_methods_disagree_the_note_for_the_teacher_says_how_and_the_students_why_does_not(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    entries = {entry["line"]: entry for entry in json.loads((story.folder / "answer_key.json").read_text())["001"]}
    disputed = [entries[line] for line in story.disagreements["001"]]
    assert disputed and all("trafilatura" in entry.get("note", "") for entry in disputed)
    assert not any("trafilatura" in entry["why"] for entry in entries.values())


ARTICLE_PAGE = """<html><head><title>Flood - Daily Star</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Flood closes twenty shops in the town centre</h1>
<p>Heavy rain flooded the town centre on Tuesday, the council said, closing twenty shops and two schools.</p>
<p>The river rose by two metres overnight, and fire crews pumped water out of the high street until noon.</p>
<p>"We have never seen water this high in October," said Ann Lee, who runs a bakery on the corner.</p>
<p>The council will meet on Friday to decide how to help the shop owners pay for the repairs.</p></article>
<footer><p>Privacy Policy</p><p>Copyright 2024 Daily Star. All rights reserved.</p></footer></body></html>"""


def test_the_proposed_key_decides_the_body_of_a_web_page(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.html").write_text(ARTICLE_PAGE)
    report = new_story(folder, tmp_path / "story").report("001")
    assert report.body_text.startswith("Heavy rain flooded the town centre")
    assert report.body_text.endswith("pay for the repairs.")


def test_an_existing_folder_with_files_is_never_overwritten(source, tmp_path):
    target = tmp_path / "story"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(StoryError, match="already has files"):
        new_story(source, target)
    assert (target / "keep.txt").read_text() == "mine"


def test_a_txt_file_that_is_not_utf8_is_named(source, tmp_path):
    (source / "003_old.txt").write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(StoryError, match="003_old.txt is not UTF-8"):
        new_story(source, tmp_path / "story")


def test_a_page_with_no_text_is_named(source, tmp_path):
    (source / "empty.html").write_bytes(b"<html><body><script>x()</script></body></html>")
    with pytest.raises(StoryError, match="empty.html has no text"):
        new_story(source, tmp_path / "story")


def test_a_missing_source_folder_is_reported(tmp_path):
    with pytest.raises(StoryError, match="does not exist"):
        new_story(tmp_path / "nowhere", tmp_path / "story")


def test_markup_in_a_page_stays_text_in_the_report(tmp_path):
    text, _ = html_to_text(f"<p>{HOSTILE.replace('<', '&lt;')}</p>".encode())
    assert "<img src=x" in text  # escaped markup in the page is text, and is kept as text


def test_check_story_finds_no_problem_in_the_bundled_story():
    assert [f for f in check_story_folder(bundled_story_folder()) if f.kind == "problem"] == []


def test_check_story_notes_reports_without_an_answer_key(source, tmp_path):
    new_story(source, tmp_path / "story")
    notes = [f.text for f in check_story_folder(tmp_path / "story") if f.kind == "note"]
    assert any("Report 002 has no answer key yet" in note for note in notes)
    assert any("answer key for report 001 is proposed" in note for note in notes)


def test_check_story_finds_a_key_that_no_longer_matches_the_text(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    key = {"001": [{"line": 1, "role": "headline", "why": "x"}], "002": []}
    (story.folder / "answer_key.json").write_text(json.dumps(key))
    problems = [f.text for f in check_story_folder(story.folder) if f.kind == "problem"]
    assert any("does not match its paragraphs" in p for p in problems)


def test_check_story_reports_a_malformed_answer_key(source, tmp_path):
    story = new_story(source, tmp_path / "story")
    (story.folder / "answer_key.json").write_text("{not json")
    assert any("answer_key.json" in f.text for f in check_story_folder(story.folder) if f.kind == "problem")


def test_check_story_lists_every_problem_of_a_broken_folder(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "001_a.txt").write_text("")
    (folder / "002_b.txt").write_bytes(b"\xff")
    problems = check_story_folder(folder)
    assert len(problems) == 2 and all(p.kind == "problem" for p in problems)


def test_cli_check_story_exits_1_with_each_problem_and_its_fix(tmp_path, capsys):
    assert main(["check-story", str(tmp_path / "absent")]) == 1
    assert "✗ The story folder" in capsys.readouterr().out


def test_cli_new_story_then_check_story(source, tmp_path, capsys):
    assert main(["new-story", str(source), str(tmp_path / "story"), "--title", "Flood"]) == 0
    assert "Made the story 'Flood' with 2 reports" in capsys.readouterr().out
    assert main(["check-story", str(tmp_path / "story")]) == 0
    assert load_story(tmp_path / "story").title == "Flood"


def test_cli_check_story_counts_the_notes_it_printed_under_no_problems(source, tmp_path, capsys):
    main(["new-story", str(source), str(tmp_path / "story")])
    capsys.readouterr()
    assert main(["check-story", str(tmp_path / "story")]) == 0
    out = capsys.readouterr().out.splitlines()
    notes = sum(line.startswith("• ") for line in out)
    assert notes >= 1  # a new story's proposed answer key is always a note
    assert out[-1].endswith(f": 2 reports: no problems; {notes} {'note' if notes == 1 else 'notes'} above.")


def test_cli_check_story_without_notes_says_only_no_problems(capsys):
    assert main(["check-story", str(bundled_story_folder())]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 5 reports: no problems.")


def test_cli_new_story_failure_goes_to_stderr_with_exit_1(tmp_path, capsys):
    assert main(["new-story", str(tmp_path / "none"), str(tmp_path / "story")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_python_dash_m_medialit_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "medialit", "check-story", str(bundled_story_folder())],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "no problems" in result.stdout


def test_console_script_is_installed():
    import shutil

    script = shutil.which("medialit", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script, "pip install should put a `medialit` command next to python"


def test_check_story_reports_a_malformed_synonyms_section(tmp_path):
    import shutil

    folder = tmp_path / "story"
    shutil.copytree(bundled_story_folder(), folder)
    data = json.loads((folder / "reference_quotes.json").read_text())
    data["synonyms"] = "not an object"
    (folder / "reference_quotes.json").write_text(json.dumps(data))
    problems = [f.text for f in check_story_folder(folder) if f.kind == "problem"]
    assert problems and any("reference_quotes.json" in p for p in problems)


# --- careless and hostile input (issue 15 rows 1, 2, 3, 11, 12, 14, 15) ----------------------------


def pages(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_non_latin_titles_give_distinct_story_ids(source, tmp_path):
    ids = {new_story(source, tmp_path / title, title=title).id for title in ("Урожай", "انتخابات القاهرة", "Газа")}
    assert len(ids) == 3 and new_story(source, tmp_path / "m", title="Выборы в Москве 2024").id != "2024"


def test_an_undeclared_utf8_page_keeps_its_curly_quotes(tmp_path):
    folder = pages(tmp_path / "src", {"a.html": "<h1>Mayor “warns” of floods</h1><p>Text.</p>".encode("utf-8")})
    assert "Mayor “warns”" in new_story(folder, tmp_path / "s").reports[0].raw_text


def test_an_undeclared_cyrillic_page_is_detected_and_noted(tmp_path):
    prose = "<p>Мэр города предупредил жителей о наводнении в понедельник вечером, сообщили в администрации.</p>"
    folder = pages(tmp_path / "src", {"a.html": ("<h1>Мэр предупреждает</h1>" + prose * 5).encode("cp1251")})
    story = new_story(folder, tmp_path / "s")
    assert "Мэр предупреждает" in story.reports[0].raw_text
    assert any("were read as" in note for note in story.notes)


def test_a_page_declared_utf8_but_really_cp1251_is_not_garbled(tmp_path):
    html = ('<meta charset="utf-8"><h1>Выборы в Москве</h1>' + "<p>Жители голосовали весь день в понедельник.</p>" * 5)
    folder = pages(tmp_path / "src", {"a.html": html.encode("cp1251")})
    text = new_story(folder, tmp_path / "s").reports[0].raw_text
    assert "Выборы в Москве" in text and "\ufffd" not in text


def test_text_nested_past_libxml2s_depth_limit_is_kept(tmp_path):
    html = "<html><body>" + "<div>" * 400 + "<p>Deep words.</p>" + "</div>" * 400 + "<p>Later words.</p></body></html>"
    folder = pages(tmp_path / "src", {"a.html": html.encode()})
    text = new_story(folder, tmp_path / "s").reports[0].raw_text
    assert "Deep words." in text and "Later words." in text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, bytes(range(256)) * 40])
def test_binary_data_named_html_is_refused_as_not_a_web_page(tmp_path, data):
    folder = pages(tmp_path / "src", {"photo.html": data})
    with pytest.raises(StoryError, match="photo.html is not a web page"):
        new_story(folder, tmp_path / "s")
    assert not (tmp_path / "s").exists()


def test_a_source_link_leading_outside_the_folder_is_skipped_with_a_note(source, tmp_path):
    (source / "passwd.txt").symlink_to("/etc/passwd")
    story = new_story(source, tmp_path / "story")
    assert "passwd.txt" not in [r.filename for r in story.reports] and any("passwd.txt" in n for n in story.notes)


def test_more_source_files_than_ids_are_refused_up_front_and_nothing_is_written(tmp_path):
    folder = pages(tmp_path / "src", {f"p{n}.txt": b"Headline\n" for n in range(1000)})
    with pytest.raises(StoryError, match="more than the 999 reports"):
        new_story(folder, tmp_path / "s")
    assert not (tmp_path / "s").exists()


def test_a_target_that_is_a_file_is_refused(source, tmp_path):
    (tmp_path / "existing.html").write_text("x")
    with pytest.raises(StoryError, match="is a file"):
        new_story(source, tmp_path / "existing.html")


def test_a_failed_write_leaves_nothing_behind(source, tmp_path, monkeypatch):
    def full_disk(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(StoryError, match="free space"):
        new_story(source, tmp_path / "story")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved pages"]


def test_cli_new_story_on_bad_input_exits_1_with_a_plain_message(tmp_path, capsys):
    folder = pages(tmp_path / "src", {"photo.html": b"\x89PNG\r\n\x1a\n"})
    assert main(["new-story", str(folder), str(tmp_path / "s")]) == 1
    assert "photo.html is not a web page" in capsys.readouterr().err


def test_new_story_on_web_pages_reaches_no_network(tmp_path, offline_env):
    import os

    folder = pages(tmp_path / "src", {"a.html": ARTICLE_PAGE.encode(), "b.html": PAGE})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.environ["PYTHONPATH"], *sys.path])}
    result = subprocess.run([sys.executable, "-m", "medialit", "new-story", str(folder), str(tmp_path / "s")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert not offline_env.exists(), f"new-story tried to reach the network: {offline_env.read_text()}"


def test_an_unreadable_source_file_is_named(source, tmp_path, monkeypatch):
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.suffix == ".html":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoryError, match="daily-star.html cannot be read"):
        new_story(source, tmp_path / "story")


def test_a_read_only_parent_folder_is_a_plain_message(source, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(StoryError, match="Cannot write into"):
        new_story(source, tmp_path / "story")


def test_new_story_copies_reference_files_into_the_story(source, tmp_path):
    wire = tmp_path / "Wire story.txt"
    wire.write_text("Wire service, 3 March 2024\nThe council said twenty shops closed.\n")
    story = new_story(source, tmp_path / "story", references=[wire])
    assert [(r.filename, r.source) for r in story.references] == [("wire-story.txt", "Wire service, 3 March 2024")]


def test_a_bad_reference_file_stops_new_story_and_nothing_is_written(source, tmp_path):
    bad = tmp_path / "wire.txt"
    bad.write_text("just one line")
    with pytest.raises(StoryError, match="wire.txt needs two parts"):
        new_story(source, tmp_path / "story", references=[bad])
    assert not (tmp_path / "story").exists()


def test_cli_new_story_takes_references(source, tmp_path, capsys):
    wire = tmp_path / "wire.txt"
    wire.write_text("Wire service, 3 March 2024\nThe council said twenty shops closed.\n")
    assert main(["new-story", str(source), str(tmp_path / "story"), "--reference", str(wire)]) == 0
    assert "References: Wire service, 3 March 2024." in capsys.readouterr().out


def test_confirming_the_key_ends_the_proposal(source, tmp_path):
    from medialit.newstory import confirm_answer_key

    story = new_story(source, tmp_path / "story")
    confirm_answer_key(story.folder)
    again = load_story(story.folder)
    assert not again.key_proposed and again.disagreements == {} and again.title == story.title


def test_the_command_line_and_the_api_give_the_same_problems(tmp_path, capsys):
    from medialit.checkup import check_story

    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "000_a.txt").write_text("Headline\n")
    (folder / "story.json").write_text("[" * 100)
    assert main(["check-story", str(folder)]) == 1
    printed = capsys.readouterr().out
    assert check_story(folder) and all(problem in printed for problem in check_story(folder))


def test_a_cyrillic_title_keeps_its_letters_in_the_story_id(source, tmp_path):
    assert new_story(source, tmp_path / "story", title="Газа").id == "газа"


def test_new_story_proposes_lesson_4s_word_groups_from_the_reports(tmp_path):
    from medialit.terms import story_terms

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.html").write_text(ARTICLE_PAGE)
    (folder / "b.txt").write_text("Gazette headline\n\nThe council said the storm closed twenty shops on Tuesday; the "
                                  "river rose by two metres and crews pumped water out of the high street.\n")
    story = new_story(folder, tmp_path / "story")
    text = " ".join(report.raw_text.lower() for report in story.reports)
    groups = json.loads((story.folder / "terms.json").read_text())["groups"]
    assert groups and all(form.lower() in text for g in groups for forms in g["terms"].values() for form in forms[:1])
    assert story_terms(story).groups


def test_cli_reports_an_unforeseen_disk_error_in_one_plain_line(source, tmp_path, capsys, monkeypatch):
    import medialit.__main__ as cli

    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(cli, "new_story", broken)
    assert main(["new-story", str(source), str(tmp_path / "s")]) == 1
    assert "Could not make the story: Input/output error" in capsys.readouterr().err


def test_new_story_reads_a_single_file_web_archive(tmp_path):
    archive = (b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n--b\nContent-Type: text/html\n'
               b"Content-Transfer-Encoding: quoted-printable\n\n<h1>Mayor =E2=80=9Cwarns=E2=80=9D of floods</h1>"
               b"<p>The river rose by two metres.</p>\n--b--\n")
    folder = pages(tmp_path / "src", {"storm.mhtml": archive})
    assert "Mayor “warns” of floods" in new_story(folder, tmp_path / "s").reports[0].raw_text


def test_a_source_folder_we_may_not_open_is_a_plain_message(source, tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(StoryError, match=r"saved pages cannot be read \(Permission denied\)"):
        new_story(source, tmp_path / "story")
