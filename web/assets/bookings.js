// Bookings, shared by both apps: Paris wall-clock helpers, French labels, the status badge, the
// bookable resources of a tenant, the .ics download and the « next free slots » offered after a 409.

import { h, announce } from './dom.js';
import { api, apiBlob, seg } from './api.js';

const PARIS = 'Europe/Paris';
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long' });
const longDayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
});
const shortDayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'short', day: 'numeric', month: 'short' });

/** The Paris wall clock of an instant: { day: 'YYYY-MM-DD', time: 'HH:mm', key: 'YYYY-MM-DDTHH:mm' }. */
export function parisParts(value) {
  const date = value instanceof Date ? value : new Date(value);
  const p = Object.fromEntries(partsFormat.formatToParts(date).map(({ type, value: v }) => [type, v]));
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { day, time, key: `${day}T${time}` };
}

/** The slot's key in test hooks and routes: its start as Paris local time, YYYY-MM-DDTHH:mm. */
export const slotKey = (slot) => parisParts(slot.start).key;

const noon = (day) => new Date(`${day}T12:00:00Z`);

export function todayInParis() {
  return parisParts(new Date()).day;
}

export function addDays(day, days) {
  const date = noon(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week holding `day` (weeks run Monday to Sunday). */
export function mondayOf(day) {
  return addDays(day, -((noon(day).getUTCDay() + 6) % 7));
}

export const isDay = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  && !Number.isNaN(noon(value).getTime()) && noon(value).toISOString().startsWith(value);

/** Minutes Paris is ahead of UTC at the instant `ms`. */
function parisOffsetAt(ms) {
  const { key } = parisParts(new Date(ms));
  return Math.round((Date.parse(`${key}:00Z`) - Math.floor(ms / 60000) * 60000) / 60000);
}

/** A Paris wall-clock time 'YYYY-MM-DDTHH:mm' as ISO 8601 with the Paris offset, as the API takes it. */
export function parisIso(local) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local ?? '');
  if (!match) return null;
  const asUtc = Date.parse(`${match[1]}T${match[2]}:${match[3]}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  let offset = parisOffsetAt(asUtc - parisOffsetAt(asUtc) * 60000);
  offset = parisOffsetAt(asUtc - offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${match[1]}T${match[2]}:${match[3]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** « 09:00 » */
export const formatTime = (iso) => timeFormat.format(new Date(iso));
/** « lundi 7 décembre » for a YYYY-MM-DD day. */
export const formatDayName = (day) => dayFormat.format(noon(day));
/** « lundi 7 décembre 2026 » for a YYYY-MM-DD day. */
export const formatLongDay = (day) => longDayFormat.format(noon(day));
/** « lun. 7 déc. » for a YYYY-MM-DD day. */
export const formatShortDay = (day) => shortDayFormat.format(noon(day));
/** « lundi 7 décembre 2026 à 09:00 » */
export const formatSlot = (iso) => `${formatLongDay(parisParts(iso).day)} à ${formatTime(iso)}`;
/** « lundi 7 décembre 2026, de 09:00 à 09:20 » */
export function formatRange(start, end) {
  return `${formatLongDay(parisParts(start).day)}, de ${formatTime(start)} à ${formatTime(end)}`;
}

/** A duration in French: « 20 minutes », « 1 h 30 ». */
export function formatDuration(minutes) {
  if (minutes < 60) return `${minutes} minutes`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')}` : `${minutes / 60} h`;
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
export const formatFee = (cents) => (cents ? euros.format(cents / 100) : 'Gratuit');

export const AUDIENCE_LABELS = { resident: 'Résident', association: 'Association' };

// Rendez-vous is masculine, réservation (of a room) feminine.
const STATUS_LABELS = {
  appointment: {
    confirmed: 'Confirmé', awaiting_approval: 'En attente de validation', cancelled: 'Annulé',
    refused: 'Refusé', no_show: 'Absent(e)',
  },
  room: {
    confirmed: 'Confirmée', awaiting_approval: 'En attente de validation', cancelled: 'Annulée',
    refused: 'Refusée', no_show: 'Absent(e)',
  },
};

export function bookingStatusLabel(booking) {
  return STATUS_LABELS[booking.kind === 'room' ? 'room' : 'appointment'][booking.status] ?? booking.status ?? '';
}

/** The badge of a booking's status; `data-testid=booking-status` with the code in `data-status`. */
export function bookingBadge(booking) {
  return h('span', {
    class: `badge booking-${booking.status}`,
    'data-testid': 'booking-status',
    'data-status': booking.status,
    text: bookingStatusLabel(booking),
  });
}

/** Statuses in which a booking still holds its place. */
export const isActive = (booking) => booking.status === 'confirmed' || booking.status === 'awaiting_approval';

/** Who holds the booking: the name, else the e-mail address. */
export const holderOf = (booking) => booking.holderName || booking.holderEmail || '';

/** What the booking is: « Passeport et CNI – Dépôt de dossier », or the room's name. */
export const bookingTitle = (booking) => [booking.resourceName, booking.typeName].filter(Boolean).join(' – ');

// ------------------------------------------------------------------ resources of a tenant

const cache = new Map();

function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key);
}

