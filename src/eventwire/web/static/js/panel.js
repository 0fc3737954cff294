// The event panel: one event (and any others at the same point) with its claims side by
// side, one column per outlet, grouped by claimant, each claim's words as written.

import { colourOf, band, placeOf, dateOf, el, TIME_PRECISION, GEO_PRECISION } from "./format.js";

const FIGURE_KINDS = ["killed", "injured", "captured", "surrendered", "deserted", "arrested", "missing", "displaced", "weapons_seized"];

export function showLoading(panel) {
  panel.dataset.state = "loading";
  panel.replaceChildren(el("p", { class: "placeholder" }, "loading..."));
}

export function showEvents(panel, events, onClose) {
  panel.dataset.state = "open";
  panel.dataset.eventId = events[0].event_id;
  const close = el("button", { type: "button", class: "close", id: "close-panel", title: "Close" }, "\u00d7");
  close.addEventListener("click", onClose);
  const cards = [eventCard(events[0], true)];
  if (events.length > 1) {
    cards.push(el("h3", { class: "also" }, `Also at this point (${events.length - 1})`));
    cards.push(...events.slice(1).map((event) => eventCard(event, false)));
  }
  panel.replaceChildren(close, ...cards);
  panel.scrollTop = 0;
}

export function showEmpty(panel) {
  panel.dataset.state = "empty";
  delete panel.dataset.eventId;
  panel.replaceChildren(el("p", { class: "placeholder" }, "Click a marker or an event in the list to see who said what."));
}

function eventCard(event, main) {
  const colour = colourOf(event.event_type);
  return el("article", { class: main ? "event-card main" : "event-card", "data-event-id": event.event_id },
    el("div", { class: "card-type", style: `border-color:${colour}` },
      el("span", { class: "swatch", style: `background:${colour}` }),
      el("span", { class: "type" }, event.event_type || "type unknown"),
      event.sub_event_type ? el("span", { class: "subtype" }, ` \u00b7 ${event.sub_event_type}`) : ""),
    facts(event),
    event.notes ? el("p", { class: "notes" }, event.notes) : "",
    claimsBlock(event));
}

function facts(event) {
  const when = event.event_date
    ? `${dateOf(event)} (to the ${TIME_PRECISION[event.time_precision] || "?"})` : "date unknown";
  const where = event.latitude !== null && event.latitude !== undefined
    ? `${placeOf(event)} (${GEO_PRECISION[event.geo_precision] || "precision unknown"}; ${event.latitude.toFixed(3)}, ${event.longitude.toFixed(3)})`
    : `${placeOf(event)} (not placed on the map)`;
  const rows = [
    ["When", when, "event-date"],
    ["Where", where, "event-place"],
    ["Actors", actorsOf(event), "event-actors"],
    ["Killed", band(event), "event-fatalities"],
    ["Sources", sourcesOf(event), "event-sources"],
  ];
  if (event.attributed) rows.push(["Status", "alleged by a party only", "event-attributed"]);
  return el("dl", { class: "facts" }, rows.map(([term, value, id]) => [el("dt", {}, term), el("dd", { class: id }, value)]));
}

function actorsOf(event) {
  const side = (actor, assoc) => (actor ? (assoc ? `${actor} (with ${assoc})` : actor) : null);
  const sides = [side(event.actor1, event.assoc_actor_1), side(event.actor2, event.assoc_actor_2)].filter(Boolean);
  return sides.length ? sides.join(" \u2014 ") : "not identified";
}

function sourcesOf(event) {
  const outlets = event.sources || [];
  const count = event.independent_source_count ?? outlets.length;
  return `${outlets.join(", ") || "none"} (${outlets.length} outlet${outlets.length === 1 ? "" : "s"}, ${count} independent)`;
}

function claimsBlock(event) {
  const claims = event.claims || [];
  if (!claims.length) return el("p", { class: "placeholder" }, "No claims recorded.");
  const byOutlet = groupBy(claims, (claim) => claim.outlet || "outlet unknown");
  const columns = [...byOutlet].map(([outlet, list]) => outletColumn(outlet, list, event.reports || []));
  return el("section", { class: "claims" },
    el("h3", {}, "Claims, by outlet and claimant"),
    el("div", { class: "claims-grid" }, columns));
}

function outletColumn(outlet, claims, reports) {
  const figures = claims.filter(isFigure);
  const statements = claims.filter((claim) => !isFigure(claim));
  const column = el("div", { class: "outlet-column", "data-outlet": outlet }, el("h4", {}, outlet));
  for (const [claimant, list] of groupBy(figures, claimantKey)) {
    column.append(claimantBlock(claimant, list, reports));
  }
  if (statements.length) {
    const details = el("details", { class: "statements" },
      el("summary", {}, `${statements.length} statement${statements.length === 1 ? "" : "s"}`));
    for (const [claimant, list] of groupBy(statements, claimantKey)) details.append(claimantBlock(claimant, list, reports));
    if (!figures.length) details.open = true;
    column.append(details);
  }
  return column;
}

function claimantBlock(key, claims, reports) {
  const { claimant, claimant_type: type } = claims[0];
  return el("div", { class: "claimant", "data-claimant": claimant || "" },
    el("div", { class: "claimant-head" },
      el("span", { class: "claimant-name", title: claimant || null }, claimant || "claimant not named"),
      el("span", { class: `claimant-type type-${(type || "unknown").replace(/\s+/g, "-")}` }, type || "unknown")),
    el("ul", {}, sortClaims(claims).map((claim) => claimItem(claim, reports))));
}

function claimItem(claim, reports) {
  const sentence = sentenceOf(claim, reports);
  if (!isFigure(claim)) {
    return el("li", { class: "claim statement", "data-claim-id": claim.claim_id, "data-kind": claim.kind },
      el("q", { class: "claim-text" }, claim.text));
  }
  const range = rangeOf(claim);
  return el("li", { class: "claim figure", "data-claim-id": claim.claim_id, "data-kind": claim.kind, title: sentence || null },
    el("q", { class: "claim-text" }, claim.text),
    el("span", { class: "claim-kind" }, ` ${claim.kind.replace("_", " ")}`),
    range ? el("span", { class: "claim-range" }, ` (${range})`) : "",
    claim.subject ? el("div", { class: "claim-subject", title: claim.subject_actor ? `actor: ${claim.subject_actor}` : null },
      "of ", el("q", {}, claim.subject)) : "");
}

function isFigure(claim) {
  return FIGURE_KINDS.includes(claim.kind) && (claim.low !== null || claim.high !== null || claim.text.length < 40);
}

function rangeOf(claim) {
  const { low, high } = claim;
  if (low === null && high === null) return "";
  if (low === high) return low.toLocaleString("en");
  if (high === null) return `${low.toLocaleString("en")} or more`;
  return `${(low ?? 0).toLocaleString("en")}\u2013${high.toLocaleString("en")}`;
}

function sortClaims(claims) {
  return [...claims].sort((a, b) => (FIGURE_KINDS.indexOf(a.kind) - FIGURE_KINDS.indexOf(b.kind)) || ((a.span || [0])[0] - (b.span || [0])[0]));
}

function sentenceOf(claim, reports) {
  if (!claim.span) return "";
  const found = reports.find((report) => report.article_id === claim.article_id && report.span
    && report.span[0] <= claim.span[0] && claim.span[1] <= report.span[1]);
  return found ? found.sentence : "";
}

function claimantKey(claim) {
  return `${claim.claimant || ""}\u0000${claim.claimant_type || ""}`;
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}
