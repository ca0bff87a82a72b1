"""Imported by the local engine's server process to build the spaCy pipeline and load the lists once.

Every worker is forked from that server, so each starts with the pipeline built
instead of spending seconds on it (also after a worker killed for a time-out).
"""

from __future__ import annotations

from pipeline.extractors.municipalities import load_municipalities
from pipeline.nlp import build_nlp
from pipeline.normalise.lexicon import zipf

build_nlp()
zipf("veiligheid")
load_municipalities()
