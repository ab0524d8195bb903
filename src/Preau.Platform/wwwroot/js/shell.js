// Préau app shell: small progressive enhancements. Every page works without this file.
(() => {
  "use strict";
  document.documentElement.classList.add("js");

  // A form with data-confirm asks before it is sent (a removal…); without JavaScript it is sent at once.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // A print button (hidden in the markup) shows only when this runs.
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });

  // A read-only field with data-select-all (an address to copy) is selected whole when focused.
  document.addEventListener("focusin", (event) => {
    const input = event.target.closest("input[data-select-all]");
    if (input) input.select();
  });

  // The school switcher submits as soon as a school is chosen.
  document.addEventListener("change", (event) => {
    const select = event.target.closest("select[data-autosubmit]");
    if (select && select.form) select.form.requestSubmit();
  });

  // Read aloud: any button with data-speak says its text with the browser's speech synthesis.
  const canSpeak = "speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function";
  document.querySelectorAll("[data-speak]").forEach((button) => {
    if (!canSpeak) { button.hidden = true; return; }
    button.hidden = false;
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-speak]");
    if (!button || !canSpeak) return;
    event.preventDefault();
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(button.dataset.speak);
    utterance.lang = document.documentElement.lang === "en" ? "en-GB" : "fr-FR";
    utterance.rate = 0.9;
    button.classList.add("speaking");
    utterance.onend = utterance.onerror = () => button.classList.remove("speaking");
    window.speechSynthesis.speak(utterance);
  });

  // Menus made of <details> close on Escape and on a click elsewhere.
  const closeMenus = (except) => document.querySelectorAll("details.profile-menu[open]").forEach((d) => {
    if (d !== except) d.removeAttribute("open");
  });
  document.addEventListener("click", (event) => closeMenus(event.target.closest("details.profile-menu")));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector("details.profile-menu[open]");
    if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
  });

  // The installable app: the service worker keeps the shell's files and shows the offline page
  // when the network is gone (sw.js at the site's root, so that it covers every page).
  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", () => navigator.serviceWorker.register("/sw.js").catch(() => {}));
  }

  // Password fields with a show/hide toggle.
  document.querySelectorAll("[data-toggle-password]").forEach((button) => {
    const input = document.getElementById(button.dataset.togglePassword);
    if (!input) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", show ? "true" : "false");
    });
  });
})();
