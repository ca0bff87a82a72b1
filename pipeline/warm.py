"""Imported by the local engine's server process to build the spaCy pipeline and load the lists once.

Every worker is forked from that server, so each starts with the pipeline built
instead of spending seconds on it (also after a worker killed for a time-out). What it
built is then frozen out of the garbage collector's full passes (`keep_out_of_collections`).
"""

from __future__ import annotations

from pipeline.engines import keep_out_of_collections
from pipeline.extractors.municipalities import load_municipalities
from pipeline.nlp import build_nlp
from pipeline.normalise.lexicon import zipf

build_nlp()
zipf("veiligheid")
load_municipalities()
# Frozen before the fork, the server's objects also stay shared with the workers, not copied on write.
keep_out_of_collections()
