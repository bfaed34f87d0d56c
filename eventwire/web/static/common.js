// Shared helpers of the eventwire pages. Everything is built with DOM calls that set text (textContent,
// setAttribute), never markup: article text and names cannot inject script.
"use strict";
const SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") { for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn); }
    else if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch(path, {headers: {Accept: "application/json"}});
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

function names(actors) {
  return actors.length ? actors.map(a => a.code ? `${a.name} (${a.code})` : a.name).join(", ") : "–";
}

function placeLabel(place) {
  return place ? place.name + (place.country ? ` (${place.country})` : "") : "–";
}

// One colour per PLOVER type, stable across pages.
const TYPES = ["AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "DEMAND", "DISAPPROVE",
  "FIGHT", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "YIELD", "OTHER"];
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#8c564b", "#9467bd", "#ff7f0e", "#17becf", "#bcbd22", "#e377c2",
  "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#31a354", "#e6550d", "#756bb1", "#636363"];
function typeColour(type) { const i = TYPES.indexOf(type); return PALETTE[(i < 0 ? TYPES.length - 1 : i) % PALETTE.length]; }

function fail(main, err) { main.replaceChildren(el("p", {class: "error", text: String(err.message || err)})); }
const MAIN = document.getElementById("main");
const PAGE_ID = document.body.dataset.id;
