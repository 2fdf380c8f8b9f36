"""PR9xx: a release checked against the other language versions it names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pressrelease import parse_file
from pressrelease.config import Config
from pressrelease.lint.engine import lint
from pressrelease.parse.figures import figures

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

EN = """\
---
title: Water points for 18,000 people in three districts
date: 2026-06-02
embargo: 2026-06-02T09:00:00+02:00
location: Geneva
translations:
  es: water.es.md
contacts:
  - name: Lucía Ferrer
    email: lferrer@example.org
    phone: "+41 22 555 0101"
  - name: Tom Okello
    email: tokello@example.org
---

Geneva – The Lake Basin Council has opened 42 water points serving 18,000 people, at a cost of 1.2 million francs, and cut the walk to water by 35 per cent.

“No child in these districts should spend the morning carrying water,” said Lucía Ferrer, the Council’s director.
"""

ES = """\
---
title: Puntos de agua para 18.000 personas en tres distritos
date: 2026-06-02
embargo: 2026-06-02T09:00:00+02:00
location: Ginebra
language: es
translations:
  en: water.md
contacts:
  - name: Lucía Ferrer
    email: lferrer@example.org
    phone: "+41 22 555 0101"
  - name: Tom Okello
    email: tokello@example.org
---

Ginebra – El Consejo de la Cuenca del Lago ha abierto 42 puntos de agua para 18.000 personas, con un costo de 1,2 millones de francos, y ha reducido en un 35 % el camino hasta el agua.

“Ningún niño de estos distritos debería pasar la mañana cargando agua”, dijo Lucía Ferrer, directora del Consejo.
"""


def findings(tmp_path: Path, es: str = ES, en: str = EN) -> list[tuple[str, int, str]]:
    (tmp_path / "water.md").write_text(en, encoding="utf-8")
    (tmp_path / "water.es.md").write_text(es, encoding="utf-8")
    release = parse_file(tmp_path / "water.md")
    return [
        (d.code, d.span.line, d.message)
        for d in lint(release, Config(), now=NOW, extend_select=["PR9"])
        if d.code.startswith("PR9")
    ]


def test_a_faithful_translation_gives_no_finding(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


def test_a_wrong_figure_is_found_on_its_line(tmp_path: Path) -> None:
    found = findings(tmp_path, es=ES.replace("1,2 millones", "2,1 millones"))
    assert found == [("PR905", 16, "“1.2 million” is not in the es version (water.es.md)")]


def test_a_different_embargo_hour_is_an_error(tmp_path: Path) -> None:
    ((code, line, message),) = findings(tmp_path, es=ES.replace("T09:00:00+02:00", "T08:00:00+02:00"))
    assert (code, line) == ("PR903", 4)
    assert "embargo 2026-06-02T09:00:00+02:00 here but 2026-06-02T08:00:00+02:00 in the es version" in message


def test_a_missing_contact_is_found(tmp_path: Path) -> None:
    without = ES.replace("  - name: Tom Okello\n    email: tokello@example.org\n", "")
    assert findings(tmp_path, es=without) == [
        ("PR904", 13, "this email address is not in the es version (water.es.md)")
    ]


def test_a_different_date_and_a_dropped_quotation(tmp_path: Path) -> None:
    changed = ES.replace("date: 2026-06-02", "date: 2026-06-03").replace(
        "dijo Lucía Ferrer, directora", "según la directora"
    )
    codes = {code for code, _, _ in findings(tmp_path, es=changed)}
    assert {"PR902", "PR906"} <= codes


def test_a_version_outside_the_release_folder_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(ES, encoding="utf-8")
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "link.md").symlink_to(outside)
    en = EN.replace("es: water.es.md", "es: link.md").replace("translations:\n", "translations:\n  fr: ../outside.md\n")
    (code1, _, first), (code2, _, second) = findings(folder, en=en)
    assert (code1, code2) == ("PR901", "PR901")
    assert "'../outside.md' is outside the release's folder" in first
    assert "'link.md' is outside the release's folder" in second


def test_a_missing_version_is_a_warning(tmp_path: Path) -> None:
    en = EN.replace("es: water.es.md", "es: water.es.md\n  fr: water.fr.md")
    assert findings(tmp_path, en=en) == [
        ("PR901", 8, "the fr version 'water.fr.md' is not found (or is a broken link)")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("1.4 billion people, 71 per cent", "en", [(1.4e9, False), (71.0, True)]),
        ("1,4 млрд человек, 71 процент", "ru", [(1.4e9, False), (71.0, True)]),
        ("61 000 скважин, 61\u00a0000", "ru", [(61000.0, False), (61000.0, False)]),
        ("1.400 millones, 12 mil millones, 3,5 %", "es", [(1.4e9, False), (1.2e10, False), (3.5, True)]),
        ("40 000 familles, 12 %", "fr", [(40000.0, False), (12.0, True)]),
        ("4th, G20, COVID-19 cases, https://example.org/2024", "en", []),
        ("in 2015 2025 and 1,2,3", "en", [(2015.0, False), (2025.0, False), (1.0, False), (2.0, False), (3.0, False)]),
    ],
)
def test_figures_are_read_the_way_each_language_writes_them(
    text: str, lang: str, values: list[tuple[float, bool]]
) -> None:
    assert [(f.value, f.percent) for f in figures(text, lang)] == values
