// The page: loads the events, framing and settings from the JSON API, then wires the map,
// the timeline (its brush filters the map and the list), the list and the event panel.

import { loadConfig, loadEvent, loadEvents, loadFraming, loadOutlets } from "./data.js";
import { colourOf, el, typesIn } from "./format.js";
import { addBasemap, addControls, createMap, EventLayer, isPlaced } from "./map.js";
import { Timeline } from "./timeline.js";
import { renderList, markSelected } from "./list.js";
import { showEmpty, showEvents, showLoading } from "./panel.js";
import { renderFraming } from "./framing.js";

const COLOCATED = 6; // events at one point the panel shows at most
const $ = (id) => document.getElementById(id);
const state = { events: [], range: null, selected: null, outlets: 0, truncated: false, ask: 0 };
let layer = null;
let timeline = null;

function visible(event) {
  if (!state.range) return true;
  if (!event.event_date) return false;
  return event.event_date <= state.range[1] && (event.date_end || event.event_date) >= state.range[0];
}

function visibleEvents() {
  return state.events.filter(visible);
}

function apply() {
  const shown = visibleEvents();
  const ids = new Set(shown.map((event) => event.event_id));
  layer.show(ids);
  layer.select(state.selected);
  renderList($("event-list"), $("list-count"), shown, state.selected, pick);
  $("stats").textContent = statsText(shown);
  $("range-label").hidden = !state.range;
  $("clear-filter").hidden = !state.range;
  $("range-label").textContent = state.range ? `selected: ${state.range[0]} to ${state.range[1]}` : "";
  document.body.dataset.visible = String(shown.length);
}

function statsText(shown) {
  const placed = shown.filter(isPlaced).length;
  const dates = shown.map((event) => event.event_date).filter(Boolean).sort();
  const span = dates.length ? ` \u00b7 ${dates[0]} to ${dates[dates.length - 1]}` : "";
  const of = state.range ? ` of ${state.events.length.toLocaleString("en")}` : "";
  const cut = state.truncated ? " (the first ones only)" : "";
  return `${shown.length.toLocaleString("en")}${of} events${cut} \u00b7 ${placed.toLocaleString("en")} on the map \u00b7 ${state.outlets} outlets${span}`;
}

function setRange(range) {
  state.range = range;
  apply();
}

function clearRange() {
  timeline.setRange(null, false);
  setRange(null);
}

async function pick(eventId) {
  state.selected = eventId;
  layer.select(eventId);
  markSelected($("event-list"), eventId);
  const ask = ++state.ask;
  const shownIds = new Set(visibleEvents().map((event) => event.event_id));
  const ids = layer.colocated(eventId, shownIds).slice(0, COLOCATED);
  showLoading($("event-panel"));
  try {
    const events = await Promise.all(ids.map(loadEvent));
    if (ask === state.ask) showEvents($("event-panel"), events, unpick);
  } catch (error) {
    $("event-panel").replaceChildren(el("p", { class: "error" }, String(error.message || error)));
  }
}

function unpick() {
  state.selected = null;
  layer.select(null);
  markSelected($("event-list"), null);
  showEmpty($("event-panel"));
}

function typeLegend(events) {
  $("type-legend").replaceChildren(...typesIn(events.filter((event) => event.event_date)).map((type) =>
    el("span", { class: "legend-chip" }, el("span", { class: "swatch", style: `background:${colourOf(type)}` }), type)));
}

async function start() {
  const [config, loaded, framing, outlets] = await Promise.all([loadConfig(), loadEvents(), loadFraming(), loadOutlets()]);
  Object.assign(state, { events: loaded.events, truncated: loaded.truncated, outlets: outlets.length });
  const map = createMap($("map"), config.tiles);
  layer = new EventLayer(map, state.events, pick);
  addControls(map, typesIn(state.events.filter(isPlaced)), () => layer.frameAll(new Set(visibleEvents().map((e) => e.event_id))));
  layer.frameMain(); // before the basemap: it is drawn (and clipped) for this view
  try {
    await addBasemap(map);
  } catch (error) {
    console.error("basemap", error);
  }
  timeline = new Timeline($("timeline"), $("timeline-unit"), state.events, setRange);
  typeLegend(state.events);
  renderFraming($("framing"), framing);
  $("clear-filter").addEventListener("click", clearRange);
  apply();
  window.eventwire = { map, layer, timeline, state, setRange, pick };
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  $("stats").textContent = `could not load the events: ${error.message || error}`;
  document.body.dataset.ready = "error";
});
