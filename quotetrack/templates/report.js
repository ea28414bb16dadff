/* quotetrack report: the speakers' statements, drawn from the inline data a few at a time,
   and the search box. Every text of the data goes into the page as text, never as markup. */
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("qt-data").textContent);
  var A = data.articles, S = data.speakers, ST = data.statements;
  var SPEAKERS_AT_ONCE = 20, STATEMENTS_AT_ONCE = 10, CHIPS = 30;
  var list = document.getElementById("speaker-list");
  var moreSpeakers = document.getElementById("more-speakers");
  var count = document.getElementById("qcount");
  var box = document.getElementById("q");
  var hay = null;  // each statement's words, speaker and media, lower case: built on the first search
  var groups = [], shown = 0, terms = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function speakerName(i) { return i < 0 ? "" : S[i].name; }

  function haystack() {
    if (hay) return hay;
    hay = new Array(ST.length);
    for (var i = 0; i < ST.length; i++) {
      var st = ST[i], a = A[st[2]];
      hay[i] = [st[0], speakerName(st[1]), st[6], st[5].join("\n"), a[3]].join("\n").toLowerCase();
    }
    return hay;
  }

  // the statements that hold every word of the query, grouped by speaker, most statements first
  function group(query) {
    terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var by = new Map(), h = terms.length ? haystack() : null;
    for (var i = 0; i < ST.length; i++) {
      if (h && !terms.every(function (t) { return h[i].indexOf(t) >= 0; })) continue;
      var who = ST[i][1];
      if (!by.has(who)) by.set(who, []);
      by.get(who).push(i);
    }
    var out = [];
    by.forEach(function (items, who) { out.push({ who: who, items: items }); });
    out.sort(function (x, y) {
      if (x.who < 0 || y.who < 0) return x.who < 0 ? 1 : -1;  // no one named: last
      return (y.items.length - x.items.length) || (x.who - y.who);
    });
    return out;
  }

  // a text with the query's words marked
  function marked(node, text) {
    var low = text.toLowerCase(), at = 0;
    if (!terms.length || low.length !== text.length) { node.textContent = text; return node; }
    while (at < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var k = low.indexOf(t, at);
        if (k >= 0 && (best < 0 || k < best)) { best = k; len = t.length; }
      });
      if (best < 0) break;
      node.appendChild(document.createTextNode(text.slice(at, best)));
      node.appendChild(el("mark", null, text.slice(best, best + len)));
      at = best + len;
    }
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function statement(i) {
    var st = ST[i], a = A[st[2]];
    var li = el("li", "st");
    li.dataset.kind = st[3];
    li.appendChild(marked(el("p", "text"), st[0]));
    var bits = [a[2], st[3]];
    if (st[4]) bits.push(st[4]);
    if (st[6]) bits.push("as " + st[6]);
    if (st[5].length) bits.push("via " + st[5].join(" → "));
    if (a[3]) bits.push(a[3]);
    var meta = marked(el("div", "meta"), bits.filter(Boolean).join(" · ") + " · " + a[0]);
    if (a[1]) meta.appendChild(el("span", "dim", " — " + a[1]));
    li.appendChild(meta);
    return li;
  }

  function facts(s) {
    var dl = el("dl", "facts");
    [["also named", s.aliases], ["roles", s.roles], ["carried by", s.agencies], ["through", s.media],
     ["dates", s.dates.length ? [s.dates[0] === s.dates[1] ? s.dates[0] : s.dates[0] + " – " + s.dates[1]] : []]
    ].forEach(function (row) {
      if (!row[1].length) return;
      dl.appendChild(el("dt", null, row[0]));
      dl.appendChild(el("dd", null, row[1].join(", ")));
    });
    return dl;
  }

  function section(g) {
    var sec = el("section", "speaker"), s = g.who >= 0 ? S[g.who] : null;
    sec.id = "sp-" + (g.who >= 0 ? g.who : "none");
    sec.dataset.speaker = s ? s.name : "";
    var h = marked(el("h3"), s ? s.name : "No one named");
    if (s && s.kind !== "person" && s.kind !== "name") h.appendChild(el("span", "kind", s.kind));
    var total = s ? s.count : g.items.length;
    h.appendChild(el("span", "count", g.items.length === total ? total + " statements" : g.items.length + " of " + total + " statements"));
    sec.appendChild(h);
    if (s) sec.appendChild(facts(s));
    var ol = el("ol", "statements"), more = el("button", "more"), at = 0;
    more.type = "button";
    function page() {
      var end = Math.min(g.items.length, at + (at ? 4 * STATEMENTS_AT_ONCE : STATEMENTS_AT_ONCE));
      var frag = document.createDocumentFragment();
      for (; at < end; at++) frag.appendChild(statement(g.items[at]));
      ol.appendChild(frag);
      var left = g.items.length - at;
      more.hidden = left === 0;
      more.textContent = "Show " + Math.min(left, 4 * STATEMENTS_AT_ONCE) + " more (" + left + " left)";
    }
    more.addEventListener("click", page);
    page();
    sec.appendChild(ol);
    sec.appendChild(more);
    return sec;
  }

  function morePeople() {
    var frag = document.createDocumentFragment(), end = Math.min(groups.length, shown + SPEAKERS_AT_ONCE);
    for (; shown < end; shown++) frag.appendChild(section(groups[shown]));
    list.appendChild(frag);
    var left = groups.length - shown;
    moreSpeakers.hidden = left === 0;
    moreSpeakers.textContent = "Show " + Math.min(left, SPEAKERS_AT_ONCE) + " more speakers (" + left + " left)";
  }

  function apply(query) {
    groups = group(query);
    shown = 0;
    list.textContent = "";
    var n = groups.reduce(function (sum, g) { return sum + g.items.length; }, 0);
    var people = groups.filter(function (g) { return g.who >= 0; }).length;
    count.textContent = (query.trim() ? n + " statements by " + people + " speakers match “" + query.trim() + "”"
                                      : n + " statements by " + people + " speakers, newest first");
    if (!groups.length) list.appendChild(el("p", "empty", "No statement matches."));
    morePeople();
    document.body.dataset.query = query.trim();
  }

  function fromHash() {
    var m = /^#q=(.*)$/.exec(location.hash);
    if (!m) return null;
    try { return decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { return m[1]; }
  }

  function chips() {
    var box = document.getElementById("chips");
    S.slice(0, CHIPS).forEach(function (s) {
      var a = el("a", null, s.name + " " + s.count);
      a.href = "#q=" + encodeURIComponent(s.name);
      box.appendChild(a);
    });
  }

  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      history.replaceState(null, "", box.value.trim() ? "#q=" + encodeURIComponent(box.value.trim()) : location.pathname);
      apply(box.value);
    }, 150);
  });
  window.addEventListener("hashchange", function () {
    var q = fromHash();
    if (q === null) return;  // a link to a section, not a search
    box.value = q;
    apply(q);
    document.getElementById("speakers").scrollIntoView();
  });
  moreSpeakers.addEventListener("click", morePeople);

  chips();
  var initial = fromHash() || "";
  box.value = initial;
  apply(initial);
  document.body.dataset.ms = String(Math.round(performance.now() - started));  // this script
  document.body.dataset.at = String(Math.round(performance.now()));  // since the page was asked for
  document.body.dataset.ready = "1";
})();
