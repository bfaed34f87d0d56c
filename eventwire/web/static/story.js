// A story event: one real event and its reports across articles.
"use strict";
async function main() {
  let data;
  try { data = await api(`/stories/${encodeURIComponent(PAGE_ID)}`); } catch (err) { fail(MAIN, err); return; }
  const s = data.story;
  const facts = [["type", `${s.type}${s.cameo ? " · CAMEO " + s.cameo : ""}`], ["source", names(s.source)], ["target", names(s.target)],
    ["date", s.date || "undated"], ["place", placeLabel(s.place)],
    ["reports", `${s.num_mentions} mention(s) in ${s.num_articles} article(s) from ${s.num_sources} outlet(s), ${s.num_distinct_texts} distinct text(s)`]];
  const rows = data.events.map(e => el("tr", {},
    el("td", {}, el("a", {href: `/view/articles/${encodeURIComponent(e.article_id)}#${encodeURIComponent(e.event_id)}`, text: e.article_id})),
    el("td", {text: e.published || "–"}), el("td", {text: e.publisher || "–"}), el("td", {text: e.status}),
    el("td", {text: e.according_to || "–"}), el("td", {text: e.evidence.text})));
  MAIN.replaceChildren(el("h1", {text: `Story ${s.id}`}),
    el("dl", {class: "details"}, facts.map(([k, v]) => [el("dt", {text: k}), el("dd", {text: v})])),
    el("h2", {text: "Reports"}),
    el("table", {class: "events"}, el("thead", {}, el("tr", {}, ["article", "published", "publisher", "status", "according to", "evidence"].map(h => el("th", {text: h})))),
      el("tbody", {}, rows)));
}
main();
