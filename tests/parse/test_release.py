"""The parser over every example and fixture: the specific values a reader sees in each file.

Each table row was written by reading the file, not by copying the parser's output:
the dateline as it opens the lede, every quotation with the person who said it, the
sections by heading and the contacts with their addresses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pressrelease import ReadError, parse_file
from pressrelease.model import Release, Span
from pressrelease.parse import parse

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "releases"
FATAL = {"PR001", "PR002", "PR003", "PR004"}


@dataclass(frozen=True)
class Expected:
    title_start: str
    date: dt.date
    location: str | None
    language: str
    profile: str
    places: tuple[str, ...]  #: dateline places; () when the lede has none
    dateline_date: str | None
    separator: str | None
    quotes: tuple[tuple[str, str, str], ...]  #: (kind, speaker, first words)
    sections: tuple[tuple[str, str], ...]  #: (kind, heading)
    contacts: tuple[tuple[str, str | None, str | None], ...]  #: (name, email, phone)
    end_mark: str | None = None
    lede_date: str | None = None
    wire: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


FILES: dict[str, Expected] = {
    "examples/iom-minsk-2024-07-19.md": Expected(
        "Unlocking Potential of Migration",
        dt.date(2024, 7, 19),
        "Minsk",
        "en",
        "un",
        ("Minsk",),
        None,
        "-",
        (("inline", "Dr. Rasul Baghirov", "Through their work, their remittances"),),
        (("notes", "Editor’s Notes"), ("contact", "Contact")),
        (("Hanna Kalichava", "hkalichava@iom.int", None),),
        lede_date="19 July 2024",
    ),
    "examples/iom-minsk-2024-07-19.ru.md": Expected(
        "Раскрыть потенциал миграции",
        dt.date(2024, 7, 19),
        "Минск",
        "ru",
        "un",
        ("Минск",),
        None,
        "–",
        (("inline", "д-р Расул Багиров", "Своим трудом, денежными переводами"),),
        (("notes", "Примечания для редакторов"), ("about", "О МОМ"), ("contact", "Контакты")),
        (("Ганна Каличава", "hkalichava@iom.int", None),),
        lede_date="19 июля 2024 года",
    ),
    "examples/ar-gfo-aquifers-amman.md": Expected(
        "المرصد العالمي للمياه العذبة يحذر",
        dt.date(2026, 4, 15),
        "عمّان",
        "ar",
        "un",
        ("عمّان",),
        "15 نيسان/أبريل 2026",  # the UN form: the month's Levantine and Egyptian-Gulf names
        "–",
        (
            ("inline", "الدكتورة ليلى الحوراني", "المياه الجوفية هي رصيد"),  # وقالت ...: «...»
            ("inline", "سامي النجار", "حين يرى المزارع بيانات بئره"),  # «...»، قال ...
        ),
        (
            ("notes", "ملاحظات للمحررين"),
            ("about", "نبذة عن المرصد العالمي للمياه العذبة"),
            ("contact", "جهات الاتصال الإعلامية"),
        ),
        (
            ("رنا الخطيب", "rkhatib@gfo.example.org", "+962 6 555 0134"),
            ("كريم منصور", "kmansour@gfo.example.org", "+41 22 555 0176"),
        ),
        end_mark="-انتهى-",
        extra={"slug": "2026-04-15-aquifers-arab-region"},
    ),
    "examples/zh-gfo-groundwater-geneva.md": Expected(
        "全球淡水观测组织报告",
        dt.date(2026, 4, 22),
        "日内瓦",
        "zh",
        "un",
        ("日内瓦",),
        "2026年4月22日",
        "——",
        (
            ("inline", "林静怡", "地下水是全世界的储蓄账户"),  # “...”全球淡水观测组织总干事林静怡说，“...”
            ("inline", "林静怡", "好消息是"),
            ("inline", "赵文博", "农民并不是问题所在"),  # 报告主要作者、水文地质学家赵文博表示：“...”
            ("inline", "赵文博", "凡是社区自己设定限额"),  # 他强调：“...”
        ),
        (("notes", "编辑注"), ("about", "关于全球淡水观测组织"), ("contact", "媒体联系人")),
        (
            ("周雨桐", "zhou.yutong@gfo.example.org", "+41 22 555 0163"),
            ("马志远", "ma.zhiyuan@gfo.example.org", "+66 2 555 0148"),
        ),
        end_mark="（完）",
        extra={"slug": "2026-04-22-groundwater-report"},
    ),
    "examples/ap-wire-product-launch.md": Expected(
        "Pallas Thermal unveils window heat pump",
        dt.date(2026, 4, 14),
        "BELLEVUE, Wash.",
        "en",
        "ap",
        ("BELLEVUE, Wash.",),
        "April 14, 2026",
        "—",
        (
            ("inline", "Maya Lindqvist", "Millions of renters"),
            ("inline", "Maya Lindqvist", "The Sill replaces both"),
            ("inline", "Darnell Ruiz", "Heat pumps have been"),
            ("inline", "Darnell Ruiz", "In our tests"),
        ),
        (("notes", "Editor’s note"), ("about", "About Pallas Thermal"), ("contact", "Media Contact")),
        (("Jordan Okafor", "jordan.okafor@pallas.example.com", "+1 425 555 0173"),),
        end_mark="###",
    ),
    "examples/fr-unesco-style-patrimoine.md": Expected(
        "Les savoir-faire des bateliers",
        dt.date(2026, 5, 12),
        "PARIS",
        "fr",
        "default",
        ("PARIS",),
        "12 mai 2026",
        "–",
        (
            ("inline", "Hélène Marchetti", "Ces savoir-faire"),
            ("inline", "Yannick Le Guern", "Quand j’ai commencé"),
            ("inline", "Hélène Marchetti", "Le changement climatique"),
        ),
        (
            ("notes", "Notes aux rédactions"),
            ("about", "À propos de l’Alliance internationale pour le patrimoine fluvial"),
            ("contact", "Contact presse"),
        ),
        (("Camille Roussel", "c.roussel@aipf.example.org", "+33 1 99 00 42 17"),),
    ),
    "examples/uk-gov-flood-funding.md": Expected(
        "£180 million to protect",
        dt.date(2026, 3, 26),
        "LONDON",
        "en",
        "uk",
        ("LONDON",),
        "26 March 2026",
        "–",
        (
            ("block", "Sarah Whitfield", "Every winter"),
            ("block", "Sarah Whitfield", "We are working with councils"),
            ("block", "Dr Aisha Rahman", "Coastal councils"),
        ),
        (("notes", "Background"), ("contact", "Contact")),
        (
            (
                "Press Office, Department for Flood Resilience and Rural Affairs",
                "newsdesk@dfrra.example.org.uk",
                "+44 20 7946 0321",
            ),
        ),
        end_mark="ENDS",
    ),
    "examples/un-embargoed-water-report.md": Expected(
        "Groundwater falling",
        dt.date(2026, 3, 20),
        "Geneva",
        "en",
        "un",
        ("Geneva",),
        None,
        "–",
        (
            ("block", "Dr. Helena Marsh-Okoye", "Groundwater is the world’s savings account"),
            ("inline", "Rukmini Sethuraman", "Farmers are not the problem"),
            ("inline", "Rukmini Sethuraman", "Where communities have set"),
            ("inline", "Kofi Mensah-Adjei", "Our association cut pumping"),
        ),
        (("notes", "Notes to editors"), ("about", "About the Global Freshwater Observatory")),
        (
            ("Amélie Varenne", "avarenne@gfo.example.org", "+41 22 555 0142"),
            ("Tomás Ibarra", "tibarra@gfo.example.org", "+507 302 5550"),
        ),
        lede_date="20 March 2026",
        extra={"embargo": dt.datetime(2026, 3, 20, 9, 0, tzinfo=dt.UTC), "slug": "2026-03-20-world-freshwater-outlook"},
    ),
    "tests/fixtures/releases/01-un-caps-dateline-frontmatter-contacts.md": Expected(
        "Nine East African cities",
        dt.date(2014, 3, 3),
        None,
        "en",
        "default",
        ("NAIROBI",),
        "3 March 2014",
        "–",
        (
            ("inline", "Joseph Odhiambo", "Every litre that leaks"),
            ("inline", "Joseph Odhiambo", "This pact is a promise"),
            ("inline", "Dr. Amina Hassan", "A city that cannot say"),
        ),
        (("notes", "Notes to editors"),),
        (("Grace Wanjiru", "gwanjiru@iawo.example.org", "+254 20 555 0142"),),
    ),
    "tests/fixtures/releases/02-un-titlecase-embargo-iana.md": Expected(
        "Drought early-warning network",
        dt.date(2026, 5, 4),
        "Nairobi",
        "en",
        "un",
        ("Nairobi",),
        None,
        "–",
        (
            ("block", "Joseph Odhiambo", "A warning that arrives three months early"),
            ("inline", "Halima Abdi Warsame", "Paying families early"),
        ),
        (("notes", "Notes to editors"), ("contact", "Contact")),
        (("Amina Wekesa", "awekesa@iawo.example.org", "+254 20 555 0183"),),
        lede_date="4 May 2026",
        extra={"embargo": dt.datetime(2026, 5, 4, 6, 0, tzinfo=dt.UTC), "zone": "Africa/Nairobi"},
    ),
    "tests/fixtures/releases/03-prnewswire-split-quote-endmark.md": Expected(
        "Nurse vacancies at rural hospitals",
        dt.date(2024, 3, 15),
        None,
        "en",
        "default",
        ("NEW YORK",),
        "March 15, 2024",
        "--",
        (
            ("inline", "Ana Ruiz", "Rural hospitals are competing"),
            ("inline", "Ana Ruiz", "When a rural unit loses"),
            ("inline", "Ruiz", "Grow-your-own programs"),
        ),
        (
            ("notes", "Notes to editors"),
            ("about", "About Meridian Health Analytics"),
            ("contact", "Media Contact"),
        ),
        (("Lauren Feld", "lfeld@meridian.example.com", "+1 212 555 0187"),),
        end_mark="###",
        wire="PRNewswire",
    ),
    "tests/fixtures/releases/04-ap-state-abbreviation-thirty.md": Expected(
        "Ridgeline nasal spray",
        dt.date(2025, 10, 16),
        "MADISON, N.J.",
        "en",
        "ap",
        ("MADISON, N.J.",),
        "Oct. 16",
        "—",
        (
            ("inline", "Dr. Karen Holloway", "People with frequent migraines"),
            ("inline", "Dr. Karen Holloway", "These results suggest"),
            ("inline", "Osei", "Twelve weeks is a good start"),
        ),
        (("notes", "Editor’s note"), ("contact", "Media contacts")),
        (
            ("Priya Raman", "praman@ridgeline.example.com", "+1 973 555 0126"),
            ("Thomas Becker", "tbecker@ridgeline.example.com", "+1 973 555 0139"),
        ),
        end_mark="-30-",
    ),
    "tests/fixtures/releases/05-uk-said-blockquotes-ends.md": Expected(
        "Rural homes in England",
        dt.date(2026, 1, 14),
        "LONDON",
        "en",
        "uk",
        ("LONDON",),
        "14 January 2026",
        "–",
        (
            ("block", "Owen Pritchard", "A good broadband connection"),
            ("block", "Owen Pritchard", "These vouchers put the choice"),
            ("block", "Councillor Megan Lloyd", "Councils know which villages"),
        ),
        (("notes", "Background"), ("contact", "Contact")),
        (
            (
                "Press Office, Department for Rural Connectivity",
                "newsdesk@dfrc.example.org.uk",
                "+44 20 7946 0743",
            ),
        ),
        end_mark="ENDS",
    ),
    "tests/fixtures/releases/06-multicity-titlecase-un.md": Expected(
        "Birth registration in West and Central Africa",
        dt.date(2015, 12, 22),
        "Dakar/New York",
        "en",
        "un",
        ("Dakar", "New York"),
        "22 December 2015",
        "–",
        (
            ("inline", "Mariama Sow", "A birth certificate"),
            ("inline", "Mariama Sow", "Every child who is left"),
            ("inline", "Ethan Morales", "Digital registration"),
        ),
        (("notes", "Notes to editors"), ("contact", "Contacts")),
        (
            ("Fatou Ndiaye", "fndiaye@cwa.example.org", "+221 33 869 01 42"),
            ("Daniel Okonkwo", "dokonkwo@cwa.example.org", "+1 212 555 0164"),
        ),
    ),
    "tests/fixtures/releases/07-multicity-caps-country-frontmatter.md": Expected(
        "Sahel countries vaccinate",
        dt.date(2015, 12, 18),
        None,
        "en",
        "default",
        ("BAMAKO, Mali", "GENEVA", "NEW YORK"),
        "18 December 2015",
        "–",
        (
            ("inline", "Dr. Aïssata Koné", "Measles spreads faster"),
            ("inline", "Dr. Aïssata Koné", "This campaign reached"),
            ("inline", "Idrissa Maïga", "A campaign buys time"),
        ),
        (("notes", "Notes to editors"),),
        (
            ("Oumar Traoré", "otraore@shp.example.org", "+223 20 22 01 42"),
            ("Claire Dubois", "cdubois@shp.example.org", "+41 22 555 0171"),
            ("Michael Adeyemi", "madeyemi@shp.example.org", "+1 212 555 0192"),
        ),
    ),
    "tests/fixtures/releases/08-titlecase-country-weekday-endmark.md": Expected(
        "Eleven countries agree common rules",
        dt.date(2025, 9, 10),
        "Tbilisi, Georgia",
        "en",
        "default",
        ("Tbilisi, Georgia",),
        None,
        "–",
        (
            ("inline", "Nino Kapanadze", "These highways carry"),
            ("inline", "Nino Kapanadze", "Common rules also mean"),
            ("inline", "Ms. Kapanadze", "Publishing the figures"),
        ),
        (
            ("notes", "Notes to editors"),
            ("about", "About the Regional Road Safety Council"),
            ("contact", "For further information"),
        ),
        (("Tamar Gelashvili", "tgelashvili@rrsc.example.org", "+995 32 255 0142"),),
        end_mark="###",
        lede_date="Wednesday, 10 September 2025",
    ),
    "tests/fixtures/releases/09-fr-guillemets-le-date.md": Expected(
        "Alphabétisation des adultes",
        dt.date(2025, 11, 5),
        "Dakar",
        "fr",
        "default",
        ("Dakar",),
        None,
        "–",
        (
            ("inline", "Mariètou Ba", "Pour une femme"),
            ("inline", "Mariètou Ba", "Ce qui fait la réussite"),  # « ... », a-t-elle ajouté.
            ("inline", "Ousmane Camara", "Les apprenants ne veulent"),
        ),
        (
            ("notes", "Notes aux rédactions"),
            ("about", "À propos du Réseau francophone pour l’alphabétisation"),
            ("contact", "Contact presse"),
        ),
        (("Aminata Diallo", "adiallo@rfa.example.org", "+221 33 889 01 77"),),
        lede_date="mercredi 5\u00a0novembre 2025",  # a no-break space, as typed,
    ),
    "tests/fixtures/releases/10-es-comillas-angulares.md": Expected(
        "Centroamérica tendrá un sistema común",
        dt.date(2025, 10, 7),
        "Ciudad de Panamá",
        "es",
        "default",
        ("Ciudad de Panamá",),
        "7 de octubre de 2025",
        "–",
        (
            ("inline", "Lucía Marenco", "Una tormenta no se detiene"),
            ("inline", "Lucía Marenco", "La población tiene que entender"),  # », afirmó. (pro-drop)
            ("inline", "Rodrigo Alvarado", "Las comunidades fronterizas"),
        ),
        (
            ("notes", "Notas para los editores"),
            ("about", "Acerca del Observatorio Centroamericano del Clima"),
            ("contact", "Contacto de prensa"),
        ),
        (("Valeria Castillo", "vcastillo@occ.example.org", "+507 302 5571"),),
    ),
    "tests/fixtures/releases/11-ru-yolochki-dateline-date.md": Expected(
        "Более 40 тысяч пожилых людей",
        dt.date(2025, 11, 12),
        "МИНСК",
        "ru",
        "default",
        ("МИНСК",),
        "12 ноября 2025 года",
        "–",
        (
            ("inline", "Андрей Ковалёв", "Для многих наших слушателей"),
            ("inline", "Ольга Морозова", "Пожилые люди учатся"),
            ("inline", "Андрей Ковалёв", "Мошенники всё чаще"),
        ),
        (
            ("notes", "Примечания для редакторов"),
            ("about", "О Центре цифровых навыков"),
            ("contact", "Контакты"),
        ),
        (("Наталья Сидоренко", "nsidorenko@cdn.example.org", "+375 17 555 01 42"),),
    ),
    "tests/fixtures/releases/12-ap-standalone-city-subhead.md": Expected(
        "Chicago transit riders group",
        dt.date(2025, 6, 10),
        None,
        "en",
        "ap",
        ("CHICAGO",),
        None,
        "—",
        (
            ("inline", "Tanya Brooks", "Bus riders in this city"),
            ("inline", "Tanya Brooks", "Paint and signals are cheap"),
            ("inline", "Webb", "Once the buses started moving"),
        ),
        (("notes", "Notes to editors"), ("contact", "Media inquiries")),
        (("Rosa Delgado", "rdelgado@lakeshore.example.org", "+1 312 555 0119"),),
        end_mark="###",
    ),
}


def text_at(release: Release, span: Span) -> str:
    """The source text a one-line span covers."""
    assert span.line == span.end_line, span
    return release.source.split("\n")[span.line - 1][span.column - 1 : span.end_column - 1]


@pytest.fixture(scope="module", params=sorted(FILES))
def case(request: pytest.FixtureRequest) -> tuple[Release, Expected]:
    return parse_file(ROOT / request.param), FILES[request.param]


def test_every_example_and_fixture_is_in_the_table() -> None:
    on_disk = {str(p.relative_to(ROOT)) for p in [*EXAMPLES.glob("*.md"), *FIXTURES.glob("*.md")]}
    assert on_disk == set(FILES)


def test_no_front_matter_or_read_problems(case: tuple[Release, Expected]) -> None:
    release, _ = case
    assert [p for p in release.problems if p.code in FATAL] == []


def test_front_matter_values(case: tuple[Release, Expected]) -> None:
    release, want = case
    assert release.title is not None and release.title.startswith(want.title_start)
    assert release.date == want.date
    assert release.location == want.location
    assert release.language == want.language
    assert release.profile == want.profile
    assert release.organization is not None, "every example names an organisation from its config"
    if "embargo" in want.extra:
        assert release.embargo is not None and release.embargo.at == want.extra["embargo"]
        assert release.embargo.at.tzinfo is not None
    if "zone" in want.extra:
        assert release.embargo is not None and release.embargo.zone == want.extra["zone"]
    if "slug" in want.extra:
        assert release.slug == want.extra["slug"]
    else:
        assert release.slug.startswith(want.date.isoformat() + "-")


def test_dateline_or_location(case: tuple[Release, Expected]) -> None:
    release, want = case
    assert release.dateline is not None or release.location
    dateline = release.dateline
    assert dateline is not None
    assert tuple(p.name for p in dateline.places) == want.places
    assert (dateline.date.text if dateline.date else None) == want.dateline_date
    assert dateline.separator == want.separator
    assert dateline.wire == want.wire
    # Spans point at the text they name.
    assert text_at(release, dateline.span) == dateline.text
    assert text_at(release, dateline.separator_span) == dateline.separator
    for place in dateline.places:
        assert text_at(release, place.span) == place.name
    if dateline.date:
        assert text_at(release, dateline.date.span) == dateline.date.text
        assert dateline.date.resolve(want.date.year) == want.date
    assert (release.lede_date.text if release.lede_date else None) == want.lede_date
    if release.lede_date:
        assert release.lede_date.resolve(want.date.year) == want.date


def test_quotes_and_speakers(case: tuple[Release, Expected]) -> None:
    release, want = case
    found = [(q.kind, q.speaker) for q in release.quotes]
    assert found == [(kind, speaker) for kind, speaker, _ in want.quotes]
    for quote, (_, _, start) in zip(release.quotes, want.quotes, strict=True):
        assert quote.text.startswith(start), quote.text
        assert quote.attributed
        assert quote.words >= 6
        if quote.kind == "inline":
            assert text_at(release, quote.span)[0] == quote.open_mark
            assert quote.close_mark is not None


def test_sections(case: tuple[Release, Expected]) -> None:
    release, want = case
    assert [(s.kind, s.heading) for s in release.sections] == list(want.sections)
    lines = release.source.split("\n")
    for section in release.sections:
        assert section.heading in lines[section.span.line - 1]
        assert section.blocks, f"{section.heading} has content"
        assert all(release.blocks[i].section == release.sections.index(section) for i in section.blocks)


def test_contacts(case: tuple[Release, Expected]) -> None:
    release, want = case
    assert [(c.name, c.email, c.phone) for c in release.contacts] == list(want.contacts)
    for contact in release.contacts:
        if contact.source == "section":
            assert contact.email_span is not None and text_at(release, contact.email_span) == contact.email


def test_end_mark_and_body(case: tuple[Release, Expected]) -> None:
    release, want = case
    assert (release.end_mark.text if release.end_mark else None) == want.end_mark
    assert release.lede is not None and release.lede == release.body[0]
    section_blocks = {i for s in release.sections for i in (*s.blocks, s.heading_block)}
    assert not section_blocks & set(release.body)


# -- single structural facts the table does not show -------------------------------------------


def test_seed_spans_are_file_lines() -> None:
    release = parse_file(EXAMPLES / "iom-minsk-2024-07-19.md")
    assert release.front_matter.key_spans["title"] == Span(2, 1, 2, 6)
    assert release.front_matter.key_spans["contacts"].line == 8
    assert release.dateline is not None and release.dateline.span == Span(17, 1, 17, 8)
    quote = release.quotes[0]
    assert quote.span.line == 23 and quote.span.column == 1
    assert quote.speaker_span is not None and text_at(release, quote.speaker_span) == "he"
    assert [s.span.line for s in release.sections] == [35, 39]
    assert release.organization is not None and release.organization.short_name == "IOM"
    contact = release.contacts[0]
    assert contact.region == "In Belarus"
    assert contact.email_span == Span(42, 33, 42, 51), "the section's address is located on the merged contact"


def test_end_mark_before_sections_splits_body_from_notes() -> None:
    text = "---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n\nMore body.\n\n-30-\n\n## About Acme\n\nAcme makes things.\n"
    release = parse(text)
    assert release.end_mark is not None and release.end_mark.text == "-30-"
    assert [release.blocks[i].text for i in release.body] == ["GENEVA – Lede.", "More body."]
    assert release.sections[0].kind == "about"


@pytest.mark.parametrize("mark", ["###", "-30-", "ENDS", "-ENDS-", "- ENDS -"])
def test_every_end_mark_form(mark: str) -> None:
    release = parse(f"---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n\n{mark}\n")
    assert release.end_mark is not None and release.end_mark.text == mark
    assert release.end_mark.span.line == 8


def test_comments_are_kept_and_hidden_from_the_body() -> None:
    text = "---\ntitle: T\ndate: 2024-07-19\n---\n\n<!-- pressrelease-disable PR303 -->\nGENEVA – Lede.\n"
    release = parse(text)
    assert [c.text for c in release.comments] == ["pressrelease-disable PR303"]
    assert release.comments[0].span.line == 6
    assert release.dateline is not None and release.dateline.places[0].name == "GENEVA"


def test_parse_file_reads_the_config_beside_the_release() -> None:
    release = parse_file(FIXTURES / "03-prnewswire-split-quote-endmark.md")
    assert release.organization is not None and release.organization.key == "meridian"
    assert release.path == FIXTURES / "03-prnewswire-split-quote-endmark.md"


def test_parse_accepts_a_string_path_and_crlf() -> None:
    text = "---\r\ntitle: T\r\ndate: 2024-07-19\r\n---\r\n\r\nGENEVA – Lede.\r\n"
    release = parse(text, "x/release.md")
    assert release.path == Path("x/release.md")
    assert release.title == "T" and release.dateline is not None


def test_missing_path_and_folder_raise_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        parse_file(tmp_path / "nope.md")
    with pytest.raises(ReadError, match="folder"):
        parse_file(tmp_path)


def _problem_file(tmp_path: Path, data: bytes) -> Release:
    path = tmp_path / "release.md"
    path.write_bytes(data)
    return parse_file(path)


def test_pr004_nul_bytes(tmp_path: Path) -> None:
    release = _problem_file(tmp_path, b"---\ntitle: T\n---\nline\x00 three\n")
    assert [(p.code, p.span.line) for p in release.problems] == [("PR004", 4)]
    assert "NUL" in release.problems[0].message
    assert release.blocks == () and release.title is None


def test_pr004_not_utf8_names_the_line(tmp_path: Path) -> None:
    release = _problem_file(tmp_path, b"---\ntitle: T\n---\n\nCaf" + b"\xe9 noir\n")
    assert [(p.code, p.span.line) for p in release.problems] == [("PR004", 5)]
    assert "UTF-8" in release.problems[0].message and "0xe9" in release.problems[0].message


def test_pr004_too_large(tmp_path: Path) -> None:
    release = _problem_file(tmp_path, b"---\ntitle: T\n---\n" + b"word " * (2 * 1024 * 1024 // 5 + 10))
    assert [p.code for p in release.problems] == ["PR004"]
    assert "2 MB" in release.problems[0].message


def test_a_file_of_exactly_two_megabytes_is_read_whole(tmp_path: Path) -> None:
    head = b"---\ntitle: T\n---\n"
    body = b"word " * ((2 * 1024 * 1024 - len(head)) // 5)
    data = head + body + b"x" * (2 * 1024 * 1024 - len(head) - len(body))
    release = _problem_file(tmp_path, data)
    assert [p.code for p in release.problems if p.code == "PR004"] == []
    assert len(release.source) == 2 * 1024 * 1024


def test_a_file_that_grew_since_its_size_was_taken_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from pressrelease.parse.reading import read_text

    path = tmp_path / "release.md"
    path.write_text("---\ntitle: T\n---\n\nGENEVA – A lede that is longer than the size first taken.\n")
    real = os.fstat

    class Smaller:
        def __init__(self, info: os.stat_result) -> None:
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Smaller(real(fd)))
    assert read_text(path) == (path.read_text(), None)


def test_pr004_from_text_too() -> None:
    assert [p.code for p in parse("a\nb\x00").problems] == ["PR004"]
    assert parse("a\nb\x00").problems[0].span.line == 2


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    release = _problem_file(tmp_path, "\ufeff---\ntitle: T\ndate: 2024-07-19\n---\n\nGENEVA – Lede.\n".encode())
    assert release.problems == () and release.title == "T"


def test_a_line_without_bold_is_read_as_the_label_pattern_reads_it() -> None:
    """structure._unmarked_label gives _LABEL's label and marking without its backtracking."""
    import itertools

    from pressrelease.parse.structure import _LABEL, _label

    def by_pattern(line: str) -> tuple[str, bool] | None:
        match = _LABEL.match(line)
        if not match:
            return None
        marked = bool(match.group("colon") or match.group("colon2")) or line.strip().startswith(("**", "__"))
        return match.group("label"), marked

    lines = ["".join(chars) for size in range(7) for chars in itertools.product("a :\t", repeat=size)]
    lines += ["Notes to editors", " Contact :: ", "Media contacts\xa0:", "a:::", "\u2003", "Ends. : ", "x ：", ":"]
    assert [_label(line) for line in lines] == [by_pattern(line) for line in lines]
