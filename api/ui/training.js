/* Asisten ASN — Mode Pelatihan: the steps behind the last answer, for trainers.
   Loaded after core.js, api.js and render.js (uses $, el, state, TRAINING_STORAGE, api, errorText,
   renderAnswerText); setTraining and renderTraining are called from app.js, chat.js, conversations.js. */
"use strict";

function setTraining(on) {
  $("training-toggle").checked = on;
  document.documentElement.classList.toggle("training", on);
  $("training-panel").hidden = !on;
  localStorage.setItem(TRAINING_STORAGE, on ? "1" : "0");
  renderTraining();
}

const fmt = (value, digits = 4) =>
  value === null || value === undefined ? "—" : Number(value).toFixed(digits);

function table(testid, caption, headers, rows) {
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { dataset: { testid } },
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", { text: c }))))),
    ),
  );
}

function step(number, title, ...content) {
  return el(
    "section",
    { class: "step", dataset: { testid: `step-${number}` } },
    el("h3", {}, el("span", { class: "step-no", text: String(number) }), title),
    ...content,
  );
}

function candidateTables(trace) {
  const dense = (trace.dense || []).map((r, i) => [String(i + 1), r.label || r.id, fmt(r.score)]);
  const keyword = (trace.keyword || []).map((r, i) => [String(i + 1), r.label || r.id, fmt(r.score, 2)]);
  if (!dense.length && !keyword.length) {
    return el("p", { text: "Tidak ada pencarian: Pasal yang disebut dicari langsung berdasarkan nomornya." });
  }
  return el(
    "div",
    { class: "two-col" },
    table("dense-table", "Pencarian makna (dense, e5) — kemiripan kosinus", ["#", "Potongan", "Skor"], dense),
    table("keyword-table", "Pencarian kata kunci (BM25)", ["#", "Potongan", "Skor"], keyword),
  );
}

function fusedTable(trace) {
  const rows = (trace.candidates || []).map((r, i) => [
    String(i + 1),
    r.label,
    fmt(r.score, 5),
    r.dense_rank ?? "—",
    r.keyword_rank ?? "—",
    fmt(r.fused, 5),
    fmt(r.rerank),
    r.via,
  ]);
  const fusion = trace.fusion === "rrf" ? "RRF" : trace.fusion === "weighted" ? "berbobot" : "fusi";
  return table(
    "candidates-table",
    `Urutan setelah penggabungan (${fusion}), rerank, dan penyesuaian status hukum`,
    ["#", "Potongan", "Skor akhir", "Rank dense", "Rank BM25", `Skor ${fusion}`, "Rerank", "Jalur"],
    rows,
  );
}

function confidenceBlock(trace) {
  const c = trace.confidence;
  if (!c) return el("p", { text: "Tidak dihitung (Pasal dicari langsung, atau pertanyaan dihentikan lebih awal)." });
  const knobs = Object.entries(trace.thresholds || {}).map(([name, value]) => `${name} = ${value}`);
  return el(
    "div",
    { class: `confidence ${c.ok ? "ok" : "low"}`, dataset: { testid: "confidence" } },
    el("p", {}, "Kemiripan dense tertinggi (3 teratas): ", el("strong", { text: fmt(c.dense) })),
    el("p", {}, "Cakupan kata pertanyaan di 3 teratas: ", el("strong", { text: `${Math.round(c.coverage * 100)}%` })),
    c.score !== undefined ? el("p", {}, "Skor keyakinan: ", el("strong", { text: fmt(c.score) })) : null,
    knobs.length ? el("p", { class: "muted small", text: `Ambang yang dipakai: ${knobs.join(", ")}` }) : null,
    el("p", { class: "verdict", text: c.ok ? "✔ Cukup yakin: jawaban disusun." : "✖ Kurang yakin: Asisten menolak menjawab." }),
  );
}

function understandBlock(trace) {
  const u = trace.understand;
  if (!u) return el("p", { text: "Tidak dicatat." });
  const classes = {
    regulation: "pertanyaan regulasi",
    personal_record: "permintaan data pribadi (ditolak)",
    injection: "upaya mengubah aturan (ditolak)",
  };
  const rows = (u.sinyal || []).map((s) => [s.nama, String(s.bobot), s.teks || "—"]);
  return el(
    "div",
    { dataset: { testid: "understand" } },
    el("p", {}, "Jenis permintaan: ", el("strong", { text: classes[u.kelas] || u.kelas })),
    el("p", {}, "Jenis jawaban yang diharapkan: ", el("strong", { text: u.jenis_jawaban })),
    rows.length
      ? table(
          "signals-table",
          u.kelas === "injection"
            ? "Sinyal injeksi perintah (keluarga pola, bobot, kata yang cocok)"
            : `Sinyal data pribadi (skor ${u.skor_data_pribadi}, ambang ${u.ambang_data_pribadi})`,
          ["Sinyal", "Bobot", "Kata"],
          rows,
        )
      : el("p", { class: "muted", text: "Tidak ada sinyal permintaan data pribadi." }),
  );
}

