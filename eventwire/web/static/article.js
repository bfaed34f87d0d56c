// The article view: the text with actors, places, times, attribution cues/sources and event evidence
// highlighted (hover: codes and values); clicking an event shows its status, attribution chain and rule.
"use strict";
let doc = null, text = "";

function chain(attributionId) {
  const byId = new Map(doc.attributions.map(a => [a.id, a]));
  const actors = new Map(doc.actors.map(a => [a.id, a]));
  const links = [];
  for (let a = byId.get(attributionId), guard = 0; a && guard < 20; a = byId.get(a.parent), guard++) {
    const actor = a.source && actors.has(a.source) ? actors.get(a.source) : null;
    const who = a.source_text || (actor ? actor.name : "unnamed source");
    const code = actor && actor.code ? ` [${actor.code}]` : "";
    links.unshift(`${who}${code} (${a.cue}${a.channel ? ", " + a.channel : ""}${a.quote ? ", quoted" : ""})`);
  }
  return links;
}

function spans() {
  const out = [];
  const add = (start, end, cls, title, eventId) => {
    if (start !== null && end !== null && end > start) out.push({start, end, cls, title, eventId});
  };
  for (const a of doc.actors) for (const m of a.mentions)
    add(m.start, m.end, "actor", `actor ${a.name}${a.code ? " · " + a.code : ""}${a.kb_id ? " · " + a.kb_id : ""} · ${a.kind}`);
  for (const p of doc.places) for (const m of p.mentions)
    add(m.start, m.end, "place", `place ${p.name}${p.country ? " · " + p.country : ""}${p.lat !== null ? ` · ${p.lat}, ${p.lon}` : " · unresolved"}`);
  for (const t of doc.times) add(t.start, t.end, "time", `time ${t.type} ${t.value}`);
  for (const q of doc.attributions) {
    add(q.cue_start, q.cue_end, "cue", `attribution cue "${q.cue}" (${q.id})`);
    add(q.source_start, q.source_end, "source", `attribution source ${q.source_text || ""} (${q.id})`);
  }
  for (const e of doc.events) {
    add(e.evidence.start, e.evidence.end, "ev", `event ${e.id} ${e.type}${e.cameo ? " · CAMEO " + e.cameo : ""} · ${e.status}`, e.id);
    for (const m of e.mentions || []) if (m.evidence.start !== e.evidence.start)
      add(m.evidence.start, m.evidence.end, "ev", `event ${e.id} (another report) · ${m.status}`, e.id);
  }
  return out;
}

function renderText() {
  const all = spans();
  const cuts = new Set([0, text.length]);
  for (const s of all) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const box = el("div", {class: "text", id: "text"});
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const over = all.filter(s => s.start <= start && s.end >= end);
    if (!over.length) { box.append(text.slice(start, end)); continue; }
    const events = [...new Set(over.filter(s => s.eventId).map(s => s.eventId))];
    const span = el("span", {class: [...new Set(over.map(s => s.cls))].join(" "), title: over.map(s => s.title).join("\n"),
      "data-events": events.join(" ") || null}, text.slice(start, end));
    if (events.length) span.addEventListener("click", () => select(events[events.length - 1]));
    box.append(span);
  }
  return box;
}

function select(eventId) {
  const e = doc.events.find(x => x.id === eventId);
  if (!e) return;
  history.replaceState(null, "", `#${encodeURIComponent(eventId)}`);
  for (const node of document.querySelectorAll(".picked")) node.classList.remove("picked");
  for (const node of document.querySelectorAll("[data-events]"))
    if (node.dataset.events.split(" ").includes(eventId)) node.classList.add("picked");
  const item = document.querySelector(`li[data-event="${CSS.escape(eventId)}"]`);
  if (item) item.classList.add("picked");
  const actors = new Map(doc.actors.map(a => [a.id, a]));
  const who = ids => ids.map(id => actors.get(id)).filter(Boolean).map(a => a.code ? `${a.name} (${a.code})` : a.name).join(", ") || "–";
  const place = doc.places.find(p => p.id === e.place);
  const links = chain(e.attribution);
  const rows = [["event", `${e.id} · ${e.type}${e.mode ? " / " + e.mode : ""}`], ["CAMEO", `${e.cameo || "–"}${e.goldstein !== null && e.goldstein !== undefined ? ` (Goldstein ${e.goldstein})` : ""}`],
    ["source", who(e.source)], ["target", who(e.target)], ["date", `${e.date || "undated"}${e.date_basis ? ` (from the ${e.date_basis === "text" ? "text" : "publication date"})` : ""}`],
    ["place", placeLabel(place)], ["status", e.status], ["confidence", e.confidence]];
  document.getElementById("details").replaceChildren(el("h2", {text: "Event"}),
    el("dl", {id: "event-details"}, rows.map(([k, v]) => [el("dt", {text: k}), el("dd", {text: v})]),
      el("dt", {text: "attribution chain"}), el("dd", {}, links.length ? el("ol", {class: "chain"}, links.map(l => el("li", {text: l}))) : "the article itself (no attribution)"),
      el("dt", {text: "rule"}), el("dd", {text: e.rule || "not recorded"}),
      el("dt", {text: "evidence"}), el("dd", {text: e.evidence.text}),
      e.mentions && e.mentions.length > 1 ? [el("dt", {text: "reports in this article"}), el("dd", {text: String(e.mentions.length)})] : null));
}

async function main() {
  try {
    doc = await api(`/articles/${encodeURIComponent(PAGE_ID)}`);
  } catch (err) { fail(MAIN, err); return; }
  text = doc.text || "";
  const a = doc.article;
  const list = el("ul", {class: "eventlist"}, doc.events.map(e => el("li", {"data-event": e.id, on: {click: () => select(e.id)}},
    `${e.id} ${e.type} · ${e.date || "undated"} · ${e.status} — ${e.evidence.text.slice(0, 80)}`)));
  const key = el("div", {class: "key"}, [["actor", "actor"], ["place", "place"], ["time", "time"], ["cue", "attribution cue"],
    ["source", "attributed source"], ["ev", "event evidence"]].map(([cls, label]) => el("span", {class: cls, text: label})));
  MAIN.replaceChildren(el("h1", {text: a.title || a.id}),
    el("p", {class: "muted", text: [a.id, a.published, a.publisher, a.url].filter(Boolean).join(" · ")}), key,
    el("div", {class: "article"}, renderText(),
      el("div", {}, el("div", {class: "details", id: "details"}, el("p", {class: "muted", text: "Click an event (highlighted) for its status, attribution chain and rule."})),
        el("h2", {text: `${doc.events.length} events`}), list)));
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) select(wanted);
}
main();
