"""The README keeps its promises: every command is documented and has help."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from dateline.cli import app
from dateline.errors import FIXES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_is_in_the_readme():
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert {"extract", "evaluate"} <= set(commands)
    for name, command in commands.items():
        assert command.help and len(command.help) > 20, name
        assert f"dateline {name}" in README, name


def test_readme_keeps_exactly_two_setup_commands():
    setup = README.split("## Set up and run")[1].split("##")[0]
    block = re.search(r"```sh\n(.*?)```", setup, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_every_error_code_is_documented():
    for code in FIXES:
        assert f"`{code}`" in SCHEMA_DOC, code