/* Which law was read as the one that answers: the time rule that fired, with its words, and what
   it decided (the provision in force for an old one, the old one for a question about the past). */
function temporalBlock(trace) {
  const t = trace.temporal;
  if (!t) return null;
  const rows = [
    ["Aturan waktu", t.aturan],
    ["Kata yang memicu", (t.kata || []).join(", ") || "—"],
    ["Menanyakan masa lalu", t.masa_lalu ? "ya" : "tidak"],
    ["Teks asli sebelum diubah", t.teks_asli ? "ya" : "tidak"],
  ];
  if (t.aturan_lama_diceritakan) rows.push(["Aturan lama yang diceritakan", t.aturan_lama_diceritakan]);
  if ((t.padanan || []).length) rows.push(["Padanan dalam peraturan yang berlaku", t.padanan.join(", ")]);
  if (t.dicari_di_pengganti) rows.push(["Dicari di peraturan pengganti", t.dicari_di_pengganti]);
  if ((t.berlaku_sementara || []).length) rows.push(["Tetap berlaku sementara", t.berlaku_sementara.join(", ")]);
  if (t.keputusan) rows.push(["Keputusan", t.keputusan]);
  return el(
    "div",
    { dataset: { testid: "temporal" } },
    table("temporal-table", "Hukum yang berlaku: aturan waktu yang dipakai", ["Langkah", "Nilai"], rows),
  );
}

function answerabilityBlock(trace) {
  const a = trace.answerability;
  if (!a) return null;
  const rows = [
    ...(a.istilah || []).map((t) => [t.istilah, fmt(t.bobot, 2), t.ada ? "✔" : "✖"]),
    ...(a.frasa || []).map((t) => [`“${t.frasa}”`, fmt(t.bobot, 2), t.ada ? "✔" : "✖"]),
    ...(a.angka || []).map((t) => [`${t.angka} (angka)`, t.bobot == null ? "—" : fmt(t.bobot, 2), t.ada ? "✔" : "✖"]),
  ];
  const limits = a.ambang || {};
  return el(
    "div",
    { dataset: { testid: "answerability" } },
    table("terms-table", "Istilah pertanyaan (bobot = kelangkaan di korpus) di 3 sumber teratas", ["Istilah", "Bobot", "Ada"], rows),
    el("p", { dataset: { testid: "support" } }, "Dukungan sumber: ", el("strong", { text: `${Math.round(a.dukungan * 100)}%` }),
      ` (di bawah ${Math.round((limits.partial_dukungan_di_bawah ?? 0.5) * 100)}%: jawaban sebagian)`),
    a.skor == null ? null : el("p", { dataset: { testid: "score" } }, `Skor: ${a.rumus || "kemiripan dense + bobot × dukungan"} = `,
      el("strong", { text: fmt(a.skor, 3) }), ` (kemiripan dense ${fmt(a.kemiripan_dense, 3)}; di bawah ${fmt(limits.no_source_di_bawah, 3)}: tidak ada sumber)`),
    a.permintaan_karya_tulis ? el("p", { text: `Permintaan karya tulis (“${a.permintaan_karya_tulis}”), bukan pertanyaan aturan.` }) : null,
    el("p", {}, `Jenis jawaban “${a.jenis_jawaban}”: `, el("strong", { text: a.jenis_jawaban_ada ? `ada (${a.bukti_jenis_jawaban || "—"})` : "tidak ada di sumber" })),
    el("p", { class: "verdict", text: `Keputusan: ${a.keputusan}${a.alasan ? ` — alasan: ${a.alasan}` : ""}` }),
  );
}

function compositionBlock(answer) {
  const trace = answer.trace;
  if (trace.prompt) {
    return el(
      "div",
      {},
      el("p", { text: `Backend: ${answer.backend}. Prompt yang dikirim ke LLM:` }),
      el("details", { open: true }, el("summary", { text: "Instruksi sistem" }), el("pre", { text: trace.prompt.system })),
      el("details", { open: true }, el("summary", { text: "Pesan pengguna (sumber bernomor + pertanyaan)" }), el("pre", { text: trace.prompt.user })),
      trace.llm_raw ? el("details", {}, el("summary", { text: "Jawaban mentah LLM (sebelum pemeriksaan sitasi)" }), el("pre", { text: trace.llm_raw })) : null,
    );
  }
  const labels = new Map((answer.citations || []).map((c) => [c.id, c.label]));
  const selection = trace.selection || [];
  if (!selection.length) return el("p", { text: "Tidak ada kutipan yang dipilih." });
  const direct = trace.direct_answer;
  return el(
    "div",
    {},
    el("p", { text: "Backend ekstraktif: tanpa LLM. Kutipan yang dipilih, apa adanya, dengan nomor sumbernya:" }),
    el("ol", { dataset: { testid: "selection" } }, selection.map((id) => el("li", { text: labels.get(id) || id }))),
    direct
      ? el("p", { class: "muted", dataset: { testid: "direct-kind" } },
          `Jawaban langsung dicari sebagai: ${direct.jenis}` +
            (direct.bentuk ? ` (bentuk: ${direct.bentuk})` : ""))
      : null,
  );
}

