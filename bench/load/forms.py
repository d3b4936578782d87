"""The forms of an HTML page as a browser would send them (for the load and fault scripts)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

#: What an applicant of the load types in the application's fields (by field name).
ANSWERS = {
    "first_name": "Awa",
    "last_name": "Diallo",
    "birth_date": "1990-06-02",
    "birth_date_0": "2",
    "birth_date_1": "6",
    "birth_date_2": "1990",
    "preferred_language": "fr-ca",
    "phone": "450 555-0101",
    "city": "Laval",
    "postal_code": "H7N 2T5",
    "region": "13",
    "household_type": "single_parent",
    "adults": "1",
    "children": "2",
    "program": "PAS",
    "wants_support": "yes",
    "job_start": "yes",
}


class Forms(HTMLParser):
    """The forms of a page: action, method and the values a browser would send by default."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get").lower(),
                    "id": a.get("id", ""),
                    "fields": {},
                    "buttons": [],
                }
            )
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value", "on"))
                else:
                    fields.setdefault(name, [])
            elif kind == "submit":
                self.forms[-1]["buttons"].append((name, a.get("value", "")))
            else:
                fields[name] = [a.get("value", "")]
        elif tag == "button" and name:
            self.forms[-1]["buttons"].append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select = name
            fields[name] = []
        elif tag == "option" and self._select:
            if "selected" in a:
                fields[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = [""]

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] = [data.strip()]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[dict[str, Any]]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def post_data(form: dict[str, Any], **values: Any) -> list[tuple[str, str]]:
    fields = dict(form["fields"])
    for name, value in values.items():
        fields[name] = value if isinstance(value, list) else [str(value)]
    return [(name, v) for name, vs in fields.items() for v in vs]
