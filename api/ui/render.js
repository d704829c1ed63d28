/* Asisten ASN — rendering answers: answer text with citation buttons, status badges,
   the source list, and the message bubbles. */
"use strict";

const STATUS_LABELS = {
  answered: null,
  partial: "Sebagian terverifikasi",
  no_source: "Sumber tidak ditemukan",
  missing_document: "Dokumen belum ada di korpus",
  refused: "Ditolak",
};
/* Why an answer is not `answered` (Answer.reason): plain Indonesian, with the next step. */
const REASON_TEXT = {
  personal_record: "Asisten tidak punya akses ke data kepegawaian pribadi. Tanyakan ke pengelola kepegawaian/BKPSDM atau aplikasi kepegawaian instansi Anda.",
  injection: "Permintaan ini meminta asisten mengabaikan aturannya.",
  out_of_domain: "Pertanyaan di luar urusan kepegawaian ASN.",
  not_in_corpus: "Topik ini tidak diatur dalam dokumen di korpus. Tambahkan peraturannya ke folder korpus lalu jalankan `asisten index`.",
  unknown_document: "Dokumen yang disebut tidak ada di korpus. Tambahkan dokumennya lalu jalankan `asisten index`.",
  document_missing: "Dokumen ini tercantum tetapi teksnya belum ada. Tambahkan PDF-nya lalu jalankan `asisten index`.",
  pasal_not_found: "Pasal/ayat yang disebut tidak ada atau tidak terbaca dari teks.",
  weak_sources: "Sumber yang ditemukan hanya sebagian cocok dengan pertanyaan.",
  answer_type_mismatch: "Sumber membahas topiknya, tetapi tidak memuat angka/jenis jawaban yang ditanyakan.",
  unsupported_claim: "Sebagian jawaban tidak didukung sumber dan dihapus.",
  llm_no_answer: "LLM menyatakan sumber tidak memuat jawabannya.",
};
const DOC_STATUS = {
  berlaku: { label: "Berlaku", warn: false },
  dicabut: { label: "Dicabut", warn: true },
  diubah: { label: "Diubah", warn: true },
};

/* ------------------------------------------------------------------ rendering answers */
function renderAnswerText(container, text, citations) {
  const known = new Map((citations || []).map((c) => [c.n, c]));
  container.replaceChildren();
  for (const paragraph of text.split(/\n{2,}/)) {
    const p = el("p");
    const lines = paragraph.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) p.append(el("br"));
      let last = 0;
      for (const match of line.matchAll(/\[(\d{1,2})\]/g)) {
        const n = Number(match[1]);
        p.append(line.slice(last, match.index));
        const citation = known.get(n);
        p.append(
          citation
            ? el("button", {
                type: "button",
                class: "cite",
                text: `[${n}]`,
                dataset: { n: String(n), testid: `cite-${n}` },
                "aria-label": `Buka sumber ${n}: ${citation.label}`,
                title: citation.label,
                onclick: () => openSource(citation),
              })
            : match[0],
        );
        last = match.index + match[0].length;
      }
      p.append(line.slice(last));
    });
    container.append(p);
  }
}

/* The direct answer (Answer.direct) opens the answer text: shown prominently above its basis. */
function markDirect(container, direct) {
  const first = container.querySelector("p");
  if (!direct || !first || first.textContent.trim() !== direct.trim()) return;
  first.classList.add("direct-answer");
  first.dataset.testid = "direct-answer";
}

function statusBadge(docStatus) {
  const info = DOC_STATUS[docStatus] || { label: docStatus, warn: false };
  return el("span", {
    class: `badge ${info.warn ? "badge-warn" : "badge-ok"}`,
    text: info.warn ? `⚠ ${info.label}` : info.label,
    dataset: { testid: info.warn ? "warning-badge" : "status-badge" },
  });
}

function sourceList(citations) {
  if (!citations || !citations.length) return null;
  return el(
    "ol",
    { class: "source-list", dataset: { testid: "source-list" } },
    citations.map((c) =>
      el(
        "li",
        {},
        el("button", {
          type: "button",
          class: "cite",
          text: `[${c.n}]`,
          "aria-label": `Buka sumber ${c.n}`,
          onclick: () => openSource(c),
        }),
        " ",
        el("span", { class: "source-label", text: c.label }),
        " ",
        c.doc_status !== "berlaku" || c.note ? statusBadge(c.doc_status) : null,
        c.note ? el("span", { class: "note", text: ` ${c.note}` }) : null,
      ),
    ),
  );
}

function newAnswerArticle() {
  const text = el("div", { class: "answer-text", dataset: { testid: "answer-text" } });
  const article = el(
    "article",
    { class: "msg assistant streaming", dataset: { testid: "answer" } },
    el("div", { class: "answer-meta" }),
    text,
    el("div", { class: "answer-foot" }),
  );
  $("messages").append(article);
  return article;
}

function finishAnswer(article, answer) {
  article.classList.remove("streaming");
  article.dataset.answerId = answer.answer_id || "";
  article.dataset.status = answer.status;
  const meta = article.querySelector(".answer-meta");
  meta.replaceChildren();
  const label = STATUS_LABELS[answer.status];
  if (label) meta.append(el("span", { class: `badge badge-${answer.status}`, text: label }));
  if (answer.reason) {
    meta.append(
      el("span", { class: "reason", dataset: { testid: "refusal-reason", reason: answer.reason } },
        REASON_TEXT[answer.reason] || answer.reason),
    );
  }
  if (answer.search_query && answer.question && answer.search_query !== answer.question) {
    meta.append(
      el("span", { class: "rewritten", dataset: { testid: "search-query" } }, "Dicari sebagai: ",
        el("q", { text: answer.search_query })),
    );
  }
  renderAnswerText(article.querySelector(".answer-text"), answer.answer, answer.citations);
  markDirect(article.querySelector(".answer-text"), answer.direct);
  const foot = article.querySelector(".answer-foot");
  foot.replaceChildren(...[sourceList(answer.citations), ...actions(article, answer)].filter(Boolean));
}

function addUserMessage(text) {
  $("messages").append(el("div", { class: "msg user", dataset: { testid: "user-message" } }, text));
}

function showError(article, message) {
  article.classList.remove("streaming");
  article.classList.add("error");
  article.dataset.testid = "error";
  article.querySelector(".answer-text").replaceChildren(el("p", { text: message }));
}
