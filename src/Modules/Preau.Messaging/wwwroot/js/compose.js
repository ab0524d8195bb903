// The composer (/messagerie/ecrire): recipients searched as one types (a combobox per field,
// aria-activedescendant), chips, Cc / Cci behind a toggle, files uploaded with a progress bar
// (XMLHttpRequest) and dropped onto the page, and the draft saved every 5 s after a change.
// Without this script the page still works: the form posts, the server does the rest.
(() => {
  "use strict";
  const form = document.getElementById("compose");
  if (!form) return;
  const data = form.dataset;
  const token = () => form.querySelector("input[name='__csrf']")?.value || "";
  const draftInput = document.getElementById("compose-draft");
  const status = document.getElementById("compose-status");
  const textarea = document.getElementById("Body");
  const fill = (text, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), text || "");
  form.classList.add("js");
  form.querySelectorAll(".compose-nojs").forEach((e) => { e.hidden = true; });
  form.querySelectorAll(".js-only").forEach((e) => { e.hidden = false; });

  // ---- Saving ----------------------------------------------------------------------------
  let timer = 0;
  let saving = null;
  let dirty = false;
  const draftId = () => draftInput.value;
  const setDraft = (id, upload) => {
    if (!id || draftInput.value === id) return;
    draftInput.value = id;
    form.dataset.draft = id;
    if (textarea && upload) textarea.dataset.uploadUrl = upload;
    const url = new URL(window.location.href);
    ["repondre", "repondre-a-tous", "transferer", "a", "enregistre"].forEach((k) => url.searchParams.delete(k));
    url.searchParams.set("brouillon", id);
    history.replaceState(null, "", url);
  };
  const save = async () => {
    if (saving) { await saving; if (!dirty) return; }
    dirty = false;
    clearTimeout(timer);
    const body = new FormData(form);
    body.delete("files");
    body.delete("action");
    body.delete("retirer");
    status.textContent = data.labelSaving;
    saving = fetch(data.autosave, {
      method: "POST", body, credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRF-TOKEN": token() },
    }).then(async (response) => {
      const answer = await response.json().catch(() => ({}));
      if (answer.draft) setDraft(answer.draft, answer.upload);
      const errors = answer.errors ? Object.values(answer.errors).flat() : [];
      status.textContent = [answer.status, ...errors].filter(Boolean).join(" ") || data.labelSaveFailed;
      if (!response.ok && !answer.errors) schedule();
    }).catch(() => {
      status.textContent = data.labelSaveFailed;
      dirty = true;
      schedule();
    }).finally(() => { saving = null; });
    await saving;
  };
  const schedule = () => {
    dirty = true;
    clearTimeout(timer);
    // The first change saves at once, so that files and pasted images have a draft to go to.
    timer = setTimeout(save, draftId() ? 5000 : 300);
  };
  const ensureDraft = async () => { if (!draftId()) await save(); return draftId(); };
  form.addEventListener("input", (event) => {
    const t = event.target;
    if (t.type === "file" || t.type === "search") return;
    schedule();
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") schedule();
  });
  form.addEventListener("submit", () => clearTimeout(timer));

  // ---- Cc / Cci ----------------------------------------------------------------------------
  const toggle = form.querySelector(".compose-cc-toggle");
  const optional = [...form.querySelectorAll(".compose-row.optional")];
  if (toggle && optional.every((row) => !row.querySelector(".compose-chip"))) {
    optional.forEach((row) => { row.hidden = true; });
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      optional.forEach((row) => { row.hidden = !open; });
      if (open) optional[0].querySelector("input[type='search']")?.focus();
    });
  }

  // ---- Chips ---------------------------------------------------------------------------------
  let chipCount = 0;
  const removeButton = (chip) => {
    const label = chip.querySelector("label")?.textContent.trim() || "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "compose-chip-remove";
    button.setAttribute("aria-label", fill(data.labelRemove, label));
    button.textContent = "×";
    button.addEventListener("click", () => {
      const row = chip.closest(".compose-row");
      chip.remove();
      row?.querySelector("input[type='search']")?.focus();
      schedule();
    });
    chip.append(button);
  };
  form.querySelectorAll(".compose-chip").forEach(removeButton);
  const addChip = (row, choice) => {
    const field = row.dataset.field;
    const list = row.querySelector(".compose-chips");
    if (form.querySelector(`.compose-chip input[value='${choice.value}']`)) return;
    chipCount += 1;
    const id = `chip-js-${chipCount}`;
    const chip = document.createElement("li");
    chip.className = choice.isGroup ? "compose-chip group" : "compose-chip";
    const box = document.createElement("input");
    Object.assign(box, { type: "checkbox", name: field, value: choice.value, checked: true, id });
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = choice.isGroup && choice.members != null ? `${choice.name} (${fill(data.labelMembers, choice.members)})` : choice.name;
    const name = document.createElement("input");
    Object.assign(name, { type: "hidden", name: "noms", value: `${choice.value}|${choice.name}` });
    chip.append(box, label, name);
    removeButton(chip);
    list.append(chip);
    schedule();
  };

  // ---- Recipient search: one combobox per field ---------------------------------------------------
  form.querySelectorAll(".compose-row").forEach((row) => {
    const input = row.querySelector("input[type='search']");
    const listbox = row.querySelector("[role='listbox']");
    // "No one matches" is said beside the list, not as an option of it: a listbox holds options only.
    const none = row.querySelector(".compose-none");
    if (!input || !listbox) return;
    input.removeAttribute("name");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    let options = [];
    let active = -1;
    let request = 0;
    let debounce = 0;
    const close = () => {
      if (none) none.textContent = "";
      listbox.hidden = true;
      listbox.replaceChildren();
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };
    const highlight = (index) => {
      options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    };
    const choose = (option) => {
      addChip(row, JSON.parse(option.dataset.choice));
      input.value = "";
      close();
      input.focus();
    };
    const render = (found) => {
      listbox.replaceChildren();
      const all = [...found.people, ...found.groups];
      options = all.map((c, i) => {
        const li = document.createElement("li");
        li.id = `${listbox.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = c.isGroup ? "compose-option group" : "compose-option";
        li.dataset.choice = JSON.stringify({ value: c.value, name: c.name, isGroup: c.isGroup, members: c.members });
        const name = document.createElement("span");
        name.className = "compose-option-name";
        name.textContent = c.name;
        const detail = document.createElement("span");
        detail.className = "compose-option-detail";
        detail.textContent = c.isGroup ? `${fill(data.labelMembers, c.members ?? 0)} · ${c.detail}` : c.detail;
        li.append(name, detail);
        li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(li); });
        listbox.append(li);
        return li;
      });
      if (none) none.textContent = options.length === 0 ? data.labelNone : "";
      listbox.hidden = options.length === 0;
      input.setAttribute("aria-expanded", String(options.length > 0));
      highlight(-1);
    };
    const lookup = async () => {
      const q = input.value.trim();
      if (q.length < 2) { request += 1; close(); return; } // and an answer still on its way is dropped
      const mine = ++request;
      // A search that does not answer says so: an empty list with no word would look like "no one".
      const failed = () => { if (mine === request && none) { close(); none.textContent = data.labelSearchFailed; } };
      try {
        const response = await fetch(`${data.search}?q=${encodeURIComponent(q)}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (mine !== request) return;
        if (!response.ok) { failed(); return; }
        const found = await response.json();
        if (mine === request) render(found);
      } catch { failed(); }
    };
    input.addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(lookup, 200); });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" && options.length) { e.preventDefault(); highlight((active + 1) % options.length); }
      else if (e.key === "ArrowUp" && options.length) { e.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
      else if (e.key === "Enter") { e.preventDefault(); if (active >= 0) choose(options[active]); else if (options.length === 1) choose(options[0]); }
      else if (e.key === "Escape") { if (!listbox.hidden) { e.preventDefault(); close(); } }
      else if (e.key === "Backspace" && input.value === "") {
        const last = row.querySelector(".compose-chip:last-child");
        if (last) { last.remove(); schedule(); }
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  });

  // ---- Attachments ---------------------------------------------------------------------------
  const files = document.getElementById("compose-files");
  const picker = document.getElementById("compose-file-input");
  const drop = document.getElementById("compose-drop");
  const sizeText = (n) => {
    const units = document.documentElement.lang.startsWith("fr") ? ["o", "Ko", "Mo", "Go"] : ["B", "KB", "MB", "GB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i += 1; }
    return `${n.toLocaleString(document.documentElement.lang || "fr", { maximumFractionDigits: i === 0 ? 0 : 1 })}\u00a0${units[i]}`;
  };
  const removeStored = async (item, id) => {
    const body = new FormData();
    body.append("piece", id);
    body.append("__csrf", token());
    const response = await fetch(data.remove, { method: "POST", body, credentials: "same-origin", headers: { "X-CSRF-TOKEN": token() } });
    if (response.ok || response.status === 404) item.remove();
  };
  const fileButton = (text, label, onClick) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button secondary small";
    button.textContent = text;
    if (label) button.setAttribute("aria-label", label);
    button.addEventListener("click", onClick);
    return button;
  };
  files.querySelectorAll("button[name='retirer']").forEach((button) => {
    button.addEventListener("click", (e) => { e.preventDefault(); removeStored(button.closest("li"), button.value); });
  });
  // A file held by the draft: its name, its size and a button to take it off.
  const showStored = (answer, item) => {
    item ??= document.createElement("li");
    item.className = "compose-file";
    item.dataset.id = answer.id;
    const name = document.createElement("span");
    name.className = "compose-file-name";
    name.textContent = answer.name;
    const size = document.createElement("span");
    size.className = "compose-file-size";
    size.textContent = sizeText(answer.size);
    item.replaceChildren(name, size, fileButton("×", fill(data.labelRemoveFile, answer.name), () => removeStored(item, answer.id)));
    if (!item.parentNode) files.append(item);
  };
  const upload = async (file, item) => {
    item ??= document.createElement("li");
    item.className = "compose-file uploading";
    item.replaceChildren();
    const name = document.createElement("span");
    name.className = "compose-file-name";
    name.textContent = file.name;
    const progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute("aria-label", fill(data.labelUploading, file.name));
    item.append(name, progress);
    if (!item.parentNode) files.append(item);
    status.textContent = fill(data.labelUploading, file.name);
    const id = await ensureDraft();
    const fail = (detail) => {
      item.className = "compose-file failed";
      progress.remove();
      const error = document.createElement("span");
      error.className = "field-error compose-file-error";
      error.textContent = detail || fill(data.labelUploadFailed, file.name);
      item.append(error,
        fileButton(data.labelRetry, `${data.labelRetry} : ${file.name}`, () => upload(file, item)),
        fileButton("×", fill(data.labelRemoveFile, file.name), () => item.remove()));
      status.textContent = error.textContent;
    };
    if (!id) { fail(); return; }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/messagerie/pieces?brouillon=${encodeURIComponent(id)}`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-CSRF-TOKEN", token());
    xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); });
    xhr.addEventListener("load", () => {
      let answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status !== 200 || !answer.id) { fail(answer.detail ? `${file.name} : ${answer.detail}` : null); return; }
      showStored(answer, item);
    });
    xhr.addEventListener("error", () => fail());
    const body = new FormData();
    body.append("file", file, file.name);
    body.append("__csrf", token());
    xhr.send(body);
  };
  // "Joindre depuis mes documents": the platform's picker in a dialog (docpicker.js); without it the button posts the form.
  const fromDocuments = document.getElementById("compose-from-documents");
  if (fromDocuments && window.preauDocPicker) {
    fromDocuments.addEventListener("click", async (e) => {
      e.preventDefault();
      const id = await ensureDraft();
      if (!id) { status.textContent = fromDocuments.dataset.labelFailed; return; }
      window.preauDocPicker.open({
        url: `${fromDocuments.dataset.picker}?brouillon=${encodeURIComponent(id)}`,
        title: fromDocuments.dataset.labelTitle,
        closeLabel: fromDocuments.dataset.labelClose,
        failedLabel: fromDocuments.dataset.labelFailed,
        onChosen: (attached) => attached.forEach((a) => showStored(a)),
      });
    });
  }
  picker?.addEventListener("change", () => {
    [...picker.files].forEach((f) => upload(f));
    picker.value = "";
  });
  if (drop) {
    ["dragenter", "dragover"].forEach((type) => form.addEventListener(type, (e) => {
      if (![...(e.dataTransfer?.types || [])].includes("Files")) return;
      if (e.target.closest?.(".richtext")) return;
      e.preventDefault();
      drop.classList.add("over");
    }));
    ["dragleave", "drop"].forEach((type) => form.addEventListener(type, () => drop.classList.remove("over")));
    form.addEventListener("drop", (e) => {
      if (e.target.closest?.(".richtext") || !e.dataTransfer?.files?.length) return;
      e.preventDefault();
      [...e.dataTransfer.files].forEach((f) => upload(f));
    });
  }
})();
