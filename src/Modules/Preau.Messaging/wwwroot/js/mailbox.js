// Préau mailbox: "tick all", and the counts kept current without reload. The feed's live.js
// already hears the hub and says so with a "preau:feed-unread" event on document; on each, this
// script asks /messagerie/compteurs for the person's counts per folder (no second hub), updates
// the folders pane, and on the inbox's first page brings in the new lines (or offers to).
// Every page works without this file: the forms post and the counts are right at each load.
(() => {
  "use strict";
  const mailbox = document.querySelector("[data-mailbox]");
  if (!mailbox) return;

  // "Tick all": a visible box that ticks every line's box.
  const all = mailbox.querySelector("[data-mailbox-all]");
  const checks = () => [...mailbox.querySelectorAll("[data-mailbox-check]")];
  if (all && checks().length > 0) {
    all.hidden = false;
    const box = all.querySelector("input");
    box.addEventListener("change", () => checks().forEach((c) => { c.checked = box.checked; }));
  }

  if (!window.fetch) return;
  const nav = mailbox.querySelector(".mailbox-nav");
  const folder = mailbox.dataset.folder;
  const firstPage = mailbox.dataset.firstPage === "true";
  const format = (template, n) => (template || "").replace("{0}", n);
  const countOf = (slug) => {
    const element = nav && nav.querySelector(`[data-mailbox-count="${slug}"]`);
    return element ? Number(element.querySelector("[aria-hidden]").textContent) || 0 : 0;
  };

  const showCount = (element, n) => {
    const total = element.dataset.total === "true";
    element.querySelector("[aria-hidden]").textContent = String(n);
    element.querySelector(".visually-hidden").textContent = n === 0 ? ""
      : total ? format(nav.dataset.textTotal, n) : format(n === 1 ? nav.dataset.textUnreadOne : nav.dataset.textUnreadMany, n);
    element.hidden = n === 0;
  };

  const live = mailbox.querySelector("[data-mailbox-live]");
  let fresh = 0;
  const offer = (added) => {
    if (!live) return;
    fresh += added;
    live.querySelector("[data-mailbox-live-text]").textContent = format(fresh === 1 ? live.dataset.textOne : live.dataset.textMany, fresh);
    live.hidden = false;
  };

  // The folder's first page again, from the server: the new lines as they are drawn there.
  const reload = async () => {
    const response = await fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return false;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const next = page.querySelector("[data-mailbox-lines]");
    const current = mailbox.querySelector("[data-mailbox-lines]");
    if (!next || !current) return false;
    current.replaceWith(document.adoptNode(next));
    fresh = 0;
    const box = mailbox.querySelector("[data-mailbox-all]");
    if (box && checks().length > 0) {
      box.hidden = false;
      box.querySelector("input").addEventListener("change", (e) => checks().forEach((c) => { c.checked = e.target.checked; }));
    }
    return true;
  };

  let busy = false;
  let again = false;
  const refresh = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const response = await fetch("/messagerie/compteurs", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const counts = await response.json();
      const before = countOf("reception");
      Object.entries(counts.folders || {}).forEach(([slug, c]) => {
        const element = nav && nav.querySelector(`[data-mailbox-count="${slug}"]`);
        if (element) showCount(element, element.dataset.total === "true" ? c.total : c.unread);
      });
      const added = (counts.folders && counts.folders.reception ? counts.folders.reception.unread : 0) - before;
      if (added > 0 && folder === "reception" && firstPage) {
        // Lines ticked: do not pull the list from under the person; offer it instead.
        if (checks().some((c) => c.checked) || !(await reload())) offer(added);
      } else if (added > 0) {
        offer(added);
      }
    } catch {
      // Offline for a moment: the next event, or the next page, brings the counts back.
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  };

  document.addEventListener("preau:feed-unread", () => refresh());
  if (live) {
    live.querySelector("[data-mailbox-live-show]").addEventListener("click", async (event) => {
      if (folder !== "reception" || !firstPage) return; // another folder: the link leads to the inbox
      event.preventDefault();
      if (await reload()) live.hidden = true;
    });
  }
})();
