"""Config discovery (closest wins), validation that names file, line and key, defaults, organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease import ConfigError, parse_file
from pressrelease.config import DEFAULT, THRESHOLDS, discover, for_path, load

RELEASE = "---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – The agency met today.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    load.cache_clear()
    with pytest.raises(ConfigError) as info:
        load(path)
    return list(getattr(info.value, "all", [str(info.value)]))


# -- discovery ---------------------------------------------------------------------------------


def test_discovery_walks_up_to_pressrelease_toml(tmp_path: Path) -> None:
    config = write(tmp_path / "pressrelease.toml", 'profile = "un"\n')
    release = write(tmp_path / "a" / "b" / "release.md", RELEASE)
    assert discover(release) == config.resolve()
    assert discover(release.parent) == config.resolve()
    assert for_path(release).profile == "un"


def test_pyproject_tool_table_is_found(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.pressrelease]\nprofile = "ap"\n')
    release = write(tmp_path / "news" / "release.md", RELEASE)
    assert discover(release) == config.resolve()
    cfg = for_path(release)
    assert cfg.profile == "ap" and cfg.path == config.resolve()


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "pressrelease.toml", 'profile = "uk"\n')
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    release = write(tmp_path / "inner" / "release.md", RELEASE)
    assert discover(release) == outer.resolve()


def test_the_closest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "pressrelease.toml", 'profile = "uk"\n')
    inner = write(tmp_path / "team" / "pyproject.toml", '[tool.pressrelease]\nprofile = "ap"\n')
    release = write(tmp_path / "team" / "2024" / "release.md", RELEASE)
    assert discover(release) == inner.resolve()
    assert parse_file(release).profile == "ap"


def test_pressrelease_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.pressrelease]\nprofile = "ap"\n')
    own = write(tmp_path / "pressrelease.toml", 'profile = "un"\n')
    assert discover(write(tmp_path / "r.md", RELEASE)) == own.resolve()


def test_explicit_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / "pressrelease.toml", 'profile = "uk"\n')
    other = write(tmp_path / "elsewhere" / "custom.toml", 'profile = "ap"\n')
    release = write(tmp_path / "r.md", RELEASE)
    assert for_path(release, explicit=other).profile == "ap"
    assert for_path(release, isolated=True) is DEFAULT


def test_no_config_means_defaults(tmp_path: Path) -> None:
    release = write(tmp_path / "r.md", RELEASE)
    assert discover(release) is None
    assert for_path(release) is DEFAULT
    assert DEFAULT.profile == "default" and DEFAULT.language == "en"
    assert DEFAULT.lint.thresholds == THRESHOLDS and DEFAULT.lint.fail_on == "error"
    assert DEFAULT.build.formats == ("html", "pdf", "txt", "eml") and DEFAULT.build.paper is None


# -- a full, valid config ------------------------------------------------------------------------

FULL = """\
profile = "un"
language = "fr"
default_organization = "iom"

[organizations.iom]
name = "International Organization for Migration"
short_name = "IOM"
url = "https://www.iom.int"
logo = "assets/iom-logo.svg"
email = "press@example.org"
boilerplate = \"\"\"
IOM is part of the United Nations System.
\"\"\"
acronyms = ["IOM", "UN"]

[organizations.acme]
name = "Acme"

[lint]
ignore = ["PR306"]
fail-on = "warning"
[lint.per-file-ignores]
"archive/**" = ["PR7"]
[lint.thresholds]
headline-max-chars = 90
[lint.severity]
PR301 = "info"
[lint.terms]
"e-mail" = "email"
"Covid" = { use = "COVID-19", case-sensitive = true }

