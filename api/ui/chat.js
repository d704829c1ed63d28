/* Asisten ASN — asking: SSE over fetch and streaming the answer into the page. */
"use strict";

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
          // a frame that comes after `done` must not overwrite the finished answer
          if (article.classList.contains("streaming")) renderAnswerText(textBox, text, citations);
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
