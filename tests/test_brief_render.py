"""The brief as Markdown and HTML, and write_brief: tables, links to evidence, escaping."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from summarizer.backends import FakeBackend
from summarizer.brief import Brief, build_brief
from summarizer.brief.render import brief_html, brief_markdown, write_brief
from summarizer.schemas import validate_document

from .briefkit import article, casualty, count, deployment, source, three_outlets, treaty

HOSTILE = ("Estavia denied it. <script>alert(1)</script> The Norland Security Bureau said 95 "
           "Estavian troops were killed. <img src=x onerror=alert(1)> Officials met in Ostrin.")


def _sample():
    records, texts = three_outlets()
    sentence = "The Norland Security Bureau said 95 Estavian troops were killed."
    start = HOSTILE.index(sentence)
    hostile = article("wire-d", [HOSTILE], casualties=(casualty(
        0, "Estavian troops", source("Estavian defence | ministry <b>", None), "2019-04",
        killed=count(95)),))[0]
    hostile.casualty_estimates[0].evidence = hostile.casualty_estimates[0].evidence.model_copy(
        update={"quote": sentence, "start": start, "end": start + len(sentence)})
    more = [
        article("wire-e", ["Estavia sent 2,150 troops to Valmora in 2019.",
                           "Estavia and Norland signed the Ostrin Pact in May 2020."],
                deployments=(deployment(0, count(2150), source("Estavian defence ministry"), "2019"),),
                treaties=(treaty(1, "Ostrin Pact", "signed", "2020-05", "Estavia and Norland"),)),
    ]
    records += [hostile] + [r for r, _ in more]
    texts.update({"wire-d": HOSTILE, **{r.article_id: t for r, t in more}})
    return build_brief(records), texts, records


class _Page(HTMLParser):
    """Elements by id with their text, links with their targets, tags and attributes seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.text_of: dict[str, str] = {}
        self._open: list[tuple[str | None, str]] = []  # (id, tag)
        self._text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        values = dict(attrs)
        if tag == "a":
            self.links.append(values)
        if tag == "span" and values.get("data-span"):
            sid = values["data-span"]
            self._text.setdefault(sid, [])
            self._open.append((sid, tag))
        elif tag not in ("br", "meta", "img", "input"):
            self._open.append((None, tag))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for sid, _ in self._open:
            if sid:
                self._text[sid].append(data)

    def close(self):
        super().close()
        self.text_of = {k: "".join(v) for k, v in self._text.items()}


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_markdown_has_the_opening_and_four_tables():
    brief, _, _ = _sample()
    md = brief_markdown(brief)
    for title in ("## Deployments timeline", "## Casualty estimates by source and date",
                  "## Treaty events", "## Disagreements"):
        assert title in md
    assert brief.opening.split(".")[0] in md
    assert "| 2019 | — | Valmora | 2,150 | wave | Estavian defence ministry | wire-e |" in md
    assert ("| Estavian troops | — | Norland Security Bureau (NSB) | 640 | — | — | — | "
            "wire-a, wire-b, wire-c |") in md
    assert "| 2020-05 | Ostrin Pact | signed | Estavia and Norland | Estavia, Norland | wire-e |" in md
    # 640 (the bureau, undated) against 95 (the ministry, April 2019): one quantity.
    assert re.search(r"\| Estavian troops, killed \| 2019-04 \| 640 \(Norland Security Bureau "
                     r"\(NSB\)\); 95 \(Estavian defence \\\| ministry &lt;b&gt;\) \| 95–640 \|", md)
    # A pipe or tag in a model-written field cannot break the table or inject markup.
    assert "<b>" not in md


def test_markdown_says_when_a_table_is_empty():
    md = brief_markdown(Brief(articles=["a"]))
    assert md.count("None found.") == 4


def test_html_escapes_article_text_and_record_fields():
    brief, texts, _ = _sample()
    page = brief_html(brief, texts)
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    parsed = _parse(page)
    assert parsed.tags.count("script") == 1 and "img" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    assert "Estavian defence | ministry &lt;b&gt;" in page


def test_every_figure_links_to_evidence_spans_holding_the_quote():
    brief, texts, _ = _sample()
    parsed = _parse(brief_html(brief, texts))
    figures = [a for a in parsed.links if a.get("class") == "fig"]
    # 1 deployment, 2 casualty figures, 1 treaty, 2 figures by source and the spread
    assert len(figures) == 7
    quotes = {s.quote for c in brief.claims for s in c.supports}
    for link in figures:
        ids = link["data-spans"].split()
        assert ids and link["href"] == f"#{ids[0]}"
        for sid in ids:
            assert parsed.text_of[sid] in quotes
    bureau = next(c for c in brief.claims if len(c.supports) == 3)
    three = next(a for a in figures if len(a["data-spans"].split()) == 3)
    assert {parsed.text_of[s] for s in three["data-spans"].split()} == {
        s.quote for s in bureau.supports}
    # "Reported in" links each article to its own statement of the claim.
    sources = [a for a in parsed.links if a.get("class") == "src"]
    assert [len(a["data-spans"].split()) for a in sources] == [1] * len(sources)
    assert len(sources) == sum(len({s.article_id for s in c.supports}) for c in brief.claims)


