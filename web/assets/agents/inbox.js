// The agent's inbox: requests of a tenant, optionally of one service, in the server's order.

import { h, dateTime, formatDay, statusBadge, announce, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { navigate } from '../router.js';

const enc = encodeURIComponent;

export function inboxHash(tenantId, serviceId = '') {
  return `#/collectivites/${enc(tenantId)}/demandes${serviceId ? `?service=${enc(serviceId)}` : ''}`;
}

export const CHANNEL_LABELS = {
  web: 'En ligne',
  counter: 'Guichet',
  phone: 'Téléphone',
  post: 'Courrier',
  email: 'Courriel',
};

const OPEN_STATUSES = ['submitted', 'in_progress', 'incomplete'];
const SOON_DAYS = 15;

function deadlineCell(item) {
  if (!item.implicitDecisionDate) return h('td', { text: '—' });
  const days = (Date.parse(`${item.implicitDecisionDate}T12:00:00Z`) - Date.now()) / 86_400_000;
  const soon = OPEN_STATUSES.includes(item.status) && days <= SOON_DAYS;
  return h('td', { class: soon ? 'deadline-soon' : null },
    formatDay(item.implicitDecisionDate), soon ? ' (échéance proche)' : null);
}

function row(tenantId, item, serviceId) {
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'nowrap' }, h('a', {
      href: `#/collectivites/${enc(tenantId)}/demandes/${enc(item.reference)}${serviceId ? `?service=${enc(serviceId)}` : ''}`,
      'data-testid': `request-${item.reference}`,
      text: item.reference,
    })),
    h('td', { text: item.procedureTitle }),
    h('td', { text: item.citizenName }),
    h('td', { class: 'nowrap' }, dateTime(item.receivedAt, { short: true })),
    deadlineCell(item),
    h('td', { text: CHANNEL_LABELS[item.channel] ?? item.channel ?? '' }),
    h('td', {}, statusBadge(item.status)),
  );
}

export async function inboxView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) {
    return {
      title: 'Collectivité non accessible',
      content: [
        h('h1', { text: 'Collectivité non accessible' }),
        h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' })),
      ],
    };
  }
  const services = membership.services ?? [];
  const serviceId = query.get('service') || '';
  const service = services.find((s) => s.id === serviceId);
  const pageUrl = (cursor) => {
    const search = new URLSearchParams();
    if (serviceId) search.set('service', serviceId);
    if (cursor) search.set('cursor', cursor);
    const text = search.toString();
    return `/tenants/${seg(tenantId)}/inbox${text ? `?${text}` : ''}`;
  };
  const { data } = await api(pageUrl());
  const items = data.items ?? [];
  let cursor = data.nextCursor;

  const select = h('select', { id: 'service', name: 'service' },
    h('option', { value: '', text: 'Tous mes services' }),
    services.map((s) => h('option', { value: s.id, text: s.name, selected: s.id === serviceId })));
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer les demandes' },
    h('div', { class: 'field' }, h('label', { for: 'service', text: 'Service' }), select),
    h('button', { type: 'submit', class: 'button secondary', text: 'Afficher' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(inboxHash(tenantId, select.value));
  });

  const tbody = h('tbody', {}, items.map((item) => row(tenantId, item, serviceId)));
  const table = h('table', { 'data-testid': 'inbox' },
    h('caption', { id: 'inbox-caption' },
      `Demandes – ${service ? service.name : 'tous mes services'}`,
      h('span', { class: 'visually-hidden', text: ', dans l’ordre de la file de traitement' })),
    h('thead', {}, h('tr', {}, ['Référence', 'Démarche', 'Demandeur', 'Reçue le', 'Décision implicite le', 'Canal', 'Statut']
      .map((label) => h('th', { scope: 'col', text: label })))),
    tbody);

  const messages = h('div');
  const more = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'load-more', text: 'Voir plus' });
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    messages.replaceChildren();
    try {
      const { data: page } = await api(pageUrl(cursor));
      const rows = (page.items ?? []).map((item) => row(tenantId, item, serviceId));
      tbody.append(...rows);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      rows[0]?.querySelector('a').focus();
      announce(`${rows.length} demande${rows.length > 1 ? 's' : ''} de plus affichée${rows.length > 1 ? 's' : ''}.`);
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    } finally {
      more.removeAttribute('aria-disabled');
    }
  });

  return {
    title: `Demandes à traiter – ${membership.tenantName}`,
    content: [
      h('h1', {}, 'Demandes à traiter', h('small', { text: membership.tenantName })),
      filters,
      items.length
        ? h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': 'inbox-caption', tabindex: '0' }, table)
        : h('p', { text: 'Aucune demande à traiter pour le moment.' }),
      messages,
      h('div', { class: 'button-group' }, more),
    ],
  };
}