/** The tenant's appointment services, with their types. */
export function getServices(tenantId) {
  return cached(`services:${tenantId}`, () => api(`/tenants/${seg(tenantId)}/appointment-services`, { auth: false })
    .then(({ data }) => data.items ?? []));
}

/** The tenant's rooms. */
export function getRooms(tenantId) {
  return cached(`rooms:${tenantId}`, () => api(`/tenants/${seg(tenantId)}/rooms`, { auth: false })
    .then(({ data }) => data.items ?? []));
}

/** The free and full slots of a service for a type, from `from` to `to` (days, at most 35 apart). */
export async function serviceSlots(tenantId, serviceId, typeId, from, to) {
  const search = new URLSearchParams({ type: typeId, from, to });
  const { data } = await api(`/tenants/${seg(tenantId)}/appointment-services/${seg(serviceId)}/slots?${search}`,
    { auth: false });
  return data.items ?? [];
}

/** A room's one-hour cells from `from` to `to`. */
export async function roomSlots(tenantId, roomId, from, to) {
  const search = new URLSearchParams({ from, to });
  const { data } = await api(`/tenants/${seg(tenantId)}/rooms/${seg(roomId)}/slots?${search}`, { auth: false });
  return data.items ?? [];
}

// ------------------------------------------------------------------ .ics and alternatives

const ICS_NAMES = { appointment: 'rendez-vous', room: 'reservation-salle' };

/**
 * « Ajouter à mon agenda (.ics) »: fetches the booking's calendar file with the token (a plain link
 * cannot carry it) and saves it through a Blob object URL. `onError(message)` shows failures.
 */
export function icsButton(booking, onError) {
  const kindPath = booking.kind === 'room' ? 'room-bookings' : 'appointments';
  const fileName = `${ICS_NAMES[booking.kind] ?? 'reservation'}-${booking.id}.ics`;
  const button = h('button', {
    type: 'button',
    class: 'button secondary',
    'data-testid': `ics-${booking.id}`,
    text: 'Ajouter à mon agenda (.ics)',
  });
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const blob = await apiBlob(`/me/${kindPath}/${seg(booking.id)}.ics`, 'text/calendar');
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
      const link = h('a', { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`Le fichier ${fileName} est téléchargé : ouvrez-le pour l’ajouter à votre agenda.`);
    } catch (error) {
      if (!error.handled) onError(error.detail || error.title);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

/**
 * The next free slots the API offers when the chosen place was just taken (409): one button each,
 * `data-testid=alternative-<YYYY-MM-DDTHH:mm>`, calling `choose(slot)` in one click.
 */
export function alternativesBlock(alternatives, choose, { withEnd = false } = {}) {
  if (!alternatives?.length) return null;
  const buttons = alternatives.map((slot) => h('li', {}, h('button', {
    type: 'button',
    class: 'button secondary',
    'data-testid': `alternative-${slotKey(slot)}`,
    text: withEnd ? formatRange(slot.start, slot.end) : formatSlot(slot.start),
    onclick: async (event) => {
      const button = event.currentTarget;
      if (button.getAttribute('aria-disabled') === 'true') return;
      for (const other of buttons) other.firstChild.setAttribute('aria-disabled', 'true');
      try {
        await choose(slot);
      } finally {
        for (const other of buttons) other.firstChild.removeAttribute('aria-disabled');
      }
    },
  })));
  return h('div', { class: 'alternatives', 'data-testid': 'alternatives' },
    h('p', { text: 'Ces créneaux proches sont encore libres. Choisissez-en un pour réserver aussitôt :' }),
    h('ul', { class: 'slot-alternatives' }, buttons));
}

/** The portal's page of one booking. */
export const bookingHash = (booking) => `#/reservations/${booking.kind === 'room' ? 'room' : 'appointment'}/${encodeURIComponent(booking.id)}`;
