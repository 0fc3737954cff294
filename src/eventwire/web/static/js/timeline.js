// The timeline: dated events per day (or week, or month, for long spans), stacked by type,
// in plain SVG. Dragging across it selects a date range (the brush); a click clears it.

import { colourOf, typesIn } from "./format.js";

const SVG = "http://www.w3.org/2000/svg"; // the SVG namespace: an identifier, never fetched
const DAY = 86400000;
const MARGIN = { left: 34, right: 12, top: 10, bottom: 22 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time) => new Date(time).toISOString().slice(0, 10);

// Bins of one unit: the start of the bin holding `time`, and the start of the next one.
const UNITS = {
  day: { start: (t) => t, next: (t) => t + DAY },
  week: { start: (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY, next: (t) => t + 7 * DAY },
  month: {
    start: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); },
    next: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); },
  },
};

function unitFor(spanDays) {
  if (spanDays <= 400) return "day";
  return spanDays <= 3000 ? "week" : "month";
}

export class Timeline {
  constructor(container, unitLabel, events, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.range = null;
    this.dated = events.filter((event) => event.event_date);
    this.types = typesIn(this.dated);
    const times = this.dated.map((event) => toTime(event.event_date));
    this.unitName = unitFor(times.length ? (Math.max(...times) - Math.min(...times)) / DAY : 0);
    this.unit = UNITS[this.unitName];
    unitLabel.textContent = this.unitName;
    this.bins = this.binEvents();
    new ResizeObserver(() => this.render()).observe(container);
  }

  binEvents() {
    const bins = new Map();
    for (const event of this.dated) {
      const start = this.unit.start(toTime(event.event_date));
      if (!bins.has(start)) bins.set(start, new Map());
      const counts = bins.get(start);
      const type = event.event_type || "Unknown";
      counts.set(type, (counts.get(type) || 0) + 1);
    }
    return bins;
  }

  domain() {
    const starts = [...this.bins.keys()];
    if (!starts.length) return null;
    const first = this.unit.start(Math.min(...starts) - DAY);
    const last = this.unit.next(this.unit.next(Math.max(...starts)));
    return [first, last];
  }

  render() {
    this.container.replaceChildren();
    const domain = this.domain();
    const width = this.container.clientWidth;
    const height = this.container.clientHeight || 150;
    if (!domain || width < 50) {
      this.container.append(Object.assign(document.createElement("p"), { className: "placeholder", textContent: "no dated events" }));
      return;
    }
    const root = svg("svg", { width, height, id: "timeline-svg", "data-unit": this.unitName });
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    this.x = (time) => MARGIN.left + ((time - domain[0]) / (domain[1] - domain[0])) * plotWidth;
    this.timeAt = (px) => domain[0] + ((px - MARGIN.left) / plotWidth) * (domain[1] - domain[0]);
    const most = Math.max(...[...this.bins.values()].map((counts) => [...counts.values()].reduce((a, b) => a + b, 0)));
    const y = (count) => (count / most) * plotHeight;
    this.drawAxes(root, domain, most, plotHeight);
    this.drawBars(root, y, plotHeight);
    this.drawBrush(root, plotHeight);
    this.container.append(root);
  }

  drawAxes(root, domain, most, plotHeight) {
    const base = MARGIN.top + plotHeight;
    root.append(svg("line", { x1: MARGIN.left, x2: this.x(domain[1]), y1: base, y2: base, class: "axis" }));
    root.append(svg("line", { x1: MARGIN.left, x2: this.x(domain[1]), y1: MARGIN.top, y2: MARGIN.top, class: "grid" }));
    const top = svg("text", { x: MARGIN.left - 6, y: MARGIN.top + 4, class: "tick y", "text-anchor": "end" });
    top.textContent = String(most);
    const zero = svg("text", { x: MARGIN.left - 6, y: base + 4, class: "tick y", "text-anchor": "end" });
    zero.textContent = "0";
    root.append(top, zero);
    for (const [time, text] of ticks(domain)) {
      const px = this.x(time);
      root.append(svg("line", { x1: px, x2: px, y1: base, y2: base + 4, class: "axis" }));
      const label = svg("text", { x: px, y: base + 16, class: "tick", "text-anchor": "middle" });
      label.textContent = text;
      root.append(label);
    }
  }

