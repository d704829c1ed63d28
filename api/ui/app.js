/* Asisten ASN — web chat. Vanilla JS, no build step. Talks to /api (relative URLs). */
"use strict";

const KEY_STORAGE = "asisten_api_key";
const TRAINING_STORAGE = "asisten_training";
const STATUS_LABELS = {
  answered: null,
  partial: "Sebagian terverifikasi",
  no_source: "Sumber tidak ditemukan",
  missing_document: "Dokumen belum ada di korpus",
  refused: "Ditolak",
};
const DOC_STATUS = {
  berlaku: { label: "Berlaku", warn: false },
  dicabut: { label: "Dicabut", warn: true },
  diubah: { label: "Diubah", warn: true },
};

const state = {
  conversationId: null,
  info: null,
  busy: false,
  lastAnswer: null, // the last answer object (for Mode Pelatihan)
  noRetrieval: new Map(), // answer_id → promise of the "tanpa sumber" answer
};

const $ = (id) => document.getElementById(id);

/* Material Design icon paths (Apache-2.0): no emoji font is needed. */
const ICONS = {
  up: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
  down: "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z",
  key: "M12.65 10C11.83 7.67 9.61 6 7 6c-3.31 0-6 2.69-6 6s2.69 6 6 6c2.61 0 4.83-1.67 5.65-4H17v4h4v-4h2v-4H12.65zM7 14c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2z",
};

function icon(name) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "icon");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}

/* ------------------------------------------------------------------ DOM helper */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/* ------------------------------------------------------------------ API + key */
function apiKey() {
  return localStorage.getItem(KEY_STORAGE) || "";
}

function askForKey(message) {
  const dialog = $("key-dialog");
  $("key-message").textContent =
    message || "Server ini memerlukan kunci API. Tempelkan kunci yang diberikan admin.";
  $("api-key").value = apiKey();
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        const value = $("api-key").value.trim();
        if (dialog.returnValue === "save" && value) {
          localStorage.setItem(KEY_STORAGE, value);
          resolve(true);
        } else {
          resolve(false);
        }
      },
      { once: true },
    );
    if (!dialog.open) dialog.showModal();
  });
}

async function api(path, options = {}, retried = false) {
  const headers = new Headers(options.headers || {});
  const key = apiKey();
  if (key) headers.set("Authorization", `Bearer ${key}`);
  if (options.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && !retried) {
    const detail = await errorText(response);
    if (await askForKey(`${detail} Tempelkan kunci API yang diberikan admin.`)) {
      return api(path, options, true);
    }
  }
  return response;
}

async function errorText(response) {
  try {
    const data = await response.clone().json();
    if (typeof data.detail === "string") return data.detail;
  } catch (_) {
    /* not JSON */
  }
  return `Galat ${response.status}.`;
}

async function getJSON(path) {
  const response = await api(path);
  if (!response.ok) throw new Error(await errorText(response));
  return response.json();
}

/* ------------------------------------------------------------------ SSE over fetch */
async function* sseEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      if (data) yield JSON.parse(data);
    }
  }
}

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

function copyText(answer) {
  const lines = (answer.citations || []).map(
    (c) => `[${c.n}] ${c.label}${c.source_url ? ` — ${c.source_url}` : ""}`,
  );
  return lines.length ? `${answer.answer}\n\nSumber:\n${lines.join("\n")}` : answer.answer;
}

