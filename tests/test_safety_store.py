"""Users' data is safe whatever the caller, the file or the disk do (issue 9, kinds 1, 3-6, 8, 9):
no lost update between two writers, no writing where we must not, every OS error a clean
exit 2, no resource exhaustion from a small file, schema and loader agreeing, no hang
without a terminal, no litter from killed saves."""

from __future__ import annotations

import os
import sys

import pytest

from tom_audit.cli.main import main
from tom_audit.store.assessment_store import load_assessment


def _fork_cli(argv: list[str]) -> int:
    """Run `tom-audit ARGV` in a forked child (a real second process, without the cost of
    starting Python); returns the child's pid."""
    pid = os.fork()
    if pid == 0:  # child
        code = 3
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = main(argv)
        finally:
            os._exit(code)
    return pid


def _wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


# -- kind 1: lost updates ---------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_fifty_pairs_of_concurrent_set_runs_lose_no_update(new_file, catalogue):
    """The issue's example: `set a ACC-01 --note one & set a ACC-02 --note two & wait`
    lost one answer in 200 of 200 trials; under the lock, none may be lost."""
    first, second = catalogue.measures[0].id, catalogue.measures[1].id
    for trial in range(50):
        pids = [_fork_cli(["set", str(new_file), first, "--note", f"one {trial}"]),
                _fork_cli(["set", str(new_file), second, "--note", f"two {trial}"])]
        assert [_wait(pid) for pid in pids] == [0, 0]
        measures = load_assessment(new_file).assessment.measures
        assert (measures[first].note, measures[second].note) == (f"one {trial}", f"two {trial}"), trial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_tui_session_and_a_script_writing_at_once_lose_nothing(new_file, catalogue):
    """The TUI's save either lands before the script's (which then reads it under the lock)
    or sees the script's change and refuses (its change-on-disk dialog): never a silent loss."""
    from tom_audit.logic.answers import Edit
    from tom_audit.tui.session import ExternalChange, Session

    first, second = catalogue.measures[2].id, catalogue.measures[3].id
    refused = 0
    for trial in range(50):
        session = Session.open(new_file)
        session.record(first, Edit(note=f"tui {trial}"))
        pid = _fork_cli(["set", str(new_file), second, "--note", f"cli {trial}"])
        try:
            session.save()
            saved = True
        except ExternalChange:
            saved, refused = False, refused + 1
        assert _wait(pid) == 0
        measures = load_assessment(new_file).assessment.measures
        assert measures[second].note == f"cli {trial}"
        if saved:
            assert measures[first].note == f"tui {trial}"
    assert refused < 50  # both orders happen; at least the TUI sometimes wins


def test_a_held_lock_makes_a_writer_refuse_naming_the_holder(new_file, catalogue, capsys, monkeypatch):
    """Bounded wait, then exit 2 with who holds the file; the file is byte-identical."""
    import subprocess

    monkeypatch.setenv("TOM_AUDIT_LOCK_TIMEOUT", "0.3")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from tom_audit.store.lock import assessment_lock\n"
        "with assessment_lock(sys.argv[1]):\n print('held', flush=True); time.sleep(30)\n"), str(new_file)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    try:
        assert holder.stdout.readline().strip() == "held"
        before = new_file.read_bytes()
        assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 2
        err = capsys.readouterr().err
        assert f"Prozess {holder.pid}" in err and "gerade" in err and new_file.name in err
        assert new_file.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    # the OS dropped the lock with its holder: the next writer goes through at once
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0


def test_new_never_clobbers_a_file_created_meanwhile(tmp_path, monkeypatch):
    from tom_audit.problems import InputError
    from tom_audit.store import creating

    path = tmp_path / "a.tom.yaml"
    real_save = creating.save_new_assessment

    def someone_else_first(target, assessment):
        target.write_text("mine\n")  # another program creates the file between check and save
        real_save(target, assessment)

    monkeypatch.setattr(creating, "save_new_assessment", someone_else_first)
    with pytest.raises(InputError):
        creating.create_assessment(path, "tom-art32", "X", "de")
    assert path.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# -- kind 3: writing where it must not -----------------------------------------------------