  drawBars(root, y, plotHeight) {
    const base = MARGIN.top + plotHeight;
    for (const [start, counts] of this.bins) {
      const left = this.x(start);
      const slot = this.x(this.unit.next(start)) - left;
      const barWidth = Math.max(2, Math.min(slot - 1, slot * 0.7));
      const barLeft = left + (slot - barWidth) / 2;
      const group = svg("g", { class: "bar", "data-date": toIso(start) });
      let top = base;
      for (const type of this.types) {
        const count = counts.get(type) || 0;
        if (!count) continue;
        const h = Math.max(1, y(count));
        top -= h;
        const rect = svg("rect", { x: barLeft, y: top, width: barWidth, height: h, fill: colourOf(type) });
        const title = svg("title");
        title.textContent = `${toIso(start)}: ${count} ${type}`;
        rect.append(title);
        group.append(rect);
      }
      root.append(group);
    }
    this.dim(root);
  }

  drawBrush(root, plotHeight) {
    const overlay = svg("rect", { x: MARGIN.left, y: MARGIN.top, width: Math.max(0, root.getAttribute("width") - MARGIN.left - MARGIN.right), height: plotHeight, class: "brush-area", id: "timeline-brush" });
    const selection = svg("rect", { y: MARGIN.top, height: plotHeight, class: "brush-selection", visibility: "hidden" });
    root.append(selection, overlay);
    this.selection = selection;
    this.showRange();
    overlay.addEventListener("pointerdown", (down) => this.drag(down, overlay));
  }

  drag(down, overlay) {
    overlay.setPointerCapture(down.pointerId);
    const origin = down.offsetX;
    const move = (event) => this.paint(Math.min(origin, event.offsetX), Math.max(origin, event.offsetX));
    const up = (event) => {
      overlay.removeEventListener("pointermove", move);
      overlay.removeEventListener("pointerup", up);
      if (Math.abs(event.offsetX - origin) < 3) return this.setRange(null, true);
      const start = this.unit.start(this.timeAt(Math.min(origin, event.offsetX)));
      const end = this.unit.next(this.unit.start(this.timeAt(Math.max(origin, event.offsetX)))) - DAY;
      return this.setRange([toIso(start), toIso(end)], true);
    };
    overlay.addEventListener("pointermove", move);
    overlay.addEventListener("pointerup", up);
  }

  paint(left, right) {
    this.selection.setAttribute("x", left);
    this.selection.setAttribute("width", Math.max(1, right - left));
    this.selection.setAttribute("visibility", "visible");
  }

  setRange(range, notify) {
    this.range = range;
    this.showRange();
    this.dim(this.container.querySelector("svg"));
    if (notify) this.onBrush(range);
  }

  showRange() {
    if (!this.selection) return;
    if (!this.range) return this.selection.setAttribute("visibility", "hidden");
    const left = this.x(toTime(this.range[0]));
    return this.paint(left, this.x(toTime(this.range[1]) + DAY));
  }

  dim(root) {
    if (!root) return;
    for (const bar of root.querySelectorAll("g.bar")) {
      const start = toTime(bar.getAttribute("data-date"));
      const inside = !this.range || (toIso(this.unit.next(start) - DAY) >= this.range[0] && bar.getAttribute("data-date") <= this.range[1]);
      bar.classList.toggle("outside", !inside);
    }
  }
}

// Tick marks: years, months or weeks, whichever gives a readable number of labels.
function ticks([first, last]) {
  const days = (last - first) / DAY;
  const found = [];
  if (days > 1100) {
    for (let year = new Date(first).getUTCFullYear() + 1; Date.UTC(year, 0, 1) < last; year += 1) {
      found.push([Date.UTC(year, 0, 1), String(year)]);
    }
  } else if (days > 50) {
    const step = days > 500 ? 3 : 1;
    let time = UNITS.month.next(first);
    while (time < last) {
      const d = new Date(time);
      if (d.getUTCMonth() % step === 0) {
        found.push([time, d.getUTCMonth() === 0 || found.length === 0 ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()]]);
      }
      time = UNITS.month.next(time);
    }
  } else {
    const step = days > 16 ? 7 * DAY : DAY;
    const from = step === DAY ? first + DAY : UNITS.week.next(UNITS.week.start(first));
    for (let time = from; time < last; time += step) {
      const d = new Date(time);
      const middle = step === DAY ? DAY / 2 : 0; // a day's label sits under its bar
      found.push([time + middle, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
    }
  }
  return found;
}
