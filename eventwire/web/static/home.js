// The events page: filters (the store's query), then the table, a timeline by date and type, a map of
// event places and an actor network. Selecting a bar, a place or an actor filters the other three.
"use strict";
const FILTERS = [["country", "country", "PRK"], ["actor", "actor", "Kim, RUSGOV"], ["type", "type", "CONSULT"],
  ["status", "status", "reported"], ["since", "since", "YYYY-MM-DD"], ["until", "until", "YYYY-MM-DD"],
  ["place", "place", "Amur, RUS"], ["according_to", "according to", "Tass"]];
const PAGE_SIZE = 1000;
let events = [], total = 0, world = null;
const picked = {date: null, type: null, place: null, actor: null};

function placeKey(p) { return p && p.lat !== null ? `${p.name}|${p.lat}|${p.lon}` : null; }
function actorKey(a) { return a.code || a.name; }

function selected(e) {
  return (!picked.date || e.date === picked.date) && (!picked.type || e.type === picked.type)
    && (!picked.place || placeKey(e.place) === picked.place)
    && (!picked.actor || [...e.source, ...e.target].some(a => actorKey(a) === picked.actor));
}

function pick(change) {
  for (const [key, value] of Object.entries(change)) picked[key] = picked[key] === value ? null : value;
  render();
}

function form() {
  const params = new URLSearchParams(location.search);
  const inputs = FILTERS.map(([name, label, hint]) => el("label", {}, label,
    el("input", {name, placeholder: hint, value: params.get(name) || ""})));
  const f = el("form", {class: "filters", id: "filters"}, inputs, el("button", {type: "submit", text: "filter"}));
  f.addEventListener("submit", ev => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const input of f.querySelectorAll("input")) if (input.value.trim()) q.set(input.name, input.value.trim());
    history.replaceState(null, "", q.toString() ? `?${q}` : location.pathname);
    load();
  });
  return f;
}

async function load() {
  const q = new URLSearchParams(location.search);
  q.set("limit", PAGE_SIZE);
  try {
    const page = await api(`/events?${q}`);
    events = page.events; total = page.total;
    for (const key of Object.keys(picked)) picked[key] = null;
    render();
  } catch (err) { fail(document.getElementById("views"), err); }
}

function render() {
  const shown = events.filter(selected);
  const chips = Object.entries(picked).filter(([, v]) => v).map(([k, v]) => el("span", {class: "chip", text: `${k}: ${v.split("|")[0]}`}));
  const clear = el("button", {id: "clear", text: "clear selection", on: {click: () => pick(
    Object.fromEntries(Object.entries(picked).filter(([, v]) => v)))}});
  document.getElementById("selection").replaceChildren(
    el("span", {text: `${shown.length} of ${total} events${total > events.length ? ` (first ${events.length} loaded)` : ""} `}),
    ...chips, ...(chips.length ? [clear] : []));
  document.getElementById("table").replaceChildren(table(shown));
  document.getElementById("timeline").replaceChildren(timeline(shown));
  document.getElementById("map").replaceChildren(map(shown));
  document.getElementById("network").replaceChildren(network(shown));
}

function table(rows) {
  const head = el("tr", {}, ["date", "type", "source", "target", "place", "status", "according to", "evidence", "article"]
    .map(h => el("th", {text: h})));
  const body = rows.map(e => el("tr", {"data-event": `${e.article_id}#${e.event_id}`},
    el("td", {text: e.date || "–"}), el("td", {text: `${e.type} ${e.cameo || ""}`}),
    el("td", {text: names(e.source)}), el("td", {text: names(e.target)}), el("td", {text: placeLabel(e.place)}),
    el("td", {text: e.status}), el("td", {text: e.according_to || "–"}), el("td", {}, e.evidence.text, e.mentions.filter(m => m.evidence.start !== e.evidence.start).map(m =>
      el("div", {class: "muted", text: `also reported: ${m.evidence.text}${m.according_to ? ` (${m.according_to})` : ""}`}))),
    el("td", {}, el("a", {href: `/view/articles/${encodeURIComponent(e.article_id)}#${encodeURIComponent(e.event_id)}`,
      text: e.article_id}), e.story_id ? [" ", el("a", {href: `/view/stories/${encodeURIComponent(e.story_id)}`, text: "story"})] : null)));
  return el("table", {class: "events"}, el("thead", {}, head), el("tbody", {}, body));
}

