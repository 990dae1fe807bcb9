/* The site's own words in the page's language. An edition's build writes its translations of
 * the strings the scripts show into <script id="nqpf-strings" type="application/json"> in each
 * page's head (strings.py lists them with Babel's extractor); without it, as in English, a
 * string is shown as written. Placeholders ({count}) are filled in from ``values``. */
(function () {
  "use strict";
  var element = document.getElementById("nqpf-strings");
  var table = element ? JSON.parse(element.textContent) : {};

  function t(english, values) {
    var text = Object.prototype.hasOwnProperty.call(table, english) ? table[english] : english;
    return text.replace(/\{(\w*)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  window.NqpfStrings = { t: t };
})();
