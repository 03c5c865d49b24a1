// Incident reports in both apps: status badge, timeline, photo states and the public summary card.

import { h, dateTime, facts } from './dom.js';

export const REPORT_STATUS_LABELS = {
  new: 'Reçu',
  acknowledged: 'Pris en compte',
  in_progress: 'En cours de traitement',
  resolved: 'Résolu',
  rejected: 'Rejeté',
};

/** The status badge; `data-testid=report-status` and `data-status` let a browser test read it. */
export function reportBadge(status) {
  return h('span', {
    class: `badge report-${status}`,
    'data-testid': 'report-status',
    'data-status': status,
    text: REPORT_STATUS_LABELS[status] ?? status,
  });
}

function place(report) {
  const { lat, long, address } = report.location ?? {};
  const coordinates = `${Number(lat).toFixed(5)}, ${Number(long).toFixed(5)}`;
  return address ? `${address} (${coordinates})` : coordinates;
}

/** What anybody may see of a report, as facts. */
export function reportFacts(report, extra = []) {
  return facts([
    ['Statut', reportBadge(report.status)],
    ['Catégorie', report.category?.name],
    ['Description', h('span', { class: 'pre-line', text: report.description })],
    ['Lieu', place(report)],
    ['Signalé le', dateTime(report.createdAt)],
    ['Numéro', h('span', { 'data-testid': 'report-id', text: report.id })],
    ...extra,
  ]);
}

/** The changes of status with their public notes, oldest first. */
export function reportTimeline(history) {
  return h('section', { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title', text: 'Suivi' }),
    h('ol', { class: 'timeline', 'data-testid': 'report-timeline' }, (history ?? []).map((entry) => h('li', {},
      h('p', {}, h('strong', { text: REPORT_STATUS_LABELS[entry.to] ?? entry.label }), ' — ', dateTime(entry.at)),
      entry.note ? h('p', { class: 'pre-line', text: entry.note }) : null))));
}

/** The photos and where their processing stands: pending, ready (thumbnail) or failed (reason). */
export function reportPhotos(photos) {
  if (!photos?.length) return h('p', { text: 'Aucune photo.' });
  return h('ul', { class: 'photo-list', 'data-testid': 'report-photos' }, photos.map((photo, index) => {
    const name = `Photo ${index + 1}`;
    let body;
    if (photo.status === 'ready' && photo.thumbnailUrl) {
      body = h('a', { href: photo.webUrl, target: '_blank', rel: 'noopener' },
        h('img', { src: photo.thumbnailUrl, alt: `${name} du signalement (ouvre l’image en grand)`, loading: 'lazy' }));
    } else if (photo.status === 'failed') {
      body = h('p', { class: 'error-text', text: `${name} refusée : ${photo.reason || 'image illisible.'}` });
    } else {
      body = h('p', { text: `${name} en cours de traitement.` });
    }
    return h('li', { class: 'photo', 'data-testid': `photo-${index + 1}`, 'data-status': photo.status }, body);
  }));
}

/** A card of a report in a list; `href` links to its page when given. */
export function reportCard(report, href = null) {
  const title = report.category?.name ?? 'Signalement';
  return h('li', { class: 'card', 'data-testid': `report-${report.id}` },
    h('h3', {}, href ? h('a', { href, text: title }) : title),
    h('p', {}, reportBadge(report.status),
      report.distanceMetres !== undefined ? ` à ${report.distanceMetres} m` : null),
    h('p', { class: 'pre-line', text: report.description }),
    h('p', { class: 'meta' }, report.location?.address ? `${report.location.address} — ` : '', 'signalé le ',
      dateTime(report.createdAt)),
    report.statusNote ? h('p', { class: 'meta', text: `Message du service : ${report.statusNote}` }) : null);
}
