// The list of events under the current date selection, newest last, each one clickable.

import { colourOf, el, shortBand } from "./format.js";

const SHOWN = 500; // rows drawn at once; the count says how many there are

export function renderList(list, counter, events, selectedId, onPick) {
  counter.textContent = `(${events.length.toLocaleString("en")})`;
  const rows = events.slice(0, SHOWN).map((event) => listRow(event, event.event_id === selectedId, onPick));
  if (events.length > SHOWN) {
    rows.push(el("li", { class: "more" }, `and ${(events.length - SHOWN).toLocaleString("en")} more: narrow the dates`));
  }
  list.replaceChildren(...rows);
}

function listRow(event, selected, onPick) {
  const figure = shortBand(event);
  const row = el("li", { class: selected ? "event-row selected" : "event-row", "data-event-id": event.event_id, tabindex: 0 },
    el("span", { class: "swatch", style: `background:${colourOf(event.event_type)}` }),
    el("span", { class: "row-date" }, event.event_date || "undated"),
    el("span", { class: "row-place" }, event.location || event.country || "unplaced"),
    el("span", { class: "row-type" }, event.sub_event_type || event.event_type || ""),
    el("span", { class: "row-figure", title: "killed: low-high of the claims" }, figure ? `${figure} killed` : ""),
    el("span", { class: "row-sources", title: (event.sources || []).join(", ") }, `${event.source_count ?? 0} src`));
  row.addEventListener("click", () => onPick(event.event_id));
  row.addEventListener("keydown", (key) => { if (key.key === "Enter") onPick(event.event_id); });
  return row;
}

export function markSelected(list, eventId) {
  for (const row of list.querySelectorAll(".event-row")) {
    row.classList.toggle("selected", row.dataset.eventId === eventId);
  }
}
