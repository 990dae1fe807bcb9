/* Runs before the theme's scripts (the fact index's own scripts are deferred): Material's
 * search opens itself when the URL has ?q=, but on the fact index page q belongs to the fact
 * index. The query is kept for fact-index.js and hidden from the theme until it has started. */
(function () {
  "use strict";
  window.NQPF_INITIAL_SEARCH = location.search;
  if (new URLSearchParams(location.search).has("q")) {
    try { history.replaceState(null, "", location.pathname); } catch (error) { /* file:// */ }
  }
})();
