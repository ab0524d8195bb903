// The annuaire's search as you type. Without this file the form is an ordinary GET form.
(() => {
  "use strict";
  const form = document.querySelector("form[data-directory-search]");
  const results = document.getElementById("directory-results");
  const announce = document.querySelector("[data-results-announce]");
  if (!form || !results || !window.fetch) return;

  let timer = 0;
  let controller = null;

  const search = async () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
    }
    const address = form.getAttribute("action") + (params.size ? "?" + params : "");
    params.set("handler", "results");
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(form.getAttribute("action") + "?" + params, {
        signal: controller.signal, credentials: "same-origin", headers: { "Accept": "text/html" },
      });
      if (!response.ok) return;
      results.innerHTML = await response.text();
      const status = results.querySelector("[data-results-status]");
      if (announce && status) announce.textContent = status.textContent;
      history.replaceState(null, "", address);
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  };

  form.addEventListener("input", (event) => {
    if (event.target.matches("input[type=search]")) {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    }
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("select")) search();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
})();
