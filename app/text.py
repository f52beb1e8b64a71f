"""Text as the app stores it: no control characters.

A NUL byte cannot be stored in PostgreSQL text at all, and the other control
characters (escape sequences, the C1 range) only ever arrive by accident or
from someone probing. Long text keeps tab and line breaks (a browser's
textarea sends CR LF); everything else of Unicode's "Cc" category is refused
by the forms (``app.forms.Form``) and dropped where text is not typed but
carried along: a search in a URL, an uploaded file's name. A name given to a
downloaded file is reduced to plain ASCII letters and digits.
"""

from __future__ import annotations

import re
import unicodedata

#: every control character: C0, DEL and C1
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: the same but tab, line feed and carriage return
_CONTROLS_BUT_LINE_BREAKS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text: str, line_breaks_allowed: bool = False) -> bool:
    """Whether the text holds a control character (tab and line breaks count
    only when they are not allowed)."""
    pattern = _CONTROLS_BUT_LINE_BREAKS if line_breaks_allowed else _CONTROLS
    return pattern.search(text) is not None


def without_control_characters(text: str) -> str:
    """The text with every control character, line breaks too, taken out."""
    return _CONTROLS.sub("", text)


#: Letters Unicode does not decompose into a Latin letter and an accent.
_OWN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})
#: runs of what a file name should not hold: spaces, punctuation, symbols
_NOT_LETTERS_OR_DIGITS = re.compile(r"[\W_]+")


def file_name_part(text: str, keep_letters: bool = False) -> str:
    """The text as a part of a file name: its words joined by hyphens, in
    Latin letters without accents (``Öztürk Gıda A.Ş.`` → ``Ozturk-Gida-A-S``),
    which every system and browser accepts, or with its own letters kept
    (``Öztürk-Gıda-A-Ş``) for a name that may carry them (``filename*``)."""
    if not keep_letters:
        decomposed = unicodedata.normalize("NFKD", text.translate(_OWN_LETTERS))
        text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_LETTERS_OR_DIGITS.sub("-", text).strip("-")
