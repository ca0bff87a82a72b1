"""A worker's warm-up builds the very pipeline its plans use, and keeps it out of full collections."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pipeline.engines import warm_up
from pipeline.nlp import build_nlp
from pipeline.resources import DEFAULT_RESOURCES


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_pipeline_is_built_once_however_it_is_asked_for() -> None:
    assert build_nlp() is build_nlp(DEFAULT_RESOURCES) is build_nlp(resources=DEFAULT_RESOURCES)


@pytest.mark.usefixtures("unfrozen")
def test_warm_up_freezes_the_pipeline_it_built() -> None:
    assert gc.get_freeze_count() == 0
    warm_up()
    assert gc.get_freeze_count() > 0
    # Frozen objects are in no generation the collector walks.
    nlp = build_nlp()
    assert not any(obj is nlp for obj in gc.get_objects())
