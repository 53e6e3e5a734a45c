"""`dateline extract` end to end: output, problems on stderr, exit status (loads the model)."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from dateline.cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED, app

pytestmark = pytest.mark.model


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("error: ", "warning: "))]


def test_mixed_directory_reports_each_bad_file_and_exits_3(mixed_inputs):
    result = run(str(mixed_inputs.folder), "--max-bytes", str(mixed_inputs.max_bytes))
    assert result.exit_code == EXIT_SOME_FAILED, result.stderr
    lines = problem_lines(result.stderr)
    for name, code in mixed_inputs.bad.items():
        assert any(f"{os.sep}{name}" in line for line in lines), f"{name} not named on stderr"
        assert any(f"[{code}]" in line and name in line for line in lines), (name, code)
    out = records(result.stdout)
    good = [r for r in out if not r["errors"]]
    assert len(good) == sum(mixed_inputs.good.values())
    assert all(r["schema"] == "dateline/1" and r["article"]["text"] for r in good)
    assert len(out) == len(good) + len(lines)  # one record for every input, failed or not


def test_all_bad_inputs_exit_4(bad_inputs):
    result = run(str(bad_inputs.folder), "--max-bytes", str(bad_inputs.max_bytes))
    assert result.exit_code == EXIT_ALL_FAILED, result.stderr
    assert all(r["errors"] for r in records(result.stdout))


def test_all_good_inputs_exit_0_quietly(good_inputs):
    result = run(str(good_inputs.folder))
    assert result.exit_code == EXIT_OK, result.stderr
    assert problem_lines(result.stderr) == []
    out = records(result.stdout)
    assert len(out) == sum(good_inputs.good.values())
    dump = next(r for r in out if r["article"]["source"].endswith("dump.txt"))
    assert dump["article"]["published"] == "2026-02-26T10:39:00+04:00"
    assert dump["article"]["byline"] == ["Jane Smith"]


def test_a_warning_does_not_fail_the_run(write, english):
    path = write("legacy.txt", ("Jos\u00e9 said: " + english).encode("cp1252"))
    result = run(path)
    assert result.exit_code == EXIT_OK
    [line] = problem_lines(result.stderr)
    assert line.startswith("warning: [encoding_guessed]") and "legacy.txt" in line
    [record] = records(result.stdout)
    assert record["article"]["text"].startswith("Jos\u00e9 said")
    assert record["errors"][0]["code"] == "encoding_guessed"


def test_quiet_prints_no_problems(write):
    result = run(write("empty.txt", b""), "--quiet")
    assert result.exit_code == EXIT_ALL_FAILED and problem_lines(result.stderr) == []


def test_a_missing_path_exits_4_and_says_so(tmp_path):
    result = run(str(tmp_path / "nowhere.txt"))
    assert result.exit_code == EXIT_ALL_FAILED
    assert "[not_found]" in result.stderr and "nowhere.txt" in result.stderr


def test_stdin(english):
    result = run("-", stdin=("BEIRUT, May 2, 2024 (AFP) - " + english).encode())
    assert result.exit_code == EXIT_OK, result.stderr
    [record] = records(result.stdout)
    assert record["article"]["source"] == "<stdin>"
    assert record["article"]["published"] == "2024-05-02"
    assert record["article"]["publisher"] == "AFP"


def test_stdin_jsonl_with_a_bad_line(english):
    data = json.dumps({"text": english, "id": "ok"}) + "\nnot json\n"
    result = run("-", "--reader", "jsonl", stdin=data.encode())
    assert result.exit_code == EXIT_SOME_FAILED
    assert "<stdin>:2" in result.stderr and "[broken_json]" in result.stderr


def test_out_file_and_json_array(write, tmp_path, english):
    target = tmp_path / "out.json"
    inputs = [write("a.txt", english), write("b.txt", english)]
    result = run(*inputs, "--to", "json", "--out", str(target))
    assert result.exit_code == EXIT_OK and result.stdout == ""
    array = json.loads(target.read_text(encoding="utf-8"))
    assert [r["article"]["source"][-5:] for r in array] == ["a.txt", "b.txt"]


def test_table_output(write, english):
    result = run(write("a.txt", english), write("empty.txt", b""), "--to", "table")
    assert result.exit_code == EXIT_SOME_FAILED
    assert "a.txt" in result.stdout and "empty" in result.stdout


@pytest.mark.parametrize("args", [["--to", "xml"], ["--reader", "pdf"]])
def test_bad_flags_are_usage_errors(write, english, args):
    result = run(write("a.txt", english), *args)
    assert result.exit_code == 2 and ("--to" in result.stderr or "--reader" in result.stderr)


@pytest.mark.shared
def test_the_example_article(shared_dir):
    result = run(str(shared_dir / "corpus" / "000_9687f610f3c770fd.txt"))
    assert result.exit_code == EXIT_OK, result.stderr
    [record] = records(result.stdout)
    gold = json.loads((shared_dir / "gold" / "000_9687f610f3c770fd.json").read_text())["article"]
    for name in ("published", "byline", "publisher", "title", "language"):
        assert record["article"][name] == gold[name], name
