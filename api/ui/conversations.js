/* Asisten ASN — the sidebar: the conversation list, opening one, starting a new one. */
"use strict";

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
