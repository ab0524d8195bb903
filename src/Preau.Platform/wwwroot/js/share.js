// The share dialog: searches as one types (the same results the search button gives without
// JavaScript), keeps rights consistent (ticking "manage" ticks what it implies, unticking
// "read" unticks what needs it) and asks before deleting a list. The server checks it all again.
(() => {
  "use strict";

  const search = document.querySelector("[data-share-search]");
  const results = document.getElementById("share-results");
  if (search && results) {
    const input = search.querySelector("input[name=q]");
    let timer = 0;
    let current = null;
    const run = async () => {
      const q = input.value.trim();
      const url = new URL(search.dataset.results, window.location.href);
      url.searchParams.set("q", q);
      current?.abort();
      current = new AbortController();
      results.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(url, { signal: current.signal, headers: { Accept: "text/html" } });
        if (response.ok) {
          results.innerHTML = await response.text();
          // The address keeps the search, so going back and forth finds it again.
          const here = new URL(window.location.href);
          here.searchParams.set("q", q);
          here.searchParams.delete("done");
          window.history.replaceState(null, "", here);
        }
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      } finally {
        results.removeAttribute("aria-busy");
      }
    };
    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 200);
    });
    search.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      run();
    });
  }

  document.querySelectorAll("[data-share-form] .share-rights").forEach((row) => {
    const boxes = [...row.querySelectorAll("input[type=checkbox]")];
    const byKey = new Map(boxes.map((box) => [box.value, box]));
    row.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      if (box.checked) {
        (box.dataset.implies || "").split(" ").filter(Boolean).forEach((key) => { if (byKey.has(key)) byKey.get(key).checked = true; });
      } else {
        boxes.filter((other) => (other.dataset.implies || "").split(" ").includes(box.value)).forEach((other) => { other.checked = false; });
      }
    });
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
})();
