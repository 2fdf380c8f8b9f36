"""An organisation is checked the same way in the config and in a release's front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressrelease import ConfigError
from pressrelease.config import load
from pressrelease.parse import parse

#: (the field's line, in TOML and in YAML; the field; what is said about it)
BROKEN = [
    pytest.param('email = "a@b.example\\nBcc: c@d.example"', "contains a line break", id="line-break"),
    pytest.param('url = "javascript:alert(1)"', "'javascript:alert(1)' is not a web address", id="url"),
    pytest.param("short_name = 7", "expected a string, got int 7", id="not-text"),
    pytest.param("acronyms = 7", "expected a list of strings", id="acronyms"),
    pytest.param("about_heading = 7", "expected a string or a table of strings by language", id="about"),
]


def _field(line: str) -> str:
    return line.split(" = ")[0]


@pytest.mark.parametrize(("line", "said"), BROKEN)
def test_the_config_refuses(tmp_path: Path, line: str, said: str) -> None:
    config = tmp_path / "pressrelease.toml"
    config.write_text(f'[organizations.acme]\nname = "Acme"\n{line}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(config)
    assert f"organizations.acme.{_field(line)}: {said}" in str(caught.value)


@pytest.mark.parametrize(("line", "said"), BROKEN)
def test_the_front_matter_reports_on_the_field_and_keeps_the_rest(line: str, said: str) -> None:
    field, value = line.split(" = ")
    text = f"---\ntitle: T\ndate: 2026-05-04\norganization:\n  name: Acme\n  {field}: {value}\n---\n\nBody.\n"
    release = parse(text)
    assert [(p.code, p.span.line) for p in release.problems] == [("PR003", 6)]
    assert release.problems[0].message.startswith(f"organization.{field}: {said}")
    assert release.organization is not None and release.organization.name == "Acme"


def test_the_front_matter_reads_every_field_the_config_reads() -> None:
    release = parse(
        "---\ntitle: T\ndate: 2026-05-04\norganization:\n  name: Acme\n  acronyms: [ACME]\n"
        "  about_heading: {de: Über Acme}\n  base_url: https://acme.example.org/news\n---\n\nBody.\n"
    )
    org = release.organization
    assert release.problems == () and org is not None
    assert (org.acronyms, org.about_heading, org.base_url) == (
        ("ACME",),
        (("de", "Über Acme"),),
        "https://acme.example.org/news",
    )


def test_a_mapping_without_a_name_falls_back_to_the_config() -> None:
    release = parse("---\ntitle: T\ndate: 2026-05-04\norganization:\n  url: https://acme.example.org\n---\n\nBody.\n")
    assert [p.message for p in release.problems] == ["organization: an organisation needs a name"]
    assert release.organization is None
