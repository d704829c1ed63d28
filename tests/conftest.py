"""Shared fixtures: real components (Chroma in a temp dir, the packaged e5 model, the real texts)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings

SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"


def pytest_configure(config: pytest.Config) -> None:
    """One converted ONNX e5 for the whole run (every temp data dir, and the servers the tests
    start, read ASISTEN_MODELS_DIR), instead of a 470 MB conversion per data dir."""
    if "ASISTEN_MODELS_DIR" not in os.environ:
        os.environ["ASISTEN_MODELS_DIR"] = tempfile.mkdtemp(prefix="asisten-test-models-")
        config.add_cleanup(
            lambda: shutil.rmtree(os.environ.pop("ASISTEN_MODELS_DIR"), ignore_errors=True)
        )


MINI_FILES = ["uu-20-2023.txt", "pp-94-2021.txt", "uu-5-2014.txt", "pp-11-2017.txt"]


def shared_corpus() -> Path:
    if not (SHARED_CORPUS / "uu-20-2023.txt").exists():
        pytest.fail(
            f"the real corpus is expected at {SHARED_CORPUS} (clone with ../shared beside the repo)"
        )
    return SHARED_CORPUS


def make_settings(data_dir: Path, corpus_dirs: list[Path], **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, corpus_dirs=corpus_dirs, **overrides)


@pytest.fixture(scope="session")
def mini_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real regulation files, copied into a temp corpus dir."""
    src = shared_corpus()
    dest = tmp_path_factory.mktemp("mini_corpus")
    for name in MINI_FILES:
        shutil.copy(src / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def mini_settings(tmp_path_factory: pytest.TempPathFactory, mini_corpus: Path) -> Settings:
    """Settings for a real e5 + Chroma + BM25 index of the mini corpus, built once per test session."""
    from assistant.backends.embedders import make_embedder
    from indexer.pipeline import build_index

    settings = make_settings(tmp_path_factory.mktemp("mini_data"), [mini_corpus])
    build_index(settings, make_embedder(settings))
    return settings


@pytest.fixture(scope="session")
def full_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The whole real corpus (../shared/corpus + ./corpus) indexed with the default embedder, once."""
    from assistant.backends.embedders import make_embedder
    from indexer.pipeline import build_index

    settings = make_settings(
        tmp_path_factory.mktemp("full_data"), [REPO_ROOT / "corpus", shared_corpus()]
    )
    build_index(settings, make_embedder(settings))
    return settings


@pytest.fixture(scope="session")
def full_service(full_settings: Settings):  # noqa: ANN201
    from assistant.chain import AnswerService
    from assistant.runtime import Runtime

    return AnswerService(Runtime(full_settings))


@pytest.fixture(scope="session")
def mini_service(mini_settings: Settings):  # noqa: ANN201
    from assistant.chain import AnswerService
    from assistant.runtime import Runtime

    return AnswerService(Runtime(mini_settings))
