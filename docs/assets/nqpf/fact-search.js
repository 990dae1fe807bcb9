/* Ranked search over the fact index data (format: hooks/nqpf/search.py).
 *
 * Typed words go through lunr.js's own functions (tokenizer, trimmer, stop words, stemmer),
 * the same lunr 2.3.9 pipeline that made the index terms at build time. Every word must
 * match, by its stem or as the start of a longer term, so results come while the last word
 * is still being typed. A fact's score is the sum, over the words, of its best weight among
 * the terms the word matches. Posting strings are decoded the first time a query needs them.
 *
 * The terms come in shards of consecutive terms: ``missing(text)`` names the shards a query
 * needs that are not loaded yet, ``add`` takes one in, and ``search`` ranks over what is
 * loaded, which is exactly what it would rank over with the whole index.
 *
 * No DOM here: the page script (fact-index.js) and the unit tests (node) both use it. */
(function (root) {
  "use strict";

  /* ``manifest``: {count, shards: where each shard starts, one a line}; ``lunr`` is lunr.js. The
   * score buffers are made once and reused: a query allocates little, so typing does not wake
   * the garbage collector. */
  function FactSearch(manifest, lunr) {
    this.lunr = lunr;
    this.count = manifest.count;
    this.first = manifest.shards.split("\n");  /* where each shard starts */
    this.shards = new Array(this.first.length);  /* {terms, postings, decoded} once loaded */
    this.score = new Float64Array(this.count);
    this.best = new Float64Array(this.count);
    this.matched = new Int32Array(this.count);  /* how many words have matched each fact so far */
    this.codeOf = new Float64Array(this.count);  /* each matched fact's facets, as one number (search.py) */
    this.every = true;  /* whether the last search had no word: every fact matched */
  }

  /* Shard ``at`` of the terms: {terms: "a\nb", postings: "…;…"} as the build wrote it. */
  FactSearch.prototype.add = function (at, part) {
    var terms = part.terms ? part.terms.split("\n") : [];
    this.shards[at] = { terms: terms, postings: part.postings ? part.postings.split(";") : [],
                        codes: part.codes ? part.codes.split(";") : [], decoded: new Array(terms.length) };
  };

  /* The shards that may hold terms starting with ``prefix``: the one the prefix sorts into,
   * and those after it whose first term still starts with it. */
  FactSearch.prototype.shardsFor = function (prefix) {
    var first = this.first;
    var low = 0;
    var high = first.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (first[middle] <= prefix) { low = middle + 1; } else { high = middle; }
    }
    var found = [Math.max(0, low - 1)];
    for (var at = low; at < first.length && first[at].startsWith(prefix); at += 1) { found.push(at); }
    return found;
  };

  /* The shards ``text`` needs that are not loaded yet. */
  FactSearch.prototype.missing = function (text) {
    var self = this;
    var wanted = [];
    this.words(text).forEach(function (word) {
      self.shardsFor(word.term).forEach(function (at) {
        if (!self.shards[at] && wanted.indexOf(at) < 0) { wanted.push(at); }
      });
    });
    return wanted;
  };

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

  /* Positions in ``shard`` of the terms that start with ``prefix``: a binary search. */
  function range(shard, prefix) {
    var terms = shard.terms;
    var low = 0;
    var high = terms.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (terms[middle] < prefix) { low = middle + 1; } else { high = middle; }
    }
    var end = low;
    while (end < terms.length && terms[end].startsWith(prefix)) { end += 1; }
    return [low, end];
  }

  /* One term's posting as [positions, weights], read digit by digit: no substrings made. */
  function posting(shard, at) {
    if (shard.decoded[at]) { return shard.decoded[at]; }
    var text = shard.postings[at];
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
    shard.decoded[at] = [positions, weights, numbers36(shard.codes[at] || "", positions.length)];
    return shard.decoded[at];
  }

  /* ``size`` comma-separated base-36 numbers (each fact's facet code) as a Float64Array. */
  function numbers36(text, size) {
    var numbers = new Float64Array(size);
    var number = 0;
    var n = 0;
    for (var i = 0; i <= text.length && text.length; i += 1) {
      var code = i < text.length ? text.charCodeAt(i) : 44;
      if (code !== 44) { number = number * 36 + (code <= 57 ? code - 48 : code - 87); continue; }
      numbers[n] = number;
      n += 1;
      number = 0;
    }
    return numbers;
  }
  FactSearch.numbers36 = numbers36;

  /* The postings of every loaded term that starts with ``prefix``. */
  FactSearch.prototype.postings = function (prefix) {
    var found = [];
    var self = this;
    this.shardsFor(prefix).forEach(function (at) {
      var shard = self.shards[at];
      if (!shard) { return; }
      var span = range(shard, prefix);
      for (var t = span[0]; t < span[1]; t += 1) { found.push(posting(shard, t)); }
    });
    return found;
  };

  /* The facts matching every word, best first (ties: in index order), as positions.
   * With no words, every fact matches, in order. */
  FactSearch.prototype.search = function (text) {
    var words = this.words(text);
    var count = this.count;
    var all = [];
    var position;
    var codeOf = this.codeOf;
    this.every = !words.length;
    if (!words.length) {
      for (position = 0; position < count; position += 1) { all.push(position); }
      return all;
    }
    var score = this.score.fill(0);
    var best = this.best;
    var matched = this.matched.fill(0);
    var required = 0;
    for (var w = 0; w < words.length; w += 1) {
      var postings = this.postings(words[w].term);
      if (!postings.length && words[w].stop) { continue; }  /* a stop word, not a prefix */
      var touched = [];
      for (var t = 0; t < postings.length; t += 1) {
        var positions = postings[t][0];
        var weights = postings[t][1];
        var codes = postings[t][2];
        for (var i = 0; i < positions.length; i += 1) {
          position = positions[i];
          if (matched[position] === required) {  /* first term of this word here */
            matched[position] = required + 1;
            best[position] = weights[i];
            codeOf[position] = codes[i];
            touched.push(position);
          } else if (matched[position] === required + 1 && weights[i] > best[position]) {
            best[position] = weights[i];
          }
        }
      }
      for (i = 0; i < touched.length; i += 1) { score[touched[i]] += best[touched[i]]; }
      required += 1;
    }
    this.every = required === 0;  /* only stop words: every fact matched, as with none */
    for (position = 0; position < count; position += 1) {
      if (matched[position] === required) { all.push(position); }
    }
    all.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return all;
  };

  root.NQPFFactSearch = FactSearch;
  if (typeof module === "object" && module.exports) { module.exports = FactSearch; }
})(typeof window !== "undefined" ? window : this);
