// Watches: saved queries and their alerts (newest first), with each watch's Atom feed.
"use strict";
async function main() {
  try {
    if (!PAGE_ID) {
      const {watches} = await api("/watches");
      MAIN.replaceChildren(el("h1", {text: "Watches"}),
        watches.length ? el("ul", {}, watches.map(w => el("li", {}, el("a", {href: `/view/watches/${w.id}`, text: w.name}),
          ` — ${w.describe} — ${w.alerts_count} alert(s) · `, el("a", {href: w.feed, text: "Atom feed"}))))
          : el("p", {class: "muted", text: "No watch yet: eventwire watch add NAME --type AGREE --source PRK, or POST /watches."}));
      return;
    }
    const w = await api(`/watches/${encodeURIComponent(PAGE_ID)}`);
    const rows = w.alerts.map(a => el("tr", {},
      el("td", {text: a.at}), el("td", {text: a.event.date || "–"}), el("td", {text: a.event.type}),
      el("td", {text: names(a.event.source)}), el("td", {text: names(a.event.target)}), el("td", {text: a.event.status}),
      el("td", {text: a.event.according_to || "–"}), el("td", {text: a.event.evidence.text}),
      el("td", {}, el("a", {href: `/view/articles/${encodeURIComponent(a.event.article_id)}#${encodeURIComponent(a.event.event_id)}`, text: a.event.article_id}))));
    MAIN.replaceChildren(el("h1", {text: `Watch: ${w.name}`}),
      el("p", {}, `${w.describe} · ${w.alerts_count} alert(s) · `, el("a", {href: w.feed, text: "Atom feed"}),
        w.webhook ? ` · webhook ${w.webhook}` : null),
      el("table", {class: "events"}, el("thead", {}, el("tr", {}, ["alerted", "date", "type", "source", "target", "status", "according to", "evidence", "article"].map(h => el("th", {text: h})))),
        el("tbody", {}, rows)));
  } catch (err) { fail(MAIN, err); }
}
main();
