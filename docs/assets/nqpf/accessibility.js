/* Small accessibility fixes to the theme's markup, applied on every page.
 * Material's search overlay is a role="dialog" without a name; screen readers announce
 * it as an unnamed dialog. */
(function () {
  "use strict";
  var strings = window.NqpfStrings;  /* the page's words (strings.js) */
  var dialog = document.querySelector(".md-search[role='dialog']");
  if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", strings.t("Search the site")); }
})();
