// Reading the JSON API: every event (paged), one event with its claims, framing, settings.

const PAGE = 1000;
export const MAX_EVENTS = 20000; // the page draws at most this many; the API serves them all

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok || body.ok === false) {
    throw new Error(body.error || `${url}: HTTP ${response.status}`);
  }
  return body;
}

export async function loadEvents() {
  const events = [];
  let offset = 0;
  while (offset !== null && events.length < MAX_EVENTS) {
    const body = await getJson(`/events?limit=${PAGE}&offset=${offset}`);
    events.push(...body.events);
    offset = body.next_offset;
  }
  return { events, truncated: offset !== null };
}

export async function loadEvent(eventId) {
  const body = await getJson(`/events/${encodeURIComponent(eventId)}`);
  return body.event;
}

export async function loadFraming() {
  const body = await getJson("/framing?limit=1000");
  return body.framing;
}

export async function loadOutlets() {
  const body = await getJson("/outlets");
  return body.outlets;
}

export async function loadConfig() {
  return getJson("/config");
}
