"""Stage 4, triples and the store: an article's facts as RDF, and checks on the built graph.

:mod:`~graph.store.rdf` turns one article's facts into triples (a shard,
stable IRIs, in the workers); :mod:`~graph.store.check` finds figures that
cannot be right, as SPARQL on the store; :mod:`~graph.store.validate` runs the
SHACL shapes.  :mod:`graph.build` opens the Oxigraph store and loads the shards.
"""
