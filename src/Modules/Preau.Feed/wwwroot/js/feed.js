// The feed in place: mark read, mark all read, hide and report through the API without leaving
// the page. Without this file every action is an ordinary form post that comes back to the page.
// Items that another script adds to a [data-feed-list] (real time) are handled like the others.
(() => {
  "use strict";
  if (window.preauFeed || !window.fetch) return;
  window.preauFeed = true;

  const status = document.querySelector("[data-feed-status]");
  const api = (path) => fetch("/api/v1/feed" + path, {
    method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" },
  });

  const say = (text) => {
    if (!status || !text) return;
    status.textContent = "";
    const alert = document.createElement("div");
    alert.className = "alert success";
    const p = document.createElement("p");
    p.textContent = text;
    alert.append(p);
    status.append(alert);
  };

  // The unread sentences ("3 éléments non lus") from the words the page gave for each count, on
  // every count: after an action here, or from live.js when something new arrived (it draws the bell).
  document.addEventListener("preau:feed-unread", (event) => {
    if (!event.detail) return;
    const count = Number(event.detail.count) || 0;
    const overCap = Boolean(event.detail.overCap);
    document.querySelectorAll("[data-feed-unread][data-many]").forEach((p) => {
      const words = overCap ? p.dataset.over : count === 0 ? p.dataset.none : count === 1 ? p.dataset.one : p.dataset.many;
      p.textContent = words.replace("{0}", String(count));
      p.dataset.count = String(count);
      p.classList.toggle("has-unread", count > 0);
    });
    if (count === 0) document.querySelectorAll("form[data-feed-action='read-all']").forEach((f) => { f.hidden = true; });
  });

  const refreshCount = async () => {
    const response = await fetch("/api/v1/feed/unread", { credentials: "same-origin", headers: { "Accept": "application/json" } });
    if (!response.ok) return;
    const { count, overCap } = await response.json();
    document.dispatchEvent(new CustomEvent("preau:feed-unread", { detail: { count, overCap } }));
  };

  const markRead = (item) => {
    item.classList.remove("is-unread");
    item.querySelectorAll("[data-feed-unread-label], .feed-dot, form[data-feed-action='read']").forEach((e) => e.remove());
  };

  // With the last item gone, the list gives way to its empty state (and comes back when items arrive).
  const syncEmpty = (list) => {
    const empty = list.parentElement.querySelector("[data-feed-empty]");
    const hasItems = list.querySelector("li") !== null;
    list.hidden = !hasItems;
    if (empty) empty.hidden = hasItems;
  };
  const lists = document.querySelectorAll("[data-feed-list]");
  lists.forEach((list) => new MutationObserver(() => syncEmpty(list)).observe(list, { childList: true }));

  const removeItem = (item) => {
    const list = item.closest("[data-feed-list]");
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    if (list) syncEmpty(list);
    const focusable = next && next.querySelector(".feed-link");
    (focusable || document.getElementById("main")).focus();
  };

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-feed-action]");
    if (!form) return;
    const action = form.dataset.feedAction;
    const item = form.closest("[data-event-id]");
    const path = action === "read-all" ? "/read-all" : item ? `/${item.dataset.eventId}/${action}` : null;
    if (!path) return;
    event.preventDefault();
    const response = await api(path);
    if (!response.ok) { form.submit(); return; }
    if (action === "read-all") {
      document.querySelectorAll("[data-event-id].is-unread").forEach(markRead);
      say(form.dataset.done);
    } else if (action === "read") {
      item.querySelector("details[open]")?.removeAttribute("open");
      item.querySelector(".feed-link")?.focus();
      markRead(item);
    } else if (action === "hide") {
      removeItem(item);
      say(form.dataset.done);
    }
    refreshCount();
  });

  // Report: a dialog with the optional reason, instead of the report page.
  const dialog = document.querySelector("dialog[data-feed-report-dialog]");
  let reported = null;
  if (dialog && typeof dialog.showModal === "function") {
    const form = dialog.querySelector("form");
    const reason = form.querySelector("textarea");
    document.addEventListener("click", (event) => {
      const link = event.target.closest("a[data-feed-report]");
      if (!link) return;
      event.preventDefault();
      reported = link.closest("[data-event-id]");
      link.closest("details")?.removeAttribute("open");
      form.action = link.getAttribute("href");
      reason.value = "";
      dialog.querySelector("[data-feed-report-quote]").textContent = reported.querySelector("[data-feed-words]").textContent.trim();
      dialog.showModal();
    });
    dialog.querySelector("[data-feed-dialog-close]").addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => { if (reported && document.contains(reported)) reported.querySelector(".feed-menu summary")?.focus(); });
    form.addEventListener("submit", async (event) => {
      if (!reported) return;
      event.preventDefault();
      const response = await fetch(`/api/v1/feed/${reported.dataset.eventId}/report`, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ reason: reason.value }),
      });
      if (!response.ok) { form.submit(); return; }
      const item = reported;
      reported = null;
      dialog.close();
      removeItem(item);
      say(form.dataset.done);
      refreshCount();
    });
  }

  // An item's menu closes on Escape and on a click elsewhere, as the profile menu does.
  document.addEventListener("click", (event) => {
    document.querySelectorAll("details.feed-menu[open]").forEach((d) => { if (!d.contains(event.target)) d.removeAttribute("open"); });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector("details.feed-menu[open]");
    if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
  });
})();