async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    const area = el("textarea", { class: "sr-only" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

async function sendFeedback(article, answer, rating, reason) {
  const message = article.querySelector(".feedback-msg");
  const response = await api("api/feedback", {
    method: "POST",
    body: JSON.stringify({ answer_id: answer.answer_id, rating, reason: reason || null }),
  });
  if (response.ok) {
    article.querySelectorAll(".fb").forEach((b) => b.classList.remove("chosen"));
    article.querySelector(`.fb-${rating}`).classList.add("chosen");
    message.textContent = "Terima kasih atas umpan baliknya.";
  } else {
    message.textContent = await errorText(response);
  }
}

function actions(article, answer) {
  const reason = el("input", {
    type: "text",
    maxlength: "2000",
    placeholder: "Apa yang kurang tepat? (opsional)",
    "aria-label": "Alasan",
    dataset: { testid: "feedback-reason" },
  });
  const reasonBox = el(
    "div",
    { class: "feedback-reason", hidden: true },
    reason,
    el("button", {
      type: "button",
      class: "secondary",
      text: "Kirim",
      dataset: { testid: "feedback-send" },
      onclick: () => sendFeedback(article, answer, "down", reason.value.trim()),
    }),
  );
  const feedback = answer.answer_id
    ? [
        el("button", {
          type: "button",
          class: "fb fb-up",
          title: "Jawaban membantu",
          "aria-label": "Jawaban membantu",
          dataset: { testid: "feedback-up" },
          onclick: () => sendFeedback(article, answer, "up"),
        }, icon("up")),
        el("button", {
          type: "button",
          class: "fb fb-down",
          title: "Jawaban kurang tepat",
          "aria-label": "Jawaban kurang tepat",
          dataset: { testid: "feedback-down" },
          onclick: () => {
            reasonBox.hidden = false;
            reason.focus();
            sendFeedback(article, answer, "down");
          },
        }, icon("down")),
      ]
    : [];
  const copy = el("button", {
    type: "button",
    class: "secondary small-btn",
    text: "Salin jawaban",
    dataset: { testid: "copy-answer" },
    onclick: async () => {
      const ok = await copyToClipboard(copyText(answer));
      article.querySelector(".feedback-msg").textContent = ok ? "Jawaban disalin." : "Gagal menyalin.";
    },
  });
  return [
    el(
      "div",
      { class: "actions" },
      feedback,
      copy,
      el("span", { class: "feedback-msg", role: "status", dataset: { testid: "feedback-msg" } }),
    ),
    reasonBox,
  ];
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
  if (answer.search_query && answer.question && answer.search_query !== answer.question) {
    meta.append(
      el("span", { class: "rewritten", dataset: { testid: "search-query" } }, "Dicari sebagai: ",
        el("q", { text: answer.search_query })),
    );
  }
  renderAnswerText(article.querySelector(".answer-text"), answer.answer, answer.citations);
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

/* ------------------------------------------------------------------ asking */
async function ask(question) {
  if (state.busy || !question.trim()) return;
  state.busy = true;
  $("send-btn").disabled = true;
  $("welcome").hidden = true;
  addUserMessage(question);
  const article = newAnswerArticle();
  const training = $("training-toggle").checked;
  try {
    const response = await api("api/chat", {
      method: "POST",
      headers: { Accept: "text/event-stream" },
      body: JSON.stringify({
        question,
        conversation_id: state.conversationId,
        stream: true,
        trace: training,
      }),
    });
    if (!response.ok) {
      showError(article, await errorText(response));
      return;
    }
    await consumeStream(response, article);
  } catch (error) {
    showError(article, `Tidak dapat menghubungi server: ${error.message}`);
  } finally {
    state.busy = false;
    $("send-btn").disabled = false;
    article.scrollIntoView({ block: "nearest" });
  }
}

async function consumeStream(response, article) {
  let text = "";
  let citations = [];
  let pending = false;
  const textBox = article.querySelector(".answer-text");
  for await (const event of sseEvents(response)) {
    if (event.type === "sources") {
      citations = event.citations || [];
      if (event.conversation_id) state.conversationId = event.conversation_id;
    } else if (event.type === "token") {
      text += event.text;
      article.dataset.tokens = String(Number(article.dataset.tokens || 0) + 1);
      if (!pending) {
        pending = true;
        requestAnimationFrame(() => {
          renderAnswerText(textBox, text, citations);
          pending = false;
        });
      }
    } else if (event.type === "done") {
      const answer = event.answer;
      state.conversationId = answer.conversation_id || state.conversationId;
      finishAnswer(article, answer);
      state.lastAnswer = answer;
      renderTraining();
      loadConversations();
    } else if (event.type === "error") {
      showError(article, event.detail);
    }
  }
}

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

/* ------------------------------------------------------------------ conversations */
async function loadConversations() {
  let rows = [];
  try {
    rows = await getJSON("api/conversations");
  } catch (_) {
    return;
  }
  const list = $("conversation-list");
  list.replaceChildren(
    ...rows.map((row) =>
      el(
        "li",
        {},
        el(
          "button",
          {
            type: "button",
            class: `conversation${row.id === state.conversationId ? " active" : ""}`,
            dataset: { id: row.id, testid: "conversation" },
            onclick: () => openConversation(row.id),
          },
          el("span", { class: "conv-title", text: row.title }),
          el("span", { class: "conv-date", text: new Date(row.updated_at).toLocaleString("id-ID") }),
        ),
      ),
    ),
  );
  $("conversation-empty").hidden = rows.length > 0;
}

async function openConversation(id) {
  const data = await getJSON(`api/conversations/${encodeURIComponent(id)}`);
  state.conversationId = data.id;
  $("welcome").hidden = true;
  $("messages").replaceChildren();
  for (const message of data.messages) {
    if (message.role === "user") addUserMessage(message.content);
    else if (message.answer) {
      const answer = { ...message.answer, answer_id: message.id, conversation_id: data.id };
      finishAnswer(newAnswerArticle(), answer);
      state.lastAnswer = answer;
    }
  }
  renderTraining();
  closeSidebar();
  loadConversations();
}

function newConversation() {
  state.conversationId = null;
  state.lastAnswer = null;
  $("messages").replaceChildren();
  $("welcome").hidden = false;
  renderTraining();
  closeSidebar();
  loadConversations();
  $("question").focus();
}

function closeSidebar() {
  $("sidebar").classList.remove("open");
  $("menu-btn").setAttribute("aria-expanded", "false");
}

/* ------------------------------------------------------------------ start-up */
async function loadInfo() {
  try {
    state.info = await getJSON("api/info");
    $("question").maxLength = state.info.max_question_chars;
  } catch (_) {
    state.info = null;
  }
}

function bind() {
  $("key-btn").replaceChildren(icon("key"));
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("question").value.trim();
    if (!question) return;
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  document.querySelectorAll(".suggestion").forEach((button) =>
    button.addEventListener("click", () => ask(button.textContent.trim())),
  );
  $("training-toggle").addEventListener("change", (event) => setTraining(event.target.checked));
  $("source-close").addEventListener("click", closeSource);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("source-panel").hidden) closeSource();
  });
  $("new-chat").addEventListener("click", newConversation);
  $("chat").addEventListener("click", closeSidebar); // phone: tapping the chat folds the drawer
  $("menu-btn").addEventListener("click", () => {
    const open = $("sidebar").classList.toggle("open");
    $("menu-btn").setAttribute("aria-expanded", String(open));
  });
  $("key-btn").addEventListener("click", async () => {
    if (await askForKey("Tempelkan kunci API (kosongkan lalu Simpan untuk tetap memakai yang lama).")) {
      await loadInfo();
      loadConversations();
    }
  });
}

async function start() {
  bind();
  await loadInfo();
  setTraining(localStorage.getItem(TRAINING_STORAGE) === "1");
  loadConversations();
}

document.addEventListener("DOMContentLoaded", start);
