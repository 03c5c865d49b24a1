// Small DOM helpers shared by both apps. Text always goes in through textContent, never innerHTML.

/**
 * Builds an element. `attrs` keys: `class`, `text`, `dataset`, `on<Event>` handlers, boolean
 * attributes (true sets, false/null/undefined skips), anything else as an attribute.
 * Children may be nodes, strings (as text) or nested arrays; null and false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces the children of `el`, with the same rules as h() (arrays flattened, null skipped). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

const SITE_NAME = 'Plateforme Citoyens';
let baseTitle = SITE_NAME;
let appName = SITE_NAME;

/** Names the app for page titles, e.g. « Espace agents – Plateforme Citoyens ». */
export function setAppName(name) {
  appName = name;
}

/** Sets the document title for the current view. */
export function setTitle(viewTitle) {
  baseTitle = viewTitle ? `${viewTitle} – ${appName}` : appName;
  document.title = baseTitle;
}

/** Prefixes the title with « Erreur : » while a form shows errors (read first by screen readers). */
export function markTitleError(on) {
  document.title = on ? `Erreur : ${baseTitle}` : baseTitle;
}

/** Reads a message through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read repeated messages too.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

/** Parses an ISO date-time, or a YYYY-MM-DD calendar date taken at noon UTC (same day in Paris). */
function toDate(value) {
  if (typeof value !== 'string') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3], 12)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const shortDateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A <time> with the instant shown as date and time in Europe/Paris; `short` for tables. */
export function dateTime(iso, { short = false } = {}) {
  const date = toDate(iso);
  const format = short ? shortDateTimeFormat : dateTimeFormat;
  return date ? h('time', { datetime: iso, text: format.format(date) }) : '—';
}

/** A <time> with the calendar day shown in Europe/Paris. */
export function dateOnly(iso) {
  const date = toDate(iso);
  return date ? h('time', { datetime: iso, text: dateFormat.format(date) }) : '—';
}

/** The day as text, for values shown inside sentences or tables. */
export function formatDay(iso) {
  const date = toDate(iso);
  return date ? dateFormat.format(date) : '';
}

export const STATUS_LABELS = {
  submitted: 'Déposée',
  incomplete: 'Incomplète',
  in_progress: 'En cours de traitement',
  accepted: 'Acceptée',
  rejected: 'Refusée',
  closed: 'Clôturée',
  implicitly_accepted: 'Acceptée (décision implicite)',
  implicitly_rejected: 'Refusée (décision implicite)',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status ?? '';
}

/** The status badge; `data-testid=status` lets a browser test read it. */
export function statusBadge(status) {
  return h('span', {
    class: `badge status-${status}`,
    'data-testid': 'status',
    'data-status': status,
    text: statusLabel(status),
  });
}

/** A notice box. kind: info | success | error. Status notices are announced politely. */
export function notice(message, kind = 'info', extra = null) {
  const role = kind === 'error' ? 'alert' : 'status';
  return h('div', { class: `notice ${kind}`, role, tabindex: '-1' }, h('p', { text: message }), extra);
}

/** The placeholder shown while a view loads its data. */
export function loading(message = 'Chargement en cours…') {
  return h('p', { class: 'loading', role: 'status', text: message });
}

/** Makes a definition list from [term, value] pairs, skipping empty values. */
export function facts(pairs) {
  const list = h('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    list.append(h('dt', { text: term }), h('dd', {}, value));
  }
  return list;
}

/** Focuses an element that is not focusable by itself, without scrolling past it. */
export function focusElement(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
}

/** A UUID for Idempotency-Key; falls back on getRandomValues outside secure contexts. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
