"""The engine with test-only rules: selection, profiles, severities, problems, crashes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressrelease.config import PROFILES, Config, LintConfig, load
from pressrelease.errors import ConfigError, PressReleaseError
from pressrelease.lint.engine import Diagnostic, failing, lint
from pressrelease.lint.runner import CHUNK, FileResult, Settings, chunked, discover, lint_paths
from pressrelease.lint.select import Options, Selection, UnknownRule
from pressrelease.parse import parse

from .fakes import ALL, BASE, NOW, SEEN_NOW, TEXT

DEFAULT = Config()


def codes(found: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in found]


def run(text: str = TEXT, config: Config = DEFAULT, **options: object) -> list[Diagnostic]:
    return lint(parse(text, None, config), config, rules=BASE, now=NOW, **options)  # type: ignore[arg-type]


def test_findings_carry_rule_code_name_severity_and_position() -> None:
    found = run(select=["PR901"])
    assert codes(found) == [("PR901", 7, 32), ("PR901", 9, 29)]
    first = found[0]
    assert (first.name, first.severity, first.message, first.path) == (
        "word-found",
        "warning",
        "WORD is here",
        "<stdin>",
    )
    assert first.span.end_column == 36


@pytest.mark.parametrize(
    ("select", "expected"),
    [
        (["PR901"], {"PR901"}),
        (["word-lower"], {"PR902"}),
        (["PR90"], {"PR901", "PR902"}),  # a prefix: the ap-only PR903 stays off in the default profile
        (["pr901", "WORD-LOWER"], {"PR901", "PR902"}),  # case does not matter
    ],
)
def test_select_by_code_prefix_or_name(select: list[str], expected: set[str]) -> None:
    assert {d.code for d in run(select=select)} == expected


def test_ignore_and_extend_select() -> None:
    assert {d.code for d in run(ignore=["PR902"])} == {"PR901"}
    assert {d.code for d in run(select=["PR901"], extend_select=["word-lower"])} == {"PR901", "PR902"}
    assert {d.code for d in run(select=["PR9"], ignore=["PR90"])} == set()


def test_config_selection_and_cli_select_overrides_it() -> None:
    config = Config(lint=LintConfig(select=("PR902",), ignore=()))
    assert {d.code for d in run(config=config)} == {"PR902"}
    assert {d.code for d in run(config=config, select=["PR901"])} == {"PR901"}
    config = Config(lint=LintConfig(ignore=("word-found",), extend_select=("PR903",)))
    assert {d.code for d in run(config=config)} == {"PR902", "PR903"}


def test_profile_rule_runs_only_in_its_profile_unless_named() -> None:
    assert "PR903" not in {d.code for d in run()}
    ap = TEXT.replace("location: Nairobi", "location: Nairobi\nprofile: ap")
    assert [d.message for d in run(ap) if d.code == "PR903"] == ["profile ap"]
    assert [d.message for d in run(profile="ap") if d.code == "PR903"] == ["profile ap"]
    assert [d.message for d in run(select=["PR903"]) if d.code == "PR903"] == ["profile default"]
    assert [d.message for d in run(extend_select=["ap-only"]) if d.code == "PR903"] == ["profile default"]


def test_front_matter_profile_wins_over_the_command_line() -> None:
    uk = TEXT.replace("location: Nairobi", "location: Nairobi\nprofile: uk")
    assert "PR903" not in {d.code for d in run(uk, profile="ap")}


def test_severity_override_by_code_or_name() -> None:
    config = Config(lint=LintConfig(severity={"PR901": "error", "word-lower": "warning"}))
    severities = {d.code: d.severity for d in run(config=config)}
    assert severities == {"PR901": "error", "PR902": "warning"}


def test_unknown_selector_on_the_command_line_raises() -> None:
    with pytest.raises(UnknownRule, match="PR999"):
        run(select=["PR999"])
    with pytest.raises(UnknownRule, match="no-such-rule"):
        run(ignore=["no-such-rule"])


def test_an_unknown_profile_from_a_library_caller_is_an_error_not_a_key_error() -> None:
    # The command line and the front matter only pass known profiles; a program
    # building Options itself gets the same one-line error as a bad selector.
    with pytest.raises(PressReleaseError, match="unknown profile 'wire'"):
        run(profile="wire")


def test_every_profile_runs_its_own_rules_and_no_other() -> None:
    selection = Selection.build(BASE, Config())
    for profile in PROFILES:
        assert selection.rules_for(profile, None) == tuple(r for r in BASE if profile in r.profiles)


def test_unknown_selector_in_config_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "pressrelease.toml"
    path.write_text('profile = "default"\n\n[lint]\nignore = ["PR901", "PR977"]\n', encoding="utf-8")
    config = load(path)
    with pytest.raises(ConfigError) as info:
        run(config=config)
    assert str(info.value).startswith(f"{path}:4: ")
    assert "PR977" in str(info.value)


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "pressrelease.toml").write_text('[lint.per-file-ignores]\n"archive/**" = ["PR90"]\n', encoding="utf-8")
    config = load(tmp_path / "pressrelease.toml")
    kept = tmp_path / "new.md"
    archived = tmp_path / "archive" / "old.md"
    assert lint(parse(TEXT, kept, config), config, rules=BASE, now=NOW)
    assert lint(parse(TEXT, archived, config), config, rules=BASE, now=NOW) == []


def test_one_selection_gives_each_file_its_own_ignores_in_any_order(tmp_path: Path) -> None:
    """The selection works out a profile's rules once; a file's own ignores still apply to it alone."""
    from pressrelease.lint.select import Selection

    (tmp_path / "archive").mkdir()
    (tmp_path / "pressrelease.toml").write_text('[lint.per-file-ignores]\n"archive/**" = ["PR90"]\n', encoding="utf-8")
    config = load(tmp_path / "pressrelease.toml")
    selection = Selection.build(BASE, config)
    ignoring = TEXT.replace("location: Nairobi", "location: Nairobi\nlint:\n  ignore: [PR901]")
    files = [
        (TEXT, tmp_path / "new.md"),
        (TEXT, tmp_path / "archive" / "old.md"),
        (ignoring, tmp_path / "other.md"),
        (TEXT, tmp_path / "new.md"),
    ]
    found = [
        {d.code for d in lint(parse(text, path, config), config, selection=selection, now=NOW)} for text, path in files
    ]
    alone = [{d.code for d in lint(parse(text, path, config), config, rules=BASE, now=NOW)} for text, path in files]
    assert found == alone
    assert found[0] == found[3] and found[0] > found[2] and not found[1]


def test_front_matter_lint_ignore() -> None:
    text = TEXT.replace("location: Nairobi", "location: Nairobi\nlint:\n  ignore: [PR901, word-lower]")
    assert run(text) == []


def test_unknown_code_in_front_matter_lint_ignore_is_a_bad_suppression() -> None:
    text = TEXT.replace("location: Nairobi", "location: Nairobi\nlint:\n  ignore: [PR999]")
    assert ("PR009", 5, 1) in codes(run(text))


def test_parse_problems_reach_the_findings_through_their_rule_once() -> None:
    found = run("No front matter here.\n")
    pr001 = [d for d in found if d.code == "PR001"]
    assert len(pr001) == 1  # from the PR001 rule, the one path
    assert (pr001[0].name, pr001[0].severity) == ("front-matter-missing", "error")


def test_parse_problems_follow_the_selection() -> None:
    assert [d for d in run("No front matter here.\n", ignore=["PR001"]) if d.code == "PR001"] == []


def test_unreadable_release_reports_only_pr004() -> None:
    found = run("---\ntitle: x\n---\n\nWORD\x00 here\n")
    assert codes(found) == [("PR004", 5, 1)]


def test_a_crashing_rule_becomes_one_error_and_the_others_still_run() -> None:
    release = parse(TEXT, None, DEFAULT)
    found = lint(release, DEFAULT, rules=ALL, now=NOW)
    crash = [d for d in found if d.code == "PR904"]
    assert len(crash) == 1
    assert crash[0].severity == "error"
    assert "internal error" in crash[0].message and "ValueError: boom" in crash[0].message
    assert any(d.code == "PR901" for d in found)
    with pytest.raises(ValueError, match="boom"):
        lint(release, DEFAULT, rules=ALL, now=NOW, debug=True)


def test_now_defaults_to_an_aware_clock_and_naive_now_is_utc() -> None:
    release = parse(TEXT, None, DEFAULT)
    SEEN_NOW.clear()
    before = dt.datetime.now(dt.UTC)
    lint(release, DEFAULT, rules=ALL, select=["PR905"])
    lint(release, DEFAULT, rules=ALL, select=["PR905"], now=dt.datetime(2026, 5, 1, 9, 0))
    assert SEEN_NOW[0].tzinfo is not None and SEEN_NOW[0] >= before
    assert SEEN_NOW[1] == dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def test_fixes_are_only_kept_for_fixable_rules() -> None:
    found = run()
    assert all(d.fix is None for d in found if d.code == "PR901")
    assert all(d.fix is not None for d in found if d.code == "PR902")


def test_failing_threshold() -> None:
    found = run()
    assert not failing(found, "error")
    assert failing(found, "warning")
    assert failing(found, "info")


# -- files and folders -------------------------------------------------------------------


def _tree(root: Path) -> None:
    (root / "a.md").write_text(TEXT, encoding="utf-8")
    (root / "notes.txt").write_text("not markdown", encoding="utf-8")
    for folder in ("sub", ".hidden", "dist", "drafts"):
        (root / folder).mkdir()
        (root / folder / "b.md").write_text(TEXT, encoding="utf-8")
    (root / "pressrelease.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")


def test_discover_skips_hidden_output_and_excluded_folders(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([tmp_path], Settings())
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found) == ["a.md", "sub/b.md"]
    explicit = tmp_path / "drafts" / "b.md"
    assert discover([explicit], Settings()) == [explicit]  # a file named outright is linted


def test_discover_judges_a_linked_file_by_its_target(tmp_path: Path) -> None:
    """Folders are resolved once, so a file's symbolic link is followed on its own."""
    _tree(tmp_path)
    (tmp_path / "dist").mkdir(exist_ok=True)
    (tmp_path / "dist" / "built.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "into-output.md").symlink_to(tmp_path / "dist" / "built.md")
    (tmp_path / "sub" / "to-a.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)
    found = discover([tmp_path, tmp_path / "linked"], Settings())
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found) == [
        "a.md",
        "linked/b.md",
        "linked/to-a.md",
        "sub/b.md",
        "sub/to-a.md",
    ]


def test_lint_paths_uses_each_files_config(tmp_path: Path) -> None:
    _tree(tmp_path)
    strict = tmp_path / "sub"
    (strict / "pressrelease.toml").write_text('[lint]\nignore = ["PR902"]\n', encoding="utf-8")
    results = lint_paths([tmp_path], Settings(now=NOW), rules=BASE)
    by_file = {Path(r.path).relative_to(tmp_path).as_posix(): {d.code for d in r.diagnostics} for r in results}
    assert by_file == {"a.md": {"PR901", "PR902"}, "sub/b.md": {"PR901"}}
    isolated = lint_paths([strict], Settings(now=NOW, isolated=True), rules=BASE)
    assert {d.code for r in isolated for d in r.diagnostics} == {"PR901", "PR902"}
    explicit = lint_paths([strict], Settings(now=NOW, config=tmp_path / "pressrelease.toml"), rules=BASE)
    assert {d.code for r in explicit for d in r.diagnostics} == {"PR901", "PR902"}


def test_lint_paths_checks_every_config_before_reading(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "sub" / "pressrelease.toml").write_text('[lint]\nselect = ["PR9999"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="PR9999"):
        lint_paths([tmp_path], Settings(now=NOW), rules=BASE)


def test_cli_options_apply_to_every_file(tmp_path: Path) -> None:
    _tree(tmp_path)
    results = lint_paths([tmp_path], Settings(options=Options(select=("PR902",)), now=NOW), rules=BASE)
    assert {d.code for r in results for d in r.diagnostics} == {"PR902"}


def test_worker_processes_give_the_same_results(tmp_path: Path) -> None:
    examples = sorted(Path("examples").glob("*.md"))
    for i in range(60):
        source = examples[i % len(examples)]
        (tmp_path / f"{i:03}-{source.name}").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pressrelease.toml").write_text(Path("examples/pressrelease.toml").read_text(encoding="utf-8"))
    settings = Settings(now=NOW)
    serial: list[FileResult] = lint_paths([tmp_path], settings, jobs=1)
    pooled: list[FileResult] = lint_paths([tmp_path], settings, jobs=2)
    assert len(serial) == 60
    assert serial == pooled  # paths, diagnostics, texts and thresholds, in file order


def test_unreadable_front_matter_does_not_cascade_into_missing_value_findings() -> None:
    text = "---\ntitle: [oops\ndate: 2024-01-01\nlocation: Minsk\ncontacts: []\n---\n\nBody text only.\n"
    codes = {d.code for d in lint(parse(text), DEFAULT, now=NOW)}
    assert "PR001" in codes
    assert not codes & {"PR101", "PR201", "PR501", "PR506", "PR404"}
    # With no front matter at all the writer has given nothing: those rules speak.
    bare = {d.code for d in lint(parse("Body text only.\n"), DEFAULT, now=NOW)}
    assert {"PR001", "PR201", "PR501"} <= bare


@pytest.mark.parametrize(("count", "workers"), [(48, 2), (500, 2), (500, 8), (1000, 3)])
def test_chunks_cover_every_file_in_order_and_shrink_towards_the_end(count: int, workers: int) -> None:

    files = [Path(f"{i:04}.md") for i in range(count)]
    chunks = chunked(files, workers)
    assert [f for chunk in chunks for f in chunk] == files
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) <= CHUNK
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-workers:] == [1] * workers  # no worker is left with a big last chunk
