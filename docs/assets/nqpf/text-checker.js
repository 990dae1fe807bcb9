/* The text checker in the browser: the same reading as hooks/nqpf/checking.py (the drafter's
 * sentences, years, ignore rules, units and measure matcher, then the sources' comparison), from
 * the rules the build writes (assets/nqpf/check/rules.js, from hooks/nqpf/check_page.py). The
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

  function create(rules, measuresData, lunr) {
    var reader = window.NqpfNumberReader.create(rules.reader);
    var WS = rules.reader.whiteSpace;
    var spaces = new RegExp("[" + WS + "]+", "u");
    var leading = new RegExp("^[" + WS + "]+", "u");
    var trailing = new RegExp("[" + WS + "]+$", "u");
    var lineBreaks = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;  /* str.splitlines */
    var trimmer = /^[^\p{L}\p{N}_]*?([\p{L}\p{N}_]+)[^\p{L}\p{N}_]*?$/u;  /* lunr.py's trimmer */
    var set = function (list) { return new Set(list); };
    var abbreviations = set(rules.abbreviations), stopWords = set(rules.stopWords), verbs = set(rules.verbs);
    var nameHeads = set(rules.nameHeads), beforeAYear = set(rules.beforeAYear), afterAYear = set(rules.afterAYear);
    var units = rules.units;
    var measures = measuresData.measures;
    var measureOf = {};
    measures.forEach(function (m) { measureOf[m.slug] = m; });
    var possessives = set(rules.possessives);
    var idf = new Map(Object.entries(measuresData.idf));

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

    /* ---- lunr's pipeline, as search.term_counts runs it */
    var terms = new Map();
    function termOf(word) {
      if (terms.has(word)) { return terms.get(word); }
      var term;
      if (/[0-9]/.test(word[0]) && /[0-9]/.test(word[word.length - 1])) {
        term = word;
      } else {
        var trimmed = trimmer.exec(word);
        var token = lunr.stopWordFilter(new lunr.Token(trimmed ? trimmed[1] : word, {}));
        term = token ? lunr.stemmer(token).toString() : null;
      }
      terms.set(word, term);
      return term;
    }
    function termCounts(text) {
      var counts = new Map();
      text.toLowerCase().replace(/-/g, " ").split(spaces).forEach(function (word) {
        if (!word) { return; }
        var term = termOf(word);
        if (term) { counts.set(term, (counts.get(term) || 0) + 1); }
      });
      return counts;
    }
    function words(text) { return termCounts(text.replace(/’/g, "'")); }

    /* ---- units */
    function spelled(spelling) { return rules.spellings[spelling.toLowerCase()] || []; }
    function factor(from, to) { return unitFactorOf(rules, from, to); }

    return { read: function (text) { return new Reading(text).readings; }, measureOf: measureOf };

    function Reading(text) {
      var self = this;
      var numbers = reader.mentions(text);
      var paragraphs = paragraphsOf(text);
      var headline = "";
      text.split(lineBreaks).some(function (line) { headline = strip(line); return headline !== ""; });
      var proposed = new Map();  /* a number's offset -> its measure ("(new)": one the base lacks) */

      function numbersIn(span) {
        return numbers.filter(function (m) { return m.start >= span[0] && m.end <= span[1]; });
      }

      function wraps(line) {
        var rstripped = line.replace(trailing, "");
        var lines = rstripped.split(lineBreaks);
        var last = strip(line) ? lines[lines.length - 1] : "";
        if (!last || '.!?:;…"”’)]'.indexOf(last[last.length - 1]) >= 0) { return false; }
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
          var month = rules.months[g.month || g.month2];
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
        if (m.ordinal) { return true; }
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

      function clause(sentence, m) {
        var before = text.slice(sentence[0], m.start), after = text.slice(m.end, sentence[1]);
        var start = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(" while ")) + 1;
        var ends = [after.indexOf(","), after.indexOf(";")].filter(function (i) { return i >= 0; });
        return before.slice(start) + m.text + after.slice(0, ends.length ? Math.min.apply(null, ends) : after.length);
      }

      function about(sentence, m) {
        var kept = [], at = sentence[0];
        numbersIn(sentence).forEach(function (other) {
          if (other.start === m.start || other.start < at) { return; }
          var after = text.slice(other.end, sentence[1]);
          var ends = [after.indexOf(","), after.indexOf(";"), after.indexOf(" with ")].filter(function (i) { return i >= 0; });
          kept.push(text.slice(at, other.start));
          at = other.end + (ends.length ? Math.min.apply(null, ends) : after.length);
        });
        kept.push(text.slice(at, sentence[1]));
        return kept.join(" ");
      }

      function paragraphOf(sentence) {
        var found = paragraphs.filter(function (p) { return p[0] <= sentence[0] && sentence[0] < p[1]; })[0];
        return found ? text.slice(found[0], found[1]) : "";
      }

      function unitLength(counts) {
        var vector = new Map(), sum = 0;
        counts.forEach(function (n, term) { var w = n * (idf.get(term) || 0); vector.set(term, w); sum += w * w; });
        var length = Math.sqrt(sum) || 1;
        var out = new Map();
        vector.forEach(function (w, term) { if (w) { out.set(term, w / length); } });
        return out;
      }

      function ranked(unit, described) {  /* matching.MeasureMatcher.ranked */
        var query = new Map();
        [[described.clause, 3], [described.sentence, 1]].forEach(function (pair) {
          words(pair[0]).forEach(function (n, term) { query.set(term, (query.get(term) || 0) + pair[1] * n); });
        });
        words(described.context).forEach(function (n, term) { query.set(term, (query.get(term) || 0) + 0.3); });
        var vector = unitLength(query);
        var change = Boolean(search("changeWords", described.clause));
        var lowered = described.sentence.toLowerCase();
        var named = Object.keys(rules.places).filter(function (place) {
          return rules.places[place].some(function (w) { return lowered.indexOf(w) >= 0; });
        });
        var found = [];
        measures.forEach(function (measure) {
          if (unit !== null && factor(unit, measure.unit) === null) { return; }
          var score = 0;
          measure.vector.forEach(function (pair) { score += pair[1] * (vector.get(pair[0]) || 0); });
          var kind = units[measure.unit] ? units[measure.unit].kind : null;
          if (kind === "percent" && change !== Boolean(search("changeMeasure", measure.label))) { score *= 0.3; }
          if (described.target !== Boolean(search("targetMeasure", measure.label))) { score *= 0.5; }
          var place = measure.place.toLowerCase();
          if (named.length && !named.some(function (p) { return place.indexOf(p) >= 0; })) { score *= 0.6; }
          found.push({ slug: measure.slug, score: score });
        });
        return found.sort(function (a, b) { return b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0); });
      }

      function propose(sentence, m, kind) {  /* proposals.Proposer.propose: the unit and measure */
        var described = {
          clause: clause(sentence, m), sentence: about(sentence, m),
          context: paragraphOf(sentence) + " " + headline, target: kind === "target"
        };
        var before = numbersIn(sentence).filter(function (o) { return o.end <= m.start; });
        var previous = before[before.length - 1];
        var converts = previous && fullmatch("conversion", text, previous.end, m.start) ? proposed.get(previous.start) : undefined;
        var slugs = writtenNextTo(m);
        if (!slugs || !slugs.length) { return null; }
        var unit = slugs[0];
        if (slugs.length > 1) {
          var best = ranked(null, described).filter(function (r) { return slugs.indexOf(measureOf[r.slug].unit) >= 0; });
          unit = best.length && best[0].score > 0 ? measureOf[best[0].slug].unit : slugs[0];
        }
        var measure = "(new)";
        var convertedLabel = converts && measureOf[converts] ? measureOf[converts].label + " in " + units[unit].label : null;
        var same = convertedLabel ? measures.filter(function (x) { return x.label === convertedLabel; }) : [];
        if (same.length) {
          measure = same[0].slug;
        } else if (!converts) {
          var top = ranked(unit, described)[0];
          if (top && top.score >= rules.minScore) { measure = top.slug; }
        }
        proposed.set(m.start, measure);
        return { unit: unit, measure: measure };
      }

      function statesATarget(quote) {  /* a text being checked has no date: any "by 2030" is a target */
        return Boolean(search("target", quote) || search("byYear", quote));
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
            if (!search("comparedBefore", text, Math.max(sentence[0], m.start - 20), m.start)) {
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
        var kind = statesATarget(text.slice(sentence[0], sentence[1])) ? "target" : "figure";
        found.forEach(function (m) {
          var proposal = propose(sentence, m, kind);
          figures.set(m.start, {
            unit: proposal ? proposal.unit : writtenUnit(m),
            measure: proposal && proposal.measure !== "(new)" ? proposal.measure : null,
            period: period
          });
        });
      });

      var points = window.NqpfNumberReader.codePointMap(text);
      numbers.forEach(function (m) {
        var figure = figures.get(m.start);
        var reading = {
          text: m.text, start: points[m.start], end: points[m.end], value: null, scale: null, unit: null,
          qualifier: null, period: null, measure: null, verdict: "not-a-figure", facts: [], periods: [],
          exact: m.value, from: m.start, to: m.end  /* UTF-16 offsets, for the page to slice by */
        };
        if (figure) {
          var measure = figure.measure ? measureOf[figure.measure] : null;
          Object.assign(reading, {
            value: formatNumber(m.value), scale: m.scale, unit: figure.unit, qualifier: m.hedge,
            period: figure.period, verdict: "unknown"
          });
          if (measure && !measure.draft) {
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
    var scale = times(parse(reading.scale ? rules.reader.scales[reading.scale] : "1"), unitFactor);
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
  function checker(rules, measuresData, lunr) {
    var engine = create(rules, measuresData, lunr);
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
          return out;
        });
      },
      measure: function (slug) { return measureOf[slug]; }
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

  window.NqpfTextChecker = { create: checker, formatNumber: formatNumber };
})();
