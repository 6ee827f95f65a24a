from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.llm.openai_stub import OpenAIStub


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub() as server:
        yield server
