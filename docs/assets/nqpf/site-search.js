/* The header search and the fact index work together. Material's search indexes what the
 * site's pages say about themselves (titles, headings, introductions); the facts are indexed
 * by the fact index, which loads only what a query needs. So above Material's results this
 * adds a link that runs the same words through the fact index. */
(function () {
  "use strict";
  var strings = window.NqpfStrings;  /* the page's words (strings.js) */
  var input = document.querySelector("input[data-md-component='search-query']");
  var output = document.querySelector(".md-search__scrollwrap");
  // the navigation's own link to the fact index: right for this page, with or without directory URLs
  var index = document.querySelector("a.md-nav__link[href$='fact-index/'], a.md-nav__link[href$='fact-index.html']");
  if (!input || !output || !index) { return; }
  var link = document.createElement("a");
  link.className = "nqpf-search-facts";
  link.hidden = true;
  output.insertBefore(link, output.firstChild);
  function update() {
    var query = input.value.trim();
    link.hidden = !query;
    link.textContent = strings.t("Search the facts for “{query}” in the fact index →", { query: query });
    link.href = index.href.split("?")[0].split("#")[0] + "?q=" + encodeURIComponent(query);
  }
  input.addEventListener("input", update);
  update();
})();
