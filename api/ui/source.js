/* Asisten ASN — the source panel: the full Pasal of a citation, the cited ayat highlighted. */
"use strict";

/* ------------------------------------------------------------------ source panel */
function sourcePart(part, citedId) {
  const cited = part.id === citedId;
  const text = cited ? el("mark", { text: part.text }) : part.text;
  return el(
    "p",
    {
      class: `ayat${cited ? " cited" : ""}`,
      dataset: { chunkId: part.id, testid: cited ? "cited-ayat" : "ayat" },
    },
    text,
  );
}

async function openSource(citation) {
  const panel = $("source-panel");
  panel.hidden = false;
  document.body.classList.add("source-open");
  $("source-doc").textContent = `${citation.doc_short} tentang ${citation.doc_title}`;
  $("source-title").textContent = citation.label;
  const status = $("source-status");
  status.replaceChildren(statusBadge(citation.doc_status));
  if (citation.note) status.append(el("span", { class: "note", text: ` ${citation.note}` }));
  $("source-heading").textContent = "";
  $("source-penjelasan").replaceChildren();
  const body = $("source-text");
  body.replaceChildren(el("p", { class: "muted", text: "Memuat Pasal…" }));
  setLink(citation.source_url);
  panel.focus?.();
  if (!citation.pasal) {
    body.replaceChildren(sourcePart({ id: citation.id, text: citation.text }, citation.id));
    return;
  }
  const path = `api/documents/${encodeURIComponent(citation.doc)}/pasal/${encodeURIComponent(citation.pasal)}`;
  try {
    renderPasal(await getJSON(path), citation);
  } catch (error) {
    body.replaceChildren(
      el("p", { class: "muted", text: error.message }),
      sourcePart({ id: citation.id, text: citation.text }, citation.id),
    );
  }
}

function renderPasal(data, citation) {
  const doc = data.document;
  $("source-doc").textContent = `${doc.short} tentang ${doc.title}`;
  $("source-title").textContent = data.label;
  const status = $("source-status");
  status.replaceChildren(statusBadge(doc.status));
  const note = citation.note || doc.status_note;
  if (note) status.append(el("span", { class: "note", text: ` ${note}` }));
  if ([...data.ayat, ...data.penjelasan].some((p) => p.repaired || p.quality)) {
    status.append(ocrNote(doc.source_url));
  }
  const padanan = padananBlock(data); // documents.js
  if (padanan) status.append(padanan);
  $("source-heading").textContent = data.heading || "";
  $("source-text").replaceChildren(...data.ayat.map((p) => sourcePart(p, citation.id)));
  const penjelasan = $("source-penjelasan");
  penjelasan.replaceChildren();
  if (data.penjelasan.length) {
    penjelasan.append(
      el("h3", { text: "Penjelasan" }),
      ...data.penjelasan.map((p) => sourcePart(p, citation.id)),
    );
  }
  setLink(doc.source_url);
  document.querySelector("#source-panel .cited")?.scrollIntoView({ block: "center" });
}

/* The text was repaired from OCR (or its OCR reading order is broken): point to the official text. */
function ocrNote(url) {
  const link = url
    ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: url })
    : "situs JDIH resmi";
  return el(
    "p",
    { class: "note ocr-note", dataset: { testid: "ocr-note" } },
    "Teks diperbaiki dari hasil OCR; periksa naskah resmi: ",
    link,
  );
}

function setLink(url) {
  const link = $("source-url");
  if (url) {
    link.href = url;
    link.textContent = url;
  } else {
    link.removeAttribute("href");
    link.textContent = "tidak tercatat di manifest";
  }
}

function closeSource() {
  $("source-panel").hidden = true;
  document.body.classList.remove("source-open");
}