[build]
formats = ["html", "txt"]
output = "dist"
paper = "Letter"
end-mark = "ENDS"
wrap = 72
templates = "templates"
"""


def test_full_config(tmp_path: Path) -> None:
    write(tmp_path / "assets" / "iom-logo.svg", "<svg/>")
    (tmp_path / "templates").mkdir()
    load.cache_clear()
    cfg = load(write(tmp_path / "pressrelease.toml", FULL))
    assert (cfg.profile, cfg.language, cfg.default_organization) == ("un", "fr", "iom")
    iom = cfg.organization()
    assert iom is not None and iom.key == "iom" and iom.short_name == "IOM"
    assert iom.logo == (tmp_path / "assets" / "iom-logo.svg").resolve()
    assert iom.boilerplate == "IOM is part of the United Nations System."
    assert iom.acronyms == ("IOM", "UN")
    acme = cfg.organization("acme")
    assert acme is not None and acme.name == "Acme"
    assert cfg.lint.ignore == ("PR306",) and cfg.lint.fail_on == "warning"
    assert cfg.lint.per_file_ignores == {"archive/**": ("PR7",)}
    assert cfg.lint.thresholds["headline-max-chars"] == 90
    assert cfg.lint.thresholds["lede-max-words"] == THRESHOLDS["lede-max-words"]
    assert cfg.lint.severity == {"PR301": "info"}
    assert [(t.wrong, t.right, t.case_sensitive) for t in cfg.lint.terms] == [
        ("e-mail", "email", False),
        ("Covid", "COVID-19", True),
    ]
    build = cfg.build
    assert build.formats == ("html", "txt") and build.paper == "Letter" and build.end_mark == "ENDS"
    assert build.wrap == 72
    assert build.output == (tmp_path / "dist").resolve()
    assert build.templates == (tmp_path / "templates").resolve()


def test_release_takes_organisation_and_defaults_from_config(tmp_path: Path) -> None:
    write(tmp_path / "pressrelease.toml", 'profile = "uk"\nlanguage = "fr"\n[organizations.acme]\nname = "Acme"\n')
    release = parse_file(write(tmp_path / "r.md", RELEASE))
    assert release.profile == "uk" and release.language == "fr"
    assert release.organization is not None and release.organization.key == "acme", (
        "a single organisation is the default"
    )
    named = parse_file(write(tmp_path / "s.md", RELEASE.replace("date:", "organization: acme\nprofile: un\ndate:")))
    assert named.profile == "un" and named.organization is not None and named.organization.name == "Acme"


def test_unknown_organisation_key_in_a_release(tmp_path: Path) -> None:
    write(tmp_path / "pressrelease.toml", '[organizations.acme]\nname = "Acme"\n')
    release = parse_file(write(tmp_path / "r.md", RELEASE.replace("date:", "organization: acne\ndate:")))
    assert [(p.code, p.span.line) for p in release.problems] == [("PR003", 3)]
    assert "known: acme" in release.problems[0].message


# -- validation: every problem, with file, line and key ------------------------------------------------


def test_every_problem_is_collected_with_its_line(tmp_path: Path) -> None:
    text = """\
profile = "bbc"
colour = "red"

[organizations.iom]
name = "IOM"
logo = "missing.svg"
motto = "x"

[lint]
fail-on = "sometimes"
[lint.thresholds]
headline-max-chars = "long"
lede-words = 10