def test_crossing_and_repeated_spans_are_split_and_shared():
    text = "Estavia sent 2,150 troops to Valmora and 95 were killed there in 2019."
    first = "Estavia sent 2,150 troops to Valmora and 95"
    second = "2,150 troops to Valmora and 95 were killed"
    records, _ = article("x", [text], deployments=(deployment(0, count(2150), None, "2019"),),
                         casualties=(casualty(0, "Estavian troops", None, killed=count(95)),))
    for record, quote in ((records.troop_deployments[0], first),
                          (records.casualty_estimates[0], second)):
        start = text.index(quote)
        record.evidence = record.evidence.model_copy(
            update={"quote": quote, "start": start, "end": start + len(quote)})
    page = brief_html(build_brief([records]), {"x": text})
    parsed = _parse(page)
    assert parsed.text_of == {"s1": first, "s2": second}
    assert page.count('id="s2"') == 1 and page.count('data-span="s2"') == 2
    # Reading the page's text gives the article back unchanged.
    body = re.sub(r"<[^>]+>", "", page.split('<div class="text">')[1].split("</div>")[0])
    assert body == text


def test_an_article_without_text_shows_its_quotes():
    brief, texts, _ = _sample()
    del texts["wire-c"]
    parsed = _parse(brief_html(brief, texts))
    quote = "The Norland Security Bureau put Estavian losses at 640 killed."
    assert quote in parsed.text_of.values()


def test_write_brief_writes_three_valid_files_atomically(tmp_path):
    _, texts, records = _sample()
    brief = write_brief(records, texts, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.json", "brief.md"]
    doc = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    validate_document("brief", doc)
    assert Brief.model_validate(doc) == brief and brief.opening_model is None
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") == brief_markdown(brief)


def test_write_brief_with_a_backend_records_the_model(tmp_path):
    _, texts, records = _sample()
    backend = FakeBackend(lambda kw: {"opening": "The bureau's 640 killed is the most repeated "
                                                 "figure; the ministry gave 95."}, model_id="fake:x")
    brief = write_brief(records, texts, tmp_path, backend=backend)
    assert brief.opening_model == "fake:x" and brief.opening.startswith("The bureau's 640")
    assert "fake:x" in (tmp_path / "brief.html").read_text(encoding="utf-8")


def test_write_run_brief_reads_a_runs_articles_again(tmp_path):
    from summarizer.brief.render import write_run_brief
    from summarizer.pipeline import summarize_paths

    articles = tmp_path / "in"
    articles.mkdir()
    texts = {"one": "<p>Estavia sent 2,150 troops to Valmora, the ministry said.</p>",
             "two": "Estavia sent 2,150 troops to Valmora, the ministry said on Monday.\n"}
    for name, text in texts.items():
        (articles / f"{name}.{'html' if text.startswith('<') else 'txt'}").write_text(text)
    (articles / "three.txt").write_text("")  # fails: the brief is built from the others

    def reply(kwargs):
        return {"summary": "Estavia sent troops.", "troop_deployments": [{
            "quote": "Estavia sent 2,150 troops to Valmora", "troops": count(2150),
            "destination": "Valmora", "source": source("the ministry")}]}

    report = summarize_paths([articles], model=FakeBackend(reply), out_dir=tmp_path / "out",
                             strategy="single", use_cache=False)
    assert len(report.failed) == 1
    brief = write_run_brief(report.outcomes, tmp_path / "out")
    (claim,) = brief.claims
    assert [s.article_id for s in claim.supports] == ["one", "two"]
    page = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert page.count('class="ev"') == 2 and "&lt;p&gt;" not in page
    assert write_run_brief(report.failed, tmp_path / "none") is None


def test_the_page_is_self_contained_and_only_its_own_script_may_run():
    import base64
    import hashlib

    brief, texts, _ = _sample()
    page = brief_html(brief, texts)
    parsed = _parse(page)
    assert "link" not in parsed.tags and not [v for k, v in parsed.attrs if k == "src"]
    assert "http://" not in page and "https://" not in page
    script = page.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = next(v for k, v in parsed.attrs if k == "content" and "default-src" in (v or ""))
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
