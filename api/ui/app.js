/* Asisten ASN — start-up: binds the page's controls and loads the first data. */
"use strict";

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
  loadDocuments();
}

document.addEventListener("DOMContentLoaded", start);
