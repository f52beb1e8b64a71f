"""Which customers look like the same customer entered twice — vectorised over
a customers DataFrame, so that 100,000 customers take seconds, not hours.

Decisions, pinned by tests:

- **Same e-mail**: equal after trimming and lower-casing.
- **Same phone**: equal digits after dropping a Turkish country or trunk prefix
  (``+90``, ``0090``, ``90``, ``0``) in front of a ten-digit national number, so
  "0 (212) 555 12 34", "+90 212 555 1234" and "2125551234" are one number.
  Numbers of fewer than seven digits are ignored.
- **Similar name**: names are folded the Turkish way (İ→i, I→ı, then ş ğ ü ö ç ı
  to their ASCII letters), stripped of punctuation and of trailing legal forms
  ("A.Ş.", "Anonim Şirketi", "Ltd. Şti.", "San. ve Tic.", "Inc", "GmbH", …), so
  "ÖRNEK GIDA A.Ş." and "Örnek Gıda Anonim Şirketi" are the same name. Folded
  names with the same words in any order match exactly ("Gıda Örnek"); beyond
  that, two names are similar when rapidfuzz's ``token_sort_ratio`` is at least
  90. Only names whose folded forms share the first three characters are
  compared (blocking) and, inside a block, only names of close length (the
  ratio cannot reach 90 otherwise), which keeps the work near linear.
- A value shared by more than :data:`MAX_GROUP` customers (a switchboard number,
  "info@…" of a holding, a very common personal name) is not taken as a sign of
  a duplicate: it would only flood the list.
- Each pair appears once, the lower id first, with its reasons (in the order
  ``email``, ``phone``, ``name``) and a 0–100 score that grows with each reason:
  ``100 × (1 − Π(1 − weight))``, the name's weight scaled by its similarity.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

#: Columns of the customers frame.
ID, NAME, EMAIL, PHONE = "id", "name", "email", "phone"
#: Columns of the result.
FIRST, SECOND, SCORE, REASONS = "first_id", "second_id", "score", "reasons"
#: The reasons, in the order they are listed.
SAME_EMAIL, SAME_PHONE, SIMILAR_NAME = "email", "phone", "name"
REASON_ORDER = (SAME_EMAIL, SAME_PHONE, SIMILAR_NAME)

#: How much each reason alone says that two records are one customer.
WEIGHTS = {SAME_EMAIL: 0.8, SAME_PHONE: 0.7, SIMILAR_NAME: 0.6}
#: The lowest token_sort_ratio (0–100) at which two different names are similar.
NAME_THRESHOLD = 90
#: Values shared by more customers than this are not taken as duplicate signs.
MAX_GROUP = 20
#: Characters of the folded name that blocks share.
BLOCK_PREFIX = 3
#: Names compared at once with the rest of their block.
CHUNK = 256
MIN_PHONE_DIGITS = 7

#: Legal forms and their words, dropped from the end of a name (after
#: folding; "A.Ş." and "A. Ş." have become "a s", "AŞ" "as").
_LEGAL_WORDS = frozenset(
    {
        "as",
        "anonim",
        "sirketi",
        "sirket",
        "ltd",
        "limited",
        "sti",
        "san",
        "sanayi",
        "tic",
        "ticaret",
        "ve",
        "inc",
        "llc",
        "gmbh",
        "co",
        "corp",
        "plc",
    }
)
_TURKISH_PHONE_PREFIX = r"^(?:00)?(?:90)?0?(?=\d{10}$)"

_RESULT_COLUMNS = [FIRST, SECOND, SCORE, REASONS, *REASON_ORDER]


def normalise_names(names: pd.Series) -> pd.Series:
    """Folded names for comparison ("" where nothing is left)."""
    folded = (
        names.fillna("")
        .astype(str)
        # Upper-case dotted and dotless I first, so that lower() is Turkish.
        .str.replace("İ", "i", regex=False)
        .str.replace("I", "ı", regex=False)
        .str.lower()
        .str.replace("ı", "i", regex=False)
        # ş ğ ü ö ç â î û: the letter, then a combining mark that goes.
        .str.normalize("NFKD")
        .str.replace(r"[\u0300-\u036f'’]", "", regex=True)
        .str.replace(r"[\W_]+", " ", regex=True)
    )
    return pd.Series(
        [_without_legal_form(text.split()) for text in folded],
        index=names.index,
        dtype=object,
    )


def _without_legal_form(words: list[str]) -> str:
    """The words joined, less legal-form words at the end (never the first)."""
    while len(words) > 1:
        if words[-1] in _LEGAL_WORDS:
            words.pop()
        elif words[-2:] == ["a", "s"] and len(words) > 2:
            del words[-2:]
        else:
            break
    return " ".join(words)


def normalise_emails(emails: pd.Series) -> pd.Series:
    return emails.fillna("").astype(str).str.strip().str.lower()


def normalise_phones(phones: pd.Series) -> pd.Series:
    """Digits only, without a Turkish prefix; "" for too short a number."""
    digits = (
        phones.fillna("")
        .astype(str)
        .str.replace(r"\D", "", regex=True)
        .str.replace(_TURKISH_PHONE_PREFIX, "", regex=True)
    )
    return digits.where(digits.str.len() >= MIN_PHONE_DIGITS, "")


#: Told how many of the distinct names have been compared, of how many.
OnProgress = Callable[[int, int], None]


def suggest(
    customers: pd.DataFrame, on_progress: OnProgress | None = None
) -> pd.DataFrame:
    """Pairs of customers that may be one customer, best first.

    ``customers`` has the columns ``id``, ``name``, ``email`` and ``phone``
    (``account_number`` may come along; it is not compared). The result has
    ``first_id`` < ``second_id``, ``score`` (0–100), ``reasons`` (a tuple) and
    one boolean column per reason. Comparing the names is most of the work
    on a large base: ``on_progress`` hears how far it has got, about every
    hundredth of the names, so a job can show it.
    """
    ids = customers[ID].to_numpy(dtype="int64")
    found = [
        _same_value(ids, normalise_emails(customers[EMAIL]), SAME_EMAIL),
        _same_value(ids, normalise_phones(customers[PHONE]), SAME_PHONE),
        _similar_names(ids, normalise_names(customers[NAME]), on_progress),
    ]
    found = [frame for frame in found if len(frame)]
    if not found:
        return pd.DataFrame(
            {
                FIRST: pd.Series(dtype="int64"),
                SECOND: pd.Series(dtype="int64"),
                SCORE: pd.Series(dtype="int64"),
                REASONS: pd.Series(dtype=object),
                **{reason: pd.Series(dtype=bool) for reason in REASON_ORDER},
            }
        )[_RESULT_COLUMNS]
    pairs = pd.concat(found, ignore_index=True)
    strengths = pairs.pivot_table(
        index=[FIRST, SECOND], columns="reason", values="strength", aggfunc="max"
    ).reindex(columns=list(REASON_ORDER))
    result = strengths.notna()
    missing = strengths.fillna(0.0)
    remaining = np.ones(len(strengths))
    for reason in REASON_ORDER:
        remaining *= 1.0 - WEIGHTS[reason] * missing[reason].to_numpy()
    result[SCORE] = np.rint(100.0 * (1.0 - remaining)).astype("int64")
    flags = result[list(REASON_ORDER)].to_numpy()
    labels = np.array(REASON_ORDER, dtype=object)
    result[REASONS] = [tuple(labels[row]) for row in flags]
    result = result.reset_index().sort_values(
        [SCORE, FIRST, SECOND], ascending=[False, True, True], ignore_index=True
    )
    result.columns.name = None
    return result[_RESULT_COLUMNS]


def _pair_frame(first, second, reason: str, strength) -> pd.DataFrame:
    first = np.asarray(first, dtype="int64")
    second = np.asarray(second, dtype="int64")
    return pd.DataFrame(
        {
            FIRST: np.minimum(first, second),
            SECOND: np.maximum(first, second),
            "reason": reason,
            "strength": np.array(
                np.broadcast_to(np.asarray(strength, dtype="float64"), first.shape)
            ),
        }
    )


def _groups(ids: np.ndarray, keys: pd.Series) -> pd.DataFrame:
    """Id and key of the customers whose non-empty key is shared by 2 to
    MAX_GROUP customers."""
    frame = pd.DataFrame({ID: ids, "key": keys.to_numpy()})
    frame = frame[frame["key"] != ""]
    sizes = frame.groupby("key")[ID].transform("size")
    return frame[(sizes >= 2) & (sizes <= MAX_GROUP)]


def _same_value(ids: np.ndarray, keys: pd.Series, reason: str) -> pd.DataFrame:
    frame = _groups(ids, keys)
    pairs = frame.merge(frame, on="key")
    pairs = pairs[pairs[f"{ID}_x"] < pairs[f"{ID}_y"]]
    return _pair_frame(pairs[f"{ID}_x"], pairs[f"{ID}_y"], reason, 1.0)


def _similar_names(
    ids: np.ndarray, names: pd.Series, on_progress: OnProgress | None
) -> pd.DataFrame:
    """Names with the same words (in any order), and similar ones within blocks."""
    words = names.str.split().map(lambda found: " ".join(sorted(found)))
    exact = _same_value(ids, words, SIMILAR_NAME)

    # Compare each distinct name once; a name of too many customers is common,
    # not a duplicate sign, and stays out like in the exact match.
    frame = pd.DataFrame({ID: ids, "key": words.to_numpy(), "name": names.to_numpy()})
    frame = frame[frame["key"] != ""]
    sizes = frame.groupby("key")[ID].transform("size")
    frame = frame[sizes <= MAX_GROUP]
    distinct = frame.drop_duplicates("key")
    if len(distinct) < 2:
        return exact
    # By block (the name's start as written), then by length: the names a name
    # can reach are a contiguous run.
    table = pd.DataFrame(
        {
            "key": distinct["key"],
            "block": distinct["name"].str[:BLOCK_PREFIX],
            "length": distinct["key"].str.len(),
        }
    ).sort_values(["block", "length", "key"], ignore_index=True)
    keys = table["key"]
    blocks = table["block"].to_numpy(dtype=object)
    lengths = table["length"].to_numpy(dtype="int64")
    boundaries = np.flatnonzero(blocks[1:] != blocks[:-1]) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(blocks)]))

    left, right, similarity = _compare_blocks(
        keys.tolist(), lengths, starts, ends, on_progress
    )
    if not len(left):
        return exact

    name_pairs = pd.DataFrame(
        {
            "left": keys.to_numpy()[left],
            "right": keys.to_numpy()[right],
            "similarity": similarity.astype("float64") / 100.0,
        }
    )
    # Every customer of one name with every customer of the other.
    customers_by_name = frame[[ID, "key"]]
    pairs = name_pairs.merge(
        customers_by_name.rename(columns={"key": "left", ID: "left_id"}), on="left"
    ).merge(
        customers_by_name.rename(columns={"key": "right", ID: "right_id"}), on="right"
    )
    similar = _pair_frame(
        pairs["left_id"], pairs["right_id"], SIMILAR_NAME, pairs["similarity"]
    )
    return pd.concat([exact, similar], ignore_index=True)


def _compare_blocks(
    texts: list[str],
    lengths: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    on_progress: OnProgress | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index pairs (left < right) of similar texts within each block, and their
    similarity. Inside a block the texts are sorted by length; the Indel
    distance is at least the difference in length, so a text can only reach the
    ones up to 11/9 of its length, and each chunk of rows is compared with
    that run only. The texts are words sorted and joined by one space, so
    plain ``ratio`` gives token_sort_ratio without sorting again per pair."""
    left_parts, right_parts, score_parts = [], [], []
    every, told = max(1, len(texts) // 100), 0
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if on_progress is not None and start - told >= every:
            on_progress(start, len(texts))
            told = start
        if end - start < 2:
            continue
        block_lengths = lengths[start:end]
        for row in range(start, end - 1, CHUNK):
            stop = min(row + CHUNK, end - 1)
            longest = int(lengths[stop - 1]) * 11 // 9 + 1
            reach = start + int(np.searchsorted(block_lengths, longest, "right"))
            scores = process.cdist(
                texts[row:stop],
                texts[row + 1 : reach],
                scorer=fuzz.ratio,
                score_cutoff=NAME_THRESHOLD,
                dtype=np.uint8,
                workers=-1 if (stop - row) * (reach - row) > 100_000 else 1,
            )
            # Row i of the chunk is text row+i; column j is text row+1+j: the
            # texts after it are the columns j >= i.
            rows, columns = np.nonzero(scores)
            after = columns >= rows
            rows, columns = rows[after], columns[after]
            left_parts.append(row + rows)
            right_parts.append(row + 1 + columns)
            score_parts.append(scores[rows, columns])
    if not left_parts:
        empty = np.empty(0, dtype="int64")
        return empty, empty, empty
    return (
        np.concatenate(left_parts),
        np.concatenate(right_parts),
        np.concatenate(score_parts).astype("int64"),
    )
