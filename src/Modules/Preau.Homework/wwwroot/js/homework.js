// Cahier de textes: the print button (shown only when this runs), the confirmation before removing
// an entry, a calendar address selected whole in one tap.
(() => {
  "use strict";
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
  document.querySelectorAll("input[data-select-all]").forEach((input) => {
    input.addEventListener("focus", () => input.select());
  });
})();
