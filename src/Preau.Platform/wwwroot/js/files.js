// The file viewer (docs/files.md). Without JavaScript, "View" reloads the page with the viewer
// in it. With it, the same viewer (fetched from that page) opens in a modal dialog: Escape or
// "Close" shuts it and gives the focus back to the link that opened it.
(() => {
  "use strict";

  const inPage = document.querySelector("[data-file-viewer]");
  if (inPage && !inPage.closest("dialog")) {
    inPage.focus({ preventScroll: false });
  }

  const open = async (link) => {
    const response = await fetch(link.href, { headers: { Accept: "text/html" } });
    if (!response.ok) {
      throw new Error(String(response.status));
    }

    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const viewer = page.querySelector("[data-file-viewer]");
    if (!viewer) {
      throw new Error("no viewer");
    }

    const dialog = document.createElement("dialog");
    dialog.className = "file-viewer-dialog";
    dialog.setAttribute("aria-label", viewer.getAttribute("aria-label") || "");
    const shown = document.importNode(viewer, true);
    shown.removeAttribute("id");
    dialog.append(shown);
    document.body.append(dialog);
    dialog.addEventListener("close", () => {
      // Stops a playing sound or video with the dialog.
      dialog.querySelectorAll("audio, video").forEach((media) => media.pause());
      dialog.remove();
      link.focus();
    });
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    shown.querySelector("[data-file-viewer-close]")?.addEventListener("click", (event) => {
      event.preventDefault();
      dialog.close();
    });
    dialog.showModal();
    // The player when there is one; otherwise "Close" (focus inside a PDF frame would keep Escape from the dialog).
    (shown.querySelector("audio, video") || shown.querySelector("[data-file-viewer-close]") || shown).focus();
  };

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-file-view]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0 || typeof HTMLDialogElement !== "function") {
      return;
    }

    event.preventDefault();
    open(link).catch(() => { window.location.href = link.href; });
  });
})();
