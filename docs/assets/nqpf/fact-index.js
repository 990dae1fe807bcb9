/* The fact index page: search as you type, facets, results, and the state in the URL.
 * window.NQPF_FACT_INDEX is a small manifest; the shards of the index, the display rows and
 * the facets are scripts loaded when a query needs them (they call NQPF_FACT_INDEX_PART, so
 * the page works from file://). Ranking is fact-search.js. Every string from the data is put
 * into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var FIRST = 10;  /* results drawn with an answer: what a reader downloads for it stays small */
  var PAGE = 100;  /* "Show more" draws the next ones */
  var manifest = window.NQPF_FACT_INDEX;
  var root = document.getElementById("nqpf-search");
  if (!root || !manifest || !window.lunr || !window.NQPFFactSearch) { return; }

  /* ---- loading the parts of the index */
  var partsBase = root.dataset.parts + "/";
  var arrived = {};
  var waiting = {};
  window.NQPF_FACT_INDEX_PART = function (name, payload) {
    arrived[name] = payload;
    (waiting[name] || []).forEach(function (callbacks) { callbacks[0](payload); });
    delete waiting[name];
  };
  function load(name) {
    return new Promise(function (resolve, reject) {
      if (arrived[name]) { resolve(arrived[name]); return; }
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push([resolve, reject]);
      if (!first) { return; }
      var script = document.createElement("script");
      script.src = partsBase + name + ".js";
      script.onerror = function () {
        (waiting[name] || []).forEach(function (callbacks) { callbacks[1](new Error("part " + name + " did not load")); });
        delete waiting[name];
        script.remove();
      };
      document.head.appendChild(script);
    });
  }

  var count = manifest.count;
  var engine = new window.NQPFFactSearch(manifest, window.lunr);
  function loadTerms(text) {
    return Promise.all(engine.missing(text).map(function (at) {
      return load("t" + at).then(function (part) { if (!engine.shards[at]) { engine.add(at, part); } });
    }));
  }

  var rowShard = manifest.rowShard;
  var rows = [];
  function loadRows(positions) {
    var wanted = [];
    positions.forEach(function (position) {
      var at = Math.floor(position / rowShard);
      if (!rows[at] && wanted.indexOf(at) < 0) { wanted.push(at); }
    });
    return Promise.all(wanted.map(function (at) {
      return load("r" + at).then(function (part) {
        var columns = {};
        Object.keys(part).forEach(function (name) { columns[name] = part[name].split("\n"); });
        rows[at] = columns;
      });
    }));
  }

  /* What a result shows, for the fact at ``position`` (its rows are loaded). */
  function factAt(position) {
    var shard = rows[Math.floor(position / rowShard)];
    var at = position % rowShard;
    return { id: shard.id[at], value: shard.value[at], claim: shard.claim[at], period: shard.period[at],
             sector: shard.sector[at], url: shard.url[at], according_to: shard.according_to[at] };
  }

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
  }

  /* ---- facets: loaded when one is used, or when the page is idle after the first answer */
  var facets = null;
  var facetsLoading = null;
  var codesOf = [];
  var options = [];
  var shownCounts = [];
  var waitingCounts = null;  /* {counts, wanted} not shown yet */
  var whenIdle = window.requestIdleCallback || function (task) { return setTimeout(task, 50); };
  var cancelIdle = window.cancelIdleCallback || clearTimeout;
  var idleTask = null;
  var last = { matches: [], current: null };  /* the latest answer, for facets that arrive later */

  function loadFacets() {
    if (!facetsLoading) {
      facetsLoading = load("facets").then(function (payload) {
        facets = payload;
        /* One <option> per facet value, made once; showing counts changes only the options
         * whose count or visibility changed (500 sources would otherwise be 500 options a key). */
        codesOf = FACETS.map(function (name) { return facets[name].of; });
        options = FACETS.map(function (name) {
          return facets[name].values.map(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.hidden = option.disabled = true;
            return selects[name].appendChild(option);
          });
        });
        shownCounts = FACETS.map(function (name) { return new Int32Array(facets[name].values.length).fill(-1); });
        if (last.current) { fillFacets(last.matches, state()); }
      });
    }
    return facetsLoading;
  }

  /* Each facet's chosen value as its code in the data (-1: none chosen). */
  function chosen(current) {
    return FACETS.map(function (name) { return facets[name].values.indexOf(current[name]); });
  }

  /* Per facet and value: how many matches it would leave, given the other facets' choices. */
  function countFacets(matches, wanted) {
    var counts = FACETS.map(function (name) { return new Int32Array(facets[name].values.length); });
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

  /* Sets the facet choices now, and returns them as codes; their counts are shown when the
   * browser is idle, or at once when a facet is focused: results come first while someone types. */
  function fillFacets(matches, current) {
    var wanted = chosen(current);
    FACETS.forEach(function (name, f) {
      var select = selects[name];
      var value = wanted[f] >= 0 ? current[name] : "";
      delete select.dataset.wanted;
      if (select.value !== value) { select.value = value; }  /* setting it re-measures the options */
    });
    waitingCounts = { counts: countFacets(matches, wanted), wanted: wanted };
    if (idleTask !== null) { cancelIdle(idleTask); }
    idleTask = whenIdle(showCounts, { timeout: 300 });
    return wanted;
  }

  /* Values without any match are hidden, unless chosen. */
  function showCounts() {
    idleTask = null;
    if (!waitingCounts) { return; }
    var counts = waitingCounts.counts;
    var wanted = waitingCounts.wanted;
    waitingCounts = null;
    FACETS.forEach(function (name, f) {
      var labels = facets[name].labels;
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

  function facetWanted(event) {
    if (event.target.tagName === "SELECT") { loadFacets().then(showCounts, failed); }
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
  var pending = { results: [], words: [], shown: 0 };

  function drawMore() {
    if (more.disabled) { return null; }  /* a second click while the rows load draws nothing twice */
    more.disabled = true;
    var positions = pending.results.slice(pending.shown, pending.shown + PAGE);
    var drawing = pending;
    return loadRows(positions).then(function () {
      if (drawing === pending) { draw(positions.map(factAt)); }
    }, failed).then(function () { more.disabled = false; });
  }

  function draw(next) {
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

  function render(results, words, current, firstRows) {
    list.textContent = "";
    pending = { results: results, words: words, shown: 0 };
    draw(firstRows);
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

  /* The address the page was opened with (fact-index-url.js kept it from the theme). */
  var started = false;
  var initialSearch = window.NQPF_INITIAL_SEARCH !== undefined ? window.NQPF_INITIAL_SEARCH : location.search;

  function failed(error) {
    status.textContent = "The fact index could not be loaded (" + error.message + "). Reload the page to try again.";
    delete root.dataset.busy;
  }

  /* Search, draw, and record the state in the URL: ``how`` is "push" (a new history entry),
   * "replace", or "typing" (replace once the keys pause). What the query needs is loaded
   * first; an answer overtaken by a newer query is dropped. data-busy is set meanwhile. */
  var generation = 0;
  function update(how) {
    var mine = ++generation;
    var current = state();
    root.dataset.busy = "true";
    var needs = [loadTerms(current.q)];
    if (FACETS.some(function (name) { return current[name]; })) { needs.push(loadFacets()); }
    return Promise.all(needs).then(function () {
      if (mine !== generation) { return null; }
      var matches = engine.search(current.q);
      var results = matches;
      last = { matches: matches, current: current };
      if (facets) {
        var wanted = fillFacets(matches, current);
        current = state();  /* a value the data does not know is now cleared */
        results = matches.filter(function (position) {
          return wanted.every(function (code, f) { return code < 0 || codesOf[f][position] === code; });
        });
      }
      var first = results.slice(0, FIRST);
      return loadRows(first).then(function () {
        if (mine !== generation) { return; }
        render(results, typed(current.q), current, first.map(factAt));
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
    whenIdle(function () { loadFacets().catch(failed); }, { timeout: 2000 });
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
