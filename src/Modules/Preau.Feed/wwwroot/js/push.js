// Notifications on this device (/fil/appareil): subscribes this browser to Web Push with the
// server's VAPID key and tells the server, or unsubscribes it. The list of devices and its
// "remove" buttons work without this file.
(() => {
  "use strict";
  const control = document.getElementById("push-control");
  if (!control) return;
  const state = document.getElementById("push-state");
  const enable = document.getElementById("push-enable");
  const disable = document.getElementById("push-disable");
  control.hidden = false;

  const say = (key) => { state.textContent = control.dataset[key] || ""; };
  const show = (on) => { enable.hidden = on; disable.hidden = !on; };
  const json = (method, body) => ({ method, headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });

  const isIos = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const installed = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(isIos && !installed ? "ios" : "unsupported");
    return;
  }

  const keyBytes = (base64url) => {
    const base64 = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };

  // The server's list says which devices it knows: this one is "on" only when it is listed.
  const listed = (endpoint) => Array.from(document.querySelectorAll("#push-devices li[data-endpoint]")).find((li) => li.dataset.endpoint === endpoint);

  const refresh = async () => {
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription();
    const item = subscription && listed(subscription.endpoint);
    if (item) item.querySelector(".tag").hidden = false;
    if (Notification.permission === "denied") { say("denied"); show(false); enable.hidden = true; return; }
    say(item ? "on" : "off");
    show(Boolean(item));
  };

  enable.addEventListener("click", async () => {
    say("working");
    enable.disabled = true;
    try {
      if (await Notification.requestPermission() !== "granted") { say("denied"); enable.hidden = true; return; }
      const registration = await navigator.serviceWorker.ready;
      const { publicKey } = await (await fetch("/api/v1/push/key", { credentials: "same-origin" })).json();
      const old = await registration.pushManager.getSubscription();
      if (old) await old.unsubscribe();
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const answer = await fetch("/api/v1/push/subscriptions", json("POST", subscription.toJSON()));
      if (!answer.ok) { await subscription.unsubscribe(); throw new Error(String(answer.status)); }
      window.location.assign("/fil/appareil?done=on");
    } catch {
      say("error");
    } finally {
      enable.disabled = false;
    }
  });

  disable.addEventListener("click", async () => {
    say("working");
    disable.disabled = true;
    try {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        await fetch("/api/v1/push/subscriptions", json("DELETE", { endpoint: subscription.endpoint }));
        await subscription.unsubscribe();
      }
      window.location.assign("/fil/appareil?done=off");
    } catch {
      say("error");
    } finally {
      disable.disabled = false;
    }
  });

  if (!navigator.serviceWorker.controller) navigator.serviceWorker.register("/sw.js").catch(() => say("unsupported"));
  refresh().catch(() => say("error"));
})();
