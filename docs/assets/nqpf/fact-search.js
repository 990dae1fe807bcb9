/* Ranked search over the fact index data (format: hooks/nqpf/search.py).
 *
 * Typed words go through lunr.js's own functions (tokenizer, trimmer, stop words, stemmer),
 * the same lunr 2.3.9 pipeline that made the index terms at build time. Every word must
 * match, by its stem or as the start of a longer term, so results come while the last word
 * is still being typed. A fact's score is the sum, over the words, of its best weight among
 * the terms the word matches. Posting strings are decoded the first time a query needs them.
 *
 * No DOM here: the page script (fact-index.js) and the unit tests (node) both use it. */
(function (root) {
  "use strict";

  /* ``count`` facts, indexed as ``index``; ``lunr`` is lunr.js. The score buffers are made
   * once and reused: a query allocates little, so typing does not wake the garbage collector. */
  function FactSearch(index, lunr, count) {
    this.lunr = lunr;
    this.count = count;
    this.terms = index.terms ? index.terms.split("\n") : [];
    this.postings = index.postings ? index.postings.split(";") : [];
    this.decoded = new Array(this.terms.length);
    this.score = new Float64Array(count);
    this.best = new Float64Array(count);
    this.matched = new Int32Array(count);  /* how many words have matched each fact so far */
  }

  /* The words of a query: {word, term, stop}. Stop words are not in the index, so they are
   * dropped, except the last word, which may be the start of a longer one ("the" → "thermal"). */
  FactSearch.prototype.words = function (text) {
    var lunr = this.lunr;
    var tokens = lunr.tokenizer(text);
    var typing = !/\s$/.test(text);
    var words = [];
    tokens.forEach(function (token, at) {
      var trimmed = lunr.trimmer(token);
      var word = trimmed.toString();
      if (!word) { return; }
      var last = typing && at === tokens.length - 1;
      var stop = !lunr.stopWordFilter(trimmed.clone());
      if (stop && !last) { return; }
      words.push({ word: word, term: lunr.stemmer(trimmed.clone()).toString(), stop: stop });
    });
    return words;
  };

  /* Positions of the terms that start with ``prefix``: a binary search in the sorted list. */
  FactSearch.prototype.range = function (prefix) {
    var terms = this.terms;
    var low = 0;
    var high = terms.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (terms[middle] < prefix) { low = middle + 1; } else { high = middle; }
    }
    var end = low;
    while (end < terms.length && terms[end].startsWith(prefix)) { end += 1; }
    return [low, end];
  };

  /* One term's posting as [positions, weights], read digit by digit: no substrings made. */
  FactSearch.prototype.posting = function (at) {
    if (this.decoded[at]) { return this.decoded[at]; }
    var text = this.postings[at];
    var size = 1;
    for (var i = 0; i < text.length; i += 1) { if (text.charCodeAt(i) === 44) { size += 1; } }
    var positions = new Int32Array(size / 2);
    var weights = new Float64Array(size / 2);
    var position = -1;
    var number = 0;
    var n = 0;
    for (i = 0; i <= text.length; i += 1) {
      var code = i < text.length ? text.charCodeAt(i) : 44;
      if (code !== 44) {  /* a base-36 digit: 0-9 or a-z */
        number = number * 36 + (code <= 57 ? code - 48 : code - 87);
        continue;
      }
      if (n % 2 === 0) {  /* numbers alternate: a gap, then a weight in hundredths */
        position += number;
        positions[n >> 1] = position;
      } else {
        weights[n >> 1] = number / 100;
      }
      n += 1;
      number = 0;
    }
    this.decoded[at] = [positions, weights];
    return this.decoded[at];
  };

  /* The facts matching every word, best first (ties: in index order), as positions.
   * With no words, every fact matches, in order. */
  FactSearch.prototype.search = function (text) {
    var words = this.words(text);
    var count = this.count;
    var all = [];
    var position;
    if (!words.length) {
      for (position = 0; position < count; position += 1) { all.push(position); }
      return all;
    }
    var score = this.score.fill(0);
    var best = this.best;
    var matched = this.matched.fill(0);
    var required = 0;
    for (var w = 0; w < words.length; w += 1) {
      var span = this.range(words[w].term);
      if (span[0] === span[1] && words[w].stop) { continue; }  /* a stop word, not a prefix */
      var touched = [];
      for (var t = span[0]; t < span[1]; t += 1) {
        var posting = this.posting(t);
        var positions = posting[0];
        var weights = posting[1];
        for (var i = 0; i < positions.length; i += 1) {
          position = positions[i];
          if (matched[position] === required) {  /* first term of this word here */
            matched[position] = required + 1;
            best[position] = weights[i];
            touched.push(position);
          } else if (matched[position] === required + 1 && weights[i] > best[position]) {
            best[position] = weights[i];
          }
        }
      }
      for (i = 0; i < touched.length; i += 1) { score[touched[i]] += best[touched[i]]; }
      required += 1;
    }
    for (position = 0; position < count; position += 1) {
      if (matched[position] === required) { all.push(position); }
    }
    all.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return all;
  };

  root.NQPFFactSearch = FactSearch;
  if (typeof module === "object" && module.exports) { module.exports = FactSearch; }
})(typeof window !== "undefined" ? window : this);