def _export(new_file, out, *extra) -> int:
    return main(["export", str(new_file), "-o", str(out), *extra])


def test_export_to_dev_null_leaves_the_device_a_device(new_file, capsys):
    """The issue's example: as root, `export -o /dev/null` replaced the device node."""
    import stat

    assert _export(new_file, "/dev/null", "--format", "md") == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_export_into_a_fifo_writes_into_it_and_without_reader_refuses(new_file, tmp_path, capsys):
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _export(new_file, fifo, "--format", "json") == 2  # nobody reads: refused at once, no hang
    assert "Leser" in capsys.readouterr().err
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    import time

    time.sleep(0.2)
    assert _export(new_file, fifo, "--format", "json") == 0
    reader.join(10)
    assert got and got[0].startswith(b"{") and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(new_file, tmp_path, catalogue):
    link = tmp_path / "link.tom.yaml"
    link.symlink_to(new_file)
    assert main(["set", str(link), catalogue.measures[0].id, "--note", "via link"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(new_file)
    assert load_assessment(new_file).assessment.measures[catalogue.measures[0].id].note == "via link"


def test_a_read_only_file_is_refused_even_for_root(new_file, catalogue, capsys):
    new_file.chmod(0o444)
    before = new_file.read_bytes()
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 2
    assert "schreibgeschützt" in capsys.readouterr().err
    assert new_file.read_bytes() == before and oct(new_file.stat().st_mode & 0o777) == "0o444"
    out = new_file.parent / "annex.md"
    out.write_text("old\n")
    out.chmod(0o444)
    assert _export(new_file, out) == 2
    assert out.read_text() == "old\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own files as others")
def test_owner_group_and_mode_are_kept_on_save(new_file, catalogue):
    """A 0600 file of another user stays theirs after a root (sudo) save; a 0660 file keeps its group."""
    os.chown(new_file, 1234, 5678)
    new_file.chmod(0o660)
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0
    info = new_file.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (1234, 5678, 0o660)


def test_mode_is_kept_on_save(new_file, catalogue):
    new_file.chmod(0o640)
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0
    assert new_file.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("target", ["assessment", "backup", "lock", "hardlink_of_backup"])
def test_an_export_never_overwrites_the_assessment_or_its_backup(new_file, catalogue, target, capsys):
    """`-o FILE.bak` overwrote the only backup."""
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0  # makes .bak and .lock
    paths = {"assessment": new_file, "backup": new_file.with_name(new_file.name + ".bak"),
             "lock": new_file.with_name(new_file.name + ".lock")}
    if target == "hardlink_of_backup":
        paths[target] = new_file.with_name("copy.md")
        os.link(paths["backup"], paths[target])
    out = paths[target]
    before = {p: p.read_bytes() for p in paths.values()}
    assert _export(new_file, out, "--format", "md") == 2
    assert "Traceback" not in capsys.readouterr().err
    assert {p: p.read_bytes() for p in paths.values()} == before


# -- kind 4: operating-system errors ---------------------------------------------------------

def test_export_to_a_directory_is_a_clean_error(new_file, tmp_path, capsys):
    """`-o` naming a directory ended in "internal error"."""
    assert _export(new_file, tmp_path) == 2
    err = capsys.readouterr().err
    assert "Ordner" in err and "interner Fehler" not in err


def test_full_disk_is_exit_2_with_the_file_and_what_to_do(new_file, catalogue, capsys, monkeypatch):
    import errno

    import tom_audit.store.atomic as atomic

    before = new_file.read_bytes()
    real_replace = atomic.os.replace

    def full(src, dst):
        if str(src).endswith(".tmp") and not str(dst).endswith(".bak"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", full)
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 2
    err = capsys.readouterr().err
    assert new_file.name in err and "kein Platz" in err and "interner Fehler" not in err
    assert new_file.read_bytes() == before
    assert not [p for p in new_file.parent.iterdir() if p.name.endswith(".tmp")]


def test_writes_failing_with_os_errors_are_exit_2(new_file, catalogue, capsys, monkeypatch):
    import errno

    import tom_audit.store.atomic as atomic

    for code, words in ((errno.EROFS, "nur lesbar"), (errno.EACCES, "Berechtigung"), (errno.EIO, "fehlgeschlagen")):
        def fail(*args, code=code, **kwargs):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
        before = new_file.read_bytes()
        assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 2
        assert main(["export", str(new_file), "-o", str(new_file.parent / "a.xlsx")]) == 2
        err = capsys.readouterr().err
        assert words in err and "interner Fehler" not in err, err
        assert new_file.read_bytes() == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_folder_is_exit_2(new_file, catalogue, capsys):
    new_file.parent.chmod(0o555)
    try:
        assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 2
    finally:
        new_file.parent.chmod(0o755)


def test_a_corrupt_workbook_is_exit_2(new_file, tmp_path, capsys):
    """An XML parse error inside a workbook ended in "internal error"."""
    import zipfile

    book = tmp_path / "review.xlsx"
    assert _export(new_file, book) == 0
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # cut in the middle of the XML
            target.writestr(item, data)
    before = new_file.read_bytes()
    assert main(["import-review", str(new_file), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.xlsx" in err and "interner Fehler" not in err
    assert new_file.read_bytes() == before


# -- kind 5: resource exhaustion ---------------------------------------------------------------

def _bomb(path, size: int = 1_500_000_000) -> None:
    """A small zip that declares one member of `size` bytes of zeros (the issue's 1.5 GB comment)."""
    import zipfile
    import zlib

    chunk = b"\0" * 2**20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        # write a real deflate stream of `size` zeros, cheaply, through the low-level API
        info = zipfile.ZipInfo("xl/comments1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)
    del compressor


def test_a_zip_bomb_is_refused_before_openpyxl_reads_it(new_file, tmp_path, capsys, monkeypatch):
    import time

    bomb = tmp_path / "bomb.xlsx"
    _bomb(bomb, 60_000_000)  # far over the ratio limit; `make bench` times the 1.5 GB one
    assert bomb.stat().st_size < 2_000_000
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl must not see a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    before = new_file.read_bytes()
    start = time.monotonic()
    assert main(["import-review", str(new_file), str(bomb)]) == 2
    assert time.monotonic() - start < 5
    err = capsys.readouterr().err
    assert "bomb.xlsx" in err and "MB" in err
    assert new_file.read_bytes() == before


def test_too_many_rows_in_the_review_sheet_are_refused(new_file, tmp_path, capsys):
    from openpyxl import load_workbook

    book = tmp_path / "review.xlsx"
    assert _export(new_file, book) == 0
    workbook = load_workbook(book)
    from tom_audit.export import review_layout as layout

    sheet = workbook[next(n for n in workbook.sheetnames if n in set(layout.SHEET_TITLES.values()))]
    for row in range(sheet.max_row + 1, sheet.max_row + 2000):
        sheet.cell(row=row, column=2, value="x")
    workbook.save(book)
    assert main(["import-review", str(new_file), str(book)]) == 2
    assert "Zeilen" in capsys.readouterr().err


def test_at_most_fifty_problems_are_printed_then_a_count(capsys):
    from tom_audit.cli.output import report
    from tom_audit.problems import Problem

    report([Problem("f.yaml", "yaml.syntax", {"detail": str(i)}, line=i) for i in range(1, 131)])
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 51 and "80 weitere" in err[-1]


def test_a_deep_yaml_list_is_refused_at_load_with_its_place(new_file, capsys):
    """400-deep flow list passed validate; set then wrote it, and every command died."""
    text = new_file.read_text()
    new_file.write_text(text + "deep: " + "[" * 400 + "]" * 400 + "\n")
    before = new_file.read_bytes()
    line = text.count("\n") + 1
    for argv in (["validate", str(new_file)], ["status", str(new_file)], ["set", str(new_file), "ENT-01", "--note", "x"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{new_file.name}:{line}:" in err and "50 Ebenen" in err, err
    assert new_file.read_bytes() == before


def test_a_file_that_would_not_read_back_is_never_written(new_file, capsys):
    """`set` wrote a 400-deep list in block style that no command could read again."""
    from tom_audit.problems import InputError
    from tom_audit.store import assessment_store

    loaded = load_assessment(new_file)
    before = new_file.read_bytes()
    deep: list = []
    for _ in range(60):
        deep = [deep]
    loaded.assessment.extra["deep"] = deep
    with pytest.raises(InputError) as refused:
        assessment_store.save_assessment(new_file, loaded.assessment)
    assert "too_deep" in str(refused.value.problems[0].params) or "50" in refused.value.problems[0].render("en")
    deep = [0]
    for _ in range(5000):
        deep = [deep]
    loaded.assessment.extra["deep"] = deep
    with pytest.raises(InputError):
        assessment_store.save_assessment(new_file, loaded.assessment)
    assert new_file.read_bytes() == before


# -- kind 6: schema vs loader ------------------------------------------------------------------

@pytest.mark.parametrize("key", ["1", "true", "null", "2.5"])
def test_non_text_keys_in_answers_are_a_clean_error(new_file, key, capsys):
    """`answers: {1: 2}` validated, then crashed `set`."""
    text = new_file.read_text()
    new_file.write_text(text + f"extra:\n  answers: {{{key}: 2}}\n")
    before = new_file.read_bytes()
    for argv in (["validate", str(new_file)], ["set", str(new_file), "ENT-01", "--note", "x"], ["lint", str(new_file)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "keine Zeichenkette" in err and f"{new_file.name}:" in err
    assert new_file.read_bytes() == before


def test_a_measure_id_with_a_trailing_newline_fails_the_pattern(tmp_path, capsys):
    """`^…$` let "ACC-01\\n" through (Python's `$` matches before a final newline)."""
    from tests.conftest import BUNDLED_CATALOGUE
    from tom_audit.store.schema import is_valid, strict_pattern

    import re

    assert strict_pattern("^[A-Z]{3}-[0-9]{2}$") == r"^[A-Z]{3}-[0-9]{2}\Z"
    assert re.search(strict_pattern("^a$"), "a\n") is None
    text = BUNDLED_CATALOGUE.read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(text)
    assert is_valid("catalogue", data)
    data["measures"][0]["id"] += "\n"
    assert not is_valid("catalogue", data)


# -- kind 8: environment -------------------------------------------------------------------------

def test_the_questionnaire_without_a_terminal_exits_at_once(new_file):
    import subprocess

    for argv in ([str(new_file)], ["open", str(new_file)], ["review", str(new_file)]):
        result = subprocess.run([sys.executable, "-m", "tom_audit", *argv], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=30, env={**os.environ, "PYTHONPATH": os.getcwd()})
        assert result.returncode == 2, result.stderr
        assert "Terminal" in result.stderr and "tom-audit set" in result.stderr


def test_an_ascii_stdout_never_crashes(new_file):
    import subprocess

    for encoding in ("ascii", "latin-1"):
        result = subprocess.run([sys.executable, "-m", "tom_audit", "status", str(new_file)], capture_output=True,
                                timeout=30, env={**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": os.getcwd()})
        assert result.returncode == 0, result.stderr
        result = subprocess.run([sys.executable, "-m", "tom_audit", "set", str(new_file), "NOPE-99"], capture_output=True,
                                timeout=30, env={**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": os.getcwd()})
        assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_lang_works_after_the_command_name(new_file, capsys):
    """`tom-audit status --lang en F`, as the README says."""
    assert main(["status", "--lang", "en", str(new_file)]) == 0
    assert "protection need" in capsys.readouterr().out
    assert main(["status", str(new_file), "--lang=en"]) == 0
    assert "protection need" in capsys.readouterr().out
    assert main(["set", str(new_file), "NOPE-99", "--lang", "en"]) == 2
    assert "Fehler" not in capsys.readouterr().err


# -- kind 9: litter ------------------------------------------------------------------------------

def test_stale_temp_files_of_a_killed_save_are_removed_on_the_next_save(new_file, catalogue):
    """200 kills left 182 MB of hidden temp files."""
    dead = subprocess_pid_that_is_gone()
    stale = new_file.with_name(f".{new_file.name}.tom-audit-{dead}-abcd1234.tmp")
    stale.write_bytes(b"x" * 1000)
    alive = new_file.with_name(f".{new_file.name}.tom-audit-{os.getppid()}-abcd1234.tmp")
    alive.write_bytes(b"y")  # a live writer's (not ours to touch)
    other = new_file.with_name(".other.tom.yaml.tom-audit-1-abcd1234.tmp")
    other.write_bytes(b"z")  # another file's
    mine = new_file.with_name("notes.tmp")
    mine.write_bytes(b"u")  # the user's own
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0
    assert not stale.exists() and alive.exists() and other.exists() and mine.exists()


def subprocess_pid_that_is_gone() -> int:
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- hostile files of these kinds through every command that reads an assessment ----------------

def _hostile(folder, good) -> dict:
    """name -> path of an input that must be refused with exit 2 (and never hang)."""
    text = good.read_text(encoding="utf-8")
    files = {}

    def put(name, content):
        files[name] = folder / f"{name}.tom.yaml"
        files[name].write_text(content, encoding="utf-8")

    put("deep_list", text + "deep: " + "[" * 400 + "]" * 400 + "\n")
    put("deep_block", text + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "end: 1\n")
    put("number_key", text + "extra:\n  1: 2\n")
    put("bool_key_in_measures", text.replace("measures: {}", "measures:\n  true:\n    status: \"implemented\"")
        if "measures: {}" in text else text + "more:\n  true: 1\n")
    put("null_key", text + "extra:\n  ~: 2\n")
    fifo = folder / "fifo.tom.yaml"
    os.mkfifo(fifo)
    files["fifo"] = fifo
    (folder / "zero.tom.yaml").symlink_to("/dev/zero")
    files["dev_zero"] = folder / "zero.tom.yaml"
    loop = folder / "loop.tom.yaml"
    loop.symlink_to(loop)
    files["symlink_loop"] = loop
    (folder / "dir.tom.yaml").mkdir()
    files["directory"] = folder / "dir.tom.yaml"
    return files


HOSTILE_COMMANDS = {
    "status": lambda f, g, o: ["status", f],
    "validate": lambda f, g, o: ["validate", f],
    "set": lambda f, g, o: ["set", f, "ENT-01", "--note", "x"],
    "lint": lambda f, g, o: ["lint", f],
    "export_xlsx": lambda f, g, o: ["export", f, "-o", o + ".xlsx"],
    "export_md": lambda f, g, o: ["export", f, "-o", o + ".md"],
    "export_since": lambda f, g, o: ["export", g, "-o", o + ".json", "--since", f],
    "diff_old": lambda f, g, o: ["diff", f, g],
    "diff_new": lambda f, g, o: ["diff", g, f],
    "approve": lambda f, g, o: ["approve", f, "--by", "DSB"],
    "import_review": lambda f, g, o: ["import-review", f, o + ".xlsx"],
    "new_from": lambda f, g, o: ["new", o + ".tom.yaml", "--from", f],
}


def _main_with_timeout(argv: list[str], seconds: float = 30) -> int | None:
    import threading

    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(argv)), daemon=True)
    worker.start()
    worker.join(seconds)
    return result[0] if result else None  # None: it hung


@pytest.mark.parametrize("command", sorted(HOSTILE_COMMANDS))
def test_hostile_files_are_refused_by_every_command(command, new_file, tmp_path, capsys):
    folder = tmp_path / "hostile"
    folder.mkdir()
    out = str(tmp_path / "out")
    for name, path in _hostile(folder, new_file).items():
        regular = path.is_file() and not path.is_symlink()
        before = path.read_bytes() if regular else None
        code = _main_with_timeout(HOSTILE_COMMANDS[command](str(path), str(new_file), out))
        err = capsys.readouterr().err
        assert code == 2, f"{command} {name}: exit {code}\n{err}"
        assert "Traceback" not in err and "interner Fehler" not in err, f"{command} {name}\n{err}"
        assert path.name in err, f"{command} {name}: file not named\n{err}"
        if before is not None:
            assert path.read_bytes() == before, f"{command} {name} changed the file"
        assert not list(tmp_path.glob("out*")), f"{command} {name} left an output"


def test_the_lock_file_is_shared_like_the_file_it_guards(new_file, catalogue):
    """A group sharing a 0660 assessment must share its lock too, or the second user could not save."""
    new_file.chmod(0o660)
    assert main(["set", str(new_file), catalogue.measures[0].id, "--note", "x"]) == 0
    lock = new_file.with_name(new_file.name + ".lock")
    assert lock.stat().st_mode & 0o660 == 0o660 and lock.stat().st_gid == new_file.stat().st_gid


def test_the_issues_answers_example_is_a_clean_error_at_its_line(tmp_path, capsys):
    """`answers: {1: 2}` in a measure validated, then crashed `set`."""
    import shutil

    from tests.conftest import EXAMPLE

    path = tmp_path / "a.tom.yaml"
    shutil.copy(EXAMPLE, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "answers:")
    lines[at] = "    answers: {1: 2}\n"
    while lines[at + 1].startswith("      ") and not lines[at + 1].lstrip().startswith("- "):
        del lines[at + 1]
    path.write_text("".join(lines), encoding="utf-8")
    before = path.read_bytes()
    for argv in (["set", str(path), "ENT-02", "--note", "x"], ["validate", str(path)], ["export", str(path), "-o",
                                                                                     str(tmp_path / "x.md")]):
        assert main(argv) == 2
        assert f"a.tom.yaml:{at + 1}:" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_read_only_recent_list_or_cache_never_stops_work(new_file, tmp_path, monkeypatch, capsys):
    """atomic_write refuses read-only targets; the recent-files list and the catalogue cache,
    which must never stop work, shrug that off."""
    from tom_audit.store import recent

    monkeypatch.setenv("TOM_AUDIT_STATE_DIR", str(tmp_path / "state"))
    recent.remember(new_file)
    recent.recent_file().chmod(0o444)
    recent.remember(tmp_path / "other.tom.yaml")  # refused inside, silently
    cache = tmp_path / "cache"
    monkeypatch.setenv("TOM_AUDIT_CACHE_DIR", str(cache))
    assert main(["status", str(new_file)]) == 0
    for file in cache.rglob("*.json"):
        file.chmod(0o444)
        file.write_bytes(b"{")  # broken and read-only
    assert main(["status", str(new_file)]) == 0


def test_every_writer_goes_through_the_store():
    """Commands change an assessment with update_assessment (locked read-change-write), never
    with a bare save, and write files only through atomic_write: a new command that forgets
    fails here, not in a user's lost update."""
    import re
    from pathlib import Path

    import tom_audit

    root = Path(tom_audit.__file__).parent
    allowed_save = {"store/assessment_store.py", "store/creating.py", "tui/session.py", "tui/app.py"}
    allowed_write = {"store/atomic.py"}
    offenders = []
    for file in root.rglob("*.py"):
        name = file.relative_to(root).as_posix()
        source = file.read_text(encoding="utf-8")
        if re.search(r"\bsave_assessment\(", source) and name not in allowed_save:
            offenders.append(f"{name}: save_assessment (use update_assessment)")
        if re.search(r"\.write_(text|bytes)\(|open\([^)]*['\"][wax]b?['\"]", source) and name not in allowed_write:
            offenders.append(f"{name}: writes a file itself (use store.atomic.atomic_write)")
    assert offenders == []


@pytest.mark.parametrize("argv", [
    ["set", "F", "ENT-01", "--status", "implemented", "--evidence", "https://wiki.example/x", "--valid-until", "2026-01-01\n"],
    ["approve", "F", "--by", "DSB", "--force", "--version", "1.0\n"],
], ids=["valid_until", "version"])
def test_a_trailing_newline_never_gets_past_a_check_into_the_file(argv, new_file, capsys):
    """Python's `$` matched before a final newline: "2026-01-01\\n" passed the date check,
    was saved, and from then on every command refused the file."""
    before = new_file.read_bytes()
    code = main([str(new_file) if a == "F" else a for a in argv])
    assert code in (0, 2)  # refused, or taken without the newline (approve strips the version)
    if code == 2:
        assert new_file.read_bytes() == before
    assert main(["validate", str(new_file)]) == 0, capsys.readouterr().err
