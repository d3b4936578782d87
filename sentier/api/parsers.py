"""The API's JSON parser: DRF's, with a bound on the size and the nesting depth of a body.

Without a bound, a body nested a few thousand levels deep makes Python's JSON decoder raise
``RecursionError`` (a 500), and a large body is read whole into memory. Here the body is read up
to ``MAX_BODY_BYTES``, its depth is measured without recursion before anything is decoded, and
either excess is a 400 with a message that says which limit was passed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

# No endpoint takes more: a batch of decisions is a few hundred bytes per request.
MAX_BODY_BYTES = 1024 * 1024
# The deepest body any endpoint expects is 3 levels; 32 leaves room and stays far from recursion.
MAX_DEPTH = 32

_SIGNIFICANT = re.compile(r'[\\"\[\]{}]')


def json_depth_exceeds(text: str, limit: int) -> bool:
    """Whether arrays and objects in ``text`` nest deeper than ``limit`` (brackets in strings
    do not count). A linear scan over the characters that matter, never a recursion."""
    depth = 0
    in_string = False
    skip = -1  # the position of the character a backslash escapes
    for match in _SIGNIFICANT.finditer(text):
        position = match.start()
        if position == skip:
            continue
        char = match.group()
        if in_string:
            if char == "\\":
                skip = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _encoding(parser_context: Mapping[str, Any]) -> str:
    """The request's charset, if it is a text encoding (``bz2_codec`` and the like decompress)."""
    encoding = str(parser_context.get("encoding") or settings.DEFAULT_CHARSET)
    try:
        "".encode(encoding)
    except (LookupError, UnicodeError) as exc:
        raise ParseError(
            _("Unsupported charset %(encoding)s.") % {"encoding": repr(encoding)}
        ) from exc
    return encoding


class BoundedJSONParser(JSONParser):
    """JSON bodies of at most ``MAX_BODY_BYTES`` bytes nested at most ``MAX_DEPTH`` deep."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        encoding = _encoding(parser_context or {})
        raw = stream.read(MAX_BODY_BYTES + 1)
        if len(raw) > MAX_BODY_BYTES:
            raise ParseError(
                _("The body is too large: at most %(size)d bytes are accepted.")
                % {"size": MAX_BODY_BYTES}
            )
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(
                _("The body is not valid %(encoding)s.") % {"encoding": encoding}
            ) from exc
        if json_depth_exceeds(text, MAX_DEPTH):
            raise ParseError(
                _("The JSON body is nested too deeply: at most %(depth)d levels are accepted.")
                % {"depth": MAX_DEPTH}
            )
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError as exc:  # not reachable within MAX_DEPTH; kept as a last guard
            raise ParseError(
                _("The JSON body is nested too deeply: at most %(depth)d levels are accepted.")
                % {"depth": MAX_DEPTH}
            ) from exc
        except ValueError as exc:
            raise ParseError(_("The body is not valid JSON: %(error)s") % {"error": exc}) from exc
