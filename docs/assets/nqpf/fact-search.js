/* Ranked search over the fact index data (format: hooks/nqpf/search.py).
 *
 * Typed words go through lunr.js's own functions (tokenizer, trimmer, stop words, stemmer),
 * the same lunr 2.3.9 pipeline that made the index terms at build time. Every word must
 * match, by its stem or as the start of a longer term, so results come while the last word
 * is still being typed. A fact's score is the sum, over the words, of its best weight among
 * the terms the word matches. Posting strings are decoded the first time a query needs them.
 *
 * The terms come in shards of consecutive terms: ``needs(text, whole)`` names the parts a query
 * needs that are not loaded yet, ``add`` takes one in, and ``search`` ranks over what is
 * loaded, which is exactly what it would rank over with the whole index. A common term's shard
 * is its head (its count, its best facts, its facet counts): a one-word query answers from it
 * with its best facts (``head`` and ``total`` tell), and any other query, or one that needs
 * every match (``whole``), loads the whole shard ("t<n>-all") instead.
 *
 * No DOM here: the page script (fact-index.js) and the unit tests (node) both use it. */
(function (root) {
  "use strict";

  /* ``manifest``: {count, shards: where each shard starts, one a line}; ``lunr`` is lunr.js. The
   * score buffers are made once and reused: a query allocates little, so typing does not wake
   * the garbage collector. */
  function FactSearch(manifest, lunr) {
    this.lunr = lunr;
    this.cut = manifest.words ? editionCut(manifest.words) : null;  /* zh, ur: search_words.py's rules */
    this.count = manifest.count;
    this.first = manifest.shards.split("\n");  /* where each shard starts */
    this.shards = new Array(this.first.length);  /* {terms, postings, codes, decoded, head} once loaded */
    this.heads = {};  /* the shards of common terms: a head, and a whole shard apart */
    var heads = this.heads;
    (manifest.heads || []).forEach(function (at) { heads[at] = true; });
    this.head = null;  /* the head the last search answered from, if it did */
    this.total = 0;  /* how many facts the last search matched */
    this.score = new Float64Array(this.count);
    this.best = new Float64Array(this.count);
    this.matched = new Int32Array(this.count);  /* how many words have matched each fact so far */
    this.codeOf = new Float64Array(this.count);  /* facts' facets, as one number each (search.py): see codes */
    this.every = true;  /* whether the last search had no word: every fact matched */
  }

  /* The part ``name`` of the terms as the build wrote it: "t<n>" or "t<n>-all", a shard
   * {terms: "a\nb", postings: "…;…", codes: "…;…"} or a common term's head {terms, head}. */
  FactSearch.prototype.add = function (name, part) {
    var at = parseInt(name.slice(1), 10);
    var shard = this.shards[at];
    var terms = part.terms ? part.terms.split("\n") : [];
    if (shard && (shard.postings || part.head)) { return; }  /* it has all this part brings */
    if (part.head) {
      this.shards[at] = { terms: terms, postings: null, head: part.head, best: Array.from(numbers36(part.head.best)) };
      return;
    }
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

  /* The names of the parts ``text`` needs that are not loaded yet. A common term's head is
   * enough for one word whose prefix can match nothing else, unless ``whole``: the query needs
   * every matching fact (a facet is chosen, or more results are shown). */
  FactSearch.prototype.needs = function (text, whole) {
    var self = this;
    var wanted = [];
    var lists = this.words(text).map(function (word) { return self.shardsFor(word.term); });
    whole = whole || lists.length > 1 || (lists.length === 1 && lists[0].length > 1);
    lists.forEach(function (list) {
      list.forEach(function (at) {
        var shard = self.shards[at];
        var name = whole && self.heads[at] ? "t" + at + "-all" : "t" + at;
        if ((!shard || (whole && !shard.postings)) && wanted.indexOf(name) < 0) { wanted.push(name); }
      });
    });
    return wanted;
  };

  /* The head that answers a one-word query for ``prefix``, if one does: its prefix can match
   * only the term of a common term's shard, and only its head is loaded. */
  FactSearch.prototype.headFor = function (prefix) {
    var found = this.shardsFor(prefix);
    var shard = found.length === 1 ? this.shards[found[0]] : null;
    return shard && !shard.postings && shard.terms[0].startsWith(prefix) ? shard : null;
  };

  /* The words of a query: {word, term, stop}. Stop words are not in the index, so they are
   * dropped, except the last word, which may be the start of a longer one ("the" → "thermal"). */
  FactSearch.prototype.words = function (text) {
    var lunr = this.lunr;
    var typing = !/\s$/.test(text);
    if (this.cut) { return this.cut(text, typing, lunr); }
    var tokens = lunr.tokenizer(text);
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

  /* The words of a query in the Chinese and Urdu editions, cut as search_words.edition_words
   * cuts the index's texts: runs of one script; Chinese in pairs of characters, Urdu words as
   * written (folded), Latin words through lunr's pipeline as in English. */
  function editionCut(rules) {
    var run = new RegExp(rules.run, "gu");
    var dropped = new RegExp(rules.dropped, "gu");
    return function (text, typing, lunr) {
      var folded = Array.from(text.toLowerCase().replace(dropped, ""), function (c) {
        return Object.prototype.hasOwnProperty.call(rules.folded, c) ? rules.folded[c] : c;
      }).join("");
      var pieces = [];
      for (var match of folded.matchAll(run)) {
        if (match.groups.han !== undefined) {
          var han = Array.from(match.groups.han);
          if (han.length === 1) { pieces.push({ word: han[0], latin: false }); }
          for (var n = 0; n + 1 < han.length; n += 1) { pieces.push({ word: han[n] + han[n + 1], latin: false }); }
        } else {
          pieces.push({ word: match[0], latin: match.groups.latin !== undefined });
        }
      }
      var words = [];
      pieces.forEach(function (piece, at) {
        if (!piece.latin) { words.push({ word: piece.word, term: piece.word, stop: false }); return; }
        var token = new lunr.Token(piece.word, {});
        var last = typing && at === pieces.length - 1;
        var stop = !lunr.stopWordFilter(token.clone());
        if (stop && !last) { return; }
        words.push({ word: piece.word, term: lunr.stemmer(token.clone()).toString(), stop: stop });
      });
      return words;
    };
  }

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

  /* Comma-separated base-36 numbers as a Float64Array, read digit by digit: no substrings made. */
  function numbers36(text) {
    var size = text ? 1 : 0;
    for (var i = 0; i < text.length; i += 1) { if (text.charCodeAt(i) === 44) { size += 1; } }
    var numbers = new Float64Array(size);
    var number = 0;
    var n = 0;
    for (i = 0; size && i <= text.length; i += 1) {
      var code = i < text.length ? text.charCodeAt(i) : 44;
      if (code !== 44) { number = number * 36 + (code <= 57 ? code - 48 : code - 87); continue; }  /* 0-9, a-z */
      numbers[n] = number;
      n += 1;
      number = 0;
    }
    return numbers;
  }
  FactSearch.numbers36 = numbers36;

  /* One term's posting: {positions, weights, codes}; its facet codes are decoded when first
   * needed (see ``codes``), from ``written``. */
  function posting(shard, at) {
    if (shard.decoded[at]) { return shard.decoded[at]; }
    var numbers = numbers36(shard.postings[at]);  /* a gap, then a weight in hundredths, and so on */
    var positions = new Int32Array(numbers.length / 2);
    var weights = new Float64Array(numbers.length / 2);
    var position = -1;
    for (var n = 0; n < positions.length; n += 1) {
      position += numbers[2 * n];
      positions[n] = position;
      weights[n] = numbers[2 * n + 1] / 100;
    }
    shard.decoded[at] = { positions: positions, weights: weights, codes: null, written: shard.codes[at] || "" };
    return shard.decoded[at];
  }

  /* The postings of every loaded term that starts with ``prefix`` (a head has none). */
  FactSearch.prototype.postings = function (prefix) {
    var found = [];
    var self = this;
    this.shardsFor(prefix).forEach(function (at) {
      var shard = self.shards[at];
      if (!shard || !shard.postings) { return; }
      var span = range(shard, prefix);
      for (var t = span[0]; t < span[1]; t += 1) { found.push(posting(shard, t)); }
    });
    return found;
  };

  /* Puts the facet code of every fact that ``text`` matches into ``codeOf``: what facet counts
   * and choices need, and a first answer does not. The codes come from the postings of the word
   * with the fewest facts, which hold every match. */
  FactSearch.prototype.codes = function (text) {
    var self = this;
    var fewest = null;
    var size = Infinity;
    this.words(text).forEach(function (word) {
      var found = self.postings(word.term);
      var facts = found.reduce(function (sum, posting) { return sum + posting.positions.length; }, 0);
      if (found.length && facts < size) { fewest = found; size = facts; }
    });
    var codeOf = this.codeOf;
    (fewest || []).forEach(function (posting) {
      var positions = posting.positions;
      var codes = posting.codes || (posting.codes = numbers36(posting.written));
      for (var i = 0; i < positions.length; i += 1) { codeOf[positions[i]] = codes[i]; }
    });
  };

  /* The facts matching every word, best first (ties: in index order), as positions.
   * With no words, every fact matches, in order. Answered from a head: its best facts only. */
  FactSearch.prototype.search = function (text) {
    var words = this.words(text);
    var count = this.count;
    var all = [];
    var position;
    this.every = !words.length;
    this.head = null;
    var only = words.length === 1 ? this.headFor(words[0].term) : null;
    if (only) {
      this.head = only.head;
      this.total = only.head.count;
      return only.best.slice();
    }
    if (!words.length) {
      for (position = 0; position < count; position += 1) { all.push(position); }
      this.total = count;
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
        var positions = postings[t].positions;
        var weights = postings[t].weights;
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
    this.every = required === 0;  /* only stop words: every fact matched, as with none */
    for (position = 0; position < count; position += 1) {
      if (matched[position] === required) { all.push(position); }
    }
    all.sort(function (a, b) { return score[b] - score[a] || a - b; });
    this.total = all.length;
    return all;
  };

  root.NQPFFactSearch = FactSearch;
  if (typeof module === "object" && module.exports) { module.exports = FactSearch; }
})(typeof window !== "undefined" ? window : this);
