// Rich text: every <textarea data-richtext> becomes an editor (a toolbar and an editable area)
// while the textarea stays in the form, hidden, holding the editor's HTML: the form posts it and
// an autosave listening to the textarea's "input" events sees every change. Labels come from the
// textarea's data-label-* attributes (the server writes them, localized). The editing itself is
// Squire (lib/squire/squire.js, vendored; see docs/rich-text.md): this file gives it a toolbar,
// a link dialog, uploads (data-upload-url: images pasted, dropped or picked; sound recordings
// with data-media), the document picker (data-picker-url) and the allow-list below, which is
// Squire's sanitizing function: markup from the textarea or a paste is parsed where nothing runs
// nor loads and rebuilt from allowed nodes only. Without this file (or Squire) the textarea is an
// ordinary one and the server turns its text into paragraphs. The server sanitizes whatever
// comes; the cleaning here keeps the editor's own output tidy and never lets markup run in it.
(() => {
  "use strict";
  if (window.preauRichText) return;
  window.preauRichText = true;
  const here = document.currentScript ? new URL(document.currentScript.src, location.href) : null;

  const SVG = "http://www.w3.org/2000/svg";
  const HTML = "http://www.w3.org/1999/xhtml";
  // Squire writes bold and italic as <b> and <i>; the posted markup says <strong> and <em>.
  const ALLOWED = new Set(["p", "br", "strong", "em", "u", "s", "ul", "ol", "li", "blockquote", "h2", "h3", "a", "img", "audio", "video"]);
  const RENAMED = { b: "strong", i: "em", strike: "s", del: "s", h1: "h2", h4: "h3", h5: "h3", h6: "h3", div: "p" };
  const INSIDE = { strong: "b", em: "i" };
  const DROPPED = new Set(["script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "textarea", "select", "option", "title", "head", "meta", "link", "base", "xmp", "noembed", "noframes", "canvas", "button", "input", "source", "track"]);
  const BLOCKS = new Set(["p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "section", "article", "figure"]);
  const INLINE_ROOT = new Set(["strong", "em", "u", "s", "a", "img", "br"]);
  const safeHref = (href) => /^(https?:\/\/[^\s]|mailto:[^\s])/i.test(href || "") && !/[\s<>"`\\]/.test(href);
  const safeSrc = (src) => /^\/[^/\\]/.test(src || "") && !src.includes("..") && !/[\s"'<>\\]/.test(src);

  // Editable areas write a no-break space wherever a space could collapse: a plain space again,
  // except in runs of spaces and where French typography wants one (before ! ? ; : », after «).
  const tidySpaces = (text) => text.replace(/\u200B/g, "").replace(/\u00A0/g, (nbsp, at, all) => {
    const before = all.charAt(at - 1);
    const after = all.charAt(at + 1);
    return /[!?;:»]/.test(after) || before === "«" || /\s/.test(before) || /\s/.test(after) ? nbsp : " ";
  });

  // A recording in the editor: a block Squire leaves alone (it would unwrap a <video>), holding the player.
  const mediaBlock = (kind, src) => {
    const figure = document.createElement("figure");
    figure.className = "richtext-media";
    figure.contentEditable = "false";
    figure.dataset.media = kind;
    figure.dataset.src = src;
    const player = document.createElement(kind);
    player.controls = true;
    player.preload = "metadata";
    player.setAttribute("src", src);
    figure.append(player);
    return figure;
  };

  // The allow-list applied to nodes of any document (an inert parsed one, or the editor): new nodes
  // in `doc`. `forEditor`: Squire's own names (b, i) and recordings as their editor blocks;
  // otherwise the posted names. `options.media`, `options.siteLinks`: what the page's policy keeps.
  const clean = (source, doc, forEditor, options) => {
    const out = doc.createDocumentFragment();
    source.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        // Squire's caret placeholder (a zero-width space) before a space makes the browser write a
        // plain space where, at the start of a text, it writes a no-break one: put that one back.
        const data = node.data.replace(/^\u200B+ (?=[!?;:»])/, "\u00A0");
        out.append(doc.createTextNode(tidySpaces(data)));
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI !== HTML) return;
      const tag = node.localName;
      if (DROPPED.has(tag)) return;
      const media = tag === "figure" && node.classList.contains("richtext-media") ? node.dataset.media : tag;
      if (media === "audio" || media === "video") {
        const src = tag === "figure" ? node.dataset.src : node.getAttribute("src");
        if (!options.media || !safeSrc(src)) return;
        if (forEditor) { out.append(mediaBlock(media, src)); return; }
        const player = doc.createElement(media);
        player.setAttribute("src", src);
        player.setAttribute("controls", "");
        out.append(player);
        return;
      }
      const children = clean(node, doc, forEditor, options);
      const hasBlocks = [...node.children].some((child) => BLOCKS.has(child.localName));
      const name = (tag === "div" || tag === "figure") && hasBlocks ? null : (RENAMED[tag] || tag);
      if (!name || !ALLOWED.has(name)) { out.append(children); return; }
      const element = doc.createElement(forEditor ? (INSIDE[name] || name) : name);
      if (name === "a") {
        const href = node.getAttribute("href");
        if (!safeHref(href) && !(options.siteLinks && safeSrc(href))) { out.append(children); return; }
        element.setAttribute("href", href);
        // Squire may leave an empty link where the caret was (a zero-width space in it): no link to post.
        if (!forEditor && children.textContent.trim() === "" && !children.querySelector("img")) return;
      }
      if (name === "img") {
        const src = node.getAttribute("src");
        if (!safeSrc(src)) return;
        element.setAttribute("src", src);
        element.setAttribute("alt", node.getAttribute("alt") || "");
      }
      // The line break a block keeps only so that it can hold the caret is no content.
      if (!forEditor && BLOCKS.has(name) && children.lastChild?.nodeName === "BR" && children.childNodes.length > 1) children.lastChild.remove();
      element.append(children);
      out.append(element);
    });
    return out;
  };

  // HTML from elsewhere (the textarea's value, a paste) parsed where nothing runs nor loads, then cleaned for the editor.
  const inert = (html) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html").body;

  // Plain text as paragraphs with line breaks, like the server's FromPlainText.
  const textToHtml = (text) => {
    const holder = document.createElement("div");
    text.replace(/\r\n?/g, "\n").split(/\n{2,}/).map((p) => p.trim()).filter(Boolean).forEach((paragraph) => {
      const p = document.createElement("p");
      paragraph.split("\n").forEach((line, index) => {
        if (index > 0) p.append(document.createElement("br"));
        p.append(document.createTextNode(line));
      });
      holder.append(p);
    });
    return holder.innerHTML;
  };

  // The editor's content as the textarea posts it: the allow-list, loose inline runs wrapped in paragraphs, nothing when empty.
  const serialize = (area, options) => {
    if (area.textContent.replace(/\u200B/g, "").trim() === "" && !area.querySelector("img, .richtext-media")) return "";
    const holder = document.createElement("div");
    let paragraph = null;
    clean(area, document, false, options).childNodes.forEach((node) => {
      const inline = node.nodeType === Node.TEXT_NODE || INLINE_ROOT.has(node.localName);
      if (!inline) {
        paragraph = null;
        // An empty paragraph (the line Squire keeps after a block, or left over) posts nothing.
        if (node.localName === "p" && node.textContent.trim() === "" && !node.querySelector("img")) return;
        holder.append(node.cloneNode(true));
        return;
      }
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

  // name: data-label-* key; format: the element whose presence at the caret makes the button pressed;
  // key: the shortcut (Squire handles those it knows); group: a small gap before the button.
  const TOOLS = [
    { name: "bold", glyph: "richtext-glyph-bold", format: "B", key: "Control+B", run: (e) => (e.hasFormat("B") ? e.removeBold() : e.bold()) },
    { name: "italic", glyph: "richtext-glyph-italic", format: "I", key: "Control+I", run: (e) => (e.hasFormat("I") ? e.removeItalic() : e.italic()) },
    { name: "underline", glyph: "richtext-glyph-underline", format: "U", key: "Control+U", run: (e) => (e.hasFormat("U") ? e.removeUnderline() : e.underline()) },
    { name: "strike", glyph: "richtext-glyph-strike", format: "S", key: "Control+Shift+7",
      run: (e) => (e.hasFormat("S") ? e.changeFormat(null, { tag: "S" }) : e.changeFormat({ tag: "S" }, null)) },
    { name: "heading", glyph: "richtext-glyph-heading", format: "H2", group: true, block: "H2" },
    { name: "subheading", glyph: "richtext-glyph-subheading", format: "H3", block: "H3" },
    { name: "bullets", draw: () => icon("M7.5 5h10M7.5 10h10M7.5 15h10", dots), format: "UL", key: "Control+Shift+8", group: true,
      run: (e) => (e.hasFormat("UL") ? e.removeList() : e.makeUnorderedList()) },
    { name: "numbers", draw: () => icon("M2.5 3.5h1.5v4M2.5 7.5h3M2.5 12h3l-3 4h3M7.5 5h10M7.5 10h10M7.5 15h10"), format: "OL", key: "Control+Shift+9",
      run: (e) => (e.hasFormat("OL") ? e.removeList() : e.makeOrderedList()) },
    { name: "quote", draw: () => icon("M3.5 15c0-4.5 1-7 4.5-8.5M11 15c0-4.5 1-7 4.5-8.5M3.5 15h3v-3.5h-3M11 15h3v-3.5h-3"), format: "BLOCKQUOTE",
      run: (e) => (e.hasFormat("BLOCKQUOTE") ? e.decreaseQuoteLevel() : e.increaseQuoteLevel()) },
    { name: "link", draw: () => icon("M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1"),
      format: "A", key: "Control+K", group: true, dialog: true },
    { name: "clear", draw: () => icon("M5 4.5h10M10 4.5v11M3 17L17 3"), clear: true },
    { name: "image", draw: () => icon("M2.5 4h15v12h-15zM2.5 14l4.5-4.5 3.5 3.5 2-2 5 5M13.5 7.5h.01"), upload: true, group: true },
    { name: "record", draw: () => icon("M10 2.5a2.5 2.5 0 0 1 2.5 2.5v5a2.5 2.5 0 0 1-5 0V5A2.5 2.5 0 0 1 10 2.5zM5 9.5a5 5 0 0 0 10 0M10 14.5v3M7 17.5h6"), record: true },
    { name: "document", draw: () => icon("M5 2.5h6.5l3.5 3.5v11.5H5zM11.5 2.5V6H15M7.5 10h5M7.5 13h5"), picker: true },
    { name: "undo", draw: () => icon("M7.5 4.5L3.5 8.5l4 4M3.5 8.5h8a4.5 4.5 0 0 1 0 9H9"), key: "Control+Z", group: true, history: "undo" },
    { name: "redo", draw: () => icon("M12.5 4.5l4 4-4 4M16.5 8.5h-8a4.5 4.5 0 0 0 0 9H11"), key: "Control+Y", history: "redo" },
  ];

  let counter = 0;

  const enhance = (textarea) => {
    const data = textarea.dataset;
    const form = textarea.form;
    const label = (name) => data[`label${name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`] || "";
    const uploadUrl = () => data.uploadUrl || "";
    const options = { media: "media" in data, siteLinks: "pickerUrl" in data };
    counter += 1;
    const id = textarea.id || `richtext-${counter}`;

    const wrapper = document.createElement("div");
    wrapper.className = "richtext";
    const toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", data.labelToolbar || "");
    toolbar.setAttribute("aria-controls", `${id}-editor`);

    const area = document.createElement("div");
    area.id = `${id}-editor`;
    area.className = "richtext-area";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.spellcheck = true;
    if (textarea.lang) area.lang = textarea.lang;
    const own = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : textarea.closest("label");
    if (own) {
      if (!own.id) own.id = `${id}-label`;
      area.setAttribute("aria-labelledby", own.id);
      // The label pointed at the textarea, now hidden: it points at the editor.
      own.addEventListener("click", (event) => { event.preventDefault(); editor.focus(); });
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

    // Squire's image resizer draws handles with inline styles the site's CSP refuses, and the
    // sizes it would set are not kept anyway: a click on a picture stops at the editor.
    area.addEventListener("click", (event) => { if (event.target.nodeName === "IMG") event.stopPropagation(); });
    wrapper.append(toolbar, area, status);
    textarea.after(wrapper);

    // Pasting, before Squire (registered first): images are sent; simple HTML keeps its formatting
    // (cleaned); anything else (Word, web pages with tables…) comes as plain text.
    area.addEventListener("paste", (event) => {
      const clipboard = event.clipboardData;
      if (!clipboard) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (clipboard.files.length > 0 && uploadAll(clipboard.files)) return;
      const html = clipboard.getData("text/html");
      const parsed = html ? inert(html) : null;
      const simple = parsed && [...parsed.querySelectorAll("*")].every((e) =>
        ALLOWED.has(RENAMED[e.localName] || e.localName) || e.localName === "span" || e.localName === "meta") && !parsed.querySelector("[style*='mso-'], [class^='Mso']");
      if (simple) editor.insertHTML(html, true);
      else editor.insertPlainText(clipboard.getData("text/plain"), true);
      sync();
    }, true);
    area.addEventListener("dragover", (event) => {
      if (uploadUrl() && event.dataTransfer && [...event.dataTransfer.items].some((i) => i.kind === "file")) event.preventDefault();
    });
    area.addEventListener("drop", (event) => {
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(event.clientX, event.clientY) : null;
      if (caret && area.contains(caret.startContainer)) editor.setSelection(caret);
      uploadAll(event.dataTransfer.files);
    }, true);

    const editor = new window.Squire(area, {
      blockTag: "P",
      addLinks: false,
      undo: { documentSizeThreshold: -1, undoLimit: 100 },
      sanitizeToDOMFragment: (html) => clean(inert(html), document, true, options),
      didError: () => {},
    });

    const sync = () => {
      const value = serialize(area, options);
      if (value === textarea.value) return;
      textarea.value = value;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    };

    const buttons = [];
    const refresh = () => buttons.forEach(({ button, tool }) => {
      if (tool.format) button.setAttribute("aria-pressed", editor.hasFormat(tool.format) ? "true" : "false");
    });

    // Headings: the blocks under the selection become <h2>/<h3>, or paragraphs again.
    const setBlocks = (tag) => editor.modifyBlocks((fragment) => {
      const rename = (parent) => [...parent.childNodes].forEach((node) => {
        if (node.nodeName === "BLOCKQUOTE") { rename(node); return; }
        if (!/^(P|DIV|H[1-6])$/.test(node.nodeName)) return;
        const block = document.createElement(tag);
        block.append(...node.childNodes);
        node.replaceWith(block);
      });
      rename(fragment);
      return fragment;
    });

    const insertMedia = (kind, src) => {
      editor.insertElement(mediaBlock(kind, src));
      sync();
    };

    const IMAGE_TEXTS = { sending: data.labelUploading, sent: data.labelUploaded, failed: data.labelUploadFailed };
    const RECORDING_TEXTS = { sending: data.labelRecordingSending, sent: data.labelRecorded, failed: data.labelRecordingFailed };
    const upload = async (file, done, texts = IMAGE_TEXTS) => {
      say(texts.sending);
      const token = form?.querySelector("input[name='__csrf']")?.value || "";
      const body = new FormData();
      body.append("file", file, file.name || "image.png");
      if (token) body.append("__csrf", token);
      try {
        const response = await fetch(uploadUrl(), {
          method: "POST", body, credentials: "same-origin",
          headers: token ? { Accept: "application/json", "X-CSRF-TOKEN": token } : { Accept: "application/json" },
        });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok || typeof answer.url !== "string" || !safeSrc(answer.url)) {
          say(answer.detail || texts.failed, true);
          return;
        }
        done(answer.url);
        sync();
        say(texts.sent);
      } catch {
        say(texts.failed, true);
      }
    };
    const insertImage = (url) => editor.insertImage(url, { alt: "" });
    const uploadAll = (files) => {
      const images = [...files].filter((f) => f.type.startsWith("image/"));
      if (!uploadUrl() || images.length === 0) return false;
      images.reduce((previous, file) => previous.then(() => upload(file, insertImage)), Promise.resolve());
      return true;
    };

    const picker = document.createElement("input");
    picker.type = "file";
    picker.accept = "image/*";
    picker.hidden = true;
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    picker.addEventListener("change", () => {
      if (picker.files) uploadAll(picker.files);
      picker.value = "";
    });
    wrapper.append(picker);

    // The link dialog: the address (absolute https://, http:// or mailto:), and Remove when the caret is in a link.
    const linkDialog = (() => {
      const dialog = document.createElement("dialog");
      dialog.className = "richtext-dialog";
      dialog.setAttribute("aria-labelledby", `${id}-link-title`);
      const formEl = document.createElement("form");
      formEl.method = "dialog";
      formEl.noValidate = true;
      const title = document.createElement("h2");
      title.id = `${id}-link-title`;
      title.textContent = data.labelLink || "";
      const field = document.createElement("div");
      field.className = "field";
      const fieldLabel = document.createElement("label");
      fieldLabel.htmlFor = `${id}-link-href`;
      fieldLabel.textContent = data.labelLinkPrompt || "";
      const input = document.createElement("input");
      input.type = "url";
      input.id = `${id}-link-href`;
      input.autocomplete = "url";
      input.spellcheck = false;
      const error = document.createElement("p");
      error.id = `${id}-link-error`;
      error.className = "field-error";
      error.hidden = true;
      error.textContent = data.labelLinkInvalid || "";
      field.append(fieldLabel, input, error);
      const actions = document.createElement("div");
      actions.className = "richtext-dialog-actions";
      const apply = document.createElement("button");
      apply.type = "submit";
      apply.className = "button";
      apply.textContent = data.labelLinkApply || "OK";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button secondary";
      remove.textContent = data.labelLinkRemove || "";
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "button secondary";
      cancel.textContent = data.labelCancel || "";
      actions.append(apply, remove, cancel);
      formEl.append(title, field, actions);
      dialog.append(formEl);
      // Outside the page's form: a form may not hold another.
      document.body.append(dialog);

      let range = null;
      let link = null;
      const invalid = (on) => {
        error.hidden = !on;
        if (on) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", error.id); } else { input.removeAttribute("aria-invalid"); input.removeAttribute("aria-describedby"); }
      };
      const back = () => {
        dialog.close();
        editor.setSelection(range);
        editor.focus();
      };
      // The whole link under the caret, so that a new address or Remove applies to all of it.
      const selectLink = () => {
        if (!link) return;
        const whole = document.createRange();
        whole.selectNodeContents(link);
        editor.setSelection(whole);
      };
      formEl.addEventListener("submit", (event) => {
        event.preventDefault();
        const href = input.value.trim();
        if (!safeHref(href)) { invalid(true); input.focus(); return; }
        back();
        selectLink();
        if (editor.getSelection().collapsed) {
          const a = document.createElement("a");
          a.setAttribute("href", href);
          a.textContent = href;
          editor.insertHTML(a.outerHTML);
        } else {
          editor.makeLink(href);
        }
        sync();
        refresh();
      });
      remove.addEventListener("click", () => {
        back();
        selectLink();
        editor.removeLink();
        sync();
        refresh();
      });
      cancel.addEventListener("click", back);
      dialog.addEventListener("cancel", (event) => { event.preventDefault(); back(); });
      return () => {
        range = editor.getSelection();
        link = null;
        for (let node = range.commonAncestorContainer; node && node !== area; node = node.parentNode) {
          if (node.nodeName === "A") { link = node; break; }
        }
        input.value = link ? link.getAttribute("href") : "https://";
        remove.hidden = !link;
        invalid(false);
        dialog.showModal();
        input.focus();
        input.select();
      };
    })();

    // Recording: the microphone while the button is pressed; the recording is sent like an image and inserted as a player.
    let recorder = null;
    const record = async (button) => {
      if (recorder) { recorder.stop(); return; }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        say(data.labelMicrophoneDenied, true);
        return;
      }
      const chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", (event) => { if (event.data.size > 0) chunks.push(event.data); });
      recorder.addEventListener("stop", () => {
        stream.getTracks().forEach((track) => track.stop());
        const type = (recorder.mimeType || "audio/webm").split(";")[0];
        recorder = null;
        button.setAttribute("aria-pressed", "false");
        button.setAttribute("aria-label", data.labelRecord);
        button.title = data.labelRecord;
        const extension = { "audio/ogg": "ogg", "audio/mp4": "m4a", "audio/mpeg": "mp3" }[type] || "webm";
        const file = new File(chunks, `${data.labelRecordingName || "recording"}.${extension}`, { type });
        if (file.size === 0) { say(data.labelRecordingFailed, true); return; }
        upload(file, (url) => insertMedia("audio", url), RECORDING_TEXTS);
      });
      recorder.start();
      button.setAttribute("aria-pressed", "true");
      button.setAttribute("aria-label", data.labelStopRecording);
      button.title = data.labelStopRecording;
      say(data.labelRecording);
    };

    // Documents from the person's space, through the module's picker page (docpicker.js): images,
    // recordings and videos are shown, any other document is a link to it.
    const pick = () => {
      const open = () => window.preauDocPicker.open({
        url: data.pickerUrl,
        title: data.labelPickerTitle || data.labelDocument,
        closeLabel: data.labelClose,
        failedLabel: data.labelPickerFailed,
        onChosen: (chosen) => {
          editor.focus();
          chosen.filter((d) => typeof d.url === "string" && safeSrc(d.url)).forEach((d) => {
            const type = String(d.type || "");
            if (type.startsWith("image/")) insertImage(d.url);
            else if (options.media && (type.startsWith("video/") || type.startsWith("audio/"))) insertMedia(type.slice(0, 5), d.url);
            else {
              const a = document.createElement("a");
              a.setAttribute("href", d.url);
              a.textContent = d.name || d.url;
              editor.insertHTML(a.outerHTML);
            }
          });
          sync();
        },
      });
      if (window.preauDocPicker) { open(); return; }
      load("docpicker.js").then(open, () => say(data.labelPickerFailed, true));
    };

    const run = (tool, button) => {
      if (tool.upload) { picker.click(); return; }
      if (tool.dialog) { linkDialog(); return; }
      if (tool.record) { record(button); return; }
      if (tool.picker) { pick(); return; }
      editor.focus();
      if (tool.history) editor[tool.history]();
      else if (tool.block) setBlocks(editor.hasFormat(tool.block) ? "P" : tool.block);
      else if (tool.clear) {
        editor.removeAllFormatting();
        if (editor.hasFormat("UL") || editor.hasFormat("OL")) editor.removeList();
        while (editor.hasFormat("BLOCKQUOTE")) editor.decreaseQuoteLevel();
        setBlocks("P");
      } else tool.run(editor);
      sync();
      refresh();
    };

    const shown = TOOLS.filter((tool) => (!tool.upload || uploadUrl())
      && (!tool.record || (uploadUrl() && options.media && window.MediaRecorder && navigator.mediaDevices?.getUserMedia))
      && (!tool.picker || data.pickerUrl));
    shown.forEach((tool) => {
      const name = label(tool.name) || tool.name;
      const button = document.createElement("button");
      button.type = "button";
      button.className = tool.group && buttons.length > 0 ? "richtext-button richtext-group" : "richtext-button";
      button.setAttribute("aria-label", name);
      button.title = name;
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      if (tool.key) button.setAttribute("aria-keyshortcuts", tool.key);
      if (tool.format || tool.record) button.setAttribute("aria-pressed", "false");
      if (tool.history) button.setAttribute("aria-disabled", "true");
      if (tool.record) button.classList.add("richtext-record");
      if (tool.glyph) {
        const glyph = document.createElement("span");
        glyph.className = `richtext-glyph ${tool.glyph}`;
        glyph.setAttribute("aria-hidden", "true");
        glyph.textContent = tool.block ? "T" : name.charAt(0).toUpperCase();
        button.append(glyph);
      } else {
        button.append(tool.draw());
      }
      // The toolbar never takes the selection away from the text.
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => {
        if (button.getAttribute("aria-disabled") === "true") return;
        run(tool, button);
      });
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

    // Shortcuts Squire does not have: the link dialog; the ones it has (bold, lists, undo…) update the buttons.
    const openLink = (_, event) => { event.preventDefault(); linkDialog(); };
    editor.setKeyHandler("Ctrl-k", openLink);
    editor.setKeyHandler("Meta-k", openLink);
    ["pathChange", "cursor", "select", "keyup", "focus"].forEach((type) => editor.addEventListener(type, refresh));
    editor.addEventListener("input", () => { sync(); refresh(); });
    editor.addEventListener("undoStateChange", (event) => buttons.forEach(({ button, tool }) => {
      if (tool.history) button.setAttribute("aria-disabled", event.detail[tool.history === "undo" ? "canUndo" : "canRedo"] ? "false" : "true");
    }));

    const initial = textarea.value.trim();
    editor.setHTML(/<[a-z][\s\S]*>/i.test(initial) ? initial : textToHtml(initial));
    textarea.hidden = true;
    textarea.setAttribute("aria-hidden", "true");
    textarea.tabIndex = -1;
    textarea.classList.add("richtext-source");
    // The form posts what the editor shows, even if the last change had no input event.
    form?.addEventListener("submit", sync);
    textarea.value = serialize(area, options);
    refresh();
  };

  // A file next to this one (../lib/squire/squire.js, docpicker.js), for a page that did not include it.
  const load = (path) => new Promise((resolve, reject) => {
    if (!here) { reject(new Error("no base")); return; }
    const script = document.createElement("script");
    script.src = new URL(path, here).href;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });

  const start = () => {
    if (!window.Squire) { load("../lib/squire/squire.js").then(start, () => {}); return; }
    document.querySelectorAll("textarea[data-richtext]").forEach((textarea) => {
      if (textarea.dataset.richtextReady) return;
      textarea.dataset.richtextReady = "true";
      enhance(textarea);
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Pages that add a textarea later (a reply box opened in place) ask again.
  document.addEventListener("preau:richtext", start);
})();
