// « Statistiques »: a tenant's volumes by month, démarche and channel, decisions, median processing time
// and the requests at risk, as accessible tables; the bars are decoration, the numbers are the text.

import { h, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { navigate } from '../router.js';
import { CHANNEL_LABELS } from './inbox.js';

const enc = encodeURIComponent;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];

export function statisticsHash(tenantId, search = new URLSearchParams()) {
  const text = search.toString();
  return `#/collectivites/${enc(tenantId)}/statistiques${text ? `?${text}` : ''}`;
}

function monthLabel(yyyyMm) {
  const [year, month] = yyyyMm.split('-').map(Number);
  return `${MONTHS[month - 1]} ${year}`;
}

function days(value) {
  if (value === null || value === undefined) return '—';
  return `${String(value).replace('.', ',')} j`;
}

/** A number with a bar proportional to the largest of its column (hidden from assistive technology). */
function barCell(value, max) {
  const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
  // Through the CSSOM: the pages' Content-Security-Policy refuses inline style attributes.
  bar.style.width = `${max > 0 ? Math.round((value / max) * 100) : 0}%`;
  return h('td', { class: 'figure' }, bar, h('span', { class: 'figure-value', text: String(value) }));
}

function table(id, caption, headers, rows) {
  return h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: '0' },
    h('table', { 'data-testid': id, class: 'statistics' },
      h('caption', { id: `${id}-caption`, text: caption }),
      h('thead', {}, h('tr', {}, headers.map((label) => h('th', { scope: 'col', text: label })))),
      h('tbody', {}, rows)));
}

function countTable(id, caption, firstHeader, counts, labels) {
  const entries = Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return h('p', { text: `${caption} : aucune demande sur la période.` });
  const max = Math.max(...entries.map(([, v]) => v));
  return table(id, caption, [firstHeader, 'Demandes reçues'],
    entries.map(([key, value]) => h('tr', {}, h('th', { scope: 'row', text: labels[key] ?? key }), barCell(value, max))));
}

export async function statisticsView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) {
    return {
      title: 'Collectivité non accessible',
      content: [h('h1', { text: 'Collectivité non accessible' }),
        h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' }))],
    };
  }
  const search = new URLSearchParams();
  if (query.get('du')) search.set('from', query.get('du'));
  if (query.get('au')) search.set('to', query.get('au'));
  const messages = h('div');
  let data;
  try {
    ({ data } = await api(`/tenants/${seg(tenantId)}/statistics${search.toString() ? `?${search}` : ''}`));
  } catch (error) {
    if (error.handled) throw error;
    messages.replaceChildren(notice(error.detail || error.title, 'error'));
    ({ data } = await api(`/tenants/${seg(tenantId)}/statistics`));
  }

  const from = h('input', { type: 'month', id: 'du', name: 'du', value: data.from, required: true });
  const to = h('input', { type: 'month', id: 'au', name: 'au', value: data.to, required: true });
  const period = h('form', { class: 'filters', 'aria-label': 'Période' },
    h('div', { class: 'field' }, h('label', { for: 'du', text: 'Du mois (AAAA-MM)' }), from),
    h('div', { class: 'field' }, h('label', { for: 'au', text: 'Au mois (AAAA-MM)' }), to),
    h('button', { type: 'submit', class: 'button secondary', text: 'Afficher' }));
  period.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(statisticsHash(tenantId, new URLSearchParams({ du: from.value, au: to.value })));
  });

  const months = data.months ?? [];
  const maxSubmitted = Math.max(0, ...months.map((m) => m.submitted));
  const maxDecided = Math.max(0, ...months.map((m) => m.decided));
  const monthRows = months.map((m) => h('tr', {},
    h('th', { scope: 'row', text: monthLabel(m.month) }),
    barCell(m.submitted, maxSubmitted),
    barCell(m.decided, maxDecided),
    h('td', { text: String(m.implicitDecisions) }),
    h('td', { text: days(m.medianProcessingDays) })));
  const t = data.totals ?? {};
  monthRows.push(h('tr', { class: 'total' },
    h('th', { scope: 'row', text: 'Total de la période' }),
    h('td', { text: String(t.submitted ?? 0) }), h('td', { text: String(t.decided ?? 0) }),
    h('td', { text: String(t.implicitDecisions ?? 0) }), h('td', { text: days(t.medianProcessingDays) })));

  const risk = data.atRisk ?? { count: 0, withinDays: 7 };
  return {
    title: `Statistiques – ${membership.tenantName}`,
    content: [
      h('h1', {}, 'Statistiques', h('small', { text: membership.tenantName })),
      h('p', {}, h('a', { href: `#/collectivites/${enc(tenantId)}/demandes`, text: 'Revenir aux demandes' })),
      period,
      messages,
      h('p', { class: 'at-risk', 'data-testid': 'at-risk' },
        h('strong', { text: String(risk.count) }),
        ` demande${risk.count > 1 ? 's' : ''} en cours dont la décision implicite intervient dans les ${risk.withinDays} jours.`),
      table('statistics-months', 'Demandes par mois', ['Mois', 'Reçues', 'Décidées', 'Dont décisions implicites',
        'Délai médian de traitement'], monthRows),
      countTable('statistics-procedures', 'Demandes reçues par démarche', 'Démarche', t.byProcedure,
        data.procedureTitles ?? {}),
      countTable('statistics-channels', 'Demandes reçues par canal', 'Canal', t.byChannel, CHANNEL_LABELS),
      h('p', { class: 'hint', text: 'Le délai médian va du dépôt à la décision ; il est calculé par tranches '
        + '(0, 1, 2, 3, 5, 7, 10, 14, 21, 30 jours…), à une tranche près.' }),
    ],
  };
}
