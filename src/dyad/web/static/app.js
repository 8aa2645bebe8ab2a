// dyad's page: plain DOM code over the JSON API of the same server.
// Every text from the database is put in the page as a text node (textContent), never as
// markup; links are made only for http(s) URLs. The Content-Security-Policy of the server
// forbids inline scripts and any other origin besides.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const MAX = 1000;
  const state = {
    pair: null, // {a, b, a_name, b_name}
    entries: [], // the filtered entries shown
    selected: null, // the selected entry's id
    docs: new Map(), // doc_id -> document JSON
    points: null, // the index points shown
    speakersLoaded: false,
  };

  const $ = (id) => document.getElementById(id);

  // -- small helpers -----------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function tone(score) {
    if (score > 0) return "coop";
    if (score < 0) return "conf";
    return "neutral";
  }

  function safeUrl(url) {
    // Only web addresses become links: never javascript:, data: or anything else.
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function setStatus(text) {
    $("status").textContent = text || "";
  }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
      else if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
      throw new Error(`${response.status}: ${detail}`);
    }
    return body;
  }

  function run(task) {
    // Runs an async task, showing what it waits for and any error in the status line.
    setStatus("loading…");
    return task()
      .then(() => setStatus(""))
      .catch((err) => setStatus(`error: ${err.message}`));
  }

  // Offsets from the server count code points; JavaScript strings count UTF-16 units.
  function codePointSplit(text, start, end) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      return [text.slice(0, start), text.slice(start, end), text.slice(end)];
    }
    const cps = Array.from(text);
    return [cps.slice(0, start).join(""), cps.slice(start, end).join(""), cps.slice(end).join("")];
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function pairLabel(d) {
    const y0 = d.first ? d.first.slice(0, 4) : null;
    const y1 = d.last ? d.last.slice(0, 4) : null;
    const years = y0 && y1 ? (y0 === y1 ? `, ${y0}` : `, ${y0}–${y1}`) : "";
    return `${d.a_name} – ${d.b_name} (${plural(d.entries, "entry", "entries")}, `
      + `${plural(d.documents, "article", "articles")}${years})`;
  }

  function entryLabel(e) {
    return `${e.date || "undated"} ${e.type} ${e.source} → ${e.target}`;
  }

  // -- the pair and its timeline -----------------------------------------------------------

  async function loadDyads() {
    const dyads = await api("/api/dyads");
    const select = $("pair");
    for (const d of dyads) {
      select.append(el("option", { value: `${d.a}|${d.b}`, text: pairLabel(d) }));
    }
    if (!dyads.length) setStatus("the database holds no pair of states yet");
    const wanted = new URLSearchParams(window.location.hash.slice(1));
    if (wanted.get("a") && wanted.get("b")) {
      const value = [wanted.get("a"), wanted.get("b")].sort().join("|");
      if ([...select.options].some((o) => o.value === value)) {
        select.value = value;
        await choosePair(value, wanted.get("entry"));
      }
    }
  }

  async function choosePair(value, entryId) {
    if (!value) return;
    const [a, b] = value.split("|");
    state.pair = { a, b };
    state.selected = null;
    $("pair-hint").hidden = true;
    $("pair-view").hidden = false;
    clearFilters();
    // Unfiltered, to know which types, outlets and years there are to filter by.
    const all = await api("/api/timeline", { a, b, limit: MAX });
    state.pair.a_name = all.a_name;
    state.pair.b_name = all.b_name;
    buildFacets(all.entries);
    showEntries(all, false);
    await loadIndex();
    history.replaceState(null, "", `#a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    if (entryId) {
      const found = state.entries.find((e) => e.id === entryId);
      if (found) await selectEntry(found);
    }
  }

  function buildFacets(entries) {
    const types = [...new Set(entries.map((e) => e.type))].sort();
    const box = $("f-types");
    box.replaceChildren(el("legend", { text: "Type" }));
    for (const t of types) {
      const score = entries.find((e) => e.type === t).score;
      box.append(
        el("label", {}, el("input", { type: "checkbox", value: t, name: "type" }),
          el("span", { class: `chip ${tone(score)}`, text: t })),
      );
    }
    const outlets = [...new Set(entries.flatMap((e) => e.outlets))].sort();
    const select = $("f-outlet");
    select.replaceChildren(el("option", { value: "", text: "any" }));
    for (const o of outlets) select.append(el("option", { value: o, text: o }));
  }

  function clearFilters() {
    for (const box of document.querySelectorAll("#f-types input")) box.checked = false;
    $("f-status").value = "";
    $("f-from").value = "";
    $("f-to").value = "";
    $("f-outlet").value = "";
    $("f-min").value = "1";
  }

  function filterParams() {
    const year = (v) => (/^\d{4}$/.test(v) ? v : null);
    return {
      type: [...document.querySelectorAll("#f-types input:checked")].map((x) => x.value),
      status: $("f-status").value,
      from: year($("f-from").value),
      to: year($("f-to").value),
      outlet: $("f-outlet").value,
      min_sources: Math.max(1, parseInt($("f-min").value, 10) || 1),
    };
  }

  async function applyFilters() {
    if (!state.pair) return;
    const { a, b } = state.pair;
    const data = await api("/api/timeline", { a, b, limit: MAX, ...filterParams() });
    showEntries(data, true);
  }

  function showEntries(data, filtered) {
    state.entries = data.entries;
    const n = data.entries.length;
    $("timeline-count").textContent = `${plural(n, "entry", "entries")}${filtered ? " (filtered)" : ""}`;
    $("timeline-note").textContent = n >= MAX
      ? `Only the first ${MAX} entries are shown: narrow the years to see the rest.`
      : "";
    renderRows();
    renderAxis();
  }

  function bestSource(e) {
    // The timeline puts an entry's best report first.
    return e.sources[0] || null;
  }

  function renderRows() {
    const body = $("timeline").tBodies[0];
    body.replaceChildren();
    for (const e of state.entries) {
      const best = bestSource(e);
      const row = el("tr", {
        class: `${tone(e.score)}${e.id === state.selected ? " selected" : ""}`,
        "data-entry-id": e.id,
        tabindex: 0,
        onclick: () => run(() => selectEntry(e)),
        onkeydown: (ev) => { if (ev.key === "Enter") run(() => selectEntry(e)); },
      },
        el("td", { class: "date", text: e.date || "undated" }),
        el("td", {}, el("span", { class: `chip ${tone(e.score)}`, text: e.type }),
          e.mode ? el("div", { class: "muted", text: e.mode }) : null),
        el("td", { text: `${e.source} → ${e.target}` }),
        el("td", { class: `status ${e.status}`, text: e.status }),
        el("td", { title: e.outlets.join(", "), text: `${e.sources.length}${e.outlets.length ? ` · ${e.outlets.join(", ")}` : ""}` }),
        el("td", { class: "sentence", text: best ? best.sentence : "" }),
      );
      body.append(row);
    }
  }

  function dateValue(date) {
    // The middle of the period a date names, in ms: "2023" -> July 2023, "2023-05" -> mid-May.
    if (!date) return null;
    const [y, m, d] = date.split("-").map((x) => parseInt(x, 10));
    if (d) return Date.UTC(y, m - 1, d);
    if (m) return Date.UTC(y, m - 1, 15);
    return Date.UTC(y, 6, 1);
  }

  function renderAxis() {
    const box = $("axis");
    box.replaceChildren();
    const width = box.clientWidth || 600;
    const height = 110;
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const dated = state.entries.filter((e) => e.date);
    if (!dated.length) return;
    const times = dated.map((e) => dateValue(e.date));
    let lo = Math.min(...times);
    let hi = Math.max(...times);
    const pad = Math.max((hi - lo) * 0.05, 1000 * 3600 * 24 * 20);
    lo -= pad;
    hi += pad;
    const x = (t) => 20 + ((t - lo) / (hi - lo)) * (width - 40);
    const mid = height / 2;
    box.append(svg("line", { class: "axis-line", x1: 10, x2: width - 10, y1: mid, y2: mid }));
    const y0 = new Date(lo).getUTCFullYear();
    const y1 = new Date(hi).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    for (let y = y0; y <= y1 + 1; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t < lo || t > hi) continue;
      box.append(svg("line", { class: "axis-line", x1: x(t), x2: x(t), y1: mid - 4, y2: mid + 4 }));
      box.append(svg("text", { x: x(t) + 2, y: height - 4 }, String(y)));
    }
    box.append(svg("text", { x: 2, y: 10 }, "cooperation"));
    box.append(svg("text", { x: 2, y: height - 16 }, "conflict"));
    for (const e of dated) {
      const cy = mid - Math.max(-10, Math.min(10, e.score)) * ((mid - 12) / 10);
      const dot = svg("circle", {
        class: `dot ${tone(e.score)} ${e.status}${e.id === state.selected ? " selected" : ""}`,
        cx: x(dateValue(e.date)),
        cy,
        r: 4 + Math.min(4, e.sources.length - 1),
        "data-entry-id": e.id,
        onclick: () => run(() => selectEntry(e)),
      });
      dot.append(svg("title", {}, `${entryLabel(e)} (${e.status}, ${e.sources.length} sources)`));
      box.append(dot);
    }
  }

  async function loadIndex() {
    if (!state.pair) return;
    const { a, b } = state.pair;
    const data = await api("/api/index", { a, b, by: $("by").value });
    state.points = data.points;
    renderIndex(data.points);
  }

  function periodKey(period) {
    // "2023" -> [2023, 0], "2023-Q2" -> [2023, 1], "2023-05" -> [2023, 4]
    const [y, rest] = period.split("-");
    if (!rest) return [Number(y), 0];
    if (rest.startsWith("Q")) return [Number(y), Number(rest.slice(1)) - 1];
    return [Number(y), Number(rest) - 1];
  }

  function withEmptyPeriods(points, by) {
    // Every period from the first to the last, so the axis is time, not a list of periods.
    if (points.length < 2) return points;
    const per = by === "month" ? 12 : by === "quarter" ? 4 : 1;
    const index = (p) => { const [y, i] = periodKey(p.period); return y * per + i; };
    const known = new Map(points.map((p) => [index(p), p]));
    const first = index(points[0]);
    const last = index(points[points.length - 1]);
    if (last - first > 600) return points; // centuries by month: keep the known ones
    const out = [];
    for (let n = first; n <= last; n++) {
      const y = Math.floor(n / per);
      const i = n % per;
      const name = by === "month" ? `${y}-${String(i + 1).padStart(2, "0")}`
        : by === "quarter" ? `${y}-Q${i + 1}` : String(y);
      out.push(known.get(n) || { period: name, score: 0, cooperation: 0, conflict: 0,
        entries: 0, documents: 0 });
    }
    return out;
  }

  function renderIndex(given) {
    const points = withEmptyPeriods(given, $("by").value);
    const box = $("index-chart");
    box.replaceChildren();
    const width = box.clientWidth || 600;
    const height = 170;
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!points.length) {
      box.append(svg("text", { x: 10, y: 20 }, "no dated entries"));
      return;
    }
    const top = 12;
    const bottom = height - 22;
    const peak = Math.max(1, ...points.map((p) => Math.max(p.cooperation, -p.conflict)));
    const mid = (top + bottom) / 2;
    const scale = (bottom - top) / 2 / peak;
    const slot = (width - 40) / points.length;
    const bar = Math.max(2, Math.min(40, slot * 0.7));
    box.append(svg("line", { class: "axis-line", x1: 30, x2: width - 5, y1: mid, y2: mid }));
    box.append(svg("text", { x: 0, y: top + 4 }, `+${Math.round(peak)}`));
    box.append(svg("text", { x: 0, y: bottom }, `−${Math.round(peak)}`));
    const every = Math.max(1, Math.ceil(points.length / Math.floor((width - 40) / 60)));
    points.forEach((p, i) => {
      const cx = 35 + slot * i + slot / 2;
      const tip = `${p.period}: ${p.entries} entries from ${p.documents} documents; `
        + `cooperation ${p.cooperation.toFixed(1)}, conflict ${p.conflict.toFixed(1)}, `
        + `mean ${p.score.toFixed(2)}`;
      const g = svg("g", {});
      g.append(svg("title", {}, tip));
      if (p.cooperation > 0) {
        g.append(svg("rect", { class: "bar coop", x: cx - bar / 2, width: bar,
          y: mid - p.cooperation * scale, height: p.cooperation * scale }));
      }
      if (p.conflict < 0) {
        g.append(svg("rect", { class: "bar conf", x: cx - bar / 2, width: bar,
          y: mid, height: -p.conflict * scale }));
      }
      // an invisible full-height target so the tooltip shows anywhere in the column
      g.append(svg("rect", { x: cx - slot / 2, width: slot, y: top, height: bottom - top,
        fill: "transparent" }));
      box.append(g);
      if (i % every === 0) box.append(svg("text", { x: cx - 14, y: height - 6 }, p.period));
      if (!p.entries) g.setAttribute("class", "empty");
    });
  }

  // -- an entry and its sources ------------------------------------------------------------

  async function selectEntry(e) {
    state.selected = e.id;
    for (const row of document.querySelectorAll("#timeline tbody tr")) {
      row.classList.toggle("selected", row.dataset.entryId === e.id);
    }
    for (const dot of document.querySelectorAll("#axis .dot")) {
      dot.classList.toggle("selected", dot.dataset.entryId === e.id);
    }
    if (state.pair) {
      const { a, b } = state.pair;
      history.replaceState(null, "",
        `#a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&entry=${encodeURIComponent(e.id)}`);
    }
    $("entry-hint").hidden = true;
    const body = $("entry-body");
    body.replaceChildren(
      el("p", {},
        el("span", { class: `chip ${tone(e.score)}`, text: e.type }), " ",
        el("strong", { text: `${e.source} → ${e.target}` }),
        ` ${e.date || "undated"} (${e.precision || "?"}), ${e.status}`,
        e.mode ? `, ${e.mode}` : "",
        `; score ${e.score}`),
      el("p", { class: "muted", text: `${plural(e.sources.length, "source", "sources")}${e.outlets.length ? `: ${e.outlets.join(", ")}` : ""}` }),
    );
    const list = el("ol", { class: "plain" });
    e.sources.forEach((s, i) => {
      const said = [s.outlet || s.doc_id, s.published ? `published ${s.published}` : null,
        `says ${s.status}`, s.date ? `dates it ${s.date}` : null].filter(Boolean).join(" · ");
      list.append(el("li", { class: "source", "data-doc-id": s.doc_id },
        el("div", { class: "head", text: said }),
        el("blockquote", { text: s.sentence }),
        el("button", {
          type: "button", class: "open", "data-source": i,
          onclick: () => run(() => openDocument(s.doc_id, s.start, s.end)),
        }, "Open the article at this sentence"),
      ));
    });
    body.append(list);
    const first = e.sources[0];
    if (first) await openDocument(first.doc_id, first.start, first.end);
  }

  // -- a document, with one span highlighted -----------------------------------------------

  async function getDocument(docId) {
    if (!state.docs.has(docId)) {
      state.docs.set(docId, await api(`/api/documents/${encodeURIComponent(docId)}`));
    }
    return state.docs.get(docId);
  }

  async function openDocument(docId, start, end) {
    const doc = await getDocument(docId);
    $("doc-title").textContent = doc.title || doc.doc_id;
    const meta = $("doc-meta");
    meta.replaceChildren();
    const parts = [doc.outlet, doc.published ? `published ${doc.published}` : null,
      doc.title ? doc.doc_id : null].filter(Boolean).join(" · ");
    meta.append(parts);
    const href = safeUrl(doc.url);
    if (href) {
      meta.append(" · ", el("a", { href, target: "_blank", rel: "noopener noreferrer", text: "original" }));
    }
    showSpan(doc, start, end);
    renderFacts(doc);
  }

  function showSpan(doc, start, end) {
    const box = $("doc-text");
    box.replaceChildren();
    if (typeof start !== "number" || typeof end !== "number" || end <= start) {
      box.append(doc.text);
      box.scrollTop = 0;
      return;
    }
    const [before, span, after] = codePointSplit(doc.text, start, end);
    const mark = el("mark", { id: "highlight", text: span });
    box.append(before, mark, after);
    // Scroll the document box only (not the whole page) so the sentence is in view.
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }

  function renderFacts(doc) {
    const body = $("doc-facts-body");
    body.replaceChildren();
    const section = (title, items) => {
      if (!items.length) return;
      body.append(el("h3", { text: `${title} (${items.length})` }));
      const ul = el("ul", {});
      for (const [label, span] of items) {
        ul.append(el("li", {
          text: label,
          onclick: span ? () => showSpan(doc, span.start, span.end) : null,
        }));
      }
      body.append(ul);
    };
    section("Events", doc.events.map((e) => [
      `${e.date || "undated"} ${e.type} ${e.source} → ${e.target} (${e.status})`, e.spans[0]]));
    section("Quotes", doc.quotes.map((q) => [`${q.speaker || "unattributed"}: “${q.text}”`, q.span]));
    section("Persons", doc.persons.map((p) => [
      [p.name, p.role, p.state].filter(Boolean).join(", "), p.spans[0]]));
    section("Figures", doc.figures.map((f) => [f.text, f.span]));
  }

  // -- quotes by person --------------------------------------------------------------------

  async function loadSpeakers() {
    const data = await api("/api/persons", { limit: MAX });
    const list = $("speakers");
    list.replaceChildren();
    const quoted = data.persons.filter((p) => p.quotes > 0);
    if (!quoted.length) list.append(el("li", { class: "muted", text: "nobody is quoted" }));
    for (const p of quoted) {
      list.append(el("li", {},
        el("button", {
          type: "button",
          "data-speaker": p.name,
          title: [p.roles.join(", "), p.states.join(", ")].filter(Boolean).join(" · "),
          onclick: () => { $("speaker").value = p.name; run(() => loadQuotes(p.name)); },
        }, `${p.name} (${p.quotes})`)));
    }
    state.speakersLoaded = true;
  }

  async function loadQuotes(speaker) {
    for (const b of document.querySelectorAll("#speakers button")) {
      b.classList.toggle("selected", b.dataset.speaker === speaker);
    }
    const data = await api("/api/quotes", { speaker, limit: 500 });
    const list = $("quotes");
    list.replaceChildren();
    if (!data.quotes.length) list.append(el("li", { class: "muted", text: "no quotes" }));
    for (const q of data.quotes) {
      list.append(el("li", {},
        el("blockquote", { text: `“${q.text}”` }),
        el("div", { class: "quote-by" },
          `${q.speaker || "unattributed"} · ${q.title || q.doc_id}${q.published ? ` · ${q.published}` : ""} `,
          el("button", { type: "button", class: "open",
            onclick: () => run(() => openDocument(q.doc_id, q.start, q.end)) }, "Open"))));
    }
  }

  // -- full-text search --------------------------------------------------------------------

  async function search(text) {
    const data = await api("/api/search", { q: text, limit: 100 });
    const list = $("hits");
    list.replaceChildren();
    if (!data.hits.length) list.append(el("li", { class: "muted", text: "no sentence matches" }));
    for (const h of data.hits) {
      list.append(el("li", {},
        el("div", { text: h.sentence }),
        el("div", { class: "quote-by" },
          `${h.title || h.doc_id}${h.published ? ` · ${h.published}` : ""} `,
          el("button", { type: "button", class: "open",
            onclick: () => run(() => openDocument(h.doc_id, h.start, h.end)) }, "Open"))));
    }
  }

  // -- wiring ------------------------------------------------------------------------------

  function showTab(name) {
    for (const b of document.querySelectorAll(".tabs button")) {
      b.classList.toggle("active", b.dataset.tab === name);
    }
    for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== `tab-${name}`;
    if (name === "quotes" && !state.speakersLoaded) run(loadSpeakers);
    if (name === "timeline") { renderAxis(); if (state.pair) run(loadIndex); }
  }

  function init() {
    $("pair").addEventListener("change", (ev) => run(() => choosePair(ev.target.value)));
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); run(applyFilters); });
    $("f-clear").addEventListener("click", () => { clearFilters(); run(applyFilters); });
    $("by").addEventListener("change", () => run(loadIndex));
    for (const b of document.querySelectorAll(".tabs button")) {
      b.addEventListener("click", () => showTab(b.dataset.tab));
    }
    $("speaker-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      run(() => loadQuotes($("speaker").value.trim()));
    });
    $("search-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = $("q").value.trim();
      if (text) run(() => search(text));
    });
    window.addEventListener("resize", () => {
      renderAxis();
      if (state.points) renderIndex(state.points);
    });
    run(loadDyads);
  }

  document.addEventListener("DOMContentLoaded", init);
})();
