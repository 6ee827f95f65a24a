"""One parser and one normalizer over the real register, shared by the module's tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from pmark3.catalog import Catalog, load_catalog
from pmark3.models import Turn
from pmark3.plant import FunctionalLocation
from pmark3.ports import NormalizedFields, ParsedRequest
from pmark3.seed.register import build_register
from pmark3.understanding import LocalParser, Normalizer


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def register() -> list[FunctionalLocation]:
    return build_register()


@pytest.fixture(scope="session")
def parser(catalog: Catalog, register: list[FunctionalLocation]) -> LocalParser:
    return LocalParser(catalog, register)


@pytest.fixture(scope="session")
def normalizer(catalog: Catalog, register: list[FunctionalLocation]) -> Normalizer:
    return Normalizer(catalog, register)


class Understand:
    """parse + normalize in one call, as the workflow's two nodes do."""

    def __init__(self, parser: LocalParser, normalizer: Normalizer) -> None:
        self.parser = parser
        self.normalizer = normalizer

    def __call__(self, text: str, history: Sequence[Turn] = ()) -> tuple[ParsedRequest, NormalizedFields]:
        parsed = self.parser.parse(text, history)
        return parsed, self.normalizer.normalize(parsed, text, history)


@pytest.fixture(scope="session")
def understand(parser: LocalParser, normalizer: Normalizer) -> Understand:
    return Understand(parser, normalizer)


def turns(*pairs: tuple[str, str]) -> list[Turn]:
    return [Turn(role=role, text=text) for role, text in pairs]  # type: ignore[arg-type]
