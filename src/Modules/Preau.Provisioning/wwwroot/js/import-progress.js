// The import progress bar: polls the status endpoint and moves the bar; opens the result when the import ends.
(function () {
  "use strict";
  var box = document.querySelector("[data-import-progress]");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var percent = box.querySelector("[data-progress-percent]");
  var statusUrl = box.getAttribute("data-status-url");
  var resultUrl = box.getAttribute("data-result-url");

  function poll() {
    fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { window.setTimeout(poll, 2000); return; }
        bar.value = s.percent;
        bar.textContent = s.percent + " %";
        percent.textContent = s.percent + " %";
        if (s.state === "Done" || s.state === "Failed") { window.location.assign(resultUrl); return; }
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }

  poll();
})();