[build]
paper = "A3"
wrap = "no"
formats = ["html", "odt"]
"""
    path = write(tmp_path / "pressrelease.toml", text)
    found = errors(path)
    where = str(path.resolve())
    expected = {
        (1, "profile"),
        (2, "colour"),
        (7, "organizations.iom.motto"),
        (6, "organizations.iom.logo"),
        (10, "lint.fail-on"),
        (12, "lint.thresholds.headline-max-chars"),
        (13, "lint.thresholds.lede-words"),
        (18, "build.formats"),
        (16, "build.paper"),
        (17, "build.wrap"),
    }
    assert all(m.startswith(f"{where}:") for m in found), found
    located = {(int(m[len(where) + 1 :].split(":")[0]), m[len(where) + 1 :].split(": ")[1]) for m in found}
    assert located == expected
    assert len(found) == len(expected)
    assert any("missing.svg" in m for m in found)
    assert any("profile: must be one of default, un, ap, uk" in m for m in found)
    assert any("colour: unknown key" in m for m in found)


def test_wrong_types(tmp_path: Path) -> None:
    text = 'profile = 3\nlanguage = ["en"]\norganizations = "iom"\nexclude = 5\n[lint]\nignore = 7\n'
    found = errors(write(tmp_path / "pressrelease.toml", text))
    keys = [m.split(": ")[1] for m in found]
    assert keys == ["profile", "language", "organizations", "exclude", "lint.ignore"]
    assert [m.split(":")[1] for m in found] == ["1", "2", "3", "4", "6"]


@pytest.mark.parametrize("tag", ["english", "e", "en_GB", "fr-", ""])
def test_the_language_must_be_a_language_tag(tmp_path: Path, tag: str) -> None:
    (message,) = errors(write(tmp_path / "pressrelease.toml", f'profile = "un"\nlanguage = "{tag}"\n'))
    assert message.endswith(f":2: language: expected a language tag like 'en' or 'fr-CH', got {tag!r}")


@pytest.mark.parametrize("tag", ["en", "fr-CH", "es-419", "zh-Hans"])
def test_language_tags_are_taken(tmp_path: Path, tag: str) -> None:
    load.cache_clear()
    assert load(write(tmp_path / "pressrelease.toml", f'language = "{tag}"\n')).language == tag


def test_default_organization_must_exist(tmp_path: Path) -> None:
    path = write(tmp_path / "pressrelease.toml", 'default_organization = "iom"\n[organizations.acme]\nname = "Acme"\n')
    (message,) = errors(path)
    assert message.endswith(":1: default_organization: no [organizations.iom] table")


def test_organisation_needs_a_name(tmp_path: Path) -> None:
    (message,) = errors(write(tmp_path / "pressrelease.toml", '[organizations.acme]\nurl = "https://x"\n'))
    assert "organizations.acme: an organisation needs a name" in message


def test_invalid_toml_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "pressrelease.toml", 'profile = "un"\n\n[lint\nignore = []\n')
    load.cache_clear()
    with pytest.raises(ConfigError) as info:
        load(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path.resolve()}:3: invalid TOML")


def test_invalid_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool]\npressrelease = "yes"\n')
    (message,) = errors(path)
    assert "[tool.pressrelease] must be a table" in message


def test_pyproject_validation_names_lines_in_the_pyproject(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.pressrelease]\nprofile = "bbc"\n')
    (message,) = errors(path)
    assert message.startswith(f"{path.resolve()}:5: profile:")


def test_missing_or_unreadable_config(tmp_path: Path) -> None:
    (message,) = errors(tmp_path / "nope.toml")
    assert "config file not found" in message
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'profile = "caf\xe9"\n')
    (message,) = errors(bad)
    assert "cannot read config" in message


def test_broken_config_is_an_error_not_a_silent_default(tmp_path: Path) -> None:
    write(tmp_path / "pressrelease.toml", "profile = \n")
    release = write(tmp_path / "r.md", RELEASE)
    load.cache_clear()
    with pytest.raises(ConfigError):
        parse_file(release)


def test_example_configs_are_valid() -> None:
    root = Path(__file__).resolve().parent.parent
    for path in (
        root / "examples" / "pressrelease.toml",
        root / "tests" / "fixtures" / "releases" / "pressrelease.toml",
    ):
        load.cache_clear()
        cfg = load(path)
        assert cfg.organizations and cfg.default_organization in cfg.organizations


@pytest.mark.parametrize("wrong", ["", " ", "\t"])
def test_an_empty_house_term_is_refused(tmp_path: Path, wrong: str) -> None:
    """An empty term matches at every word boundary: --fix would insert its replacement there."""
    path = write(tmp_path / "pressrelease.toml", f'[lint.terms]\n"{wrong}" = "X"\n"Kenia" = "Kenya"\n')
    found = errors(path)
    assert len(found) == 1 and "lint.terms" in found[0] and "empty" in found[0], found


def test_thousands_of_unknown_keys_are_counted_after_the_first_few(tmp_path: Path) -> None:
    config = write(tmp_path / "pressrelease.toml", "".join(f"stray{i} = 1\n" for i in range(3000)))
    found = errors(config)
    assert sum("unknown key (known:" in m for m in found) == 10
    assert any("2990 more unknown keys" in m for m in found)
    assert any(":5:" in m and "stray4: unknown key" in m for m in found)


def test_arrays_nested_too_deeply_are_a_config_error(tmp_path: Path) -> None:
    config = write(tmp_path / "pressrelease.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    (message,) = errors(config)
    assert "nested too deeply" in message
    assert "pressrelease.toml" in message
