"""A long-lived extractor keeps a bounded vocabulary: past its budget of learnt strings,
each document is read in a spaCy memory zone and what it brought is dropped."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from triage.config import get_settings
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor
from triage.extraction.nlp import PipelineZone
from triage.samples import generate_cases


@pytest.fixture(scope="module")
def documents(
    tmp_path_factory: pytest.TempPathFactory, read_pdf: Callable[[bytes], ParsedDocument]
) -> list[ParsedDocument]:
    """Six generated order forms (other names, dates and amounts in each), parsed."""
    folders = generate_cases(tmp_path_factory.mktemp("zone-cases"), 6, seed=1616)
    return [read_pdf((folder / "order.pdf").read_bytes()) for folder in folders]


@pytest.fixture(scope="module")
def own_extractor() -> OrderExtractor:
    """An extractor of this module's own, every document zoned (no strings may be learnt)."""
    extractor = OrderExtractor.load(get_settings().models_dir)
    extractor.zone = PipelineZone(extractor.zone.pipelines, learned=0)
    return extractor


def _sizes(extractor: OrderExtractor) -> list[tuple[int, int]]:
    """Strings and lexemes held by each pipeline (``len(vocab)`` counts every lexeme ever
    added, freed or not, so the lexemes are counted by iterating over them)."""
    return [(len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)) for nlp in extractor.zone.pipelines]


def test_every_spacy_pipeline_of_the_extractor_is_zoned(own_extractor: OrderExtractor) -> None:
    zoned = {id(nlp.vocab) for nlp in own_extractor.zone.pipelines}
    assert id(own_extractor.prose.nlp.vocab) in zoned
    assert own_extractor.label_model is not None
    assert id(own_extractor.label_model.nlp.vocab) in zoned
    clause_pipelines = getattr(own_extractor.clauses, "pipelines", ())
    assert clause_pipelines and all(id(nlp.vocab) in zoned for nlp in clause_pipelines)


def test_vocabularies_do_not_grow_with_the_documents_read(
    own_extractor: OrderExtractor, documents: list[ParsedDocument]
) -> None:
    own_extractor.extract(documents[0], country="US")
    before = _sizes(own_extractor)
    for document in documents[1:]:
        own_extractor.extract(document, country="US")
    assert _sizes(own_extractor) == before
    # The documents do bring words the pipelines did not know: outside a zone they stay.
    prose = own_extractor.prose.nlp
    known = len(prose.vocab.strings)
    for document in documents[1:]:
        prose.make_doc(" ".join(page.text for page in document.pages))
    assert len(prose.vocab.strings) > known


def test_a_pipeline_keeps_what_it_learns_up_to_its_budget_then_nothing(
    documents: list[ParsedDocument],
) -> None:
    extractor = OrderExtractor.load(get_settings().models_dir)
    extractor.zone = PipelineZone(extractor.zone.pipelines, learned=300)
    loaded = _sizes(extractor)
    sizes = []
    for document in documents:
        extractor.extract(document, country="US")
        sizes.append(_sizes(extractor))
    prose = 0  # the entity pipeline reads every block of prose: it passes 300 strings
    assert extractor.zone.pipelines[prose] is extractor.prose.nlp
    assert sizes[0][prose][0] > loaded[prose][0]
    assert extractor.zone.zoned()[prose]
    first_zoned = next(
        i for i, size in enumerate(sizes) if size[prose][0] >= loaded[prose][0] + 300
    )
    assert first_zoned < len(documents) - 2
    assert len({size[prose] for size in sizes[first_zoned:]}) == 1


def test_zoned_and_unzoned_extractors_read_documents_alike(
    own_extractor: OrderExtractor, extractor: OrderExtractor, documents: list[ParsedDocument]
) -> None:
    for document in documents:
        assert own_extractor.extract(document, country="DE") == extractor.extract(
            document, country="DE"
        )


def test_a_document_read_again_after_others_gives_the_same_extraction(
    own_extractor: OrderExtractor, documents: list[ParsedDocument]
) -> None:
    first = own_extractor.extract(documents[1], country="DE")
    for document in documents[2:]:
        own_extractor.extract(document, country="DE")
    assert own_extractor.extract(documents[1], country="DE") == first


def test_threads_sharing_an_extractor_get_what_one_thread_gets(
    own_extractor: OrderExtractor, documents: list[ParsedDocument]
) -> None:
    alone = [own_extractor.extract(document, country="GB") for document in documents]
    with ThreadPoolExecutor(3) as pool:
        shared = list(pool.map(lambda d: own_extractor.extract(d, country="GB"), documents * 2))
    assert shared == alone * 2
