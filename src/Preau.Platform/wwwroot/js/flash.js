// Flash messages: closing one removes it at once instead of reloading the page. Without this file the form posts and comes back.
(() => {
  "use strict";
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest(".flash-close");
    if (!form) return;
    event.preventDefault();
    const banner = form.closest("[data-flash]");
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok && response.status !== 404) { form.submit(); return; }
    } catch {
      form.submit();
      return;
    }
    const region = banner.parentElement;
    const next = banner.nextElementSibling || banner.previousElementSibling;
    banner.remove();
    if (!region.querySelector("[data-flash]")) region.remove();
    const target = next ? next.querySelector(".flash-close button") : document.getElementById("main");
    if (target) target.focus();
  });
})();
