/* The fact index page: search as you type, facets, results, and the state in the URL.
 * window.NQPF_FACT_INDEX is a small manifest; the shards of the index, the display rows and
 * the facets are scripts loaded when a query needs them (they call NQPF_FACT_INDEX_PART, so
 * the page works from file://). Ranking is fact-search.js. Every string from the data is put
 * into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var strings = window.NqpfStrings;  /* the page's words (strings.js) */
  var FIRST = 10;  /* results drawn with an answer: what a reader downloads for it stays small */
  var PAGE = 100;  /* "Show more" draws the next ones */
  var manifest = window.NQPF_FACT_INDEX;
  var root = document.getElementById("nqpf-search");
  if (!root || !manifest || !window.lunr || !window.NQPFFactSearch || !window.NqpfParts) { return; }

  var load = window.NqpfParts("NQPF_FACT_INDEX_PART", root.dataset.parts + "/");  /* parts.js */

  var count = manifest.count;
  var engine = new window.NQPFFactSearch(manifest, window.lunr);
  /* ``whole``: every matching fact is needed, not only a common term's best (fact-search.js). */
  function loadTerms(text, whole) {
    return Promise.all(engine.needs(text, whole).map(function (name) {
      return load(name).then(function (part) { engine.add(name, part); keepRows(part.rows, null); });
    }));
  }

  /* What a result shows, by the fact's position, once a part has brought its row: a term
   * shard brings the rows of its terms' best facts (so a one-word query draws its first
   * results with no second fetch), a row shard the rows of rowShard facts in order. */
  var rowShard = manifest.rowShard;
  var rowOf = {};
  var rowShards = [];
  function keepRows(part, first) {
    if (!part) { return; }
    var columns = {};
    Object.keys(part).forEach(function (name) { if (name !== "at") { columns[name] = part[name].split("\n"); } });
    var positions = first === null
      ? Array.from(window.NQPFFactSearch.numbers36(part.at))
      : columns.id.map(function (_, i) { return first + i; });
    positions.forEach(function (position, i) {
      if (!rowOf[position]) {
        rowOf[position] = { id: columns.id[i], value: columns.value[i], claim: columns.claim[i],
                            period: columns.period[i], sector: columns.sector[i], url: columns.url[i],
                            according_to: columns.according_to[i] };
      }
    });
  }
  function loadRows(positions) {
    var wanted = [];
    positions.forEach(function (position) {
      var at = Math.floor(position / rowShard);
      if (!rowOf[position] && !rowShards[at] && wanted.indexOf(at) < 0) { wanted.push(at); }
    });
    return Promise.all(wanted.map(function (at) {
      return load("r" + at).then(function (part) {
        if (!rowShards[at]) { rowShards[at] = true; keepRows(part, at * rowShard); }
      });
    }));
  }

  function factAt(position) { return rowOf[position]; }

  var input = document.getElementById("nqpf-query");
  var status = document.getElementById("nqpf-status");
  var list = document.getElementById("nqpf-results");
  var selects = {};
  var FACETS = Array.prototype.map.call(root.querySelectorAll("select[data-facet]"), function (select) {
    selects[select.dataset.facet] = select;
    return select.dataset.facet;  /* sector, measure, kind, year, source, speaker: as the build lists them */
  });

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
    unfoldFilters();
  }

  /* On a small screen the filters fold behind one "Filters" control, so that the first results
   * show on the first screen; on a wider one, or with a filter chosen, they are open. */
  var filters = root.querySelector("details.nqpf-filters");
  function unfoldFilters() {
    var chosen = FACETS.some(function (name) { return selects[name].dataset.wanted; });
    if (filters && (chosen || window.matchMedia("(min-width: 45em)").matches)) { filters.open = true; }
  }

  /* ---- facets. Each matched fact's facet values come with its posting (engine.codeOf, one
   * number per fact: a digit per facet, see search.py); the labels of the values a facet lists
   * come in chunks; a value chosen with no words loads the facts that have it. Counts are shown
   * when the browser is idle, or at once when a facet is focused: results come first. */
  var facetInfo = manifest.facets;
  var CHUNK = manifest.facetChunk;
  var SHOWN = manifest.facetShown;
  var places = [];
  FACETS.reduce(function (place, name, f) { places[f] = place; return place * facetInfo[name].radix; }, 1);
  function codeIn(code, f) { return Math.floor(code / places[f]) % facetInfo[FACETS[f]].radix - 1; }

  var chunks = {};  /* "facet n" -> {values, labels, counts}: values n*CHUNK onwards */
  var labels = {};  /* "facet code" -> [value, label]: from the chunks, and from a common term's head */
  function loadChunk(name, n) {
    return load("l-" + name + "-" + n).then(function (part) {
      chunks[name + " " + n] = part;
      part.values.forEach(function (value, i) { labels[name + " " + (n * CHUNK + i)] = [value, part.labels[i]]; });
      return part;
    });
  }
  function chunkOf(name, code) { return chunks[name + " " + Math.floor(code / CHUNK)]; }

  /* The code of each facet's chosen value (-1: none, or a value the data does not know). */
  function chosenCodes(current) {
    return Promise.all(FACETS.map(function (name) {
      var value = current[name];
      var firsts = facetInfo[name].chunks;
      if (!value || !firsts.length) { return -1; }
      var n = 0;
      while (n + 1 < firsts.length && firsts[n + 1] <= value) { n += 1; }
      return loadChunk(name, n).then(function (part) {
        var at = part.values.indexOf(value);
        return at < 0 ? -1 : n * CHUNK + at;
      });
    }));
  }

  /* The facts that have a facet's value, in index order (their codes go to engine.codeOf). */
  var holders = {};
  function loadHolders(name, value) {
    return load("f-" + name + "-" + value).then(function (part) {
      var key = name + " " + value;
      if (!holders[key]) {
        var gaps = window.NQPFFactSearch.numbers36(part.at);
        var codes = window.NQPFFactSearch.numbers36(part.codes);
        var positions = [];
        var position = -1;
        gaps.forEach(function (gap, i) {
          position += gap;
          positions.push(position);
          engine.codeOf[position] = codes[i];
        });
        holders[key] = positions;
      }
      return holders[key];
    });
  }

  /* With no words, the facts that matter for the facets are those holding a chosen value:
   * of two chosen facets, so that each facet's counts (the other choices applied) are in. */
  function matchesWithoutWords(current, wanted) {
    var names = FACETS.filter(function (name, f) { return wanted[f] >= 0; }).slice(0, 2);
    if (!names.length) { return Promise.resolve(null); }
    return Promise.all(names.map(function (name) { return loadHolders(name, current[name]); })).then(function (lists) {
      var seen = new Uint8Array(count);
      var union = [];
      lists.forEach(function (list) { list.forEach(function (p) { if (!seen[p]) { seen[p] = 1; union.push(p); } }); });
      return union.sort(function (a, b) { return a - b; });
    });
  }

  var shownCounts = {};  /* what each select shows, so that an unchanged one is left alone */
  var waitingCounts = null;  /* {matches, wanted, every}: the latest answer, its counts not shown yet */
  var whenIdle = window.requestIdleCallback || function (task) { return setTimeout(task, 50); };
  var cancelIdle = window.cancelIdleCallback || clearTimeout;
  var idleTask = null;
  function cancelCounts() {
    if (idleTask !== null) { cancelIdle(idleTask); idleTask = null; }
  }

  /* Per facet and value: how many matches it would leave, given the other facets' choices.
   * ``overall[f]``: facet f counts over every fact (no words, no other choice): its chunks' counts. */
  function countFacets(matches, wanted, every, text) {
    engine.codes(text);
    var counts = FACETS.map(function (name) { return new Int32Array(facetInfo[name].radix - 1); });
    var chosen = wanted.filter(function (code) { return code >= 0; }).length;
    var overall = FACETS.map(function (name, f) { return every && chosen - (wanted[f] >= 0 ? 1 : 0) === 0; });
    var codeOf = engine.codeOf;
    var f;
    for (var m = 0; m < matches.length && !(every && !chosen); m += 1) {
      var code = codeOf[matches[m]];
      var missed = -1;  /* the one facet whose choice this fact misses; -2: more than one */
      for (f = 0; f < FACETS.length && missed !== -2; f += 1) {
        if (wanted[f] >= 0 && codeIn(code, f) !== wanted[f]) { missed = missed === -1 ? f : -2; }
      }
      for (f = 0; f < FACETS.length && missed !== -2; f += 1) {
        var value = codeIn(code, f);
        if ((missed === -1 || missed === f) && value >= 0) { counts[f][value] += 1; }
      }
    }
    return { counts: counts, wanted: wanted, overall: overall };
  }

  /* The values a facet lists: the most frequent (SHOWN), and the chosen one, in the data's order. */
  function listed(f, waiting) {
    var name = FACETS[f];
    var codes;
    if (waiting.overall[f]) {
      codes = facetInfo[name].top.slice();
    } else {
      var counts = waiting.counts[f];
      codes = [];
      for (var code = 0; code < counts.length; code += 1) { if (counts[code] > 0) { codes.push(code); } }
      codes.sort(function (a, b) { return counts[b] - counts[a] || a - b; });
      codes = codes.slice(0, SHOWN);
    }
    if (waiting.wanted[f] >= 0 && codes.indexOf(waiting.wanted[f]) < 0) { codes.push(waiting.wanted[f]); }
    return codes.sort(function (a, b) { return a - b; });
  }

  function option(select, name, code, count) {
    var label = labels[name + " " + code];
    var element = document.createElement("option");
    element.value = label[0];
    element.textContent = label[1] + (count === null ? "" : " (" + count + ")");
    if (count !== null) { element.dataset.count = String(count); }
    return select.appendChild(element);
  }

  /* Sets the facet choices now (a chosen value gets its option). */
  function chooseFacets(current, wanted) {
    FACETS.forEach(function (name, f) {
      var select = selects[name];
      var value = wanted[f] >= 0 ? current[name] : "";
      if (value && !select.querySelector("option[value='" + CSS.escape(value) + "']")) {
        option(select, name, wanted[f], null);
      }
      delete select.dataset.wanted;
      if (select.value !== value) { select.value = value; }
    });
  }

  /* The facet counts of an answer drawn, shown when the browser is idle (``head``: a common
   * term's, which brings its counts and labels). */
  function countLater(matches, wanted, every, head, text) {
    waitingCounts = { matches: matches, wanted: wanted, every: every, head: head, text: text };
    cancelCounts();
    idleTask = whenIdle(showCounts, { timeout: 300 });
  }

  /* What each facet lists: {codes, count(code), overall: its counts are its chunks'}. A common
   * term's head brings its facets' codes, counts and labels. */
  function headListing(head) {
    return FACETS.map(function (name) {
      var facet = head.facets[name];
      facet.codes.forEach(function (code, i) { labels[name + " " + code] = [facet.values[i], facet.labels[i]]; });
      return { codes: facet.codes, overall: false,
               count: function (code) { return facet.counts[facet.codes.indexOf(code)]; } };
    });
  }

  function countedListing(waiting) {
    var counted = countFacets(waiting.matches, waiting.wanted, waiting.every, waiting.text);
    return FACETS.map(function (name, f) {
      return { codes: listed(f, counted), overall: counted.overall[f], count: function (code) {
        return counted.overall[f] ? chunkOf(name, code).counts[code % CHUNK] : counted.counts[f][code];
      } };
    });
  }

  /* Each select lists its values with their counts, loading the labels it lacks first. */
  function showCounts() {
    idleTask = null;
    if (!waitingCounts) { return Promise.resolve(); }
    var waiting = waitingCounts;
    waitingCounts = null;
    var listing = waiting.head ? headListing(waiting.head) : countedListing(waiting);
    var lists = listing.map(function (facet) { return facet.codes; });
    var needed = [];  /* the chunks of the labels not known yet, and of the counts over every fact */
    lists.forEach(function (codes, f) {
      codes.forEach(function (code) {
        var key = FACETS[f] + " " + Math.floor(code / CHUNK);
        if ((!labels[FACETS[f] + " " + code] || (listing[f].overall && !chunks[key])) && needed.indexOf(key) < 0) {
          needed.push(key);
        }
      });
    });
    return Promise.all(needed.map(function (key) {
      var parts = key.split(" ");
      return loadChunk(parts[0], +parts[1]);
    })).then(function () {
      if (waitingCounts) { return; }  /* a newer answer has come: it shows its own */
      FACETS.forEach(function (name, f) {
        var counts = lists[f].map(listing[f].count);
        var key = lists[f].join(",") + "|" + counts.join(",");
        if (shownCounts[name] === key) { return; }
        shownCounts[name] = key;
        var select = selects[name];
        var value = select.value;
        while (select.options.length > 1) { select.remove(1); }
        lists[f].forEach(function (code, i) { option(select, name, code, counts[i]); });
        select.value = value;
      });
      root.dataset.facets = "shown";
    });
  }

  function facetWanted(event) {
    if (event.target.tagName === "SELECT") {
      cancelCounts();
      showCounts().catch(failed);
    }
  }
  root.addEventListener("focusin", facetWanted);
  root.addEventListener("pointerdown", facetWanted);

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
  var pending = { results: [], words: [], shown: 0, total: 0, query: "" };

  /* The next PAGE results; an answer drawn from a common term's head loads its whole shard first. */
  function drawMore() {
    if (more.disabled) { return null; }  /* a second click while the rows load draws nothing twice */
    more.disabled = true;
    var drawing = pending;
    var all = drawing.results.length >= drawing.total ? Promise.resolve()
      : loadTerms(drawing.query, true).then(function () { drawing.results = engine.search(drawing.query); });
    return all.then(function () {
      var positions = drawing.results.slice(drawing.shown, drawing.shown + PAGE);
      return loadRows(positions).then(function () {
        if (drawing === pending) { draw(positions.map(factAt)); }
      });
    }).catch(failed).then(function () { more.disabled = false; });
  }

  function draw(next) {
    next.forEach(function (fact) {
      var item = part("li", "nqpf-result");
      var link = part("a", "nqpf-result-link");
      link.href = fact.url;
      if (fact.value) { highlight(link.appendChild(part("span", "nqpf-result-value")), fact.value, pending.words); }
      highlight(link.appendChild(part("span", "nqpf-result-claim")), fact.claim, pending.words);
      item.appendChild(link);
      var meta = [fact.period, fact.sector, strings.t("according to {who}", { who: fact.according_to })].filter(Boolean);
      item.appendChild(part("p", "nqpf-result-meta", meta.join(" · ")));
      list.appendChild(item);
    });
    pending.shown += next.length;
    var left = pending.total - pending.shown;
    more.hidden = left <= 0;
    more.textContent = strings.t("Show {count} more of {left}", { count: Math.min(left, PAGE), left: left });
  }

  more.addEventListener("click", drawMore);

  /* ``total``: how many facts match; ``results`` may hold only the best of them (a head's). */
  function render(results, words, current, firstRows, total) {
    list.textContent = "";
    pending = { results: results, words: words, shown: 0, total: total, query: current.q };
    draw(firstRows);
    var filtered = FACETS.some(function (name) { return current[name]; });
    if (!current.q && !filtered) {
      status.textContent = strings.t("Type to search {count} facts, or choose a facet. All facts are listed below.",
                                     { count: count });
    } else if (!total) {
      status.textContent = current.q
        ? (filtered ? strings.t("No facts match “{query}” with these filters. Try fewer words or clear a filter.",
                                { query: current.q })
                    : strings.t("No facts match “{query}”. Try fewer words or clear a filter.", { query: current.q }))
        : strings.t("No facts match these filters. Try fewer words or clear a filter.");
    } else {
      status.textContent = total === 1 ? strings.t("1 fact found.") : strings.t("{count} facts found.", { count: total });
    }
  }

  /* The address the page was opened with (fact-index-url.js kept it from the theme). */
  var started = false;
  var initialSearch = window.NQPF_INITIAL_SEARCH !== undefined ? window.NQPF_INITIAL_SEARCH : location.search;

  function failed(error) {
    status.textContent = strings.t("The fact index could not be loaded ({error}). Reload the page to try again.",
                                   { error: error.message });
    delete root.dataset.busy;
  }

  /* Search, draw, and record the state in the URL: ``how`` is "push" (a new history entry),
   * "replace", or "typing" (replace once the keys pause). What the query needs is loaded
   * first; an answer overtaken by a newer query is dropped. data-busy is set meanwhile. */
  var generation = 0;
  function update(how) {
    var mine = ++generation;
    var current = state();
    cancelCounts();  /* an answer overtaken is not counted */
    waitingCounts = null;
    root.dataset.busy = "true";
    var wanted = null;
    var chosen = FACETS.some(function (name) { return current[name]; });
    return Promise.all([loadTerms(current.q, chosen), chosenCodes(current)]).then(function (got) {
      wanted = got[1];
      var matches = engine.search(current.q);
      var answer = { matches: matches, every: engine.every, head: engine.head, total: engine.total };
      return !answer.every ? answer : matchesWithoutWords(current, wanted).then(function (some) {
        answer.matches = some || matches;
        return answer;
      });
    }).then(function (answer) {
      if (mine !== generation) { return null; }
      var matches = answer.matches;
      chooseFacets(current, wanted);
      current = state();  /* a value the data does not know is now cleared */
      var filtered = wanted.some(function (value) { return value >= 0; });
      if (filtered) { engine.codes(current.q); }
      var results = !filtered ? matches : matches.filter(function (position) {
        var code = engine.codeOf[position];
        return wanted.every(function (value, f) { return value < 0 || codeIn(code, f) === value; });
      });
      var first = results.slice(0, FIRST);
      return loadRows(first).then(function () {
        if (mine !== generation) { return; }
        render(results, typed(current.q), current, first.map(factAt), answer.head ? answer.total : results.length);
        countLater(matches, wanted, answer.every, answer.head, current.q);  /* after the results: they come first */
        if (started) { remember(current, how); }
        delete root.dataset.busy;
      });
    }).catch(failed);
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
  var answered = update("replace").then(function () {
    window.NQPF_ANSWERS_MS = performance.now();  /* the index answers from here on; `make bench` reads it */
  });
  var loaded = new Promise(function (resolve) {
    if (document.readyState === "complete") { resolve(); } else { window.addEventListener("load", resolve); }
  });
  Promise.all([answered, loaded]).then(function () {
    started = true;
    remember(state(), "replace");  /* the theme has started: the state goes back into the URL */
    root.dataset.ready = "true";
  });
})();
