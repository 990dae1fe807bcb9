/* Cite and copy: the date a reader accessed a page goes into each citation (the build writes
 * YYYY-MM-DD: it cannot know), and each citation and permalink gets a "Copy" button. Without
 * script the citations read as written and the buttons stay hidden. */
(function () {
  "use strict";
  var today = new Date();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var iso = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());

  function copy(text, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
    } else {
      button.textContent = "Select and copy";  /* file:// and plain http: the clipboard is closed */
    }
  }

  document.querySelectorAll("details.nqpf-cite").forEach(function (cite) {
    cite.querySelectorAll(".nqpf-cite-text").forEach(function (text) {
      var inner = text.querySelector("code") || text;  /* a <pre> keeps its <code> */
      inner.textContent = inner.textContent.split("YYYY-MM-DD").join(iso);
    });
    var note = cite.querySelector(".nqpf-cite-note");
    if (note) { note.hidden = true; }
    cite.querySelectorAll("button.nqpf-copy").forEach(function (button) {
      var text = button.parentNode.nextElementSibling;  /* each text follows its label */
      button.hidden = false;
      button.addEventListener("click", function () { copy(text.textContent, button); });
    });
  });

  document.querySelectorAll("button.nqpf-copy-link").forEach(function (button) {
    var link = button.parentNode.querySelector("a.nqpf-permalink");
    if (!link) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { copy(link.href, button); });
  });
})();
