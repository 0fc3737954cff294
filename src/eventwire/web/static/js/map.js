// The map: the vendored Natural Earth basemap, an optional tile layer, one circle marker per
// placed event (sized by its fatalities band, coloured by type), place labels and a legend.

import { colourOf, radiusOf, sizeFigure, el, placeOf, dateOf, shortBand } from "./format.js";

const BASEMAP = "/static/vendor/world-atlas/countries-50m.json";
const LABELLED_PLACES = 40; // place names are drawn when the events cover at most this many
const CANVAS_ABOVE = 3000; // markers drawn on one canvas past this many placed events

export function createMap(container, tiles) {
  const map = L.map(container, { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 13 });
  map.attributionControl.setPrefix("Leaflet");
  map.createPane("basemap").style.zIndex = 150;
  map.createPane("countryLabels").style.zIndex = 380;
  map.createPane("rings").style.zIndex = 390;
  map.createPane("placeLabels").style.zIndex = 640;
  map.getPane("countryLabels").style.pointerEvents = "none";
  map.getPane("placeLabels").style.pointerEvents = "none";
  new ResizeObserver(() => map.invalidateSize({ pan: false })).observe(container);
  if (tiles) addTiles(map, tiles);
  return map;
}

function addTiles(map, template) {
  let host = template;
  try {
    host = new URL(template.replace(/[{}]/g, "")).host;
  } catch (error) {
    console.warn("tile URL", error);
  }
  L.tileLayer(template, { attribution: `tiles: ${host}`, maxZoom: 19 }).addTo(map);
}

export async function addBasemap(map) {
  const response = await fetch(BASEMAP);
  const topology = await response.json();
  const countries = topology.objects.countries;
  L.geoJSON(topojson.feature(topology, topology.objects.land), {
    pane: "basemap", interactive: false,
    style: { color: "#9fb0bf", weight: 0.8, fillColor: "#f6f4ee", fillOpacity: 1 },
    attribution: "Natural Earth",
  }).addTo(map);
  L.geoJSON(topojson.mesh(topology, countries, (a, b) => a !== b), {
    pane: "basemap", interactive: false, style: { color: "#a9b4bf", weight: 0.9, dashArray: "4 3" },
  }).addTo(map);
  addCountryLabels(map, topojson.feature(topology, countries).features);
}

function addCountryLabels(map, features) {
  const layer = L.layerGroup();
  for (const feature of features) {
    const point = labelPoint(feature.geometry);
    if (!point || !feature.properties || !feature.properties.name) continue;
    const icon = L.divIcon({ className: "country-label", html: "", iconSize: [0, 0] });
    const marker = L.marker(point, { icon, pane: "countryLabels", interactive: false, keyboard: false });
    marker.on("add", () => marker.getElement().replaceChildren(el("span", {}, feature.properties.name)));
    layer.addLayer(marker);
  }
  const toggle = () => (map.getZoom() >= 4 ? layer.addTo(map) : layer.remove());
  map.on("zoomend", toggle);
  toggle();
}

// The area-weighted centre of a country's largest ring, as [lat, lon].
function labelPoint(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const polygon of polygons || []) {
    const centre = ringCentre(polygon[0]);
    if (centre && (!best || centre.area > best.area)) best = centre;
  }
  return best && best.area > 0.5 ? [best.lat, best.lon] : null;
}

function ringCentre(ring) {
  let area = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    area += cross;
    x += (ring[j][0] + ring[i][0]) * cross;
    y += (ring[j][1] + ring[i][1]) * cross;
  }
  if (area === 0) return null;
  return { area: Math.abs(area / 2), lon: x / (3 * area), lat: y / (3 * area) };
}

export function isPlaced(event) {
  return Number.isFinite(event.latitude) && Number.isFinite(event.longitude);
}

// Markers for every placed event; `onPick(eventId)` is called on a click.
export class EventLayer {
  constructor(map, events, onPick) {
    this.map = map;
    this.markers = new Map();
    this.rings = new Map();
    this.labels = new Map();
    this.selected = null;
    const placed = events.filter(isPlaced);
    // SVG (one element per marker, which tests can find) unless there are too many to draw
    const many = placed.length > CANVAS_ABOVE;
    this.renderer = many ? L.canvas({ padding: 0.2 }) : undefined;
    this.ringRenderer = many ? L.canvas({ padding: 0.2, pane: "rings" }) : undefined;
    placed.sort((a, b) => (sizeFigure(b) ?? -1) - (sizeFigure(a) ?? -1)); // small ones on top
    for (const event of placed) this.addEvent(event, onPick);
    if (placed.length && placesOf(placed).size <= LABELLED_PLACES) this.addPlaceLabels(placed);
    this.placed = placed;
  }

  addEvent(event, onPick) {
    const figure = sizeFigure(event);
    const colour = colourOf(event.event_type);
    const marker = L.circleMarker([event.latitude, event.longitude], {
      radius: radiusOf(figure), color: "#ffffff", weight: 1.2, opacity: 1,
      fillColor: figure === null ? "#ffffff" : colour, fillOpacity: figure === null ? 0.95 : 0.8,
      className: "event-marker", renderer: this.renderer,
    });
    if (figure === null) marker.setStyle({ color: colour, weight: 2.2 });
    marker.on("add", () => tagMarker(marker, event));
    marker.on("click", () => onPick(event.event_id));
    marker.bindTooltip(() => hoverText(event), { direction: "top", className: "event-tip" });
    this.markers.set(event.event_id, marker);
    const high = event.fatalities_high;
    if (high !== null && high !== undefined && high > (figure ?? 0)) {
      this.rings.set(event.event_id, L.circleMarker([event.latitude, event.longitude], {
        radius: radiusOf(high), color: colour, weight: 1.2, dashArray: "3 3", fill: false,
        interactive: false, pane: "rings", className: "event-ring", renderer: this.ringRenderer,
      }));
    }
  }

