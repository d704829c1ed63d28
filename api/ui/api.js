/* Asisten ASN — talking to the server: fetch helpers, the API key (localStorage) and the 401 prompt. */
"use strict";

const KEY_STORAGE = "asisten_api_key";
const SESSION_STORAGE = "asisten_session";

/* A workshop link carries the key (?key=…): keep it, then drop it from the address bar. */
(function keyFromAddress() {
  const url = new URL(window.location.href);
  const key = (url.searchParams.get("key") || "").trim();
  if (!key) return;
  localStorage.setItem(KEY_STORAGE, key);
  url.searchParams.delete("key");
  history.replaceState(null, "", url.pathname + url.search + url.hash);
})();

/* A random id of this browser: on a shared workshop key, conversations stay private to it. */
function sessionId() {
  let id = localStorage.getItem(SESSION_STORAGE);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(SESSION_STORAGE, id);
  }
  return id;
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
  headers.set("X-Asisten-Session", sessionId());
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
