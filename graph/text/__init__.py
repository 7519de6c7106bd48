"""Stage 1, the text of an article: what the later stages read from.

:mod:`~graph.text.read` decodes a file (encodings, HTML, traditional script,
NFKC) into an ``Article``; :mod:`~graph.text.segment` splits it into
paragraphs, headings and sentences, :mod:`~graph.text.bylines` finds its
reporters.  The small parsers the mentions and the resolver share sit here
too: Chinese numbers (:mod:`~graph.text.numbers`), dates and periods
(:mod:`~graph.text.when`), places (:mod:`~graph.text.places`) and the names
of organisations (:mod:`~graph.text.orgnames`).
"""
