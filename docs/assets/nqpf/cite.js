/* Cite and copy: the date a reader accessed a page goes into each citation (the build writes
 * YYYY-MM-DD: it cannot know), and each citation and permalink gets a "Copy" button. A fact's
 * reference, BibTeX and CSL-JSON come in a part of the page's citations (a script: it loads from
 * file:// too), asked for when the reader first opens its "Cite". A measure's are in its page. */
(function () {
  "use strict";
  var strings = window.NqpfStrings;  /* the page's words (strings.js) */
  var today = new Date();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var iso = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());

  function copy(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = strings.t("Copied");
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { button.textContent = strings.t("Select and copy"); });
    } else {
      button.textContent = strings.t("Select and copy");  /* file:// and plain http: the clipboard is closed */
    }
  }

  /* Today's date in each text, and a working Copy button before each. */
  function ready(cite) {
    cite.querySelectorAll(".nqpf-cite-text").forEach(function (text) {
      var inner = text.querySelector("code") || text;  /* a <pre> keeps its <code> */
      inner.textContent = inner.textContent.split("YYYY-MM-DD").join(iso);
    });
    var note = cite.querySelector(".nqpf-cite-note");
    if (note) { note.hidden = true; }
    cite.querySelectorAll("button.nqpf-copy[hidden]").forEach(function (button) {
      var text = button.parentNode.nextElementSibling;  /* each text follows its label */
      button.hidden = false;
      button.addEventListener("click", function () { copy(text.textContent, button); });
    });
  }

  /* Parts of citations, loaded by parts.js: one script per page, however many facts ask. */
  var loaders = {};
  function load(src, fill) {
    var cut = src.lastIndexOf("/") + 1;
    var base = src.slice(0, cut);
    if (!loaders[base]) { loaders[base] = window.NqpfParts("NQPF_CITE_PART", base); }
    loaders[base](src.slice(cut).replace(/\.js$/, "")).then(fill, function () { /* asked again next time */ });
  }

  function machineReadable(cite, later) {
    load(later.dataset.part, function (payload) {
      var formats = payload[later.dataset.key];
      if (!formats || !later.parentNode) { return; }
      Object.keys(formats).forEach(function (format) {
        var label = document.createElement("p");
        label.className = "nqpf-cite-label";
        label.textContent = (format === "Reference" ? strings.t("Reference") : format) + " ";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "nqpf-copy";
        button.hidden = true;
        button.textContent = strings.t("Copy");
        label.appendChild(button);
        var text;
        if (format === "Reference") {  /* prose: it wraps as a paragraph */
          text = document.createElement("p");
          text.lang = "en";  /* a reference is written in English, as reference managers expect */
          text.textContent = formats[format];  /* text, never markup */
        } else {
          text = document.createElement("pre");
          var code = document.createElement("code");
          code.textContent = formats[format];
          text.appendChild(code);
        }
        text.className = "nqpf-cite-text";
        later.parentNode.insertBefore(label, later);
        later.parentNode.insertBefore(text, later);
      });
      later.remove();
      ready(cite);
    });
  }

  document.querySelectorAll("details.nqpf-cite").forEach(function (cite) {
    ready(cite);
    var later = cite.querySelector(".nqpf-cite-later");
    if (!later) { return; }
    later.textContent = strings.t("Loading the citation…");
    cite.addEventListener("toggle", function () {
      if (cite.open && later.parentNode) { machineReadable(cite, later); }
    });
  });

  document.querySelectorAll("button.nqpf-copy-link").forEach(function (button) {
    var link = button.parentNode.querySelector("a.nqpf-permalink");
    if (!link) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { copy(link.href, button); });
  });
})();
