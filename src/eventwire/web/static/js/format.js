// Colours, sizes and words shared by the map, the timeline, the list and the panel.

export const TYPE_COLOURS = {
  "Battles": "#c2402f",
  "Explosions/Remote violence": "#e08a1e",
  "Violence against civilians": "#7b3f9e",
  "Protests": "#2f7fb8",
  "Riots": "#1b9a8a",
  "Strategic developments": "#5d6b7a",
};
export const OTHER_COLOUR = "#9aa5b1";
export const TYPE_ORDER = Object.keys(TYPE_COLOURS);

export const TIME_PRECISION = { 1: "day", 2: "week", 3: "month" };
export const GEO_PRECISION = { 1: "the place itself", 2: "near the place, or part of a region", 3: "the region only" };

export function colourOf(type) {
  return TYPE_COLOURS[type] || OTHER_COLOUR;
}

export function typesIn(events) {
  const present = new Set(events.map((event) => event.event_type || "Unknown"));
  const known = TYPE_ORDER.filter((type) => present.has(type));
  return known.concat([...present].filter((type) => !TYPE_ORDER.includes(type)).sort());
}

// The figure a marker is sized by: best, else high, else low; null when nothing was claimed.
export function sizeFigure(event) {
  for (const value of [event.fatalities_best, event.fatalities_high, event.fatalities_low]) {
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

export function radiusOf(figure) {
  return figure === null ? 5 : 5 + 3.5 * Math.log10(1 + figure);
}

export function band(event) {
  const low = event.fatalities_low;
  const best = event.fatalities_best;
  const high = event.fatalities_high;
  if (low === null && best === null && high === null) return "no figure claimed";
  const parts = [low, best, high].map((value) => (value === null ? "?" : value.toLocaleString("en")));
  if (low === high && low === best) return `${parts[1]} killed (all claims agree)`;
  return `${parts[0]} / ${parts[1]} / ${parts[2]} killed (low / best / high)`;
}

export function shortBand(event) {
  const low = event.fatalities_low;
  const high = event.fatalities_high;
  if (low === null && high === null) return "";
  if (low === high || high === null) return `${(low ?? high).toLocaleString("en")}${high === null ? "+" : ""}`;
  return `${(low ?? 0).toLocaleString("en")}-${high.toLocaleString("en")}`;
}

export function placeOf(event) {
  const parts = [event.location, event.admin1, event.country];
  const seen = [];
  for (const part of parts) if (part && !seen.includes(part)) seen.push(part);
  return seen.join(", ") || "place unknown";
}

export function dateOf(event) {
  if (!event.event_date) return "date unknown";
  const end = event.date_end && event.date_end !== event.event_date ? ` to ${event.date_end}` : "";
  return `${event.event_date}${end}`;
}

// An element with classes, attributes and children (strings become text, never HTML).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
