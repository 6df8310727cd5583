// The page's script: it shows what the program resolved for each day
// (run-length encoded in #sm-data), and applies no rule of its own.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sm-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var map = $("sm-map"), slider = $("sm-day"), dateOut = $("sm-date"), tip = $("sm-tip");
  var detail = $("sm-detail"), legend = $("sm-legend"), found = $("sm-found"), search = $("sm-search");
  var rows = $("sm-rows"), play = $("sm-play"), table = document.querySelector(".sm-table");
  var NS = "http://www.w3.org/2000/svg";
  var cats = data.cats, k = data.days.length - 1, isolated = -1, sel = null, timer = null;
  // tr is the page's own words in its language (data.ui), English by default.
  function tr(s) { return (data.ui && data.ui[s]) || s; }

  // Shapes come as arrays (see pageShape.MarshalJSON).
  function shape(a) { return { f: a[0], n: a[1], s: a[2], k: a[3] || "city", c: [a[4], a[5]], r: a[6], a: a[7] }; }
  data.regions = data.regions.map(shape);
  data.cities = data.cities.map(shape);
  var shapes = [];
  data.regions.forEach(function (r, i) { r.el = $("r" + i); r.el.dataset.i = shapes.length; shapes.push(r); });
  var cityLayer = $("sm-cities");
  data.cities.forEach(function (c) {
    var e = document.createElementNS(NS, "circle");
    e.setAttribute("cx", c.c[0]); e.setAttribute("cy", c.c[1]); e.setAttribute("r", 2.4);
    e.dataset.i = shapes.length; c.el = e; cityLayer.appendChild(e); shapes.push(c);
  });

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  // run is what the program resolved for shape s on day k: [code, text, fact, days].
  function run(s) {
    var n = 0;
    for (var i = 0; i < s.r.length; i++) { n += s.r[i][3]; if (k < n) return s.r[i]; }
    return s.r[s.r.length - 1];
  }
  function cat(code) { return code & 15; }
  function fill(code, plain) {
    var c = cat(code), basis = (code >> 4) & 3;
    if (c >= 8) return data.noData;
    if (!plain && basis === 1) return "url(#d" + c + ")";
    if (!plain && basis === 2) return "url(#l" + c + ")";
    return cats[c].color;
  }
  function label(s) { return s.n + (s.k !== "state" && s.s ? ", " + s.s : "") + " (" + tr(s.k) + ")"; }
  function line(s) { var r = run(s); return r[0] < 0 ? "" : label(s) + " · " + data.texts[r[1]]; }

  function show() {
    var counts = [];
    for (var c = 0; c <= 8; c++) counts.push(0);
    shapes.forEach(function (s) {
      var r = run(s), code = r[0];
      if (code < 0) { s.el.style.display = "none"; return; }
      s.el.style.display = "";
      s.el.setAttribute("fill", fill(code, s.k === "city"));
      s.el.classList.toggle("sm-dim", isolated >= 0 && cat(code) !== isolated);
      counts[Math.min(cat(code), 8)]++;
    });
    slider.value = k;
    dateOut.textContent = data.days[k];
    drawLegend(counts);
    if (sel) details(sel);
    if (table.open) fillTable();
  }

  function drawLegend(counts) {
    var html = "";
    cats.concat([{ label: tr("No data"), color: data.noData }]).forEach(function (c, i) {
      html += '<div role="button" tabindex="0" data-cat="' + i + '"' + (isolated >= 0 && isolated !== i ? ' class="sm-off"' : "") + ">" +
        '<svg viewBox="0 0 14 14"><rect width="14" height="14" fill="' + c.color + '"/></svg><span>' + esc(c.label) +
        ' (<span class="sm-count">' + counts[i] + "</span>)</span></div>";
    });
    html += '<p class="sm-note">' + esc(tr("Dotted: follows its state. Lined: last confirmed over 2 years before.")) + "</p>";
    legend.innerHTML = html;
  }
  function isolate(i) { isolated = isolated === i ? -1 : i; show(); }
  legend.addEventListener("click", function (e) {
    var d = e.target.closest("[data-cat]");
    if (d) isolate(+d.dataset.cat);
  });
  legend.addEventListener("keydown", function (e) {
    var d = e.target.closest("[data-cat]");
    if (d && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); isolate(+d.dataset.cat); }
  });

  function details(s) {
    var r = run(s), html = "<h2>" + esc(s.n) + "</h2><p>" + esc(tr(s.k)) + (s.s ? ", " + esc(s.s) : "") + " · FIPS " + esc(s.f) + "</p>";
    html += "<p><b>" + esc(data.days[k]) + ":</b> " + (r[0] < 0 ? esc(tr("not on the map")) : esc(data.texts[r[1]])) + "</p>";
    if (r[2] >= 0) {
      var f = data.facts[r[2]];
      html += "<p><b>" + esc(f.n) + ":</b> " + esc(f.c) + "</p><p>" + esc(f.p) + "</p><p>" +
        (f.e ? esc(tr("In effect from")) + " " + esc(f.e) : "") + (f.x ? " " + esc(tr("to")) + " " + esc(f.x) : "") + " · " + esc(f.v) +
        (f.lc ? " · " + esc(tr("last confirmed")) + " " + esc(f.lc) : "") + "</p>";
      if (f.s && f.s.length) {
        html += "<p><b>" + esc(tr("Sources")) + "</b></p><ul>" + f.s.map(function (n) {
          var u = data.urls[n];
          return '<li><a href="' + esc(u) + '" rel="noreferrer noopener" target="_blank">' + esc(u) + "</a></li>";
        }).join("") + "</ul>";
      }
    }
    if (s.a && s.a.length) {
      var models = { J: "Jail Enforcement Model", T: "Task Force Model", W: "Warrant Service Officer" };
      html += "<p><b>" + esc(tr("287(g) agreements of its own agency")) + "</b></p><ul>" + s.a.map(function (a) {
        var f = a.split("|");
        return "<li>" + esc(f[0]) + ": " + esc(tr(models[f[1]] || f[1])) + ", " + esc(f[2]) + " " + esc(tr("to")) + " " + esc(f[3] || tr("ICE's latest list")) + "</li>";
      }).join("") + "</ul>";
    }
    detail.innerHTML = html;
  }
  function select(s, open) {
    if (sel) sel.el.classList.remove("sm-sel");
    sel = s;
    if (s) { s.el.classList.add("sm-sel"); s.el.parentNode.appendChild(s.el); }
    if (s && open) details(s);
    if (!s) detail.innerHTML = "";
  }

  function shapeOf(t) { return t && t.dataset && t.dataset.i !== undefined ? shapes[+t.dataset.i] : null; }
  map.addEventListener("mousemove", function (e) {
    var s = shapeOf(e.target);
    if (!s) { tip.hidden = true; return; }
    tip.textContent = line(s);
    tip.hidden = false;
    tip.style.left = (e.clientX + 14) + "px";
    tip.style.top = (e.clientY + 16) + "px";
  });
  map.addEventListener("mouseleave", function () { tip.hidden = true; });
  map.addEventListener("click", function (e) { var s = shapeOf(e.target); if (s) select(s, true); });

  // Arrow keys move to the nearest place in that direction.
  map.addEventListener("keydown", function (e) {
    var dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (e.key === "Enter" && sel) { details(sel); e.preventDefault(); return; }
    if (e.key === "Escape") { select(null); return; }
    if (!dir) return;
    e.preventDefault();
    var from = sel ? sel.c : [487, 305], best = null, bestScore = Infinity;
    shapes.forEach(function (s) {
      if (s === sel || s.el.style.display === "none") return;
      var dx = s.c[0] - from[0], dy = s.c[1] - from[1];
      var along = dx * dir[0] + dy * dir[1], across = Math.abs(dx * dir[1] - dy * dir[0]);
      if (along <= 0) return;
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = s; }
    });
    if (best) { select(best, true); tip.hidden = true; }
  });

  // Search by the names people type: case, accents, "St." and the kind
  // of place ("County", "city") do not matter; a trailing state narrows.
  var kinds = / (city and borough|census area|county|parish|borough|municipality|city|town|village|cdp|township)$/;
  var states = {};
  data.regions.concat(data.cities).forEach(function (s) { if (s.s) states[s.s.toLowerCase()] = s.s; });
  (data.stateNames || []).forEach(function (p) { states[norm(p[1])] = p[0]; });
  function norm(q) {
    return q.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[.,']/g, " ")
      .replace(/\bste?\b/g, "saint").replace(/\s+/g, " ").trim();
  }
  function key(q) { return norm(q).replace(kinds, ""); }
  shapes.forEach(function (s) { s.key = key(s.n); });
  function find(q) {
    if (/^\d+$/.test(q.trim())) return shapes.filter(function (s) { return s.f === q.trim(); });
    var words = norm(q).split(" "), st = "";
    for (var n = Math.min(3, words.length - 1); n >= 1; n--) {
      var tail = words.slice(words.length - n).join(" ");
      if (states[tail]) { st = states[tail]; words = words.slice(0, words.length - n); break; }
    }
    var w = words.join(" ").replace(kinds, "");
    if (!w) return [];
    var hits = shapes.filter(function (s) { return (!st || s.s === st) && s.key.indexOf(w) === 0; });
    hits.sort(function (a, b) {
      return (a.key === w ? 0 : 1) - (b.key === w ? 0 : 1) || (a.k === "state" ? 0 : 1) - (b.k === "state" ? 0 : 1);
    });
    return hits.slice(0, 8);
  }
  var hits = [];
  search.addEventListener("input", function () {
    hits = search.value.trim() ? find(search.value) : [];
    found.innerHTML = hits.map(function (s, i) { return '<li role="option" data-h="' + i + '">' + esc(label(s)) + "</li>"; }).join("");
  });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && hits.length) { select(hits[0], true); found.innerHTML = ""; }
  });
  found.addEventListener("click", function (e) {
    var li = e.target.closest("[data-h]");
    if (li) { select(hits[+li.dataset.h], true); found.innerHTML = ""; }
  });

  slider.max = data.days.length - 1;
  slider.addEventListener("input", function () { k = +slider.value; show(); });
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "▶"; return; }
    if (k >= data.days.length - 1) k = 0;
    play.textContent = "❚❚";
    timer = setInterval(function () {
      if (k >= data.days.length - 1) { clearInterval(timer); timer = null; play.textContent = "▶"; return; }
      k++; show();
    }, 250);
  });
  if (data.days.length < 2) { slider.hidden = true; play.hidden = true; }

  function fillTable() {
    rows.innerHTML = shapes.map(function (s) {
      var r = run(s);
      return r[0] < 0 ? "" : "<tr><td>" + esc(s.n) + "</td><td>" + esc(s.s || "") + "</td><td>" + esc(data.texts[r[1]]) + "</td></tr>";
    }).join("");
  }
  table.addEventListener("toggle", function () { if (table.open) fillTable(); });
  show();
})();
