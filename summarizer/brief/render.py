"""The brief as Markdown and as one self-contained HTML page, and ``write_brief``.

The HTML page shows every article's text with each evidence span wrapped in an
element with an id; every figure in the tables is a link that highlights its
evidence and scrolls it into view. Article text (and every record field, which a
model wrote) is untrusted: everything is escaped, ids and the script are the
program's own, no handler is built from data, and a Content-Security-Policy lets
only the page's own script and style (by hash) run, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from summarizer.brief import build_brief
from summarizer.brief.models import Brief, Claim, Disagreement, Support, format_count
from summarizer.io import write_json_atomic, write_text_atomic
from summarizer.kinds import KIND
from summarizer.records import ArticleRecords
from summarizer.schemas import validate_document

__all__ = ["brief_html", "brief_markdown", "write_brief", "write_run_brief"]

_CAS_FIELDS = tuple((f.name, f.title) for f in KIND["casualty_estimates"].figures)
_DASH = "—"


# --- shared table content ---------------------------------------------------------------------
# Tables are built once as rows of cells; a cell is text, (text, claims) for a figure whose
# evidence is the supports of those claims, (text, claims, article_id) for one article's
# support, or a list of those. Markdown prints the text, HTML makes each one a link.


def _article_links(claim: Claim) -> list[tuple[str, list[Claim], str]]:
    # One link per article, to that article's own statement of the claim.
    return [(aid, [claim], aid) for aid in dict.fromkeys(s.article_id for s in claim.supports)]


def _deployment_rows(brief: Brief) -> list[list[Any]]:
    by_id = {c.id: c for c in brief.claims}
    rows = []
    for event in brief.timeline:
        if event.kind == "treaty":
            continue
        for c in (by_id[i] for i in event.claim_ids):
            troops = format_count(c.figures["troops"]) if "troops" in c.figures else "not disclosed"
            rows.append([c.date or _DASH, c.end or _DASH, c.destination or _DASH, (troops, [c]),
                         "total" if c.cumulative else "wave", c.source or "unattributed",
                         _article_links(c)])
    return rows


def _casualty_rows(brief: Brief) -> list[list[Any]]:
    claims = sorted((c for c in brief.claims if c.record_type == "casualty_estimates"),
                    key=lambda c: ((c.force or "").lower(), c.date is None, c.date or "",
                                   (c.source or "").lower()))
    return [[c.force or _DASH, c.date or _DASH, c.source or "unattributed",
             *((format_count(c.figures[f]), [c]) if f in c.figures else _DASH for f, _ in _CAS_FIELDS),
             _article_links(c)] for c in claims]


def _treaty_rows(brief: Brief) -> list[list[Any]]:
    claims = sorted((c for c in brief.claims if c.record_type == "treaty_references"),
                    key=lambda c: (c.date is None, c.date or "", int(c.id[1:])))
    return [[c.date or _DASH, (c.treaty or _DASH, [c]), c.action or _DASH, c.actor or _DASH,
             ", ".join(c.parties) or _DASH, _article_links(c)] for c in claims]


def _extreme_claims(d: Disagreement, by_id: dict[str, Claim]) -> list[Claim]:
    low = min(d.figures, key=lambda f: f.count.low if f.count.low is not None else f.count.high)
    high = max(d.figures, key=lambda f: f.count.high if f.count.high is not None else f.count.low)
    return [by_id[low.claim_id], by_id[high.claim_id]]


def _disagreement_rows(brief: Brief) -> list[list[Any]]:
    by_id = {c.id: c for c in brief.claims}
    rows = []
    for d in brief.disagreements:
        figures = [(f"{format_count(f.count)} ({f.source or 'unattributed'})", [by_id[f.claim_id]])
                   for f in d.figures]
        spread = format_count(d.spread) + ("" if not d.ranges_overlap else " (ranges overlap)")
        quantity = d.subject if d.field == "troops" else f"{d.subject}, {d.field.replace('_', ' ')}"
        rows.append([quantity, d.date or _DASH, figures,
                     (spread, _extreme_claims(d, by_id))])
    return rows


_TABLES: list[tuple[str, list[str], Callable[[Brief], list[list[Any]]]]] = [
    ("Deployments timeline", ["Start", "End", "Destination", "Troops", "Type", "Source",
                              "Reported in"], _deployment_rows),
    ("Casualty estimates by source and date", ["Force", "As of", "Source",
                                               *(t for _, t in _CAS_FIELDS), "Reported in"],
     _casualty_rows),
    ("Treaty events", ["Date", "Treaty", "Action", "Actor", "Parties", "Reported in"], _treaty_rows),
    ("Disagreements", ["Quantity", "Date", "Figures by source", "Spread"], _disagreement_rows),
]


# --- Markdown ---------------------------------------------------------------------------------

def _md(text: str) -> str:
    # Cells hold model-written text: no table break-out, no inline HTML.
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _md_cell(cell: Any) -> str:
    if isinstance(cell, list):
        joiner = ", " if cell and len(cell[0]) == 3 else "; "
        return joiner.join(_md_cell(c) for c in cell)
    return _md(cell[0] if isinstance(cell, tuple) else cell)


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: the opening, then the four tables (a table with no row says so)."""
    lines = ["# Brief", "", f"Articles: {_md(', '.join(brief.articles)) or 'none'}", ""]
    if brief.opening:
        lines += [_md(brief.opening), ""]
    for title, header, rows_of in _TABLES:
        lines += [f"## {title}", ""]
        rows = rows_of(brief)
        if not rows:
            lines += ["None found.", ""]
            continue
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