function timeline(rows) {
  const dated = rows.filter(e => e.date);
  const dates = [...new Set(dated.map(e => e.date))].sort();
  const W = 600, H = 170, top = 10, bottom = 30;
  const svg = el("svg:svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events by date and type"});
  if (!dates.length) { svg.append(el("svg:text", {x: 10, y: 20, text: "no dated events"})); return svg; }
  const counts = {};
  for (const e of dated) { counts[e.date] = counts[e.date] || {}; counts[e.date][e.type] = (counts[e.date][e.type] || 0) + 1; }
  const most = Math.max(...dates.map(d => Object.values(counts[d]).reduce((a, b) => a + b, 0)));
  const band = Math.min((W - 20) / dates.length, 60), scale = (H - top - bottom) / most;
  dates.forEach((date, i) => {
    let y = H - bottom;
    for (const [type, n] of Object.entries(counts[date]).sort()) {
      const h = n * scale;
      y -= h;
      const isPicked = picked.date === date && picked.type === type;
      svg.append(el("svg:rect", {class: `bar${isPicked ? " picked" : ""}`, x: 10 + i * band + band * 0.1, y, width: band * 0.8,
        height: h, fill: typeColour(type), "data-date": date, "data-type": type,
        on: {click: () => pick({date, type})}}, el("svg:title", {text: `${date} ${type}: ${n} event${n > 1 ? "s" : ""}`})));
    }
    if (dates.length <= 12 || i % Math.ceil(dates.length / 12) === 0)
      svg.append(el("svg:text", {x: 10 + i * band + band / 2, y: H - bottom + 14, "text-anchor": "middle", "font-size": 9, text: date}));
  });
  const types = [...new Set(dated.map(e => e.type))].sort();
  const legend = el("div", {class: "legend"}, types.map(t => el("span", {}, el("span", {class: "swatch", style: `background:${typeColour(t)}`}), t)));
  return el("div", {}, svg, legend);
}

function map(rows) {
  const svg = el("svg:svg", {viewBox: "0 0 360 180", role: "img", "aria-label": "map of event places"});
  svg.append(el("svg:rect", {class: "sea", x: 0, y: 0, width: 360, height: 180}));
  for (const c of (world ? world.countries : [])) svg.append(el("svg:path", {class: "country", d: c.d}, el("svg:title", {text: c.name})));
  const places = {};
  for (const e of rows) {
    const key = placeKey(e.place);
    if (key) (places[key] = places[key] || {place: e.place, n: 0}).n += 1;
  }
  for (const [key, {place, n}] of Object.entries(places)) {
    svg.append(el("svg:circle", {class: `dot${picked.place === key ? " picked" : ""}`, cx: place.lon + 180, cy: 90 - place.lat,
      r: 1.5 + Math.sqrt(n), "data-place": place.name, on: {click: () => pick({place: key})}},
      el("svg:title", {text: `${placeLabel(place)}: ${n} event${n > 1 ? "s" : ""}`})));
  }
  return svg;
}

function network(rows) {
  const nodes = new Map(), edges = new Map();
  for (const e of rows) {
    for (const a of [...e.source, ...e.target]) {
      const n = nodes.get(actorKey(a)) || {key: actorKey(a), label: a.code ? `${a.name} (${a.code})` : a.name, events: 0};
      n.events += 1; nodes.set(n.key, n);
    }
    for (const s of e.source) for (const t of e.target) {
      if (actorKey(s) === actorKey(t)) continue;
      const k = `${actorKey(s)}\u0000${actorKey(t)}`;
      edges.set(k, (edges.get(k) || 0) + 1);
    }
  }
  const W = 420, H = 300, list = [...nodes.values()].sort((a, b) => b.events - a.events).slice(0, 30);
  const svg = el("svg:svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"});
  const at = new Map(list.map((n, i) => {
    const angle = 2 * Math.PI * i / list.length - Math.PI / 2;
    return [n.key, [W / 2 + 120 * Math.cos(angle), H / 2 + 115 * Math.sin(angle)]];
  }));
  for (const [k, n] of edges) {
    const [s, t] = k.split("\u0000");
    if (!at.has(s) || !at.has(t)) continue;
    const [[x1, y1], [x2, y2]] = [at.get(s), at.get(t)];
    svg.append(el("svg:line", {class: "edge", x1, y1, x2, y2, "stroke-width": Math.min(1 + n, 8)},
      el("svg:title", {text: `${s} → ${t}: ${n} event${n > 1 ? "s" : ""}`})));
  }
  for (const n of list) {
    const [x, y] = at.get(n.key);
    svg.append(el("svg:g", {class: `node${picked.actor === n.key ? " picked" : ""}`, "data-actor": n.key,
      on: {click: () => pick({actor: n.key})}},
      el("svg:circle", {cx: x, cy: y, r: 3 + Math.sqrt(n.events) * 2}, el("svg:title", {text: `${n.label}: ${n.events} events`})),
      el("svg:text", {x, y: y - 6 - Math.sqrt(n.events) * 2, "text-anchor": "middle", text: n.label})));
  }
  return svg;
}

MAIN.replaceChildren(el("h1", {text: "Events"}), form(), el("div", {class: "selection", id: "selection"}),
  el("div", {id: "views", class: "panels"},
    el("div", {class: "panel"}, el("h2", {text: "Timeline (date × type)"}), el("div", {id: "timeline"})),
    el("div", {class: "panel"}, el("h2", {text: "Map"}), el("div", {id: "map"})),
    el("div", {class: "panel"}, el("h2", {text: "Actor network (source → target)"}), el("div", {id: "network"})),
    el("div", {class: "panel"}, el("h2", {text: "Stories"}), el("div", {id: "stories"}))),
  el("h2", {text: "Table"}), el("div", {id: "table"}));
fetch("/static/world.json").then(r => r.json()).then(w => { world = w; render(); }).catch(() => {});
api("/stories?limit=20").then(s => document.getElementById("stories").replaceChildren(el("ul", {}, s.stories.map(st =>
  el("li", {}, el("a", {href: `/view/stories/${encodeURIComponent(st.id)}`, text: `${st.date || "undated"} ${st.type}`}),
    ` ${st.num_articles} article(s)`))))).catch(() => {});
load();
