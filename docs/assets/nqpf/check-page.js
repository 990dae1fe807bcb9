/* The "Check a text" page: the pasted text is read in this page by text-checker.js, and each
 * number comes back marked with its verdict. The text never leaves the page: what is loaded is
 * the site's own data (scripts named by a measure and a period, so the page works from file://),
 * and the text is put into the page with text nodes only, so markup in it never renders or runs. */
(function () {
  "use strict";
  var root = document.getElementById("nqpf-check");
  if (!root || !window.NqpfTextChecker || !window.NqpfParts) { return; }
  var form = document.getElementById("nqpf-check-form");
  var input = document.getElementById("nqpf-check-text");
  var status = document.getElementById("nqpf-check-status");
  var result = document.getElementById("nqpf-check-result");
  var heading = document.getElementById("nqpf-check-heading");
  var marked = document.getElementById("nqpf-check-marked");
  var list = document.getElementById("nqpf-check-list");
  var siteRoot = root.dataset.root;

  var strings = window.NqpfStrings;
  var WORDS = {
    "agrees": strings.t("agrees"),
    "disagrees": strings.t("disagrees"),
    "no-figure-for-period": strings.t("no figure for that period"),
    "not-a-figure": strings.t("not a figure"),
    "unknown": strings.t("unknown")
  };
  var COUNTED = {  /* "1 agrees", "3 agree": each language says a count its own way */
    "agrees": function (n) { return n === 1 ? strings.t("1 agrees") : strings.t("{count} agree", { count: n }); },
    "disagrees": function (n) {
      return n === 1 ? strings.t("1 disagrees") : strings.t("{count} disagree", { count: n });
    },
    "no-figure-for-period": function (n) {
      return n === 1 ? strings.t("1 has no figure for that period")
                     : strings.t("{count} have no figure for that period", { count: n });
    },
    "not-a-figure": function (n) {
      return n === 1 ? strings.t("1 is not a figure") : strings.t("{count} are not figures", { count: n });
    },
    "unknown": function (n) { return n === 1 ? strings.t("1 is unknown") : strings.t("{count} are unknown", { count: n }); }
  };
  var PARTS = {  /* what a number's words state, by the name the checker gives each part */
    "subject": strings.t("subject"),
    "property": strings.t("property"),
    "statistic": strings.t("statistic"),
    "whole": strings.t("whole"),
    "constraint": strings.t("constraint"),
    "place": strings.t("place"),
    "period kind": strings.t("period kind")
  };

  /* ---- the site's data, as scripts that call NQPF_CHECK_PART(name, payload) (parts.js) */
  var part = window.NqpfParts("NQPF_CHECK_PART", root.dataset.parts);
  var checker = null, loaded = null, checkers = {};
  function ready(text) {  /* loaded at the first check, not with the page; one checker per language read */
    loaded = loaded || Promise.all([part("rules"), part("measures")]);
    return loaded.then(function (data) {
      var language = window.NqpfTextChecker.languageOf(data[0], text);
      checkers[language] = checkers[language] || window.NqpfTextChecker.create(data[0], data[1], language);
      checker = checkers[language];
      return checker;
    });
  }

  function element(name, text, attributes) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function link(text, url) { return element("a", text, { href: siteRoot + url }); }

  function describe(number, index) {
    var item = element("li", null, { id: "nqpf-check-n" + (index + 1), "data-verdict": number.verdict });
    var head = element("p");
    head.appendChild(element("mark", number.text, { "data-verdict": number.verdict }));
    head.appendChild(document.createTextNode(": "));
    head.appendChild(element("strong", WORDS[number.verdict]));
    var measure = number.measure ? checker.measure(number.measure) : null;
    if (measure) {
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(link(measure.label, measure.url));
      head.appendChild(document.createTextNode(", " + (number.period || strings.t("no year in its sentence"))));
    }
    item.appendChild(head);
    var details = element("ul");
    (number.rows || []).forEach(function (row) {
      var line = element("li", strings.t("{value}, according to {who}", { value: row.value, who: row.according }) + " ");
      line.appendChild(link(strings.t("(the fact)"), row.url));
      details.appendChild(line);
    });
    if (number.verdict === "no-figure-for-period") {
      details.appendChild(element("li", number.periods.length
        ? strings.t("The base has this measure for: {periods}.", { periods: number.periods.join(", ") })
        : strings.t("The base has no dated figure of this measure.")));
    } else if (number.verdict === "unknown") {
      details.appendChild(element("li", number.unit
        ? strings.t("No measure of the base has every part this number's words state (read as {unit}).",
                    { unit: number.unit })
        : strings.t("No measure of the base has every part this number's words state.")));
      if (number.candidates.length) {
        var could = element("li", strings.t("It could be:") + " ");
        number.candidates.forEach(function (slug, n) {
          var candidate = checker.measure(slug);
          if (n) { could.appendChild(document.createTextNode(", ")); }
          could.appendChild(link(candidate.label, candidate.url));
        });
        details.appendChild(could);
      }
    } else if (number.verdict === "not-a-figure") {
      details.appendChild(element("li", strings.t("A year, a date, an ordinal or part of a name: nothing to compare.")));
    }
    if (number.parts.length) {  /* what its words say it measures, and which words say it */
      var read = element("li", strings.t("Read as:"));
      var parts = element("ul", null, { class: "nqpf-check-parts" });
      number.parts.forEach(function (part) {
        parts.appendChild(element("li", (PARTS[part.part] || part.part) + ": " + checker.label(part.value) +
          (part.words ? " ← “" + part.words + "”" : "") + (part.how ? " (" + part.how + ")" : ""),
        { "data-part": part.part }));
      });
      read.appendChild(parts);
      details.appendChild(read);
    }
    item.appendChild(details);
    return item;
  }

  function show(text, numbers) {
    marked.textContent = "";
    list.textContent = "";
    var at = 0;
    numbers.forEach(function (number, index) {
      marked.appendChild(document.createTextNode(text.slice(at, number.from)));
      marked.appendChild(element("mark", text.slice(number.from, number.to), {
        "data-verdict": number.verdict, "data-facts": number.facts.join(" ")
      }));
      var ref = element("a", String(index + 1), {
        href: "#nqpf-check-n" + (index + 1), class: "nqpf-check-ref",
        "aria-label": strings.t("number {n}: {verdict}", { n: index + 1, verdict: WORDS[number.verdict] })
      });
      marked.appendChild(ref);
      at = number.to;
      list.appendChild(describe(number, index));
    });
    marked.appendChild(document.createTextNode(text.slice(at)));
    var counts = Object.keys(WORDS).map(function (verdict) {
      var n = numbers.filter(function (x) { return x.verdict === verdict; }).length;
      return n ? COUNTED[verdict](n) : null;
    }).filter(Boolean);
    status.textContent = numbers.length
      ? (numbers.length === 1 ? strings.t("Checked 1 number: {counts}.", { counts: counts.join(strings.t(", ")) })
                              : strings.t("Checked {count} numbers: {counts}.",
                                          { count: numbers.length, counts: counts.join(strings.t(", ")) }))
      : strings.t("The text writes no numbers.");
    result.hidden = false;
    heading.focus();
  }

  var generation = 0;  /* a check overtaken by a newer one draws nothing */
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var mine = ++generation;
    var text = input.value;
    if (!text.trim()) {
      status.textContent = strings.t("Paste a text to check first.");
      input.focus();
      return;
    }
    status.textContent = strings.t("Checking…");
    ready(text).then(function () {
      var readings = checker.read(text);
      var names = checker.needs(readings);
      return Promise.all(names.map(part)).then(function (loaded) {
        var parts = {};
        names.forEach(function (name, i) { parts[name] = loaded[i]; });
        if (mine === generation) { show(text, checker.verdicts(readings, parts)); }
      });
    }).catch(function (error) {
      status.textContent = strings.t("The checker's data could not be loaded ({error}). Reload the page to try again.",
                                     { error: error.message });
    });
  });
})();
