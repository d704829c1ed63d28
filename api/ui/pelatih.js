/* Asisten ASN — the trainer page: the participant link and its QR code (needs the trainer key). */
"use strict";

const TRAINER_KEY = "asisten_api_key";

function trainerKey() {
  const url = new URL(window.location.href);
  const key = (url.searchParams.get("key") || "").trim();
  if (key) {
    localStorage.setItem(TRAINER_KEY, key);
    url.searchParams.delete("key");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
  return localStorage.getItem(TRAINER_KEY) || "";
}

async function showWorkshop() {
  const message = document.getElementById("trainer-message");
  const response = await fetch("/api/admin/workshop", {
    headers: { Authorization: `Bearer ${trainerKey()}` },
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    message.textContent = typeof data.detail === "string" ? data.detail : `Galat ${response.status}.`;
    return;
  }
  /* parsed as HTML: the inline <svg> (no xmlns) lands in the SVG namespace and is drawn */
  const svg = new DOMParser().parseFromString(data.qr_svg, "text/html").querySelector("svg");
  const size = svg.getAttribute("width") || "320";
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("width", "320");
  svg.setAttribute("height", "320");
  document.getElementById("qr").replaceChildren(svg);
  const link = document.getElementById("participant-url");
  link.href = data.participant_url;
  link.textContent = data.participant_url;
  message.textContent = "Kunci peserta dan pelatih berlaku selama server ini berjalan.";
}

document.addEventListener("DOMContentLoaded", showWorkshop);
