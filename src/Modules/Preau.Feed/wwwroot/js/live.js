// Préau real-time feed: keeps the bell's unread count, and an open feed list, current without
// reload. The hub (/hubs/fil) only says "something new for you" with an event id; this script
// then asks the server for the person's own count and items, rendered there in their language.
// Every page works without this file: the count and the list are right at each page load.
(() => {
  "use strict";
  const bells = () => document.querySelectorAll("a[data-feed-unread]");
  const bell = document.querySelector("a[data-feed-unread]");
  if (!bell || !window.signalR || !window.fetch) return;

  const announcer = document.querySelector("[data-feed-announce]");
  const format = (template, n) => (template || "").replace("{0}", n);

  // A whole city's pages reconnect after a restart or a network blip, and a class's parents all hear
  // the same publication at once: every wait is spread at random, so the server never sees them in step.
  const jitter = (ms) => Math.round(ms * (0.5 + Math.random()));
  const backoff = (attempt) => jitter(Math.min(60000, 2000 * 2 ** Math.min(attempt, 5)));

  const announce = (text) => {
    if (!announcer || !text) return;
    announcer.textContent = "";
    // A fresh text node after a tick, so that screen readers announce a repeated message too.
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  };

  // The shell's bell (badge, and words for screen readers). The feed's sentences ("3 éléments non
  // lus") are feed.js's: both follow the "preau:feed-unread" event, whoever fetched the count.
  const showCount = (count, overCap) => {
    const text = overCap ? `${bell.dataset.feedCap || "99"}+` : String(count);
    bells().forEach((element) => {
      element.dataset.feedUnread = String(count);
      const badge = element.querySelector("[data-feed-badge]");
      const label = element.querySelector("[data-feed-unread-text]");
      if (badge) {
        badge.textContent = text;
        badge.hidden = count === 0;
      }
      if (label) {
        label.textContent = count === 0 ? "" : format(count === 1 ? element.dataset.textOne : element.dataset.textMany, text);
      }
    });
  };

  document.addEventListener("preau:feed-unread", (event) => {
    if (event.detail) showCount(Number(event.detail.count) || 0, Boolean(event.detail.overCap));
  });

  // Tells every place that shows the count; the words to announce when the count grew.
  const publishCount = (count, overCap) => {
    const grew = count > Number(bell.dataset.feedUnread || "0");
    document.dispatchEvent(new CustomEvent("preau:feed-unread", { detail: { count, overCap } }));
    const text = overCap ? `${bell.dataset.feedCap || "99"}+` : String(count);
    return grew ? format(count === 1 ? bell.dataset.textOne : bell.dataset.textMany, text) : "";
  };

  const prependItems = async () => {
    const list = document.querySelector("[data-feed-list]");
    const here = new URLSearchParams(window.location.search);
    if (!list || here.has("avant")) return 0; // an older page of the feed takes no new items on top
    const app = list.dataset.feedApp || here.get("app");
    const first = list.querySelector("[data-event-id]");
    const query = new URLSearchParams({ apres: first ? first.dataset.eventId : "0" });
    if (app) query.set("app", app);
    const response = await fetch(`/fil/elements?${query}`, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return 0;
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    const known = new Set([...list.querySelectorAll("[data-event-id]")].map((li) => li.dataset.eventId));
    const fresh = [...template.content.querySelectorAll("li[data-event-id]")].filter((li) => !known.has(li.dataset.eventId));
    if (fresh.length === 0) return 0;
    const items = document.createDocumentFragment();
    fresh.forEach((li) => items.appendChild(li));
    list.insertBefore(items, list.firstElementChild);
    list.hidden = false;
    document.querySelectorAll("[data-feed-empty]").forEach((empty) => { empty.hidden = true; });
    return fresh.length;
  };

  let connection = null;
  let stopped = false; // signed out: no more attempts on this page
  let attempt = 0;
  let refreshing = false;
  let pending = false;
  let timer = 0;

  const refresh = async () => {
    if (refreshing) { pending = true; return; }
    refreshing = true;
    try {
      const response = await fetch("/api/v1/feed/unread", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.status === 401) { stopped = true; await connection.stop(); return; }
      if (!response.ok) return;
      const unread = await response.json();
      const countText = publishCount(Number(unread.count) || 0, Boolean(unread.overCap));
      const added = await prependItems();
      announce(added > 0
        ? format(added === 1 ? bell.dataset.textNewOne : bell.dataset.textNewMany, added)
        : countText);
    } catch {
      // Offline for a moment: the next message, or the next page, brings the count back.
    } finally {
      refreshing = false;
      if (pending) { pending = false; schedule(); }
    }
  };

  // Several messages in a row make one refresh; a hidden tab waits until it is looked at again.
  let stale = false;
  function schedule() {
    if (document.hidden) { stale = true; return; }
    if (timer) return;
    timer = window.setTimeout(() => { timer = 0; refresh(); }, jitter(800));
  }
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && stale) { stale = false; schedule(); }
  });

  connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/fil")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => backoff(context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("feed", () => schedule());
  connection.on("ready", () => { bell.dataset.feedLive = "connected"; });
  // Messages sent while the connection was down are lost: catch up once it is back.
  connection.onreconnecting(() => { bell.dataset.feedLive = "reconnecting"; });
  connection.onreconnected(() => schedule());
  connection.onclose(() => {
    bell.dataset.feedLive = "closed";
    if (!stopped) window.setTimeout(start, backoff(attempt++)); // closed by the server: try again later
  });

  async function start() {
    try {
      await connection.start();
      attempt = 0;
    } catch (error) {
      if (error && error.statusCode === 401) { stopped = true; return; } // signed out elsewhere: the next page says so
      window.setTimeout(start, backoff(attempt++));
    }
  }
  start();
})();
