// The framing table: one row per actor, one column per outlet, the labels the outlet used.

import { el } from "./format.js";

export function renderFraming(container, rows) {
  if (!rows.length) {
    container.replaceChildren(el("p", { class: "placeholder" }, "No labels recorded."));
    return;
  }
  const outlets = [...new Set(rows.map((row) => row.outlet))].sort(byName);
  const actors = rankActors(rows);
  const cells = new Map(rows.map((row) => [`${row.actor}\u0000${row.outlet}`, []]));
  for (const row of rows) cells.get(`${row.actor}\u0000${row.outlet}`).push(row);
  const head = el("tr", {}, el("th", { scope: "col" }, "actor (neutral name)"),
    outlets.map((outlet) => el("th", { scope: "col" }, outlet)));
  const body = actors.map((actor) => el("tr", { "data-actor": actor },
    el("th", { scope: "row" }, actor),
    outlets.map((outlet) => labelCell(actor, outlet, cells.get(`${actor}\u0000${outlet}`) || []))));
  container.replaceChildren(el("table", { id: "framing-table" }, el("thead", {}, head), el("tbody", {}, body)));
}

function labelCell(actor, outlet, labels) {
  const chips = [...labels].sort((a, b) => b.count - a.count || byName(a.label, b.label)).map((row) =>
    el("span", { class: row.loaded ? "label loaded" : "label", title: row.loaded ? "loaded label" : null },
      row.label, el("span", { class: "count" }, String(row.count))));
  return el("td", { "data-outlet": outlet, "data-actor": actor }, chips);
}

function rankActors(rows) {
  const totals = new Map();
  for (const row of rows) totals.set(row.actor, (totals.get(row.actor) || 0) + row.count);
  return [...totals].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).map(([actor]) => actor);
}

function byName(a, b) {
  return String(a).localeCompare(String(b), "en", { sensitivity: "base" });
}
