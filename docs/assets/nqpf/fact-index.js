/* The fact index: search as you type over a lunr index built at build time.
 * Data comes from window.NQPF_FACT_INDEX (a script, so it works from file://).
 * Every string from the data is put into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var FACETS = ["sector", "kind", "year", "source", "speaker"];
  var PAGE = 100;  /* results drawn at once; "Show more" draws the next ones */
  var data = window.NQPF_FACT_INDEX;
  var root = document.getElementById("nqpf-search");
  if (!root || !data || !window.lunr) { return; }

  var index = lunr.Index.load(data.index);  /* refs are positions in data.facts */
  var input = document.getElementById("nqpf-query");
  var status = document.getElementById("nqpf-status");
  var list = document.getElementById("nqpf-results");
  var selects = {};
  FACETS.forEach(function (name) {
    selects[name] = root.querySelector('select[data-facet="' + name + '"]');
  });

  function terms(text) {
    return lunr.tokenizer(text).map(function (token) { return token.toString(); })
      .filter(function (term) { return term.length > 0; });
  }

  /* Every typed word must match, by its stem or as the start of a longer word (so results
   * come while the last word is still being typed). */
  function search(text) {
    var words = terms(text);
    if (!words.length) { return data.facts.slice(); }
    return index.query(function (query) {
      words.forEach(function (word) {
        query.term(word, { presence: lunr.Query.presence.REQUIRED,
                           wildcard: lunr.Query.wildcard.TRAILING });
      });
    }).map(function (hit) { return data.facts[Number(hit.ref)]; });
  }

  function state() {
    var result = { q: input.value };
    FACETS.forEach(function (name) { result[name] = selects[name].value; });
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

  function label(facet, value) {
    var names = data.labels[facet] || {};
    return names[value] || value;
  }

  function fillFacets(matches, current) {
    FACETS.forEach(function (name) {
      var counts = {};
      matches.forEach(function (fact) {
        var others = FACETS.every(function (other) {
          return other === name || !current[other] || fact.facets[other] === current[other];
        });
        var value = fact.facets[name];
        if (others && value) { counts[value] = (counts[value] || 0) + 1; }
      });
      var select = selects[name];
      var wanted = select.dataset.wanted !== undefined ? select.dataset.wanted : current[name];
      delete select.dataset.wanted;
      while (select.options.length > 1) { select.remove(1); }
      Object.keys(counts).sort().forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = label(name, value) + " (" + counts[value] + ")";
        option.dataset.count = String(counts[value]);
        select.appendChild(option);
      });
      if (wanted && !counts[wanted]) {
        var kept = document.createElement("option");
        kept.value = wanted;
        kept.textContent = label(name, wanted) + " (0)";
        kept.dataset.count = "0";
        select.appendChild(kept);
      }
      select.value = wanted || "";
    });
  }

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
    var next = pending.results.slice(pending.shown, pending.shown + PAGE);
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
      status.textContent = "Type to search " + data.facts.length + " facts, or choose a facet. All facts are listed below.";
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

  function update(push) {
    var current = state();
    var matches = search(current.q);
    fillFacets(matches, current);
    current = state();
    var results = matches.filter(function (fact) {
      return FACETS.every(function (name) { return !current[name] || fact.facets[name] === current[name]; });
    });
    render(results, terms(current.q), current);
    var wanted = toSearch(current);
    if (started && wanted !== location.search) {
      try {
        history[push ? "pushState" : "replaceState"](null, "", wanted || location.pathname);
      } catch (error) { /* some file:// setups refuse history changes; the page still works */ }
    }
  }

  input.addEventListener("input", function () { update(false); });
  root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  FACETS.forEach(function (name) {
    selects[name].addEventListener("change", function () { update(true); });
  });
  window.addEventListener("popstate", function () { restore(location.search); update(false); });

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
  update(false);
  window.NQPF_ANSWERS_MS = performance.now();  /* the index answers from here on; `make bench` reads it */
  window.addEventListener("load", function () {
    started = true;
    update(false);
    root.dataset.ready = "true";
  });
})();
