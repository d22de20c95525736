"""Hostile form values, and a POST that sends them as a browser's bytes would arrive
(lone surrogates included, which no valid UTF-8 can carry)."""

from urllib.parse import urlencode

HOSTILE_VALUES = [
    "",
    "\x00",
    "a\x00b",
    "\ud800",
    "x" * 10_000,
    "line\r\nbreak",
    "99999999999999999999",
    "-1",
    "abc",
    "1e309",
    "{",
    '{"blocks": [{"text": 1}], "entityMap": []}',
    "[]",
    "null",
]


def encode(data: dict) -> bytes:
    pairs = []
    for key, value in data.items():
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            pairs.append((key, str(item).encode("utf-8", "surrogatepass")))
    return urlencode(pairs).encode("ascii")


def post_raw(client, url, data: dict, **extra):
    return client.post(url, encode(data), content_type="application/x-www-form-urlencoded", **extra)


def variants(base: dict, values=HOSTILE_VALUES):
    """Each key of ``base`` given each hostile value, the other keys left valid."""
    for key in base:
        for value in values:
            yield key, value, {**base, key: value}


# The page editor's POSTs are slow: these cover every way its widgets broke (a number
# that is no number, broken or wrong-typed JSON, NUL, a lone surrogate, a huge number).
EDITOR_VALUES = [
    "\x00",
    "\ud800",
    "99999999999999999999",
    "abc",
    "{",
    '{"blocks": [{"text": 1}], "entityMap": []}',
]
