"""What a page's form holds, read as a browser would send it back."""

from html.parser import HTMLParser


class _Selects(HTMLParser):
    """The selected value of every select of a page."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._name: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._name = attrs.get("name")
            self.values.setdefault(self._name, "")
        elif tag == "option" and self._name and "selected" in attrs:
            self.values[self._name] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._name = None


def selected(page: str) -> dict[str, str]:
    parser = _Selects()
    parser.feed(page)
    return parser.values
