// Rich text: every <textarea data-richtext> becomes an editor (a toolbar and an editable area)
// while the textarea stays in the form, hidden, holding the editor's HTML: the form posts it and
// an autosave listening to the textarea's "input" events sees every change. Labels come from the
// textarea's data-label-* attributes (the server writes them, localized); with data-upload-url,
// images pasted, dropped or picked are sent there and inserted. Without this file the textarea is
// an ordinary one and the server turns its text into paragraphs. The server sanitizes whatever
// comes (docs/rich-text.md); the cleaning here only keeps the editor's own output tidy and never
// lets markup from the page run in it.
(() => {
  "use strict";
  if (window.preauRichText || !document.execCommand) return;
  window.preauRichText = true;

  const SVG = "http://www.w3.org/2000/svg";
  const ALLOWED = new Set(["p", "br", "strong", "em", "u", "s", "ul", "ol", "li", "blockquote", "h2", "h3", "a", "img"]);
  const RENAMED = { b: "strong", i: "em", strike: "s", del: "s", h1: "h2", h4: "h3", h5: "h3", h6: "h3", div: "p" };
  const DROPPED = new Set(["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "textarea", "select", "option", "title", "head", "meta", "link", "base", "xmp", "noembed", "noframes", "canvas", "audio", "video", "button", "input"]);
  const BLOCKS = new Set(["p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "section", "article"]);
  const INLINE_ROOT = new Set(["strong", "em", "u", "s", "a", "img", "br"]);
  const safeHref = (href) => /^(https?:\/\/[^\s]|mailto:[^\s])/i.test(href || "") && !/[\s<>"`\\]/.test(href);
  const safeSrc = (src) => /^\/[^/\\]/.test(src || "") && !src.includes("..") && !/[\s"'<>]/.test(src);

  // Editable areas write a no-break space wherever a space could collapse: a plain space again,
  // except in runs of spaces and where French typography wants one (before ! ? ; : », after «).
  const tidySpaces = (text) => text.replace(/\u00A0/g, (nbsp, at, all) => {
    const before = all.charAt(at - 1);
    const after = all.charAt(at + 1);
    return /[!?;:»]/.test(after) || before === "«" || /\s/.test(before) || /\s/.test(after) ? nbsp : " ";
  });

  // The allow-list applied to nodes of any document (an inert parsed one, or the editor): new nodes in `doc`.
  const clean = (source, doc) => {
    const out = doc.createDocumentFragment();
    source.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) { out.append(doc.createTextNode(tidySpaces(node.data))); return; }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const tag = node.localName;
      if (DROPPED.has(tag) || node.namespaceURI !== "http://www.w3.org/1999/xhtml") return;
      const children = clean(node, doc);
      const hasBlocks = [...node.children].some((child) => BLOCKS.has(child.localName));
      const name = tag === "div" && hasBlocks ? null : (RENAMED[tag] || tag);
      if (!name || !ALLOWED.has(name)) { out.append(children); return; }
      const element = doc.createElement(name);
      if (name === "a") {
        const href = node.getAttribute("href");
        if (!safeHref(href)) { out.append(children); return; }
        element.setAttribute("href", href);
      }
      if (name === "img") {
        const src = node.getAttribute("src");
        if (!safeSrc(src)) return;
        element.setAttribute("src", src);
        element.setAttribute("alt", node.getAttribute("alt") || "");
      }
      element.append(children);
      out.append(element);
    });
    return out;
  };

  // HTML from elsewhere (the textarea's value, a paste) parsed where nothing runs nor loads, then cleaned.
  const fromHtml = (html) => clean(new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html").body, document);

  // Plain text as paragraphs with line breaks, like the server's FromPlainText.
  const fromText = (text) => {
    const out = document.createDocumentFragment();
    text.replace(/\r\n?/g, "\n").split(/\n{2,}/).map((p) => p.trim()).filter(Boolean).forEach((paragraph) => {
      const p = document.createElement("p");
      paragraph.split("\n").forEach((line, index) => {
        if (index > 0) p.append(document.createElement("br"));
        p.append(document.createTextNode(line));
      });
      out.append(p);
    });
    return out;
  };

  // The editor's content as the textarea posts it: the allow-list, loose inline runs wrapped in paragraphs, nothing when empty.
  const serialize = (area) => {
    if (area.textContent.trim() === "" && !area.querySelector("img")) return "";
    const holder = document.createElement("div");
    let paragraph = null;
    clean(area, document).childNodes.forEach((node) => {
      const inline = node.nodeType === Node.TEXT_NODE || INLINE_ROOT.has(node.localName);
      if (!inline) { paragraph = null; holder.append(node.cloneNode(true)); return; }
      if (node.nodeType === Node.TEXT_NODE && node.data.trim() === "" && !paragraph) return;
      if (!paragraph) { paragraph = document.createElement("p"); holder.append(paragraph); }
      paragraph.append(node.cloneNode(true));
    });
    return holder.innerHTML;
  };

  const icon = (paths, extra) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "richtext-icon");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", paths);
    svg.append(path);
    if (extra) extra(svg);
    return svg;
  };
  const dots = (svg) => [5, 10, 15].forEach((y) => {
    const c = document.createElementNS(SVG, "circle");
    c.setAttribute("cx", "3.5"); c.setAttribute("cy", String(y)); c.setAttribute("r", "1.3"); c.setAttribute("class", "richtext-icon-fill");
    svg.append(c);
  });

  // name: data-label-* key; exec: what the button does; state: whether it is "on" where the caret is.
  const TOOLS = [
    { name: "bold", letter: "richtext-glyph-bold", exec: "bold", key: "b" },
    { name: "italic", letter: "richtext-glyph-italic", exec: "italic", key: "i" },
    { name: "underline", letter: "richtext-glyph-underline", exec: "underline", key: "u" },
    { name: "bullets", draw: () => icon("M7.5 5h10M7.5 10h10M7.5 15h10", dots), exec: "insertUnorderedList" },
    { name: "numbers", draw: () => icon("M2.5 3.5h1.5v4M2.5 7.5h3M2.5 12h3l-3 4h3M7.5 5h10M7.5 10h10M7.5 15h10"), exec: "insertOrderedList" },
    { name: "quote", draw: () => icon("M3.5 15c0-4.5 1-7 4.5-8.5M11 15c0-4.5 1-7 4.5-8.5M3.5 15h3v-3.5h-3M11 15h3v-3.5h-3"), block: "blockquote" },
    { name: "link", draw: () => icon("M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1"), inside: "a" },
    { name: "clear", draw: () => icon("M5 4.5h10M10 4.5v11M3 17L17 3") },
    { name: "image", draw: () => icon("M2.5 4h15v12h-15zM2.5 14l4.5-4.5 3.5 3.5 2-2 5 5M13.5 7.5h.01"), upload: true },
  ];

  let counter = 0;

  const enhance = (textarea) => {
    const data = textarea.dataset;
    const form = textarea.form;
    const uploadUrl = data.uploadUrl || "";
    counter += 1;
    const id = textarea.id || `richtext-${counter}`;

    const editor = document.createElement("div");
    editor.className = "richtext";
    const toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", data.labelToolbar || "");
    toolbar.setAttribute("aria-controls", `${id}-editor`);

    const area = document.createElement("div");
    area.id = `${id}-editor`;
    area.className = "richtext-area";
    area.contentEditable = "true";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.spellcheck = true;
    if (textarea.lang) area.lang = textarea.lang;
    const label = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : textarea.closest("label");
    if (label) {
      if (!label.id) label.id = `${id}-label`;
      area.setAttribute("aria-labelledby", label.id);
      // The label pointed at the textarea, now hidden: it points at the editor.
      label.addEventListener("click", (event) => { event.preventDefault(); area.focus(); });
    } else if (textarea.getAttribute("aria-label")) {
      area.setAttribute("aria-label", textarea.getAttribute("aria-label"));
    }
    if (textarea.getAttribute("aria-describedby")) area.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby"));
    if (textarea.getAttribute("aria-invalid")) area.setAttribute("aria-invalid", textarea.getAttribute("aria-invalid"));
    if (textarea.required) {
      // A hidden required field would stop the form with nothing to show: the server says when it is empty.
      textarea.required = false;
      area.setAttribute("aria-required", "true");
    }
    if (textarea.placeholder) area.dataset.placeholder = textarea.placeholder;

    const status = document.createElement("p");
    status.className = "richtext-status";
    status.setAttribute("role", "status");
    const say = (text, failed) => {
      status.textContent = text || "";
      status.classList.toggle("is-error", Boolean(failed));
    };

    const initial = textarea.value.trim();
    area.append(/<[a-z][\s\S]*>/i.test(initial) ? fromHtml(initial) : fromText(initial));

    const sync = () => {
      const value = serialize(area);
      if (value === textarea.value) return;
      textarea.value = value;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    };

    const closest = (name) => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return null;
      let node = selection.getRangeAt(0).commonAncestorContainer;
      if (!area.contains(node)) return null;
      while (node && node !== area) {
        if (node.nodeType === Node.ELEMENT_NODE && node.localName === name) return node;
        node = node.parentNode;
      }
      return null;
    };

    const state = (tool) => {
      try {
        if (tool.block) return closest(tool.block) !== null;
        if (tool.inside) return closest(tool.inside) !== null;
        if (tool.exec) return document.queryCommandState(tool.exec);
      } catch { /* a command the browser does not report */ }
      return null;
    };

    const buttons = [];
    const refresh = () => buttons.forEach(({ button, tool }) => {
      const on = state(tool);
      if (on !== null && (tool.exec || tool.block || tool.inside)) button.setAttribute("aria-pressed", on ? "true" : "false");
    });

    let savedRange = null;
    const keepRange = () => {
      const selection = window.getSelection();
      if (selection && selection.rangeCount > 0 && area.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        savedRange = selection.getRangeAt(0).cloneRange();
      }
    };
    const restoreRange = () => {
      area.focus();
      if (!savedRange) return;
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(savedRange);
    };

    const insertNodes = (fragment) => {
      restoreRange();
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) { area.append(fragment); return; }
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const last = fragment.lastChild;
      range.insertNode(fragment);
      if (last) {
        range.setStartAfter(last);
        range.collapse(true);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      keepRange();
    };

    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = "image/*";
    picker.hidden = true;
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");

    const upload = async (file) => {
      keepRange();
      say(data.labelUploading);
      const token = form?.querySelector("input[name='__csrf']")?.value || "";
      const body = new FormData();
      body.append("file", file, file.name || "image.png");
      if (token) body.append("__csrf", token);
      try {
        const response = await fetch(textarea.dataset.uploadUrl || uploadUrl, {
          method: "POST", body, credentials: "same-origin",
          headers: token ? { Accept: "application/json", "X-CSRF-TOKEN": token } : { Accept: "application/json" },
        });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok || typeof answer.url !== "string" || !safeSrc(answer.url)) {
          say(answer.detail || data.labelUploadFailed, true);
          return;
        }
        const img = document.createElement("img");
        img.setAttribute("src", answer.url);
        img.setAttribute("alt", "");
        const fragment = document.createDocumentFragment();
        fragment.append(img);
        insertNodes(fragment);
        sync();
        say(data.labelUploaded);
      } catch {
        say(data.labelUploadFailed, true);
      }
    };
    const uploadAll = (files) => {
      const images = [...files].filter((f) => f.type.startsWith("image/"));
      if (!uploadUrl || images.length === 0) return false;
      images.reduce((previous, file) => previous.then(() => upload(file)), Promise.resolve());
      return true;
    };
    picker.addEventListener("change", () => {
      if (picker.files) uploadAll(picker.files);
      picker.value = "";
    });

    const run = (tool) => {
      restoreRange();
      if (tool.upload) { picker.click(); return; }
      if (tool.name === "link") {
        const link = closest("a");
        if (link) {
          const range = document.createRange();
          range.selectNode(link);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
          document.execCommand("unlink");
        } else {
          const href = (window.prompt(data.labelLinkPrompt || data.labelLink || "", "https://") || "").trim();
          if (!safeHref(href)) return;
          if (window.getSelection().isCollapsed) {
            const a = document.createElement("a");
            a.setAttribute("href", href);
            a.textContent = href;
            const fragment = document.createDocumentFragment();
            fragment.append(a);
            insertNodes(fragment);
          } else {
            document.execCommand("createLink", false, href);
          }
        }
      } else if (tool.block) {
        if (closest(tool.block)) document.execCommand("formatBlock", false, "p");
        else document.execCommand("formatBlock", false, tool.block);
      } else if (tool.name === "clear") {
        document.execCommand("removeFormat");
        document.execCommand("unlink");
        if (closest("li")) document.execCommand(closest("ol") ? "insertOrderedList" : "insertUnorderedList");
        document.execCommand("formatBlock", false, "p");
      } else {
        document.execCommand(tool.exec);
      }
      keepRange();
      sync();
      refresh();
    };

    TOOLS.filter((tool) => !tool.upload || uploadUrl).forEach((tool) => {
      const name = data[`label${tool.name[0].toUpperCase()}${tool.name.slice(1)}`] || tool.name;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "richtext-button";
      button.setAttribute("aria-label", name);
      button.title = name;
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      if (tool.exec || tool.block || tool.inside) button.setAttribute("aria-pressed", "false");
      if (tool.letter) {
        const glyph = document.createElement("span");
        glyph.className = `richtext-glyph ${tool.letter}`;
        glyph.setAttribute("aria-hidden", "true");
        glyph.textContent = name.charAt(0).toUpperCase();
        button.append(glyph);
      } else {
        button.append(tool.draw());
      }
      // The toolbar never takes the selection away from the text.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => run(tool));
      buttons.push({ button, tool });
      toolbar.append(button);
    });

    // One tab stop for the toolbar; arrows, Home and End move within it.
    toolbar.addEventListener("keydown", (event) => {
      const list = buttons.map((b) => b.button);
      const index = list.indexOf(document.activeElement);
      if (index < 0) return;
      const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = list[(next + list.length) % list.length];
      list.forEach((b) => { b.tabIndex = b === target ? 0 : -1; });
      target.focus();
    });

    area.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const tool = TOOLS.find((t) => t.key === event.key.toLowerCase());
      if (!tool) return;
      event.preventDefault();
      document.execCommand(tool.exec);
      sync();
      refresh();
    });
    area.addEventListener("input", () => { sync(); refresh(); });
    area.addEventListener("keyup", () => { keepRange(); refresh(); });
    area.addEventListener("mouseup", () => { keepRange(); refresh(); });
    area.addEventListener("focus", () => document.execCommand("defaultParagraphSeparator", false, "p"));
    document.addEventListener("selectionchange", () => {
      if (document.activeElement === area) { keepRange(); refresh(); }
    });

    // Pasting: images are sent; simple HTML keeps its formatting (cleaned); anything else comes as plain text.
    area.addEventListener("paste", (event) => {
      const clipboard = event.clipboardData;
      if (!clipboard) return;
      event.preventDefault();
      if (clipboard.files.length > 0 && uploadAll(clipboard.files)) return;
      const html = clipboard.getData("text/html");
      const parsed = html ? new DOMParser().parseFromString(html, "text/html").body : null;
      const simple = parsed && [...parsed.querySelectorAll("*")].every((e) =>
        ALLOWED.has(RENAMED[e.localName] || e.localName) || e.localName === "span" || e.localName === "meta") && !parsed.querySelector("[style*='mso-'], [class^='Mso']");
      if (simple) {
        insertNodes(clean(parsed, document));
      } else {
        document.execCommand("insertText", false, clipboard.getData("text/plain"));
      }
      sync();
    });
    area.addEventListener("dragover", (event) => {
      if (uploadUrl && event.dataTransfer && [...event.dataTransfer.items].some((i) => i.kind === "file")) event.preventDefault();
    });
    area.addEventListener("drop", (event) => {
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      const caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(event.clientX, event.clientY) : null;
      if (caret && area.contains(caret.startContainer)) savedRange = caret;
      uploadAll(event.dataTransfer.files);
    });

    editor.append(toolbar, area, status, picker);
    textarea.after(editor);
    textarea.hidden = true;
    textarea.setAttribute("aria-hidden", "true");
    textarea.tabIndex = -1;
    textarea.classList.add("richtext-source");
    // The form posts what the editor shows, even if the last change had no input event.
    form?.addEventListener("submit", sync);
    textarea.value = serialize(area);
  };

  const start = () => document.querySelectorAll("textarea[data-richtext]").forEach((textarea) => {
    if (textarea.dataset.richtextReady) return;
    textarea.dataset.richtextReady = "true";
    enhance(textarea);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Pages that add a textarea later (a reply box opened in place) ask again.
  document.addEventListener("preau:richtext", start);
})();