# --- HTML -------------------------------------------------------------------------------------

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;
  background:#f6f7f9;display:flex;flex-direction:column;height:100vh}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #dde1e6}
h1{font-size:20px;margin:0 0 4px}
.opening{margin:0;max-width:70em}
.meta{color:#5b6670;font-size:13px;margin:2px 0 0}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr)}
.pane{overflow:auto;padding:8px 20px 40px}
.articles{background:#fff;border-left:1px solid #dde1e6}
h2{font-size:16px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13.5px}
th,td{border:1px solid #dde1e6;padding:4px 7px;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}
td.num{white-space:nowrap}
a.fig{color:#0b57d0;text-decoration:none;border-bottom:1px dotted #0b57d0;cursor:pointer}
a.fig:hover,a.fig.active,a.src:hover,a.src.active{background:#e3ecfd}
a.src{display:inline-block;max-width:100%;overflow-wrap:anywhere;color:#3b4650;
  text-decoration:none;border-bottom:1px dotted #8a96a3;font-size:12.5px}
.empty{color:#5b6670;font-style:italic}
.article h3{font-size:14px;margin:16px 0 4px;color:#3b4650;font-family:ui-monospace,monospace}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.ev{background:#fff4c2;border-radius:2px}
.ev.highlight{background:#ffb020;outline:2px solid #c77700}
@media (max-width:900px){body{height:auto}main{display:block}.pane{overflow:visible}}
"""

_SCRIPT = """
(function () {
  var active = null;
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-spans]') : null;
    if (!link) { return; }
    var ids = link.getAttribute('data-spans').split(' ').filter(function (x) { return x; });
    if (!ids.length) { return; }
    event.preventDefault();
    document.querySelectorAll('.highlight').forEach(function (el) { el.classList.remove('highlight'); });
    if (active) { active.classList.remove('active'); }
    active = link;
    link.classList.add('active');
    var first = null;
    ids.forEach(function (id) {
      document.querySelectorAll('[data-span="' + id + '"]').forEach(function (el) {
        el.classList.add('highlight');
        if (!first) { first = el; }
      });
    });
    if (first) { first.scrollIntoView({block: 'center', inline: 'nearest'}); }
  });
})();
"""


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class _Spans:
    """Evidence spans of every support, one id per distinct (article, start, end)."""

    def __init__(self, brief: Brief, texts: Mapping[str, str]) -> None:
        self.texts: dict[str, str] = {}
        self.ids: dict[tuple[str, int, int], str] = {}
        self.by_article: dict[str, list[tuple[str, int, int]]] = {a: [] for a in brief.articles}
        supports = [s for c in brief.claims for s in c.supports]
        for aid in brief.articles:
            text = texts.get(aid)
            if text is None:  # no text given: show the quotes themselves, so links still work
                text = "\n\n".join(dict.fromkeys(s.quote for s in supports if s.article_id == aid))
            self.texts[aid] = text
        for s in supports:
            key = self._key(s)
            if key is not None and key not in self.ids:
                self.ids[key] = f"s{len(self.ids) + 1}"
                self.by_article.setdefault(s.article_id, []).append((self.ids[key], *key[1:]))

    def _key(self, s: Support) -> tuple[str, int, int] | None:
        # Offsets first; the quote's first occurrence if the text given differs; else no span
        # (evidence not in the text given: the figure links to nothing).
        text = self.texts.get(s.article_id, "")
        start = s.start if text[s.start:s.end] == s.quote else text.find(s.quote)
        return None if start < 0 or not s.quote else (s.article_id, start, start + len(s.quote))

    def of(self, claims: list[Claim], article_id: str | None = None) -> list[str]:
        """Span ids of the claims' supports (only ``article_id``'s, if given)."""
        found = []
        for c in claims:
            for s in c.supports:
                if article_id is not None and s.article_id != article_id:
                    continue
                key = self._key(s)
                sid = self.ids.get(key) if key else None
                if sid and sid not in found:
                    found.append(sid)
        return found


def _wrap(text: str, spans: list[tuple[str, int, int]]) -> str:
    """Escaped ``text`` with each span in a ``<span class="ev">``; crossing spans are split.

    The first piece of a span carries its id; every piece carries ``data-span``.
    """
    end_of = {sid: end for sid, _, end in spans}
    starts: dict[int, list[str]] = {}
    for sid, start, end in spans:
        starts.setdefault(start, []).append(sid)
    points = sorted({0, len(text), *(s for _, s, _ in spans), *end_of.values()})
    out: list[str] = []
    stack: list[str] = []
    for i, point in enumerate(points):
        if any(end_of[s] == point for s in stack):
            reopen = []
            while any(end_of[s] == point for s in stack):
                sid = stack.pop()
                out.append("</span>")
                if end_of[sid] != point:
                    reopen.append(sid)
            for sid in reversed(reopen):  # a crossing span goes on in a piece without the id
                out.append(f'<span class="ev" data-span="{sid}">')
                stack.append(sid)
        for sid in sorted(starts.get(point, []), key=lambda s: -end_of[s]):
            out.append(f'<span class="ev" id="{sid}" data-span="{sid}">')
            stack.append(sid)
        if i + 1 < len(points):
            out.append(_e(text[point:points[i + 1]]))
    return "".join(out)


def _html_cell(cell: Any, spans: _Spans) -> str:
    if isinstance(cell, list):
        joiner = ", " if cell and len(cell[0]) == 3 else "<br>"
        return joiner.join(_html_cell(c, spans) for c in cell)
    if isinstance(cell, tuple):
        text, claims, *article = cell
        ids = spans.of(claims, *article)
        href = f"#{ids[0]}" if ids else "#"
        kind = "src" if article else "fig"
        return f'<a class="{kind}" href="{href}" data-spans="{" ".join(ids)}">{_e(text)}</a>'
    return _e(cell)


def brief_html(brief: Brief, texts: Mapping[str, str]) -> str:
    """One self-contained page: opening, tables whose figures link to evidence, the articles.

    ``texts`` maps article id to the article text the evidence offsets refer to;
    an article with no text shows its quotes instead.
    """
    spans = _Spans(brief, texts)
    tally = " · ".join(_plural(len(items), name) for items, name in (
        (brief.articles, "article"), (brief.claims, "claim"), (brief.disagreements, "disagreement")))
    parts = [f'<p class="opening">{_e(brief.opening)}</p>' if brief.opening else "",
             f'<p class="meta">{tally} · opening by {_e(brief.opening_model or "template")}</p>']
    tables = []
    for title, header, rows_of in _TABLES:
        rows = rows_of(brief)
        tables.append(f"<h2>{_e(title)}</h2>")
        if not rows:
            tables.append('<p class="empty">None found.</p>')
            continue
        head = "".join(f"<th>{_e(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(
            f'<td{" class=num" if isinstance(c, tuple) else ""}>{_html_cell(c, spans)}</td>'
            for c in row) + "</tr>" for row in rows)
        tables.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    articles = [
        f'<section class="article" id="article-{n}"><h3>{_e(aid)}</h3>'
        f'<div class="text">{_wrap(spans.texts[aid], spans.by_article.get(aid, []))}</div></section>'
        for n, aid in enumerate(brief.articles, start=1)]
    csp = (f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(_STYLE)}; "
           "img-src 'none'; base-uri 'none'; form-action 'none'")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Brief</title><style>{_STYLE}</style></head>\n<body>"
        f'<header><h1>Brief</h1>{"".join(parts)}</header>\n<main>'
        f'<div class="pane tables">{"".join(tables)}</div>\n'
        f'<div class="pane articles"><h2>Articles</h2>{"".join(articles)}</div></main>\n'
        f"<script>{_SCRIPT}</script></body></html>\n")


# --- writing ----------------------------------------------------------------------------------

def write_brief(records: list[ArticleRecords], texts: Mapping[str, str], out_dir: str | Path,
                backend: Any = None) -> Brief:
    """Build the brief and write ``brief.json`` (schema-checked), ``brief.md`` and ``brief.html``.

    With a ``backend`` the opening is written by the model (figures checked
    against the claims; the template if it fails). Each file is written atomically.
    """
    from summarizer.brief.opening import opening_with_origin

    brief = build_brief(records)
    if backend is not None:
        text, model = opening_with_origin(brief, backend)
        brief = brief.model_copy(update={"opening": text, "opening_model": model})
    doc = brief.model_dump(mode="json")
    validate_document("brief", doc)
    out = Path(out_dir)
    write_json_atomic(out / "brief.json", doc)
    write_text_atomic(out / "brief.md", brief_markdown(brief))
    write_text_atomic(out / "brief.html", brief_html(brief, texts))
    return brief


def write_run_brief(outcomes: Iterable[Any], out_dir: str | Path, backend: Any = None) -> Brief | None:
    """``write_brief`` over a run's successful outcomes (``summarizer.pipeline.ArticleOutcome``).

    Each article's text is read again exactly as the extraction read it (so the
    evidence offsets hold); None when no article succeeded.
    """
    from summarizer.io import read_article

    done = [o for o in outcomes if o.error is None and o.extraction is not None]
    if not done:
        return None
    texts = {o.extraction.records.article_id: read_article(Path(o.path)) for o in done}
    return write_brief([o.extraction.records for o in done], texts, out_dir, backend=backend)
