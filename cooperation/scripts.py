"""Names in three scripts: which script a text is written in, and the form names are
compared in.

Readers type a name the way they know it: "tel aviv" for Tel-Aviv, 東莞 (traditional) for
东莞 (simplified), חיפה with or without vowel points, a maqaf (־) or a hyphen. `folded()`
brings every such variant to one form, used both for the stored search key of each name
(`Named.search_names`) and for what a reader types, so one containment test finds them all.
"""

import re
import unicodedata
from functools import cache

HEBREW = range(0x0590, 0x0600)
CJK = (range(0x3000, 0x3040), range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xFF00, 0xFFF0))
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")

# Dashes of every kind and the Hebrew maqaf read as a space: "Tel-Aviv", "Tel Aviv" and
# "תל־אביב" are one name. Geresh and gershayim read as the apostrophe and quote typed for them.
SEPARATORS = re.compile("[\\-\u2010-\u2015\u2212\u05be\ufe58\ufe63\uff0d_]")
APOSTROPHES = str.maketrans({"\u05f3": "'", "\u2019": "'", "\u2018": "'", "\u05f4": '"'})


def script_language(text: str) -> str:
    """'he' for text with Hebrew letters, 'zh' for text with Chinese characters, else ''."""
    for char in text:
        code = ord(char)
        if code in HEBREW:
            return "he"
        if any(code in block for block in CJK):
            return "zh"
    return ""


def is_chinese(text: str) -> bool:
    return bool(HAN.search(text))


def is_hebrew(text: str) -> bool:
    return bool(HEBREW_LETTER.search(text))


@cache
def simplifier():
    """OpenCC's traditional-to-simplified converter (loaded once: about 40 ms)."""
    import opencc

    return opencc.OpenCC("t2s")


def folded(text: str) -> str:
    """The form names are compared in: case, accents, Hebrew vowel points and cantillation,
    dashes and maqaf, and traditional Chinese characters ignored; spaces collapsed.

    "Tel-Aviv" and "TEL AVIV" give "tel aviv"; 東莞 gives 东莞; חֵיפָה gives חיפה.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = SEPARATORS.sub(" ", bare.translate(APOSTROPHES)).casefold()
    if is_chinese(bare):
        bare = simplifier().convert(bare)
    return " ".join(bare.split())


def name_key(text: str) -> str:
    """What two names must share to be one name: the folded form without punctuation, so
    "Ma'alot-Tarshiha" and "maalot tarshiha" differ only in the apostrophe's space."""
    return " ".join(re.sub(r"[\W_]+", " ", folded(text)).split())


def search_key(names) -> str:
    """The stored key of a thing's names, one folded name a line, each once and in order."""
    return "\n".join(dict.fromkeys(key for key in map(folded, names) if key))
