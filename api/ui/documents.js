/* Asisten ASN — the sidebar's document list: the regulations whose text is in the corpus, and
   the ones the corpus names (Mengingat, revocation lists, "diatur dengan Peraturan BKN") whose text
   it does not hold (GET /api/documents/referenced). */
"use strict";

function docItem(label, title, note, testid) {
  return el(
    "li",
    { class: "doc-item", dataset: { testid } },
    el("strong", { text: label }),
    title ? ` ${title}` : "",
    note ? el("span", { class: "muted small", text: ` — ${note}` }) : "",
  );
}

function heldItem(doc) {
  const note = doc.status_note || (doc.status === "berlaku" ? "" : doc.status);
  return docItem(doc.short, doc.title, note, "doc-held");
}

function referencedItem(ref) {
  const by = ref.mentioned_by.length;
  const parts = [`disebut ${ref.mentions}× dalam ${by} dokumen`];
  if (ref.delegations) parts.push(`${ref.delegations} ketentuan merujuk ke sini`);
  if (ref.revoked_by.length) parts.push("dicabut");
  return docItem(ref.label, ref.title || "", parts.join(", "), "doc-referenced");
}

async function loadDocuments() {
  try {
    const [docs, referenced] = await Promise.all([
      getJSON("api/documents"),
      getJSON("api/documents/referenced"),
    ]);
    $("doc-held-list").replaceChildren(...docs.filter((d) => d.indexed).map(heldItem));
    $("doc-referenced-list").replaceChildren(...referenced.map(referencedItem));
    $("doc-referenced-count").textContent = String(referenced.length);
  } catch (_) {
    $("doc-held-list").replaceChildren(el("li", { class: "muted small", text: "Daftar dokumen tidak dapat dimuat." }));
  }
}

/* Source panel: where a Pasal of a revoked regulation is now (GET …/pasal/{n} → padanan). */
function padananBlock(data) {
  const rows = data.padanan || [];
  if (!rows.length) return null;
  const best = rows[0];
  const hedge = best.doubtful ? " (padanan tidak pasti; periksa teksnya)" : "";
  return el(
    "p",
    { class: "note padanan", dataset: { testid: "padanan" } },
    el("strong", { text: "Padanan dalam peraturan yang berlaku: " }),
    best.label,
    hedge,
  );
}
