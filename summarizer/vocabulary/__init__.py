"""The domain's words, in one package: what a figure counts, which verbs act on it, treaty events.

Every reading rule of the program (``figures``, ``attribution``, ``sources``, the ``cited``
strategy's plan and records) takes its words from here, so a user who meets a new phrasing
("lost N men", "a death toll of N", "quit the accord") adds one word to one list. The lists
describe the language of conflict reporting in general; none is drawn from a particular article.
"""

from __future__ import annotations

from summarizer.vocabulary import counts, speakers, treaties
from summarizer.vocabulary.common import FigureLabel, words
from summarizer.vocabulary.counts import *  # noqa: F403
from summarizer.vocabulary.speakers import *  # noqa: F403
from summarizer.vocabulary.treaties import *  # noqa: F403

__all__ = ["FigureLabel", "words", *counts.__all__, *treaties.__all__, *speakers.__all__]
