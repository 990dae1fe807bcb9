/* The number reader in the browser: the same rules as hooks/nqpf/numbers.py, read from the
 * data the build writes (assets/nqpf/check/reader.js, from hooks/nqpf/reader_data.py). A
 * differential test (tests/test_reader_engines.py) requires both engines to give the same
 * mentions for the same texts. Values are exact: a numerator and a denominator (BigInt).
 * Offsets are in code points, as Python counts them. */
(function () {
  "use strict";

  function gcd(a, b) {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b) { var t = a % b; a = b; b = t; }
    return a;
  }

  function fraction(numerator, denominator) {
    if (denominator < 0n) { numerator = -numerator; denominator = -denominator; }
    var divisor = gcd(numerator, denominator) || 1n;
    return { n: numerator / divisor, d: denominator / divisor };
  }

  function codePointMap(text) {  /* each UTF-16 offset's code point offset, as Python counts */
    var map = [], point = 0;
    for (var at = 0; at <= text.length; at += 1) {
      map.push(point);
      var unit = text.charCodeAt(at);
      if (!(unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length)) { point += 1; }
    }
    return map;
  }

  function digitReader(zeros) {  /* Unicode decimal digits, from each run's zero (reader_data) */
    function digitValue(codePoint) {
      for (var d = 0; d <= 9; d += 1) {
        if (zeros.indexOf(codePoint - d) >= 0) { return d; }
      }
      throw new Error("not a decimal digit: " + codePoint);
    }

    function digits(text) {  /* a run of Unicode decimal digits, as a BigInt */
      var value = 0n;
      for (var ch of text) { value = value * 10n + BigInt(digitValue(ch.codePointAt(0))); }
      return value;
    }

    function exact(numeral) {  /* "1,000.5" -> 2001/2; "1e3" -> 1000 */
      numeral = numeral.replace(/,/g, "");
      var exponent = 0;
      var e = numeral.search(/[eE]/);
      if (e >= 0) { exponent = parseInt(numeral.slice(e + 1), 10); numeral = numeral.slice(0, e); }
      var dot = numeral.indexOf(".");
      var whole = dot >= 0 ? numeral.slice(0, dot) : numeral;
      var decimals = dot >= 0 ? numeral.slice(dot + 1) : "";
      var numerator = digits(whole + decimals);
      var places = Array.from(decimals).length - exponent;
      return places >= 0 ? fraction(numerator, 10n ** BigInt(places)) : fraction(numerator * 10n ** BigInt(-places), 1n);
    }

    return { digits: digits, exact: exact };
  }

  function back(text, index, count) {  /* the index ``count`` code points before ``index`` */
    while (count > 0 && index > 0) {
      index -= 1;
      var unit = text.charCodeAt(index);
      if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
        var lead = text.charCodeAt(index - 1);
        if (lead >= 0xd800 && lead <= 0xdbff) { index -= 1; }
      }
      count -= 1;
    }
    return index;
  }

  function reversed(text) { return Array.from(text).reverse().join(""); }

  function withCodePoints(text, found) {  /* UTF-16 offsets -> code point offsets; values as text */
    var map = codePointMap(text);
    return found.map(function (m) {
      var copy = Object.assign({}, m);
      copy.start = map[m.start];
      copy.end = map[m.end];
      copy.value = m.value.d === 1n ? String(m.value.n) : m.value.n + "/" + m.value.d;
      return copy;
    });
  }

  /* Chinese and Urdu: hooks/nqpf/localised_numbers.py, from the data localised_reader_data writes. */
  function createLocalised(data) {
    var numberRe = new RegExp(data.patterns.number, "gud");
    var beforeRe = new RegExp(data.patterns.hedge_before, "yu");
    var afterRe = new RegExp(data.patterns.hedge_after, "yu");
    var exact = digitReader(data.decimalZeros).exact;
    var LIMIT = 10n ** BigInt(data.maxDigits);
    var zh = data.chinese;

    function numeralWithUnits(whole) {  /* localised_numbers._with_units */
      var total = 0n, group = 0n, section = 0n, digit = null, lastUnit = 10n ** 13n;
      for (var ch of whole) {
        if (ch in zh.digits) {
          if (digit !== null && digit !== 0n && zh.digits[ch] !== 0) { return null; }
          digit = BigInt(zh.digits[ch]);
        } else if (ch in zh.units) {
          var unit = BigInt(zh.units[ch]);
          if (unit >= lastUnit && section) { return null; }
          if (digit === null && !(unit === 10n && section === 0n)) { return null; }
          section += (digit === null ? 1n : digit) * unit;
          lastUnit = unit; digit = null;
        } else {
          var size = BigInt(zh.groups[ch]);
          var amount = section + (digit || 0n);
          if (size === 10000n) {
            if (amount === 0n && group === 0n) { return null; }
            group = amount * size; section = 0n; digit = null; lastUnit = 10000n;
          } else {
            amount += group;
            if (amount === 0n && total === 0n) { return null; }
            total = (total + amount) * size; group = 0n; section = 0n; digit = null; lastUnit = 10n ** 13n;
          }
        }
      }
      var chars = Array.from(whole);
      if (digit !== null && digit !== 0n && chars.length > 1 && zh.shorthand.indexOf(chars[chars.length - 2]) >= 0) {
        return null;
      }
      return total + group + section + (digit || 0n);
    }

    function chineseNumeral(written, loneDigit) {  /* localised_numbers.chinese_numeral */
      var cut = written.indexOf(zh.point);
      var whole = cut >= 0 ? written.slice(0, cut) : written, decimals = cut >= 0 ? written.slice(cut + 1) : "";
      var places = Array.from(decimals);
      if (!places.every(function (c) { return c in zh.digits; })) { return null; }
      var part = decimals ? fraction(BigInt(places.map(function (c) { return zh.digits[c]; }).join("")), 10n ** BigInt(places.length))
                          : fraction(0n, 1n);
      if (!whole) { return null; }
      var chars = Array.from(whole), integer;
      if (chars.every(function (c) { return c in zh.digits; })) {
        if (chars.length < 2 && !decimals && !loneDigit) { return null; }
        integer = BigInt(chars.map(function (c) { return zh.digits[c]; }).join(""));
      } else {
        integer = numeralWithUnits(whole);
        if (integer === null) { return null; }
      }
      return fraction(integer * part.d + part.n, part.d);
    }

    function whole(g, loneDigit) {  /* localised_numbers._whole */
      if (g.num !== undefined) {
        var numeral = g.num;
        Array.from(data.groupSeparators).forEach(function (c) { numeral = numeral.split(c).join(""); });
        Array.from(data.decimalPoints).forEach(function (c) { numeral = numeral.split(c).join("."); });
        var count = Array.from(numeral).filter(function (ch) { return /^\p{Nd}$/u.test(ch); }).length;
        return count > data.maxDigits ? null : exact(numeral);
      }
      return chineseNumeral(g.native, loneDigit);
    }

    function value(g) {  /* localised_numbers._value */
      if (g.fraction !== undefined) {
        var written = data.fractionWords[g.fraction];
        return fraction(BigInt(written[0]), BigInt(written[1]));
      }
      if (g.den !== undefined) {
        var den = /^\p{Nd}+$/u.test(g.den) ? exact(g.den) : chineseNumeral(g.den, true);
        var num = whole(g, true);
        if (!den || den.n === 0n || !num) { return null; }
        return fraction(num.n * den.d, num.d * den.n);
      }
      return whole(g, Boolean(g.ordinal) || Boolean(g.percent_before));
    }

    function mentions(text) {  /* UTF-16 offsets, exact values */
      var found = [];
      for (var match of text.matchAll(numberRe)) {
        var g = match.groups, v = value(g);
        if (!v || (v.n < 0n ? -v.n : v.n) >= LIMIT || v.d >= LIMIT) { continue; }
        var start = match.index, end = match.index + match[0].length, words = null, hedge;
        var spansOfTime = data.spansOfTime.some(function (s) { return text.startsWith(s, end); });
        if (g.between !== undefined) {
          words = g.between;
        } else {
          beforeRe.lastIndex = 0;
          hedge = beforeRe.exec(reversed(text.slice(back(text, start, data.hedgeReach), start)));
          if (hedge && !spansOfTime) {
            words = reversed(hedge.groups.hedge);
          } else {
            afterRe.lastIndex = 0;
            hedge = afterRe.exec(Array.from(text.slice(end)).slice(0, data.hedgeReach).join(""));
            if (hedge) { words = hedge.groups.hedge; }
          }
        }
        var scale = g.scale || null;
        found.push({ text: match[0], value: v, start: start, end: end, scale: scale,
                     percent: Boolean(g.percent || g.percent_before), ordinal: Boolean(g.ordinal),
                     hedge: words ? data.hedges[words] : null, hedge_words: words,
                     scale_size: scale ? data.scales[scale] : null });
      }
      return found;
    }

    return { readNumbers: function (text) { return withCodePoints(text, mentions(text)); }, mentions: mentions };
  }

  function create(data) {
    var P = data.patterns;
    var dateRe = new RegExp(P.date, "gud");
    var numeralRe = new RegExp(P.numeral, "gud");
    var wordsRe = new RegExp(P.words, "gud");
    var hedgeBeforeRe = new RegExp(P.hedge_before, "yu");
    var conversionRe = new RegExp("(?:" + P.conversion + ")", "yu");
    var countingRe = new RegExp(P.counting, "u");
    var splitRe = new RegExp(P.spelled_split, "u");
    var zeros = data.decimalZeros;
    var space = new RegExp("[" + data.whiteSpace + "]+", "gu");

    var digitsOf = digitReader(zeros), digits = digitsOf.digits, exact = digitsOf.exact;

    function scaleWord(written) {
      if (!written) { return null; }
      var lower = written.toLowerCase();
      return data.scaleSpellings[lower] || lower;
    }

    function isRealDate(text) {
      var year = +text.slice(0, 4), month = +text.slice(5, 7), day = +text.slice(8, 10);
      if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1)) { return false; }
      var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      return day <= days;
    }

    function mention(text, value, start, end, fields) {
      var m = { text: text, value: value, start: start, end: end, scale: null, percent: false, ordinal: false,
                date: null, currency: null, unit: null, hedge: null, hedge_words: null };
      for (var key in fields) { m[key] = fields[key]; }
      return m;
    }

    function dateOrFiscalYear(match) {
      var g = match.groups;
      if (g.date) {
        if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(g.date) || !isRealDate(g.date)) { return null; }
        return mention(g.date, fraction(digits(g.date.slice(0, 4)), 1n), match.index, match.index + match[0].length,
                       { date: g.date });
      }
      var year = Number(digits(g.year));
      var following = g.next !== undefined ? g.next : g.next_year;
      if (following !== undefined && Number(digits(following)) !== (year + 1) % 100) { return null; }
      return mention(match[0], fraction(BigInt(year), 1n), match.index, match.index + match[0].length, {});
    }

    function tooLong(num, den) {  /* numbers._too_long: a code or an identifier, never a quantity */
      var e = num.search(/[eE]/);
      var mantissa = e >= 0 ? num.slice(0, e) : num, exponent = e >= 0 ? num.slice(e + 1) : "";
      var count = Array.from(mantissa).filter(function (ch) { return /^\p{Nd}$/u.test(ch); }).length + Array.from(den || "").length;
      var magnitude = exponent.replace(/^[-+]+/, "");
      return count > data.maxDigits || magnitude.length > 2 || (exponent !== "" && Math.abs(parseInt(exponent, 10)) > data.maxDigits);
    }
    var LIMIT = 10n ** BigInt(data.maxDigits);
    function tooLarge(value) { return (value.n < 0n ? -value.n : value.n) >= LIMIT || value.d >= LIMIT; }

    function numeral(match) {
      var g = match.groups;
      if (tooLong(g.num, g.den)) { return null; }
      var value = exact(g.num);
      if (g.den) {
        var den = digits(g.den);
        if (den) { value = fraction(value.n, value.d * den); }
      }
      if (g.sign) { value = fraction(-value.n, value.d); }
      var scale = g.scale || g.glued_scale || g.spaced_scale;
      return mention(match[0], value, match.index, match.index + match[0].length, {
        scale: scaleWord(scale), percent: Boolean(g.percent || g.glued_percent), ordinal: Boolean(g.ordinal),
        currency: g.currency || null, unit: g.unit || null
      });
    }

    function pyStrip(text) {
      return text.replace(new RegExp("^[" + data.whiteSpace + "]+|[" + data.whiteSpace + "]+$", "gu"), "");
    }

    function spelled(words) {
      var total = 0;
      words.toLowerCase().split(splitRe).filter(Boolean).forEach(function (word) {
        if (word === "hundred") { total *= 100; } else if (word !== "and") { total += data.wordValues[word]; }
      });
      return total;
    }

    function words(match, text) {
      var g = match.groups, idx = match.indices.groups;
      var start = match.index, end = match.index + match[0].length;
      var scale = scaleWord(g.scale), percent = Boolean(g.percent), value;
      if (g.denominator === undefined) {
        var cut = (scale ? idx.scale[0] : percent ? idx.percent[0] : end) - start;
        value = fraction(BigInt(spelled(pyStrip(match[0].slice(0, cut)))), 1n);
      } else {
        var first = data.wordValues[g.first.toLowerCase()];
        if (countingRe.test(text.slice(0, start)) || !(first >= 1 && first <= 10)) {
          end = idx.first[1];
          scale = null; percent = false; value = fraction(BigInt(first), 1n);
        } else {
          value = fraction(BigInt(first), BigInt(data.denominators[g.denominator.toLowerCase()]));
        }
      }
      return mention(text.slice(start, end), value, start, end, { scale: scale, percent: percent });
    }

    function hedged(text, found) {
      var previous = null;
      for (var i = 0; i < found.length; i += 1) {
        var bare = found[i];
        var window = Array.from(text.slice(back(text, bare.start, data.hedgeReach), bare.start)).reverse().join("");
        hedgeBeforeRe.lastIndex = 0;
        var hedge = hedgeBeforeRe.exec(window);
        if (hedge) {
          var written = Array.from(hedge.groups.hedge).reverse().join("").split(space).filter(Boolean).join(" ");
          bare.hedge = data.hedges[written.toLowerCase()];
          bare.hedge_words = written;
        } else if (previous && previous.hedge) {
          conversionRe.lastIndex = 0;
          var between = text.slice(previous.end, bare.start);
          var conversion = conversionRe.exec(between);
          if (conversion && conversion[0].length === between.length) {
            bare.hedge = previous.hedge;
            bare.hedge_words = previous.hedge_words;
          }
        }
        previous = bare;
      }
      return found;
    }

    function mentions(text) {  /* UTF-16 offsets, exact values: for the text checker */
      var found = [];
      var taken = new Uint8Array(text.length);
      function take(m) {
        if (!m || tooLarge(m.value)) { return; }
        for (var at = m.start; at < m.end; at += 1) { if (taken[at]) { return; } }
        taken.fill(1, m.start, m.end);
        found.push(m);
      }
      [[dateRe, dateOrFiscalYear], [numeralRe, numeral], [wordsRe, words]].forEach(function (pair) {
        pair[0].lastIndex = 0;
        for (var match of text.matchAll(pair[0])) { take(pair[1](match, text)); }
      });
      found.sort(function (a, b) { return a.start - b.start; });
      return hedged(text, found);
    }

    function readNumbers(text) {
      return withCodePoints(text, mentions(text));
    }

    return { readNumbers: readNumbers, mentions: mentions };
  }

  window.NqpfNumberReader = { create: create, createLocalised: createLocalised, fraction: fraction, codePointMap: codePointMap };
})();
