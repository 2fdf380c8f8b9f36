"""Small typographic repairs for the laid-out formats (page, PDF, email, Word).

A number and its unit or scale word are one thing to a reader: "40 million" split
across two lines reads as "40" and "million". A no-break space keeps them together.
The plain text is left alone: a mail client wraps it, and a no-break space pasted
into a form can surprise.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_SCALE_WORDS = (
    "thousand|million|billion|trillion|per cent|percent|"
    "millions?|milliards?|mille|"  # French
    "Millionen|Million|Milliarden|Milliarde|Prozent|"  # German
    "millones|millón|mil millones|por ciento|"  # Spanish
    "тыс\\.?|млн|млрд|процент\\w*|"  # Russian
    "km|m|cm|mm|kg|g|t|l|ha|hectares?|acres?|litres?|liters?|tonnes?|tons?|"
    "kW|MW|GW|kWh|MWh|GWh|TWh|km²|m²|m³|°C|°F|%|‰"
)
_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_SCALE_WORDS})(?![\w]))")


def keep_numbers_with_units(text: str) -> str:
    """``40 million`` -> ``40\u00a0million``, ``12 km`` -> ``12\u00a0km``: never split at the line end."""
    return _NUMBER_UNIT.sub(NBSP, text)


_LAST_GAP = re.compile(r" (?=\w\S{0,11}$)")


def no_lone_last_word(text: str) -> str:
    """The last two words joined by a no-break space, so a headline or a masthead never
    ends on one short word alone on its line ("... Development / Goals")."""
    if text.count(" ") < 3:
        return text
    return _LAST_GAP.sub(NBSP, text.rstrip(), count=1)
