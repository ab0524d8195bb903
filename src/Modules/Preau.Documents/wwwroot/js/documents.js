// "Mes documents": every action is a form that works without script; this file only enhances:
// tick all, list/grid without a reload, and uploads one request per file with a progress bar,
// a clear error and "Réessayer" per file, files dropped anywhere on the page, the list refreshed after.
(() => {
  "use strict";
  const root = document.querySelector("[data-docs]");
  if (!root) { return; }

  // Tick all: shown only with script, it ticks every line's box.
  const showAll = () => {
    const all = document.querySelector("[data-docs-all]");
    if (all && document.getElementById("docs-bulk")) { all.hidden = false; }
  };
  showAll();
  document.addEventListener("change", (event) => {
    const box = event.target.closest("[data-docs-all] input");
    if (box) { document.querySelectorAll(".docs-check").forEach((check) => { check.checked = box.checked; }); }
  });

  // List or grid: the same cookie the form sets, without a round trip.
  const viewForm = document.querySelector("[data-docs-view-form]");
  if (viewForm) {
    viewForm.addEventListener("click", (event) => {
      const button = event.target.closest("button[name=vue]");
      const list = document.querySelector("[data-docs-list]");
      if (!button || !list) { return; }
      event.preventDefault();
      const grid = button.value === "grille";
      document.cookie = "preau.documents.view=" + (grid ? "grille" : "liste") + "; path=/documents; max-age=31536000; samesite=lax";
      list.classList.toggle("docs-grid", grid);
      list.classList.toggle("docs-list", !grid);
      viewForm.querySelectorAll("button[name=vue]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    });
  }

  const form = document.querySelector("[data-docs-upload-form]");
  const panel = document.querySelector("[data-docs-uploads]");
  if (!form || !panel) { return; }
  const input = form.querySelector("[data-docs-files]");
  const token = form.querySelector("input[name=__csrf]").value;
  const list = panel.querySelector("[data-docs-upload-list]");
  const text = root.dataset;
  form.querySelector("[data-docs-upload-submit]").hidden = true; // with script, choosing the files sends them

  let pending = 0;
  let stored = 0;

  const send = (files) => {
    Array.from(files || []).forEach((file) => start(line(file)));
  };

  input.addEventListener("change", () => { send(input.files); input.value = ""; });
  form.addEventListener("submit", (event) => { event.preventDefault(); send(input.files); input.value = ""; });

  // Files dropped anywhere on the page.
  let depth = 0;
  const hasFiles = (event) => Array.from(event.dataTransfer ? event.dataTransfer.types : []).includes("Files");
  document.addEventListener("dragenter", (event) => { if (hasFiles(event)) { depth++; root.classList.add("docs-dropping"); } });
  document.addEventListener("dragleave", () => { depth = Math.max(0, depth - 1); if (depth === 0) { root.classList.remove("docs-dropping"); } });
  document.addEventListener("dragover", (event) => { if (hasFiles(event)) { event.preventDefault(); event.dataTransfer.dropEffect = "copy"; } });
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) { return; }
    event.preventDefault();
    depth = 0;
    root.classList.remove("docs-dropping");
    send(event.dataTransfer.files);
  });

  function line(file) {
    const item = document.createElement("li");
    item.className = "docs-upload-line";
    const name = document.createElement("span");
    name.className = "docs-upload-name";
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    const status = document.createElement("span");
    status.className = "docs-upload-status";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "button secondary small";
    retry.textContent = text.textRetry;
    retry.hidden = true;
    item.append(name, bar, status, retry);
    list.append(item);
    panel.hidden = false;
    const upload = { file, item, bar, status, retry };
    retry.addEventListener("click", () => start(upload));
    return upload;
  }

  function start(upload) {
    const { file, item, bar, status, retry } = upload;
    pending++;
    item.dataset.state = "sending";
    retry.hidden = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = text.textSending;
    const request = new XMLHttpRequest();
    request.open("POST", root.dataset.uploadUrl);
    request.setRequestHeader("X-CSRF-TOKEN", token);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) { bar.value = Math.round((event.loaded / event.total) * 99); }
    });
    request.addEventListener("load", () => {
      if (request.status === 201) {
        bar.value = 100;
        item.dataset.state = "done";
        status.textContent = text.textDone;
        stored++;
      } else {
        fail(upload, reason(request));
      }
      finished();
    });
    request.addEventListener("error", () => { fail(upload, ""); finished(); });
    const data = new FormData();
    data.append("files", file, file.name);
    request.send(data);
  }

  function reason(request) {
    try {
      const problem = JSON.parse(request.responseText);
      const own = Array.isArray(problem.files) ? problem.files.find((f) => f.error) : null;
      return (own && own.error) || problem.detail || "";
    } catch {
      return "";
    }
  }

  function fail(upload, why) {
    upload.item.dataset.state = "error";
    upload.bar.hidden = true;
    upload.status.textContent = why ? text.textFailed + " — " + why : text.textFailed;
    upload.retry.hidden = false;
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = " " + upload.file.name;
    upload.retry.replaceChildren(text.textRetry, label);
  }

  // Once every file has answered, the folder's list and the room used are brought up to date.
  function finished() {
    pending--;
    if (pending > 0 || stored === 0) { return; }
    stored = 0;
    fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, "text/html");
        ["[data-docs-main]", "[data-docs-quota]"].forEach((selector) => {
          const now = document.querySelector(selector);
          const next = fresh.querySelector(selector);
          if (now && next) { now.replaceWith(next); }
        });
        showAll();
      })
      .catch(() => { /* the list stays as it was; a reload shows the files */ });
  }
})();
