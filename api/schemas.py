"""Request and response bodies of the HTTP API (pydantic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.documents import Answer, DocStatus

Backend = Literal["extractive", "openai", "llamacpp"]


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(
        min_length=1,
        description="Pertanyaan (paling banyak ASISTEN_MAX_QUESTION_CHARS karakter; lebih → 413).",
        examples=["Apa saja kewajiban Pegawai ASN?"],
    )
    conversation_id: str | None = Field(
        None, description="Lanjutkan percakapan ini; pertanyaan lanjutan ditulis ulang."
    )
    backend: Backend | None = Field(None, description="Default: ASISTEN_BACKEND.")
    stream: bool = Field(False, description="Kirim SSE (sama dengan Accept: text/event-stream).")
    trace: bool = Field(False, description="Sertakan langkah pencarian (Mode Pelatihan).")
    mode: Literal["rag", "no_retrieval"] = Field(
        "rag",
        description="no_retrieval: LLM menjawab tanpa sumber (perbandingan pelatihan; tidak disimpan).",
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("pertanyaan tidak boleh kosong")
        return value


class Rewritten(BaseModel):
    rule: str = Field(description="asli | ganti subjek | ganti aspek | gabung topik | ...")
    previous: str | None = None


class ChatResponse(Answer):
    """The Answer of `asisten ask --json`, plus where it is stored."""

    conversation_id: str | None = None
    answer_id: str | None = None
    rewrite: Rewritten | None = None
    pii_masked: list[str] = Field(default_factory=list)


class SearchHit(BaseModel):
    id: str
    doc: str
    doc_short: str
    doc_status: DocStatus
    pasal: str | None
    ayat: str | None
    part: str
    label: str
    text: str
    score: float
    dense: float | None = None
    keyword: float | None = None


class Relations(BaseModel):
    mencabut: list[str] = Field(default_factory=list)
    mengubah: list[str] = Field(default_factory=list)
    dicabut_oleh: list[str] = Field(default_factory=list)
    diubah_oleh: list[str] = Field(default_factory=list)


class DocumentSummary(BaseModel):
    id: str
    type: str
    number: str | None = None
    year: int | None = None
    title: str
    short: str
    status: DocStatus
    status_note: str | None = None
    relations: Relations
    source_url: str | None = None
    in_manifest: bool = True
    indexed: bool
    missing: bool = Field(description="Tercantum di manifest tetapi file-nya tidak ada di korpus.")
    chunks: int
    warnings: list[str] = Field(default_factory=list)


class DocumentDetail(DocumentSummary):
    pasal: list[str] = Field(default_factory=list, description="Nomor Pasal batang tubuh.")


class ReferencedDocument(BaseModel):
    """A regulation the corpus itself names (Mengingat, revocation lists, delegations)."""

    key: str = Field(description="Kunci ternormalisasi, mis. 'pp-10-1983' atau 'perbkn'.")
    kind: str
    label: str
    number: str | None = None
    year: int | None = None
    title: str | None = None
    mentions: int
    mentioned_by: list[str] = Field(description="Dokumen korpus yang menyebutnya.")
    mentioned_in: list[str] = Field(description="Potongan (chunk id) yang menyebutnya, dibatasi.")
    held: str | None = Field(None, description="Id dokumen bila teksnya ada di korpus.")
    in_manifest: str | None = None
    revoked_by: list[str] = Field(default_factory=list)
    delegations: int = Field(0, description="Ketentuan di korpus yang mendelegasikan kepadanya.")


class PasalPart(BaseModel):
    id: str
    ayat: str | None = None
    item: str | None = None
    label: str
    text: str
    repaired: bool = Field(False, description="Kata hasil OCR diperbaiki (teks asli disimpan).")
    quality: str | None = Field(None, description="'scrambled: …' bila urutan teks OCR kacau.")


class DocumentRef(BaseModel):
    id: str
    short: str
    title: str
    status: DocStatus
    status_note: str | None = None
    source_url: str | None = None


class Padanan(BaseModel):
    """The provision of the regulation in force that corresponds to a revoked one."""

    id: str
    label: str
    score: float
    doubtful: str | None = Field(None, description="low_score | small_margin | revocation_clause")


class PasalText(BaseModel):
    document: DocumentRef
    pasal: str
    label: str
    heading: str = Field(description="BAB › Bagian › Paragraf tempat Pasal ini berada.")
    ayat: list[PasalPart] = Field(description="Batang tubuh, berurutan.")
    penjelasan: list[PasalPart] = Field(default_factory=list)
    padanan: list[Padanan] = Field(
        default_factory=list,
        description="Padanan dalam peraturan yang berlaku (Pasal peraturan yang dicabut).",
    )


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(min_length=1)
    rating: Literal["up", "down"]
    reason: str | None = Field(None, max_length=2000)


class FeedbackOut(BaseModel):
    id: int
    created_at: str
    answer_id: str
    conversation_id: str
    rating: Literal["up", "down"]
    reason: str | None = None
    question: str | None = None
    search_query: str | None = None
    status: str | None = None
    answer: str | None = None


class ConversationSummary(BaseModel):
    id: str
    title: str
    created_at: str
    updated_at: str
    message_count: int


class Message(BaseModel):
    id: str
    role: Literal["user", "assistant"]
    content: str
    search_query: str | None = None
    status: str | None = None
    created_at: str
    answer: dict[str, Any] | None = None


class Conversation(BaseModel):
    id: str
    title: str
    created_at: str
    updated_at: str
    messages: list[Message]


class Health(BaseModel):
    status: Literal["ok", "no_index"]
    index_loaded: bool
    generation: str | None = None
    documents: int = 0
    chunks: int = 0
    embedder: str | None = None
    backend: str
    detail: str | None = None


class Info(BaseModel):
    name: str = "Asisten ASN"
    backend: str
    llm_backend: str | None = Field(
        None, description="LLM yang dipakai untuk mode tanpa sumber; null bila tidak ada LLM."
    )
    max_question_chars: int
    auth: bool
    role: str


class ReindexStatus(BaseModel):
    running: bool
    started_at: str | None = None
    finished_at: str | None = None
    generation: str | None = None
    chunks: int | None = None
    error: str | None = None


# ------------------------------------------------------------------ OpenAI-compatible
class OAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str = Field(
        description="system | developer | user | assistant | tool (hanya 'user' dipakai)"
    )
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(
                str(p.get("text", "")) for p in self.content if p.get("type") == "text"
            ).strip()
        return (self.content or "").strip()


class OAIChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, top_p... are accepted and ignored

    model: str
    messages: list[OAIMessage] = Field(min_length=1)
    stream: bool = False


class AuditEntry(BaseModel):
    """One audited request. Never a key (only its position in ASISTEN_API_KEYS) nor raw personal data."""

    id: int
    at: str = Field(description="Waktu (UTC, ISO 8601).")
    key_id: int | None = Field(
        None, description="Posisi kunci dalam ASISTEN_API_KEYS (mulai 0); null tanpa kunci."
    )
    role: str | None = Field(None, description="user | admin; null bila kunci tidak dikenali.")
    client: str | None = Field(None, description="Alamat IP klien.")
    method: str
    path: str = Field(description="Alamat tanpa query string.")
    question: str | None = Field(
        None, description="Pertanyaan setelah data pribadi disamarkan (500 karakter pertama)."
    )
    http_status: int
    answer_status: str | None = None
    conversation_id: str | None = None
    duration_ms: int | None = None
