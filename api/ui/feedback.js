/* Asisten ASN — the actions under an answer: feedback (up/down + reason) and "Salin jawaban". */
"use strict";

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