  addPlaceLabels(placed) {
    for (const [key, group] of placesOf(placed)) {
      const first = group[0];
      const radius = Math.max(...group.map((event) => radiusOf(sizeFigure(event))));
      const icon = L.divIcon({ className: "place-label", html: "", iconSize: null, iconAnchor: [-radius - 4, 8] });
      const label = L.marker([first.latitude, first.longitude], { icon, pane: "placeLabels", interactive: false, keyboard: false });
      label.on("add", () => { label.getElement().textContent = first.location || placeOf(first); });
      this.labels.set(key, { label, ids: group.map((event) => event.event_id) });
    }
  }

  show(visibleIds) {
    for (const [id, marker] of this.markers) {
      const wanted = visibleIds.has(id);
      toggleLayer(this.map, marker, wanted);
      if (this.rings.has(id)) toggleLayer(this.map, this.rings.get(id), wanted);
    }
    for (const { label, ids } of this.labels.values()) {
      toggleLayer(this.map, label, ids.some((id) => visibleIds.has(id)));
    }
  }

  select(eventId) {
    if (this.selected && this.markers.has(this.selected)) {
      this.markers.get(this.selected).getElement()?.classList.remove("selected");
    }
    this.selected = eventId;
    const marker = this.markers.get(eventId);
    if (marker && marker.getElement()) {
      marker.getElement().classList.add("selected");
      marker.bringToFront();
    }
  }

  // The events at the same point as `eventId` (itself first) among `visibleIds`.
  colocated(eventId, visibleIds) {
    const marker = this.markers.get(eventId);
    if (!marker) return [eventId];
    const here = marker.getLatLng();
    const others = [...this.markers].filter(([id, other]) =>
      id !== eventId && visibleIds.has(id) && other.getLatLng().distanceTo(here) < 50);
    return [eventId, ...others.map(([id]) => id)];
  }

  // The initial view: the events of the country with the most of them.
  frameMain() {
    const byCountry = new Map();
    for (const event of this.placed) {
      const key = event.iso3 || event.country || "";
      byCountry.set(key, [...(byCountry.get(key) || []), event]);
    }
    const main = [...byCountry.values()].sort((a, b) => b.length - a.length)[0] || [];
    if (main.length) this.frame(main);
    else this.map.setView([30, 30], 3);
  }

  frameAll(visibleIds) {
    this.frame(this.placed.filter((event) => !visibleIds || visibleIds.has(event.event_id)));
  }

  frame(events) {
    if (!events.length) return;
    const bounds = L.latLngBounds(events.map((event) => [event.latitude, event.longitude]));
    this.map.fitBounds(bounds.pad(0.25), { maxZoom: 8, padding: [40, 40], animate: false });
  }
}

function placesOf(events) {
  const places = new Map();
  for (const event of events) {
    const key = `${event.latitude.toFixed(4)},${event.longitude.toFixed(4)}`;
    places.set(key, [...(places.get(key) || []), event]);
  }
  return places;
}

function toggleLayer(map, layer, wanted) {
  if (wanted && !map.hasLayer(layer)) layer.addTo(map);
  if (!wanted && map.hasLayer(layer)) layer.remove();
}

function tagMarker(marker, event) {
  const element = marker.getElement();
  if (!element) return; // drawn on a canvas
  element.setAttribute("data-event-id", event.event_id);
  element.setAttribute("data-lat", String(event.latitude));
  element.setAttribute("data-lon", String(event.longitude));
  element.setAttribute("data-type", event.event_type || "");
}

function hoverText(event) {
  const figure = shortBand(event);
  return el("div", {},
    el("strong", {}, event.location || placeOf(event)), " ", el("span", {}, dateOf(event)),
    el("br"), event.sub_event_type || event.event_type || "",
    figure ? el("span", { class: "tip-figure" }, ` \u00b7 ${figure} killed`) : "");
}

export function addControls(map, types, onFitAll) {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => legendBox(types);
  legend.addTo(map);
  const fit = L.control({ position: "topright" });
  fit.onAdd = () => {
    const button = el("button", { type: "button", id: "fit-all", class: "map-button" }, "Show all events");
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener("click", onFitAll);
    return button;
  };
  fit.addTo(map);
}

function legendBox(types) {
  const rows = types.map((type) => el("div", { class: "legend-row" },
    el("span", { class: "swatch", style: `background:${colourOf(type)}` }), type));
  const sizes = [1, 10, 100, 1000].map((value) => {
    const r = radiusOf(value);
    return el("span", { class: "size-key" },
      el("span", { class: "size-dot", style: `width:${2 * r}px;height:${2 * r}px` }), value.toLocaleString("en"));
  });
  const box = el("div", { class: "map-legend", id: "map-legend" },
    el("div", { class: "legend-title" }, "Event type"), rows,
    el("div", { class: "legend-title" }, "Killed (best estimate)"), el("div", { class: "sizes" }, sizes),
    el("div", { class: "legend-row" }, el("span", { class: "ring-key" }), "highest claim"),
    el("div", { class: "legend-row" }, el("span", { class: "hollow-key" }), "no figure claimed"));
  L.DomEvent.disableClickPropagation(box);
  return box;
}
