"""Gold questions: one JSON object per line (see evals/README.md for the fields)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from evals.refuse_class import REFUSE_CLASSES, UNCLASSIFIED, infer_refuse_class

Key = tuple[str, str | None]  # (doc id, Pasal number or None for material without Pasal)

DEFAULT_DATASET = Path("evals/datasets/dev.jsonl")


class DatasetError(ValueError):
    """A dataset file that cannot be read; the message names the line."""


def norm_pasal(pasal: object) -> str | None:
    """'24', 24, ' pasal 6a ' -> '24', '24', '6A'; None and '' -> None."""
    if pasal is None:
        return None
    text = str(pasal).strip()
    if text.lower().startswith("pasal"):
        text = text[5:].strip()
    return text.upper() or None


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc: str
    pasal: str | None = None
    ayat: str | None = None

    @field_validator("pasal", "ayat", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return None if value is None or value == "" else str(value)

    @property
    def key(self) -> Key:
        return (self.doc, norm_pasal(self.pasal))


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    question: str
    expect: Literal["answer", "refuse"]
    doc: str | None = None
    pasal: str | None = None
    ayat: str | None = None
    also: list[Place] = Field(default_factory=list)
    must_contain: list[str] = Field(default_factory=list)
    refuse_status: str | None = None
    refuse_class: str | None = None  # must-refuse only: personal_record, not_in_corpus, ...
    category: str = "lainnya"
    lang: str = "id"
    variant_of: str | None = None  # a typo variant: id of the clean question it rewrites

    @field_validator("pasal", "ayat", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return None if value is None or value == "" else str(value)

    @field_validator("category", mode="before")
    @classmethod
    def _category(cls, value: object) -> object:
        return value or "lainnya"

    @model_validator(mode="after")
    def _answerable_has_gold(self) -> EvalItem:
        if self.expect == "answer" and not self.doc:
            raise ValueError("an item with expect=answer needs a gold doc")
        return self

    @model_validator(mode="after")
    def _refuse_class(self) -> EvalItem:
        """Must-refuse items always carry a class (inferred for lines written without one)."""
        if self.expect == "answer":
            if self.refuse_class:
                raise ValueError("refuse_class is only for expect=refuse items")
            return self
        if self.refuse_class is None:
            self.refuse_class = infer_refuse_class(self.question, self.refuse_status)
        elif self.refuse_class not in (*REFUSE_CLASSES, UNCLASSIFIED):
            raise ValueError(f"refuse_class must be one of {REFUSE_CLASSES}")
        return self

    @property
    def answerable(self) -> bool:
        return self.expect == "answer"

    @property
    def places(self) -> list[Place]:
        """The gold place first, then every other acceptable place."""
        if not self.doc:
            return []
        return [Place(doc=self.doc, pasal=self.pasal, ayat=self.ayat), *self.also]

    @property
    def gold_keys(self) -> set[Key]:
        return {p.key for p in self.places}


def resolve_dataset(path: Path) -> Path:
    """The given path, or the packaged copy of a bundled dataset when run outside the checkout."""
    if path.exists():
        return path
    if path.parent.as_posix().endswith("evals/datasets"):
        packaged = resources.files("evals").joinpath("datasets", path.name)
        if packaged.is_file():
            return Path(str(packaged))
    raise DatasetError(f"dataset tidak ditemukan: {path}")


def load_dataset(path: Path, limit: int | None = None) -> list[EvalItem]:
    """Read and validate every line; a bad line or a duplicate id is a DatasetError naming it."""
    path = resolve_dataset(path)
    items: list[EvalItem] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = EvalItem.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise DatasetError(f"{path}:{lineno}: baris tidak valid: {exc}") from exc
            if item.id in seen:
                raise DatasetError(f"{path}:{lineno}: id ganda {item.id!r}")
            seen.add(item.id)
            items.append(item)
    if not items:
        raise DatasetError(f"{path}: dataset kosong")
    return items[:limit] if limit else items


def load_datasets(paths: list[Path], limit: int | None = None) -> list[EvalItem]:
    """Several dataset files as one set (e.g. dev.jsonl + dev-judgment.jsonl); ids must stay unique."""
    items: list[EvalItem] = []
    seen: dict[str, Path] = {}
    for path in paths:
        for item in load_dataset(path):
            if item.id in seen:
                raise DatasetError(f"{path}: id ganda {item.id!r} (juga di {seen[item.id]})")
            seen[item.id] = path
            items.append(item)
    return items[:limit] if limit else items