function timingsTable(answer) {
  const rows = Object.entries(answer.timings_ms || {}).map(([k, v]) => [k, `${Number(v).toFixed(1)} ms`]);
  return table("timings-table", "Waktu tiap langkah", ["Langkah", "Waktu"], rows);
}

function comparisonBlock(answer) {
  const grounded = el("div", { class: "compare-col" }, el("h4", { text: "Dengan sumber" }));
  const answerBox = el("div", { class: "answer-text" });
  renderAnswerText(answerBox, answer.answer, answer.citations);
  grounded.append(answerBox);
  const plain = el("div", { class: "compare-col", dataset: { testid: "no-retrieval" } }, el("h4", { text: "Tanpa sumber (LLM saja)" }));
  const llm = state.info && state.info.llm_backend;
  if (!llm) {
    plain.append(
      el("p", {
        class: "muted",
        dataset: { testid: "no-llm-note" },
        text:
          "Tidak ada LLM yang dikonfigurasi (backend ekstraktif). Asisten hanya menyusun kutipan peraturan, " +
          "jadi tidak ada jawaban 'tanpa sumber' untuk dibandingkan. Setel ASISTEN_BACKEND=openai atau llamacpp " +
          "untuk melihat bagaimana LLM menjawab dari ingatannya sendiri — sering meyakinkan, kadang keliru.",
      }),
    );
  } else {
    const box = el("div", { class: "answer-text", text: "Meminta jawaban LLM tanpa sumber…" });
    plain.append(box);
    loadNoRetrieval(answer).then(
      (data) => {
        box.textContent = data.answer;
        plain.append(el("p", { class: "muted small", text: (data.notes || []).join(" ") }));
      },
      (error) => {
        box.textContent = error.message;
      },
    );
  }
  return el("div", { class: "two-col compare" }, grounded, plain);
}

function loadNoRetrieval(answer) {
  const key = answer.answer_id || answer.search_query;
  if (!state.noRetrieval.has(key)) {
    const promise = api("api/chat", {
      method: "POST",
      body: JSON.stringify({ question: answer.search_query || answer.question, mode: "no_retrieval" }),
    }).then(async (response) => {
      if (!response.ok) throw new Error(await errorText(response));
      return response.json();
    });
    state.noRetrieval.set(key, promise);
  }
  return state.noRetrieval.get(key);
}

function renderTraining() {
  if (!$("training-toggle").checked) return;
  const body = $("training-body");
  const answer = state.lastAnswer;
  if (!answer) {
    body.replaceChildren(el("p", { class: "muted", text: "Ajukan pertanyaan untuk melihat langkah-langkahnya." }));
    return;
  }
  if (!answer.trace) {
    body.replaceChildren(
      el("p", {
        class: "muted",
        text: "Jawaban terakhir diminta sebelum Mode Pelatihan aktif. Ajukan pertanyaan lagi untuk melihat langkah-langkahnya.",
      }),
    );
    return;
  }
  const trace = answer.trace;
  const rewrite = trace.rewrite || {};
  body.replaceChildren(
    step(1, "Pertanyaan yang dicari",
      el("p", {}, "Ditanyakan: ", el("q", { text: rewrite.original || answer.question })),
      el("p", { dataset: { testid: "training-search-query" } }, "Dicari sebagai: ", el("q", { text: answer.search_query })),
      (trace.spelling || []).length
        ? el("p", { dataset: { testid: "training-spelling" } }, "Ejaan/singkatan diperbaiki: ",
            el("strong", { text: trace.spelling.join(", ") }))
        : null,
      rewrite.rule && rewrite.rule !== "asli"
        ? el("p", { class: "muted", text: `Pertanyaan lanjutan ditulis ulang (aturan: ${rewrite.rule}) dari: “${rewrite.previous}”.` })
        : null),
    step(2, "Kandidat dari dua pencarian", candidateTables(trace)),
    step(3, "Digabung dan diurutkan", fusedTable(trace)),
    step(4, "Memahami permintaan dan memeriksa sumber", understandBlock(trace), temporalBlock(trace), confidenceBlock(trace), answerabilityBlock(trace)),
    step(5, trace.prompt ? "Prompt ke LLM" : "Pilihan ekstraktif", compositionBlock(answer)),
    step(6, "Waktu", timingsTable(answer)),
    step(7, "Dengan sumber vs tanpa sumber", comparisonBlock(answer)),
  );
}

