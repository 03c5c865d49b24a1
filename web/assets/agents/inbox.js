// The agent's inbox: a service's requests, open or done, in the server's order.

import { h, dateTime, formatDay, statusBadge, announce, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { navigate } from '../router.js';

const enc = encodeURIComponent;

/** The inbox route; `search` (URLSearchParams) keeps the filters: service, etat=traitees. */
export function inboxHash(tenantId, search = new URLSearchParams()) {
  const text = search.toString();
  return `#/collectivites/${enc(tenantId)}/demandes${text ? `?${text}` : ''}`;
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

function row(tenantId, item, search) {
  const filters = search.toString();
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'nowrap' }, h('a', {
      href: `#/collectivites/${enc(tenantId)}/demandes/${enc(item.reference)}${filters ? `?${filters}` : ''}`,
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
  const done = query.get('etat') === 'traitees';
  const pageUrl = (cursor) => {
    const search = new URLSearchParams();
    if (query.get('service')) search.set('service', query.get('service'));
    if (done) search.set('state', 'done');
    if (cursor) search.set('cursor', cursor);
    const text = search.toString();
    return `/tenants/${seg(tenantId)}/inbox${text ? `?${text}` : ''}`;
  };
  const { data } = await api(pageUrl());
  const items = data.items ?? [];
  let cursor = data.nextCursor;
  // Without a service in the query, the server picks the agent's first one and says which.
  const serviceId = query.get('service') || data.serviceId || services[0]?.id || '';
  const service = services.find((s) => s.id === serviceId);

  const serviceSelect = h('select', { id: 'service', name: 'service' },
    services.map((s) => h('option', { value: s.id, text: s.name, selected: s.id === serviceId })));
  const stateSelect = h('select', { id: 'etat', name: 'etat' },
    h('option', { value: '', text: 'À traiter', selected: !done }),
    h('option', { value: 'traitees', text: 'Traitées', selected: done }));
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer les demandes' },
    services.length > 1 ? h('div', { class: 'field' }, h('label', { for: 'service', text: 'Service' }), serviceSelect) : null,
    h('div', { class: 'field' }, h('label', { for: 'etat', text: 'Demandes' }), stateSelect),
    h('button', { type: 'submit', class: 'button secondary', text: 'Afficher' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (services.length > 1) search.set('service', serviceSelect.value);
    if (stateSelect.value) search.set('etat', stateSelect.value);
    navigate(inboxHash(tenantId, search));
  });

  const tbody = h('tbody', {}, items.map((item) => row(tenantId, item, query)));
  const table = h('table', { 'data-testid': 'inbox' },
    h('caption', { id: 'inbox-caption' },
      `${done ? 'Demandes traitées' : 'Demandes à traiter'}${service ? ` – ${service.name}` : ''}`,
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
      const rows = (page.items ?? []).map((item) => row(tenantId, item, query));
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
        : h('p', { text: done ? 'Aucune demande traitée pour le moment.' : 'Aucune demande à traiter pour le moment.' }),
      messages,
      h('div', { class: 'button-group' }, more),
    ],
  };
}
