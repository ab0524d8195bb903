// The simple mailbox: small enhancements. Every page works without this file.
(() => {
  "use strict";

  // Choosing who: the "C'est bon" button says how many are chosen.
  const pick = document.querySelector("[data-young-pick]");
  const count = pick && pick.querySelector("[data-young-count]");
  if (pick && count) {
    const label = count.lastChild.textContent.trim();
    const update = () => {
      const n = pick.querySelectorAll("input[name='a']:checked").length;
      count.lastChild.textContent = n > 0 ? `${label} (${n})` : label;
    };
    pick.addEventListener("change", update);
    update();
  }

  // Sending: one press sends once.
  const compose = document.querySelector("[data-young-compose]");
  if (compose) {
    compose.addEventListener("submit", () => {
      const button = compose.querySelector("button[type='submit']");
      window.setTimeout(() => { if (button) button.disabled = true; }, 0);
    });
  }
})();
