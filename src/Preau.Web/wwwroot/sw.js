// Préau's service worker, at the site's root so that it covers every page.
// - Keeps the shell's static files (/_content/: CSS, scripts, fonts, icons) and the offline page,
//   and shows that page when a navigation fails. It never keeps a page of a signed-in person
//   nor an API answer: those always go to the network.
// - Shows the Web Push notifications the server sends, and opens their link when clicked.
"use strict";

const CACHE = "preau-shell-v1";
const OFFLINE = "/hors-ligne";
const MAX_ASSETS = 80;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Fetched without cookies: the offline page holds nothing personal whoever installs the app.
    const response = await fetch(OFFLINE, { cache: "no-store", credentials: "omit" });
    if (!response.ok) throw new Error("The offline page did not load.");
    const html = await response.clone().text();
    const assets = new Set(Array.from(html.matchAll(/(?:href|src)="(\/_content\/[^"#]+)/g), (m) => m[1]));
    await cache.put(OFFLINE, response);
    await cache.addAll([...assets]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

const isShellAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith("/_content/");

// The cache keeps a bounded number of files: old fingerprinted versions leave first.
const trim = async (cache) => {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) {
    if (new URL(request.url).pathname !== OFFLINE) await cache.delete(request);
  }
};

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);

  if (request.mode === "navigate") {
    event.respondWith((async () => {
      try {
        return await fetch(request);
      } catch {
        return (await caches.match(OFFLINE)) || Response.error();
      }
    })());
    return;
  }

  if (isShellAsset(url)) {
    // Stale while revalidate: the kept copy at once, a fresh one for next time.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(request);
      const fresh = fetch(request).then(async (response) => {
        if (response.ok && response.type === "basic") {
          await cache.put(request, response.clone());
          await trim(cache);
        }
        return response;
      });
      if (kept) {
        event.waitUntil(fresh.catch(() => undefined));
        return kept;
      }
      return fresh;
    })());
  }
  // Everything else (pages' data, API, photos, documents) is left to the network, never kept.
});

const safePath = (value) => (typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : "/");

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(self.registration.showNotification(data.title || "Préau", {
    body: data.body || "",
    tag: data.tag || undefined,
    icon: "/_content/Preau.Platform/icons/preau-192.png",
    badge: "/_content/Preau.Platform/icons/preau-192.png",
    data: { url: safePath(data.url) },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(safePath(event.notification.data && event.notification.data.url), self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const same = windows.find((client) => client.url === target);
    if (same) return same.focus();
    return self.clients.openWindow(target);
  })());
});

// A push service renewed this browser's subscription: tell the server, so notifications go on.
self.addEventListener("pushsubscriptionchange", (event) => {
  const send = (method, body) => fetch("/api/v1/push/subscriptions", {
    method, credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  event.waitUntil((async () => {
    let subscription = event.newSubscription;
    if (!subscription) {
      const { publicKey } = await (await fetch("/api/v1/push/key", { credentials: "same-origin" })).json();
      const bytes = Uint8Array.from(atob((publicKey + "===".slice((publicKey.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
      subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes });
    }
    await send("POST", subscription.toJSON());
    if (event.oldSubscription) await send("DELETE", { endpoint: event.oldSubscription.endpoint });
  })());
});
