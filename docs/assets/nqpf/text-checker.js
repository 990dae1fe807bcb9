/* The text checker in the browser: the same reading as hooks/nqpf/checking.py (the drafter's
 * sentences, years, ignore rules and units; the clause reader's parts of each number, as
 * hooks/nqpf/reading.py reads them; the measure every part matches, as hooks/nqpf/matching.py
 * matches it; then the sources' comparison), from the rules the build writes (assets/nqpf/check/rules.js, from hooks/nqpf/check_page.py). The
 * patterns and tables are Python's, written out as data; this file holds only the order in
 * which they are asked. A differential test (tests/test_check_engines.py) requires both engines
 * to give the same verdicts for the same texts.
 *
 * Two steps, so that a check loads only the facts it needs: read(text) finds each number's
 * measure and period; needs(readings) names the files of facts to load; verdicts(readings,
 * parts) compares. Offsets out are in code points, as Python counts them. */
(function () {
  "use strict";

  /* ---- exact fractions: { n: BigInt, d: BigInt }, d > 0, made by the number reader's fraction() */
  var fraction = window.NqpfNumberReader.fraction;
  function parse(text) {
    if (text === null || text === undefined) { return null; }
    var parts = String(text).split("/");
    return fraction(BigInt(parts[0]), BigInt(parts.length > 1 ? parts[1] : "1"));
  }
  function times(a, b) { return fraction(a.n * b.n, a.d * b.d); }
  function plus(a, b) { return fraction(a.n * b.d + b.n * a.d, a.d * b.d); }
  function minus(a, b) { return fraction(a.n * b.d - b.n * a.d, a.d * b.d); }
  function absolute(a) { return { n: a.n < 0n ? -a.n : a.n, d: a.d }; }
  function compare(a, b) { var l = a.n * b.d, r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; }
  var ONE = { n: 1n, d: 1n };
  var ZERO = { n: 0n, d: 1n };

  function formatNumber(value) {  /* numbers.format_number: "30,000", "9.443", "2/3" */
    for (var places = 0; places <= 10; places += 1) {
      var power = 10n ** BigInt(places);
      if (power % value.d === 0n) {
        var scaled = (value.n < 0n ? -value.n : value.n) * (power / value.d);
        var whole = String(scaled / power).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        var decimals = places ? "." + String(scaled % power).padStart(places, "0") : "";
        return (value.n < 0n ? "-" : "") + whole + decimals;
      }
    }
    return value.n + "/" + value.d;
  }

  /* The rules of one language: English's, with another language's own over them (check_page.rules_data). */
  function rulesOf(rules, language) {
    var own = language && language !== "en" ? rules.languages[language] : null;
    if (!own) { return rules; }
    return Object.assign({}, rules, own, { patterns: Object.assign({}, rules.patterns, own.patterns) });
  }

  function create(rules, measuresData) {
    var reader = rules.localReader ? window.NqpfNumberReader.createLocalised(rules.localReader) : window.NqpfNumberReader.create(rules.reader);
    var WS = rules.reader.whiteSpace;
    var spaces = new RegExp("[" + WS + "]+", "u");
    var leading = new RegExp("^[" + WS + "]+", "u");
    var trailing = new RegExp("[" + WS + "]+$", "u");
    var lineBreaks = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;  /* str.splitlines */
    var set = function (list) { return new Set(list); };
    var abbreviations = set(rules.abbreviations), stopWords = set(rules.stopWords), verbs = set(rules.verbs);
    var nameHeads = set(rules.nameHeads), beforeAYear = set(rules.beforeAYear), afterAYear = set(rules.afterAYear);
    var notAName = set(rules.notAName);
    var units = rules.units;
    var measures = measuresData.measures;
    var reviewed = measures.filter(function (m) { return !m.draft; });
    var measureOf = {};
    measures.forEach(function (m) { measureOf[m.slug] = m; });
    var possessives = set(rules.possessives);
    var vocabulary = rules.vocabulary || measuresData.vocabulary;
    var terms = new Map(Object.entries(vocabulary.terms));
    var spellingOf = new Map(Object.entries(vocabulary.spellings));
    var vocabularyPattern = new RegExp(vocabulary.pattern.source, "gu" + vocabulary.pattern.flags);

    /* ---- Python's re, asked as Python asks it */
    var compiled = {};
    function regex(name, mode) {
      var key = name + " " + mode;
      if (!compiled[key]) {
        var p = rules.patterns[name];
        var source = mode === "full" ? "^(?:" + p.source + ")$" : mode === "to-end" ? "(?:" + p.source + ")$" : p.source;
        compiled[key] = new RegExp(source, (mode === "g" ? "g" : "y") + "u" + p.flags);
      }
      return compiled[key];
    }
    function search(name, text, pos, endpos) {  /* pattern.search(text, pos, endpos) */
      var re = regex(name, "g");
      re.lastIndex = pos || 0;
      return re.exec(endpos === undefined ? text : text.slice(0, endpos));
    }
    function match(name, text, pos, endpos) {  /* pattern.match(text, pos, endpos) */
      var re = regex(name, "y");
      re.lastIndex = pos || 0;
      return re.exec(endpos === undefined ? text : text.slice(0, endpos));
    }
    function fullmatch(name, text, pos, endpos) {
      var re = regex(name, pos ? "to-end" : "full");
      re.lastIndex = pos || 0;
      return re.exec(endpos === undefined ? text : text.slice(0, endpos));
    }
    function findAll(name, text, pos, endpos) {  /* pattern.finditer(text, pos, endpos) */
      var re = regex(name, "g"), found = [], m;
      var within = endpos === undefined ? text : text.slice(0, endpos);
      re.lastIndex = pos || 0;
      while ((m = re.exec(within)) !== null) {
        found.push(m);
        if (m[0] === "") { re.lastIndex += 1; }
      }
      return found;
    }
    function strip(text) { return text.replace(leading, "").replace(trailing, ""); }
    function stripChars(text, chars) {
      var start = 0, end = text.length;
      while (start < end && chars.indexOf(text[start]) >= 0) { start += 1; }
      while (end > start && chars.indexOf(text[end - 1]) >= 0) { end -= 1; }
      return text.slice(start, end);
    }
    function isDigit(ch) { return /^\p{Nd}$/u.test(ch || ""); }
    function isUpper(ch) { return /^\p{Lu}$/u.test(ch || ""); }
    function firstChar(text) { return text ? String.fromCodePoint(text.codePointAt(0)) : ""; }
    function count(text, needle, start, end) { return text.slice(start, end).split(needle).length - 1; }
    function digitsValue(text) {  /* int() of Unicode digits */
      var value = 0;
      for (var ch of text) {
        var code = ch.codePointAt(0);
        var zero = rules.reader.decimalZeros.filter(function (z) { return z <= code && code <= z + 9; })[0];
        value = value * 10 + (code - zero);
      }
      return value;
    }

    function normal(text) { return text.split(spaces).filter(Boolean).join(" "); }  /* " ".join(text.split()) */

    /* ---- the vocabulary's spellings in a text (reading.Vocabulary.found) */
    function vocabularyIn(text) {
      var found = [], m;
      vocabularyPattern.lastIndex = 0;
      while ((m = vocabularyPattern.exec(text)) !== null) {
        if (m[0] === "") { vocabularyPattern.lastIndex += 1; continue; }
        var written = m[0];
        var core = written.replace(regex("possessive", "g"), "");
        var entry = spellingOf.get(normal(core).toLowerCase().replace(/’/g, "'")) ||
          spellingOf.get(normal(written).toLowerCase().replace(/’/g, "'"));
        if (!entry) { continue; }
        if (entry[1] !== null && normal(core) !== entry[1] && normal(written) !== entry[1]) { continue; }
        found.push({ slug: entry[0], part: terms.get(entry[0]).part, start: m.index, end: m.index + written.length, words: written });
      }
      return found;
    }

    /* ---- matching.match_parts: the measure every part of a reading matches */
    var PARTS = ["subject", "property", "statistic", "whole", "constraint", "place", "period kind"];
    function partOf(reading, name) {
      var found = reading.stated.filter(function (s) { return s.part === name; })[0];
      return found ? found.value : null;
    }
    function matchParts(reading, among, converts) {
      var slugs = reading.places.map(function (p) { return p.value; });
      var full = [], agreeing = [];
      among.forEach(function (measure) {
        if (measure.parts.subject === null || !converts(measure.unit)) { return; }
        var wanted = Object.assign({}, measure.parts, { place: measure.place });  /* a slug: measures_data */
        var unstated = [], fits = true;
        for (var n = 0; n < PARTS.length && fits; n += 1) {
          var part = PARTS[n], value = wanted[part], written = partOf(reading, part);
          if (part === "place") {
            if (!reading.places.length) { unstated.push(part); } else if (slugs.indexOf(value) < 0) { fits = false; }
          } else if (part === "period kind") {
            if (written === null) { unstated.push(part); }
            else if (!(written === value || (value === "none" && written === "calendar-year"))) { fits = false; }
          } else if (written === null && value !== null) {
            unstated.push(part);
          } else if (written !== value) {
            fits = false;
          }
        }
        if (!fits) { return; }
        if (!unstated.length || (unstated.length === 1 && unstated[0] === "period kind")) { full.push(measure.slug); }
        agreeing.push([unstated.length, measure.slug]);
      });
      agreeing.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
      if (full.length === 1) { return { measure: full[0], candidates: full.slice() }; }
      if (full.length) { return { measure: null, candidates: full.slice().sort() }; }
      return { measure: null, candidates: agreeing.slice(0, 3).map(function (a) { return a[1]; }) };
    }

    /* ---- units */
    function spelled(spelling) { return rules.spellings[spelling.toLowerCase()] || []; }
    function factor(from, to) { return unitFactorOf(rules, from, to); }

    return {
      read: function (text) { return new Reading(text).readings; },
      measureOf: measureOf,
      matchParts: matchParts,
      reviewed: reviewed,
      label: function (value) { return terms.has(value) ? terms.get(value).label : value; }  /* a slug for people */
    };

    function Reading(text) {
      var self = this;
      var numbers = reader.mentions(text);
      var paragraphs = paragraphsOf(text);

      function numbersIn(span) {
        return numbers.filter(function (m) { return m.start >= span[0] && m.end <= span[1]; });
      }

      function wraps(line) {
        var rstripped = line.replace(trailing, "");
        var lines = rstripped.split(lineBreaks);
        var last = strip(line) ? lines[lines.length - 1] : "";
        if (!rules.linesWrap || !last || rules.lineStops.indexOf(last[last.length - 1]) >= 0) { return false; }
        var found = findAll("headlineWord", last).map(function (m) { return m[0]; })
          .filter(function (w) { return !stopWords.has(w.toLowerCase()); });
        var capitalised = found.filter(function (w) { return /[A-Z]/.test(w[0]); }).length;
        return !(found.length && capitalised >= 0.6 * found.length);
      }

      function paragraphsOf(text) {
        var runs = [];
        findAll("line", text).forEach(function (line) {
          if (!strip(line[0])) { return; }
          var last = runs[runs.length - 1];
          if (last && count(text, "\n", last[1], line.index) < 2 && wraps(text.slice(last[0], last[1]))) {
            last[1] = line.index + line[0].length;
          } else {
            runs.push([line.index, line.index + line[0].length]);
          }
        });
        return runs;
      }

      function sentences() {
        var spans = [];
        paragraphs.forEach(function (paragraph) {
          var start = paragraph[0];
          findAll("sentenceEnd", text, paragraph[0], paragraph[1]).forEach(function (stop) {
            var word = search("wordAtStop", text.slice(start, stop.index + 1));
            var before = word ? word[1] : "";
            if (abbreviations.has(before.replace(/\.+$/, "")) || fullmatch("initial", before)) { return; }
            spans.push([start, stop.index + stop[0].length]);
            start = stop.index + stop[0].length;
          });
          spans.push([start, paragraph[1]]);
        });
        return spans.filter(function (span) { return strip(text.slice(span[0], span[1])); }).map(function (span) {
          var chunk = text.slice(span[0], span[1]);
          var lead = chunk.length - chunk.replace(leading, "").length;
          return [span[0] + lead, span[0] + chunk.replace(trailing, "").length];
        });
      }

      function dateExpressions(span) {
        return findAll("date", text, span[0], span[1]).map(function (m) {
          var g = m.groups;
          var monthAs = g.month || g.month2;  /* every language's dates name a month: its name, or its number (11月) */
          var month = rules.months[monthAs] !== undefined ? rules.months[monthAs] : digitsValue(monthAs);
          var day = g.day || g.day2, year = g.year || g.year2 || g.year3, period = null;
          if (year && digitsValue(year) >= 1800 && digitsValue(year) <= 2199) {
            var written = digitsValue(year) + "-" + String(month).padStart(2, "0") +
              (day ? "-" + String(digitsValue(day)).padStart(2, "0") : "");
            if (realDate(written)) { period = written; }
          }
          return { start: m.index, end: m.index + m[0].length, period: period };
        });
      }

      function realDate(written) {
        var year = +written.slice(0, 4), month = +written.slice(5, 7), day = written.length > 7 ? +written.slice(8, 10) : 1;
        var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        return month >= 1 && month <= 12 && day >= 1 && day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      }

      function yearOf(m) {
        if (m.date) { return +m.date.slice(0, 4); }
        var plain = !(m.scale || m.percent || m.ordinal || m.currency || m.unit);
        if (plain && m.value.d === 1n && m.value.n >= 1800n && m.value.n <= 2199n && m.text.indexOf(",") < 0) {
          return Number(m.value.n);
        }
        return null;
      }

      function isYear(m) {
        if (yearOf(m) === null) { return false; }
        if (m.date || (fullmatch("fiscalYear", m.text) && !/^\p{Nd}+$/u.test(m.text))) { return true; }
        if (Array.from(m.text).length !== 4) { return false; }
        var after = text.slice(m.end, m.end + 20);
        if (search("spanOfYearsEnd", text.slice(Math.max(0, m.start - 5), m.start))) { return true; }
        var following = match("followingWord", after);
        var preceding = search("precedingWord", text.slice(Math.max(0, m.start - 20), m.start));
        if (preceding && beforeAYear.has(preceding[1].toLowerCase())) { return true; }
        return !following || afterAYear.has(following[1]);
      }

      function plainNumber(m) { return !(m.scale || m.percent || m.currency || m.unit); }

      function notAFigure(m, sentence) {  /* the drafter's ignore_reason, as a yes or no */
        var start = m.start, end = m.end;
        var before = text.slice(Math.max(sentence[0], start - 40), start);
        var after = text.slice(end, Math.min(sentence[1], end + 40));
        var wordsBefore = findAll("word", before).map(function (w) { return w[0]; });
        var time = search("time", text, Math.max(0, start - 3), Math.min(text.length, end + 10));
        if (time && time.index <= start && end <= time.index + time[0].length) { return true; }
        var phone = search("phone", text, Math.max(0, start - 12), Math.min(text.length, end + 12));
        if ((phone && phone.index <= start && end <= phone.index + phone[0].length) || search("phoneCue", before)) { return true; }
        if (m.text.toLowerCase() === "one" && match("oneOf", after)) { return true; }
        if (!m.scale && !m.percent && match("partiesAfter", after)) { return true; }
        var nextWord = match("nextWord", after);
        if (m.ordinal || match("ordinalAfter", text, end)) { return true; }
        var plain = plainNumber(m);
        if (search("fiscalBefore", before) && plain) { return true; }
        if (plain && match("agoAfter", after)) { return true; }
        var next = nextWord ? nextWord[1].toLowerCase() : "";
        if (rules.scaleOrdinals.some(function (ordinal) { return next.endsWith(ordinal); })) { return true; }
        if (plain && match("knownNames", text, start)) { return true; }
        var atSentenceStart = start === sentence[0] || !stripChars(text.slice(sentence[0], start), " “\"‘'(");
        if (plain && isUpper(firstChar(m.text)) && !atSentenceStart) { return true; }
        var lastWord = wordsBefore[wordsBefore.length - 1];
        return Boolean(plain && lastWord && (nameHeads.has(lastWord) || before.endsWith("-")) &&
          (before.endsWith(" ") || before.endsWith("-")) && isUpper(firstChar(lastWord)));
      }

      function definesAFigure(m) {
        var before = text.slice(Math.max(0, m.start - 25), m.start), after = text.slice(m.end, m.end + 20);
        if (!plainNumber(m)) { return false; }
        return Boolean(match("spanAfter", after) && (search("definingBefore", before) || after.startsWith("-")));
      }

      function writtenUnit(m) {  /* the drafter's unit(), for a number the registry has no unit for */
        if (m.percent) { return "%"; }
        if (m.currency && rules.currencies[m.currency]) { return rules.currencies[m.currency][0]; }
        if (m.unit) { return m.unit; }
        var after = text.slice(m.end, m.end + 80);
        var cut = search("unitWordsEnd", after);
        var found = [];
        var pieces = findAll("unitWord", cut ? after.slice(0, cut.index) : after);
        for (var i = 0; i < pieces.length; i += 1) {
          var word = stripChars(pieces[i][0], "-’'");
          if (word.split(".").length - 1 <= 1) { word = word.replace(/\.+$/, ""); }
          var lower = word.toLowerCase();
          if (!word || isDigit(firstChar(word))) { break; }
          if (found.length === 1 && found[0] === "of" && possessives.has(lower)) { continue; }
          if (found.length && (stopWords.has(lower) || verbs.has(lower) || word.endsWith("ing"))) { break; }
          if (!found.length && stopWords.has(lower) && lower !== "of") { break; }
          found.push(word);
          if (found.length === 3) { break; }
        }
        if (found.length && found[0].toLowerCase() === "of") { found = found.slice(0, 2); }
        var unit = found.join(" ");
        return unit && unit.toLowerCase() !== "of" && Array.from(unit).length <= 40 ? unit : "units";
      }

      function writtenNextTo(m) {  /* units.UnitRegistry.written_next_to: the slugs it spells */
        if (m.percent) {
          var spelling = search("percentSpelling", m.text);
          var written = spelling ? spelling[0] : "%";
          var slugs = spelled(written);
          return slugs.length ? slugs : units[rules.percent] ? [rules.percent] : [];
        }
        if (m.currency) { return spelled(m.currency); }
        if (m.unit) { return spelled(m.unit); }
        var reach = m.end + 80;
        var end = search("clauseEnd", text, m.end, reach);
        var segmentEnd = end ? end.index : Math.min(reach, text.length);
        var starts = findAll("wordStarts", text, m.end, segmentEnd);
        for (var n = 0; n < starts.length; n += 1) {
          if (n === rules.unitWordsReach || isDigit(firstChar(text.slice(starts[n].index)))) { break; }
          var found = match("unitSpelling", text, starts[n].index, segmentEnd);
          if (found) { return spelled(found[0]); }
        }
        return null;
      }

      /* ---- the clause reader (reading.TextReader): the parts each figure's words state */
      var vocabularyFound = vocabularyIn(text);
      var allSentences = sentences();
      var headlineSpan = [0, 0];
      findAll("line", text).some(function (line) {  /* a first line that ends as a sentence ends is no headline */
        if (!strip(line[0])) { return false; }
        if (!search("sentenceStopAtEnd", line[0]) || match("blankLine", text, line.index + line[0].length)) {
          headlineSpan = [line.index, line.index + line[0].length];
        }
        return true;
      });
      var defaultPlace = mostNamedPlace();
      var partsOf = new Map();  /* a figure's start -> its reading */
      var PART_ORDER = { "subject": 0, "property": 1, "statistic": 2, "whole": 3, "constraint": 4, "place": 5, "period kind": 6 };

      function stated(part, value, words, start, end, how) {
        return { part: part, value: value, words: words, start: start, end: end, how: how || "" };
      }
      function withHow(item, how) { return Object.assign({}, item, { how: how }); }
      function foundIn(start, end, part) {
        return vocabularyFound.filter(function (f) {
          return start <= f.start && f.end <= end && (part === undefined || f.part === part);
        });
      }
      function distinct(found) { return new Set(found.map(function (f) { return f.slug; })).size; }

      function mostNamedPlace() {  /* drafting._most_named_place */
        var counts = new Map();
        vocabularyFound.forEach(function (f) { if (f.part === "place") { counts.set(f.slug, (counts.get(f.slug) || 0) + 1); } });
        var ranked = Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1]; });  /* stable, as most_common */
        if (!ranked.length || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) { return null; }
        return ranked[0][0];
      }

      function clauseOf(sentence, figure, previous) {
        var start = sentence[0];
        findAll("clauseBreak", text, sentence[0], figure.start).forEach(function (m) { start = m.index + m[0].length; });
        if (previous && previous.end > start) { start = previous.end; }
        var endAt = search("clauseEndParts", text, figure.end, sentence[1]);
        return [start, endAt ? endAt.index : sentence[1]];
      }

      function ordinal(n) {
        var suffix = n % 100 >= 10 && n % 100 <= 20 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[n % 10] || "th";
        return n + suffix;
      }

      function fiscal(written) {  /* reading._fiscal: true, false, or null for no pair of years */
        var pair = search("fiscalPair", written);
        if (!pair) { return null; }
        return (digitsValue(pair[1]) + 1) % 100 === digitsValue(pair[2]);
      }

      function choose(found, figure) {
        var narrowed = new Set();
        found.forEach(function (f) { terms.get(f.slug).narrows.forEach(function (n) { narrowed.add(n); }); });
        var kept = found.filter(function (f) { return !narrowed.has(f.slug); });
        var before = kept.filter(function (f) { return f.end <= figure.start; });
        if (distinct(kept) === 1) { return before.length ? before[before.length - 1] : kept[0]; }
        if (before.length && distinct(before) === 1) { return before[before.length - 1]; }
        return null;
      }

      function respectively(sentence, figures, index) {
        if (!search("respectively", text, sentence[0], sentence[1])) { return []; }
        var run = [index];
        while (run[0] > 0 && fullmatch("listGap", text, figures[run[0] - 1].end, figures[run[0]].start)) { run.unshift(run[0] - 1); }
        while (run[run.length - 1] + 1 < figures.length &&
          fullmatch("listGap", text, figures[run[run.length - 1]].end, figures[run[run.length - 1] + 1].start)) {
          run.push(run[run.length - 1] + 1);
        }
        if (run.length < 2) { return []; }
        var lists = [];
        foundIn(sentence[0], figures[run[0]].start).forEach(function (f) {
          if (["subject", "property", "constraint"].indexOf(f.part) < 0) { return; }
          var current = lists[lists.length - 1], last = current ? current[current.length - 1] : null;
          if (last && last.part === f.part && fullmatch("itemGap", text, last.end, f.start)) { current.push(f); } else { lists.push([f]); }
        });
        var fitting = lists.filter(function (items) { return items.length === run.length && distinct(items) === run.length; });
        if (!fitting.length) { return []; }
        var items = fitting[fitting.length - 1], at = run.indexOf(index), item = items[at];
        var listed = normal(text.slice(items[0].start, items[items.length - 1].end));
        return [stated(item.part, item.slug, item.words, item.start, item.end, ordinal(at + 1) + " of “" + listed + "” … respectively")];
      }

      function wholeOf(figure, clause) {
        var none = { found: null, span: [0, 0], places: [] };
        if (figure.unitKind !== "percent" && figure.unitKind !== "share") { return none; }
        var lead = match("wholeBefore", text.slice(figure.end, clause[1]));
        if (!lead) { return wholeWrittenBefore(figure, clause); }
        var at = figure.end + lead[0].length, places = [];
        var found = foundIn(at, clause[1]);
        for (var n = 0; n < found.length; n += 1) {
          var f = found[n];
          if (f.start !== at) { break; }
          if (f.part === "place") {
            places.push(f);
            var rest = text.slice(f.end);
            at = f.end + (rest.length - rest.replace(leading, "").length);
            continue;
          }
          if (f.part === "subject") { return { found: f, span: [figure.end, f.end], places: places }; }
          break;
        }
        return wholeWrittenBefore(figure, clause);
      }

      function wholeWrittenBefore(figure, clause) {  /* "占GDP的比重为2.65%", "جی ڈی پی کے 2.65 فیصد" */
        var none = { found: null, span: [0, 0], places: [] };
        var written = foundIn(clause[0], figure.start);
        var subjects = written.filter(function (f) { return f.part === "subject" && fullmatch("wholeGap", text, f.end, figure.start); });
        if (!subjects.length) { return none; }
        var whole = subjects[subjects.length - 1], at = whole.start, places = [];
        var before = written.filter(function (f) { return f.part === "place" && f.end <= whole.start; }).reverse();
        for (var n = 0; n < before.length; n += 1) {
          if (strip(text.slice(before[n].end, at))) { break; }
          places.unshift(before[n]);
          at = before[n].start;
        }
        return { found: whole, span: [at, figure.start], places: places };
      }

      function attached(figures, index, clause) {
        if (index + 1 >= figures.length || figures[index + 1].start >= clause[1]) { return []; }
        var following = figures[index + 1];
        return foundIn(figures[index].end, following.start).filter(function (f) {
          return (f.part === "property" || f.part === "statistic") && fullmatch("attached", text, f.end, following.start);
        });
      }

      function implied(parts) {
        Array.from(parts.values()).forEach(function (item) {
          if (!terms.has(item.value) || ["subject", "property", "constraint"].indexOf(item.part) < 0) { return; }
          Object.entries(terms.get(item.value).implies).forEach(function (pair) {
            if (pair[0] === item.part) {
              parts.set(pair[0], stated(pair[0], pair[1], item.words, item.start, item.end, item.how));
            } else if (!parts.has(pair[0])) {
              parts.set(pair[0], stated(pair[0], pair[1], item.words, item.start, item.end, "implied by “" + item.words + "”"));
            }
          });
        });
      }

      function only(span, part) {
        var found = foundIn(span[0], span[1], part);
        if (distinct(found) !== 1) { return null; }
        var last = found[found.length - 1];
        return stated(part, last.slug, last.words, last.start, last.end);
      }

      function placesIn(span, wholePlaces, figure) {
        var company = null;
        findAll("companyNamed", text, span[0], figure ? figure.start : span[1]).forEach(function (m) {
          var g = m.groups;
          var name = g.after || g.before || g.actor || g.unnamed;  /* a language names companies in some of these ways */
          if (!name || notAName.has(name.split(spaces).filter(Boolean)[0]) || foundIn(m.index, m.index + m[0].length, "place").length) { return; }
          var own = vocabularyIn(name);
          if (own.length && own[0].start === 0 && own[own.length - 1].end === name.length) { return; }
          company = stated("place", "company", name, m.index, m.index + m[0].length);
        });
        if (company) { return [company]; }
        var places = [];
        foundIn(span[0], span[1], "place").concat(wholePlaces).forEach(function (f) {
          if (search("partnerBefore", text, Math.max(0, f.start - 30), f.start) || match("partnerAfter", text, f.end)) { return; }
          places.push(stated("place", f.slug, f.words, f.start, f.end));
        });
        return places;
      }

      function fill(sentence, clause, previous, parts, fillSubject, continues, withinSentence) {
        var before = previous && partsOf.has(previous.start) ? partsOf.get(previous.start) : null;
        if (continues && !parts.has("property") && before) {
          var property = before.stated.filter(function (s) { return s.part === "property"; })[0];
          if (property) { parts.set("property", withHow(property, "from the number before it")); }
        }
        var sources = [];
        if (before) { sources.push(["from the number before it", before]); }
        sources.push(["from the sentence", [sentence[0], clause[0]]]);
        sources.push(["from the sentence", [clause[1], sentence[1]]]);
        var paragraph = paragraphs.filter(function (p) { return p[0] <= sentence[0] && sentence[0] < p[1]; })[0] || [sentence[0], sentence[0]];
        allSentences.filter(function (x) { return paragraph[0] <= x[0] && x[1] <= sentence[0]; }).reverse().forEach(function (x) {
          sources.push(["from the sentence before", x]);
        });
        if (headlineSpan[1] <= paragraph[0]) { sources.push(["from the headline", headlineSpan]); }
        var needsSubject = fillSubject && !parts.has("subject");
        var needsProperty = needsSubject && !parts.has("property");
        var places = [];
        for (var n = 0; n < sources.length; n += 1) {
          var how = sources[n][0], source = sources[n][1], subject, prop, whole, constraint, found;
          if (!Array.isArray(source)) {
            var of = function (name) { return source.stated.filter(function (s) { return s.part === name; })[0] || null; };
            subject = of("subject");
            prop = of("property");
            whole = of("whole");
            constraint = of("constraint");
            found = source.places.slice();
          } else {
            subject = only(source, "subject");
            prop = only(source, "property");
            whole = null;
            constraint = only(source, "constraint");
            found = placesIn(source, [], null);
          }
          var beyond = how === "from the sentence before" || how === "from the headline";
          if (needsSubject && subject && !(withinSentence && beyond)) {
            parts.set("subject", withHow(subject, how));
            if (needsProperty && prop) { parts.set("property", withHow(prop, how)); }
            if (needsProperty && whole && !parts.has("whole")) { parts.set("whole", withHow(whole, how)); }
            if (constraint && !parts.has("constraint")) { parts.set("constraint", withHow(constraint, how)); }
            needsSubject = needsProperty = false;
          }
          if (!places.length && found.length) { places = found.map(function (p) { return withHow(p, how); }); }
          if (!needsSubject && places.length) { break; }
        }
        if (!places.length && defaultPlace !== null) {
          places = [stated("place", defaultPlace, "", -1, -1, "the place the text names most")];
        }
        return places;
      }

      function statistic(figure, clause, words, hasWhole, parts) {
        var before = text.slice(clause[0], figure.start), after = text.slice(figure.end, clause[1]);
        function at(m, offset, value) {
          return stated("statistic", value, strip(m[0]), offset + m.index, offset + m.index + m[0].length);
        }
        if (figure.unitKind === "percentage-points") {
          return stated("statistic", "change-in-points", text.slice(figure.start, figure.end), figure.start, figure.end);
        }
        var ratio = match("ratioAfter", after);
        if (ratio) { return at(ratio, figure.end, "ratio"); }
        var cues = {};
        words.forEach(function (f) { if (f.part === "statistic") { cues[f.slug] = f; } });
        if (cues["average-annual-change"]) {
          var average = cues["average-annual-change"];
          return stated("statistic", "average-annual-change", average.words, average.start, average.end);
        }
        if (figure.unitKind === "percent" || figure.unitKind === "share") {
          var month = search("monthOnMonth", text, clause[0], clause[1]);
          if (month) { return stated("statistic", "month-on-month-change", month[0], month.index, month.index + month[0].length); }
          if (cues.share) { return stated("statistic", "share", cues.share.words, cues.share.start, cues.share.end); }
          var verb = findAll("changeVerb", before), noun = findAll("changeNoun", before);
          if (noun.length) { return at(noun[noun.length - 1], clause[0], "change"); }
          if (verb.length && !search("levelAfterChange", before)) { return at(verb[verb.length - 1], clause[0], "change"); }
          var changed = match("changeAfter", after);
          if (changed) { return at(changed, figure.end, "change"); }
          if (hasWhole) { return stated("statistic", "share", "", -1, -1); }
          if (parts.has("statistic")) { return parts.get("statistic"); }
          return stated("statistic", "level", "", -1, -1);
        }
        var amount = search("amountChangeBefore", before);
        if (amount) { return at(amount, clause[0], "change-amount"); }
        amount = match("amountChangeAfter", after);
        if (amount) { return at(amount, figure.end, "change-amount"); }
        return stated("statistic", "level", "", -1, -1);
      }

      function periodKind(sentence, clause, period) {
        var spans = [clause, [sentence[0], clause[0]]];  /* the clause's own words first */
        for (var k = 0; k < spans.length; k += 1) {
          for (var n = 0; n < rules.periodKinds.length; n += 1) {
            var kind = rules.periodKinds[n];
            var found = search("periodKind-" + kind, text, spans[k][0], spans[k][1]);
            if (!found) { continue; }
            if (kind === "fiscal-year" && fiscal(found[0]) === false) { continue; }
            if (kind === "span-of-years" && fiscal(found[0]) === true) { continue; }
            return stated("period kind", kind, found[0], found.index, found.index + found[0].length);
          }
        }
        if (period !== null && period.length !== 10) {
          return stated("period kind", period.length === 4 ? "calendar-year" : "month", period, -1, -1, "the sentence's date");
        }
        return null;
      }

      function readParts(sentence, figures, index, period) {  /* reading.TextReader.read */
        var figure = figures[index], previous = index ? figures[index - 1] : null;
        var clause = clauseOf(sentence, figure, previous);
        var parts = new Map();
        respectively(sentence, figures, index).forEach(function (item) { parts.set(item.part, item); });
        var whole = wholeOf(figure, clause);
        var stuck = attached(figures, index, clause);
        var words = foundIn(clause[0], clause[1]).filter(function (f) {
          return !(whole.span[0] <= f.start && f.start < whole.span[1]) && stuck.indexOf(f) < 0;
        });
        /* what a number counts is written near it: not after the next figure, nor just after the one before */
        var following = index + 1 < figures.length ? figures[index + 1].start : clause[1];
        var nouns = words.filter(function (f) {
          return f.start < following && !(previous !== null && fullmatch("ownNoun", text, previous.end, f.start));
        });
        ["subject", "property", "constraint"].forEach(function (part) {
          if (parts.has(part)) { return; }
          var chosen = choose((part === "property" ? words : nouns).filter(function (f) { return f.part === part; }), figure);
          if (!chosen) { return; }
          if (part === "constraint" && chosen.slug === "target" && chosen.start >= figure.end &&
            search("targetMet", text, clause[0], chosen.start)) { return; }
          parts.set(part, stated(part, chosen.slug, chosen.words, chosen.start, chosen.end));
        });
        if (!parts.has("constraint")) {
          var byYear = search("byYear", text, clause[0], clause[1]);
          if (byYear) { parts.set("constraint", stated("constraint", "target", byYear[0], byYear.index, byYear.index + byYear[0].length)); }
        }
        if (whole.found) {  /* the whole is the subject only when nothing else names one ("60% of our population") */
          var w = whole.found;
          var before = previous !== null && partsOf.has(previous.start) ? partsOf.get(previous.start) : null;
          var named = parts.has("subject") || (before !== null && partOf(before, "subject") !== null);
          parts.set(named ? "whole" : "subject", stated(named ? "whole" : "subject", w.slug, w.words, w.start, w.end));
        }
        implied(parts);
        var writtenSubjects = nouns.some(function (f) { return f.part === "subject"; });
        var continues = previous !== null && Boolean(fullmatch("listGlue", text, clause[0], figure.start));
        /* a property written elsewhere in the sentence, the clause writing none: no subject from beyond it */
        var unsure = !parts.has("property") && !words.some(function (f) { return f.part === "property"; }) &&
          foundIn(sentence[0], sentence[1], "property").some(function (f) { return !(clause[0] <= f.start && f.start < clause[1]); });
        var filled = fill(sentence, clause, previous, parts, !writtenSubjects, continues, unsure);
        if (parts.has("whole") && parts.has("subject") && parts.get("whole").value === parts.get("subject").value) {
          parts.delete("whole");  /* a share of the subject itself */
        }
        parts.set("statistic", statistic(figure, clause, words, whole.found !== null, parts));
        implied(parts);
        var places = placesIn(clause, whole.places, figure);
        if (!places.length) { places = filled; }
        if (places.length) { parts.set("place", places[0]); }
        var kind = periodKind(sentence, clause, period);
        if (kind) { parts.set("period kind", kind); }
        var reading = {
          stated: Array.from(parts.values()).sort(function (a, b) { return PART_ORDER[a.part] - PART_ORDER[b.part]; }),
          places: places
        };
        partsOf.set(figure.start, reading);
        return reading;
      }

      /* ---- proposals.Proposer: the unit written with a number */
      function writtenWith(m, following) {
        var written = writtenNextTo(m);
        if (written === null && following && fullmatch("listToNext", text, m.end, following.start)) { return writtenNextTo(following); }
        return written;
      }
      function followingIn(sentence, m) {
        return numbersIn(sentence).filter(function (o) { return o.start >= m.end; })[0] || null;
      }
      function unitKind(m, following) {
        var slugs = writtenWith(m, following);
        return slugs && slugs.length ? units[slugs[0]].kind : null;
      }

      function unitOf(sentence, m, reading) {  /* proposals.Proposer.unit: the slug of the unit written */
        var slugs = writtenWith(m, followingIn(sentence, m));
        if (!slugs || !slugs.length) { return null; }
        if (slugs.length > 1) {  /* "units": vehicles or sets, as the measure its parts match */
          var fitting = matchParts(reading, measures, function () { return true; }).candidates.filter(function (c) {
            return slugs.indexOf(measureOf[c].unit) >= 0;
          });
          if (fitting.length) { return measureOf[fitting[0]].unit; }
        }
        return slugs[0];
      }

      var readings = [];
      var figures = new Map();  /* a number's offset -> what it is */
      sentences().forEach(function (sentence) {
        var mentions = numbersIn(sentence);
        if (!mentions.length) { return; }
        var dates = dateExpressions(sentence);
        var dateOf = new Map();
        mentions.forEach(function (m) {
          dates.forEach(function (d) { if (d.start <= m.start && m.end <= d.end) { dateOf.set(m.start, d); } });
        });
        var years = new Set(), datings = [];
        mentions.forEach(function (m) {
          var date = dateOf.get(m.start);
          if (date === undefined && isYear(m)) {
            years.add(m);
            if (!search("comparedBefore", text, Math.max(sentence[0], m.start - 20), m.start) && !match("comparedAfter", text, m.end)) {
              datings.push(m.date ? m.date : String(yearOf(m)));
            }
          } else if (date !== undefined && date.period && m.value.d === 1n && m.value.n === BigInt(+date.period.slice(0, 4))) {
            years.add(m);
            datings.push(date.period);
          }
        });
        var distinct = new Set(datings.map(function (p) { return p.slice(0, 4); }));
        var period = null;
        if (distinct.size === 1) {
          datings.forEach(function (p) { if (period === null || p.length > period.length) { period = p; } });
        }
        var found = [], defining = [];
        mentions.forEach(function (m) {
          if (years.has(m) || dateOf.has(m.start)) { return; }
          if (notAFigure(m, sentence)) { return; }
          (definesAFigure(m) ? defining : found).push(m);
        });
        if (!found.length && defining.length) { found = defining; }
        var shown = found.map(function (m) { return { start: m.start, end: m.end, unitKind: unitKind(m, followingIn(sentence, m)) }; });
        var read = shown.map(function (figure, n) { return readParts(sentence, shown, n, period); });
        found.forEach(function (m, n) {
          figures.set(m.start, { unit: unitOf(sentence, m, read[n]) || writtenUnit(m), period: period, reading: read[n] });
        });
      });

      var points = window.NqpfNumberReader.codePointMap(text);
      numbers.forEach(function (m) {
        var figure = figures.get(m.start);
        var reading = {
          text: m.text, start: points[m.start], end: points[m.end], value: null, scale: null, unit: null,
          qualifier: null, period: null, measure: null, verdict: "not-a-figure", facts: [], periods: [], parts: [], candidates: [],
          exact: m.value, scaleSize: m.scale_size || null, from: m.start, to: m.end  /* UTF-16 offsets, for the page to slice by */
        };
        if (figure) {
          var unit = figure.unit;
          var matched = matchParts(figure.reading, reviewed, function (to) { return factor(unit, to) !== null; });
          var measure = matched.measure !== null ? measureOf[matched.measure] : null;
          Object.assign(reading, {
            value: formatNumber(m.value), scale: m.scale, unit: figure.unit, qualifier: m.hedge,
            period: figure.period, verdict: "unknown",
            parts: figure.reading.stated.map(function (p) {
              return { part: p.part, value: p.value, words: p.words, start: p.start < 0 ? -1 : points[p.start], how: p.how };
            }),
            candidates: matched.measure === null ? matched.candidates.slice() : []
          });
          if (measure) {
            reading.measure = measure.slug;
            if (figure.period === null || measure.periods.indexOf(figure.period) < 0) {
              reading.verdict = "no-figure-for-period";
              reading.periods = measure.periods.slice();
            } else {
              reading.verdict = null;  /* compared once its facts are loaded */
              reading.part = "facts/" + measure.slug + "/" + figure.period;
            }
          }
        }
        readings.push(reading);
      });
      self.readings = readings;
    }
  }

  /* ---- the comparison (comparison.py): the range a figure admits, and whether two meet */
  function halfStep(written, decimals) {
    var numeral = decimals.exec(written);
    if (!numeral || written.indexOf("/") >= 0) { return ZERO; }
    return { n: 1n, d: 2n * 10n ** BigInt(numeral[1] ? Array.from(numeral[1]).length : 0) };
  }

  function admitted(reading, unitFactor, rules, decimals) {
    var size = reading.scaleSize || (reading.scale ? rules.reader.scales[reading.scale] : "1");  /* 万, لاکھ: another language's */
    var scale = times(parse(size), unitFactor);
    var value = times(reading.exact, scale), step = times(halfStep(reading.text, decimals), scale);
    var low = minus(value, step), high = plus(value, step);
    switch (reading.qualifier) {
      case "more than": return { low: value, high: null, lowOpen: true, highOpen: false };
      case "at least": return { low: value, high: null, lowOpen: false, highOpen: false };
      case "less than": return { low: null, high: value, lowOpen: false, highOpen: true };
      case "up to": return { low: null, high: value, lowOpen: false, highOpen: false };
      case "nearly": return { low: minus(value, times(absolute(value), parse(rules.nearly))), high: value, lowOpen: false, highOpen: true };
      case "about": {
        var margin = times(absolute(value), parse(rules.about));
        return { low: minus(low, margin), high: plus(high, margin), lowOpen: false, highOpen: false };
      }
      default: return { low: low, high: high, lowOpen: false, highOpen: step.n > 0n };
    }
  }

  function below(low, lowOpen, high, highOpen) {
    if (low === null || high === null) { return true; }
    var c = compare(low, high);
    return c < 0 || (c === 0 && !(lowOpen || highOpen));
  }

  function meets(a, b) {
    return below(a.low, a.lowOpen, b.high, b.highOpen) && below(b.low, b.lowOpen, a.high, a.highOpen);
  }

  function rowRange(row) {
    return { low: parse(row.low), high: parse(row.high), lowOpen: row.lowOpen, highOpen: row.highOpen };
  }

  /* The checker for one fact base: read(text) reads, needs(readings) names the files of facts
   * to load, and verdicts(readings, parts) compares. */
  function checker(allRules, measuresData, language) {
    var rules = rulesOf(allRules, language);
    var engine = create(rules, measuresData);
    var measureOf = engine.measureOf;
    var decimals = new RegExp(rules.patterns.decimals.source, "u" + rules.patterns.decimals.flags);
    return {
      read: engine.read,
      needs: function (readings) {
        var names = [];
        readings.forEach(function (r) { if (r.part && names.indexOf(r.part) < 0) { names.push(r.part); } });
        return names;
      },
      verdicts: function (readings, parts) {
        return readings.map(function (reading) {
          var out = Object.assign({}, reading);
          if (reading.part) {
            var rows = parts[reading.part];
            var measure = measureOf[reading.measure];
            var unitFactor = unitFactorOf(rules, reading.unit, measure.unit) || ONE;
            var range = admitted(reading, unitFactor, rules, decimals);
            var agreeing = rows.filter(function (row) { return meets(rowRange(row), range); });
            out.verdict = agreeing.length ? "agrees" : "disagrees";
            out.rows = agreeing.length ? agreeing : rows;
            out.facts = out.rows.map(function (row) { return row.id; });
          }
          delete out.part;
          delete out.exact;
          delete out.scaleSize;
          return out;
        });
      },
      measure: function (slug) { return measureOf[slug]; },
      label: engine.label
    };
  }

  function unitFactorOf(rules, from, to) {
    if (from === to) { return ONE; }
    var source = rules.units[from], target = rules.units[to];
    if (!source || !target) { return null; }
    if (source.kind === "physical" && target.kind === "physical" && source.dimension === target.dimension) {
      var s = parse(source.factor), t = parse(target.factor);
      return s && t ? times(s, { n: t.d, d: t.n }) : null;
    }
    var shares = { share: ONE, percent: { n: 1n, d: 100n } };
    if (shares[source.kind] && shares[target.kind]) {
      var b = shares[target.kind];
      return times(shares[source.kind], { n: b.d, d: b.n });
    }
    return null;
  }

  /* reading_languages.text_language: the language whose letters the text writes most ("en" on a
   * tie), among those the rules read */
  function languageOf(rules, text) {
    var counts = {}, best = 0;
    Object.keys(rules.scripts).forEach(function (code) {
      var p = rules.scripts[code];
      counts[code] = (text.match(new RegExp(p.source, "gu" + p.flags)) || []).length;
      best = Math.max(best, counts[code]);
    });
    var found = counts.en === best ? "en" : Object.keys(counts).filter(function (code) { return counts[code] === best; })[0];
    return found === "en" || rules.languages[found] ? found : "en";
  }

  window.NqpfTextChecker = { create: checker, languageOf: languageOf, formatNumber: formatNumber };
})();
