// The document picker in a dialog. The picker is a page of the module that uses it
// (Pages/Shared/_DocumentPicker.cshtml) and works without JavaScript; this loads the same markup
// (its URL with fragment=1) into a <dialog>: folder links, pages and the search load in place, and
// the choice is posted by fetch (Accept: application/json), the module answering
// { attached: [...] } or { errors: [...] }.
// Use: window.preauDocPicker.open({ url, title, closeLabel, failedLabel, onChosen(attached) }).
(() => {
  "use strict";

  const open = ({ url, title, closeLabel, failedLabel, onChosen }) => {
    const dialog = document.createElement("dialog");
    dialog.className = "docpicker-dialog";
    const head = document.createElement("div");
    head.className = "docpicker-dialog-head";
    const heading = document.createElement("h2");
    heading.id = "docpicker-dialog-title";
    heading.textContent = title;
    dialog.setAttribute("aria-labelledby", heading.id);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "button secondary small";
    close.textContent = closeLabel;
    close.addEventListener("click", () => dialog.close());
    head.append(heading, close);
    const body = document.createElement("div");
    body.className = "docpicker-dialog-body";
    body.setAttribute("aria-live", "polite");
    dialog.append(head, body);
    document.body.append(dialog);
    dialog.addEventListener("close", () => dialog.remove());

    const fail = (form, errors) => {
      let box = form?.querySelector(".docpicker-errors");
      if (!form) { body.textContent = errors[0]; return; }
      if (!box) {
        box = document.createElement("div");
        box.className = "alert error docpicker-errors";
        box.setAttribute("role", "alert");
        form.prepend(box);
      }
      box.replaceChildren(...errors.map((text) => { const p = document.createElement("p"); p.textContent = text; return p; }));
    };

    const load = async (href, focus) => {
      const target = new URL(href, location.href);
      target.searchParams.set("fragment", "1");
      try {
        const response = await fetch(target, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (!response.ok) throw new Error(String(response.status));
        // Markup of this origin, rendered by the server (no script in it).
        body.innerHTML = await response.text();
      } catch {
        fail(null, [failedLabel]);
        return;
      }
      wire();
      (body.querySelector(focus) || body.querySelector("input[type='checkbox'], #docpicker-q"))?.focus();
    };

    const wire = () => {
      body.querySelectorAll("[data-docpicker-link]").forEach((link) => link.addEventListener("click", (e) => {
        e.preventDefault();
        load(link.href);
      }));
      body.querySelector("[data-docpicker-cancel]")?.addEventListener("click", (e) => { e.preventDefault(); dialog.close(); });
      const search = body.querySelector("[data-docpicker-search]");
      search?.addEventListener("submit", (e) => {
        e.preventDefault();
        const target = new URL(search.getAttribute("action"), location.href);
        new FormData(search).forEach((value, key) => target.searchParams.set(key, value));
        load(target.href, "#docpicker-q");
      });
      const choose = body.querySelector("[data-docpicker-choose]");
      choose?.addEventListener("submit", async (e) => {
        e.preventDefault();
        const data = new FormData(choose);
        try {
          const response = await fetch(choose.getAttribute("action"), {
            method: "POST", body: data, credentials: "same-origin",
            headers: { Accept: "application/json", "X-CSRF-TOKEN": String(data.get("__csrf") || "") },
          });
          const answer = await response.json().catch(() => ({}));
          if (response.ok && Array.isArray(answer.attached)) {
            dialog.close();
            onChosen?.(answer.attached);
            return;
          }
          fail(choose, answer.errors?.length ? answer.errors : [failedLabel]);
        } catch {
          fail(choose, [failedLabel]);
        }
      });
    };

    dialog.showModal();
    load(url);
  };

  window.preauDocPicker = { open };
})();
