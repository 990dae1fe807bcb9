/* The fact index page: search as you type, facets, results, and the state in the URL.
 * Data comes from window.NQPF_FACT_INDEX (a script, so it works from file://); ranking is
 * fact-search.js. Every string from the data is put into the page with textContent, never
 * as HTML. */
(function () {
  "use strict";
  var PAGE = 100;  /* results drawn at once; "Show more" draws the next ones */
  var data = window.NQPF_FACT_INDEX;
  var root = document.getElementById("nqpf-search");
  if (!root || !data || !window.lunr || !window.NQPFFactSearch) { return; }

  var FACETS = Object.keys(data.facets);  /* sector, kind, year, source, speaker: as the build lists them */

  var columns = {};  /* texts come joined by line: one long string parses fastest */
  Object.keys(data.columns).forEach(function (name) {
    var column = data.columns[name];
    columns[name] = typeof column !== "string" ? column : column ? column.split("\n") : [];
  });
  var count = columns.id.length;
  var engine = new window.NQPFFactSearch(data.index, window.lunr, count);
  var input = document.getElementById("nqpf-query");
  var status = document.getElementById("nqpf-status");
  var list = document.getElementById("nqpf-results");
  var selects = {};
  FACETS.forEach(function (name) {
    selects[name] = root.querySelector('select[data-facet="' + name + '"]');
  });

  /* What a result shows, for the fact at ``position``. */
  function factAt(position) {
    var sector = data.facets.sector;
    return { id: columns.id[position], value: columns.value[position], claim: columns.claim[position],
             period: columns.period[position], sector: sector.labels[sector.of[position]],
             url: data.pages[columns.page[position]] + "#" + columns.id[position],
             according_to: data.according_to[columns.according_to[position]] };
  }

  /* The typed words, as written, for highlighting. */
  function typed(text) {
    return engine.words(text).map(function (word) { return word.word; });
  }

  function state() {
    var result = { q: input.value };
    FACETS.forEach(function (name) {
      var select = selects[name];  /* a value restored from the URL waits in data-wanted */
      result[name] = select.dataset.wanted !== undefined ? select.dataset.wanted : select.value;
    });
    return result;
  }

  function toSearch(current) {
    var params = new URLSearchParams();
    if (current.q) { params.set("q", current.q); }
    FACETS.forEach(function (name) { if (current[name]) { params.set(name, current[name]); } });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function restore(search) {
    var params = new URLSearchParams(search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (name) { selects[name].dataset.wanted = params.get(name) || ""; });
  }

  /* Each facet's chosen value as its code in the data (-1: none chosen). */
  function chosen(current) {
    return FACETS.map(function (name) { return data.facets[name].values.indexOf(current[name]); });
  }

  /* One <option> per facet value, made once; showing counts changes only the options whose
   * count or visibility changed (a site with 500 sources would otherwise rebuild 500 options
   * per key). Counts are shown when the browser is idle, or at once when a facet is focused:
   * results come first while someone types. */
  var codesOf = FACETS.map(function (name) { return data.facets[name].of; });
  var options = FACETS.map(function (name) {
    return data.facets[name].values.map(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.hidden = option.disabled = true;
      return selects[name].appendChild(option);
    });
  });
  var shownCounts = FACETS.map(function (name) { return new Int32Array(data.facets[name].values.length).fill(-1); });
  var waiting = null;  /* {counts, wanted} not shown yet */
  var whenIdle = window.requestIdleCallback || function (task) { return setTimeout(task, 50); };
  var cancelIdle = window.cancelIdleCallback || clearTimeout;
  var idleTask = null;

  /* Per facet and value: how many matches it would leave, given the other facets' choices. */
  function countFacets(matches, wanted) {
    var counts = FACETS.map(function (name) { return new Int32Array(data.facets[name].values.length); });
    var f;
    for (var m = 0; m < matches.length; m += 1) {
      var position = matches[m];
      var missed = -1;  /* the one facet whose choice this fact misses; -2: more than one */
      for (f = 0; f < FACETS.length && missed !== -2; f += 1) {
        if (wanted[f] >= 0 && codesOf[f][position] !== wanted[f]) { missed = missed === -1 ? f : -2; }
      }
      for (f = 0; f < FACETS.length && missed !== -2; f += 1) {
        var code = codesOf[f][position];
        if ((missed === -1 || missed === f) && code >= 0) { counts[f][code] += 1; }
      }
    }
    return counts;
  }

  /* Sets the facet choices now, and returns them as codes; their counts follow (see above). */
  function fillFacets(matches, current) {
    var wanted = chosen(current);
    FACETS.forEach(function (name, f) {
      var select = selects[name];
      var value = wanted[f] >= 0 ? current[name] : "";
      delete select.dataset.wanted;
      if (select.value !== value) { select.value = value; }  /* setting it re-measures the options */
    });
    waiting = { counts: countFacets(matches, wanted), wanted: wanted };
    if (idleTask !== null) { cancelIdle(idleTask); }
    idleTask = whenIdle(showCounts, { timeout: 300 });
    return wanted;
  }

  /* Values without any match are hidden, unless chosen. */
  function showCounts() {
    idleTask = null;
    if (!waiting) { return; }
    var counts = waiting.counts;
    var wanted = waiting.wanted;
    waiting = null;
    FACETS.forEach(function (name, f) {
      var labels = data.facets[name].labels;
      options[f].forEach(function (option, code) {
        var count = counts[f][code];
        if (count !== shownCounts[f][code]) {
          shownCounts[f][code] = count;
          option.textContent = labels[code] + " (" + count + ")";
          option.dataset.count = String(count);
        }
        var hide = count === 0 && code !== wanted[f];
        if (option.hidden !== hide) { option.hidden = option.disabled = hide; }
      });
    });
  }

  root.addEventListener("focusin", function (event) { if (event.target.tagName === "SELECT") { showCounts(); } });
  root.addEventListener("pointerdown", function (event) { if (event.target.tagName === "SELECT") { showCounts(); } });

  function highlight(element, text, words) {
    if (!words.length) { element.textContent = text; return; }
    var escaped = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(^|[^\\w])(" + escaped.join("|") + ")", "gi");
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index + match[1].length;
      element.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement("mark");
      mark.textContent = match[2];
      element.appendChild(mark);
      last = start + match[2].length;
      if (match[0].length === 0) { pattern.lastIndex += 1; }
    }
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  function part(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  var more = document.createElement("button");
  more.type = "button";
  more.className = "nqpf-more";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  var pending = { results: [], words: [], shown: 0 };

  function drawMore() {
    var next = pending.results.slice(pending.shown, pending.shown + PAGE).map(factAt);
    next.forEach(function (fact) {
      var item = part("li", "nqpf-result");
      var link = part("a", "nqpf-result-link");
      link.href = fact.url;
      if (fact.value) { highlight(link.appendChild(part("span", "nqpf-result-value")), fact.value, pending.words); }
      highlight(link.appendChild(part("span", "nqpf-result-claim")), fact.claim, pending.words);
      item.appendChild(link);
      var meta = [fact.period, fact.sector, "according to " + fact.according_to].filter(Boolean);
      item.appendChild(part("p", "nqpf-result-meta", meta.join(" · ")));
      list.appendChild(item);
    });
    pending.shown += next.length;
    var left = pending.results.length - pending.shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(left, PAGE) + " more of " + left;
  }

  more.addEventListener("click", drawMore);

  function render(results, words, current) {
    list.textContent = "";
    pending = { results: results, words: words, shown: 0 };
    drawMore();
    var filtered = FACETS.some(function (name) { return current[name]; });
    if (!current.q && !filtered) {
      status.textContent = "Type to search " + count + " facts, or choose a facet. All facts are listed below.";
    } else if (!results.length) {
      status.textContent = "No facts match" + (current.q ? " “" + current.q + "”" : "") +
        (filtered ? " with these filters" : "") + ". Try fewer words or clear a filter.";
    } else {
      status.textContent = results.length + (results.length === 1 ? " fact" : " facts") + " found.";
    }
  }

  /* Material's own search opens itself when the URL has ?q=; on this page q belongs to the
   * fact index. Hide q from the theme until it has started, then put the state back. */
  var started = false;
  var initialSearch = location.search;
  if (new URLSearchParams(initialSearch).has("q")) {
    try { history.replaceState(null, "", location.pathname); } catch (error) { /* file:// */ }
  }

  /* Search, draw, and record the state in the URL: ``how`` is "push" (a new history entry),
   * "replace", or "typing" (replace once the keys pause). */
  function update(how) {
    var current = state();
    var matches = engine.search(current.q);
    var wanted = fillFacets(matches, current);
    current = state();  /* a value the data does not know is now cleared */
    var results = matches.filter(function (position) {
      return wanted.every(function (code, f) { return code < 0 || codesOf[f][position] === code; });
    });
    render(results, typed(current.q), current);
    if (started) { remember(current, how); }
  }

  /* The state goes into the URL, so it can be shared and Back works. A facet change is a new
   * history entry at once; typing replaces the entry when the keys pause, because every URL
   * change costs the browser work (Chromium even reloads the favicon). */
  var urlTimer = null;
  function remember(current, how) {
    clearTimeout(urlTimer);
    var address = toSearch(current);
    function write() {
      if (address === location.search) { return; }
      try {
        history[how === "push" ? "pushState" : "replaceState"](null, "", address || location.pathname);
      } catch (error) { /* some file:// setups refuse history changes; the page still works */ }
    }
    if (how === "typing") { urlTimer = setTimeout(write, 300); } else { write(); }
  }

  input.addEventListener("input", function () { update("typing"); });
  root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  FACETS.forEach(function (name) {
    selects[name].addEventListener("change", function () { update("push"); });
  });
  window.addEventListener("popstate", function () { restore(location.search); update("replace"); });

  /* "/" focuses the box; arrows move through results; Enter follows the focused link. */
  window.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" || target.isContentEditable);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      event.stopImmediatePropagation();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a.nqpf-result-link"));
    if (!links.length || (target !== input && links.indexOf(target) < 0)) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var at = links.indexOf(target);
    var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    if (next < 0) { input.focus(); } else { links[next].focus(); }
  }, true);

  restore(initialSearch);
  update("replace");
  window.NQPF_ANSWERS_MS = performance.now();  /* the index answers from here on; `make bench` reads it */
  window.addEventListener("load", function () {
    started = true;
    remember(state(), "replace");  /* the theme has started: the state goes back into the URL */
    root.dataset.ready = "true";
  });
})();
