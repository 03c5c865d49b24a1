// « Journal des accès » (administrators): who read which request or looked up which person, and when.
// Filter by request reference or by agent; newest first, page after page; twelve months are kept.

import { h, fill, dateTime, notice } from '../dom.js';
import { api, seg, ApiError } from '../api.js';
import { textField } from '../fields.js';
import { navigate } from '../router.js';

export const accessLogHash = (tenantId, params) => {
  const text = params ? new URLSearchParams(params).toString() : '';
  return `#/collectivites/${encodeURIComponent(tenantId)}/journal-des-acces${text ? `?${text}` : ''}`;
};

function row(tenantId, entry) {
  return h('tr', {},
    h('td', {}, dateTime(entry.at, { short: true })),
    h('td', {}, h('a', { href: accessLogHash(tenantId, { agent: entry.agentId }), text: entry.agentName || entry.agentId })),
    h('td', { text: entry.actionLabel }),
    h('td', {}, entry.reference
      ? h('a', { href: accessLogHash(tenantId, { reference: entry.reference }), text: entry.reference }) : '—'));
}

export async function accessLogView({ params: [tenantId], query }) {
  const reference = query.get('reference') ?? '';
  const agent = query.get('agent') ?? '';
  const pageUrl = (cursor) => {
    const search = new URLSearchParams();
    if (reference) search.set('reference', reference);
    else if (agent) search.set('agent', agent);
    if (cursor) search.set('cursor', cursor);
    const text = search.toString();
    return `/tenants/${seg(tenantId)}/access-log${text ? `?${text}` : ''}`;
  };
  let data;
  try {
    ({ data } = await api(pageUrl()));
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return { title: 'Accès réservé', content: [h('h1', { text: 'Journal des accès' }),
        notice(error.detail || 'Le journal des accès est réservé aux administrateurs.', 'error')] };
    }
    throw error;
  }
  let cursor = data.nextCursor;
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer le journal' },
    textField({ id: 'log-reference', label: 'Référence de la demande', value: reference, autocomplete: 'off' }),
    h('button', { type: 'submit', class: 'button secondary', 'data-testid': 'filter-log', text: 'Afficher' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = filters.querySelector('#log-reference').value.trim();
    navigate(accessLogHash(tenantId, value ? { reference: value } : null));
  });
  const tbody = h('tbody', {}, (data.items ?? []).map((entry) => row(tenantId, entry)));
  const caption = reference ? `Accès à la demande ${reference}`
    : agent ? `Accès par ${data.items?.[0]?.agentName ?? 'cet agent'}` : 'Accès de ce mois-ci';
  const messages = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'load-more', text: 'Voir plus' });
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    try {
      const { data: page } = await api(pageUrl(cursor));
      tbody.append(...(page.items ?? []).map((entry) => row(tenantId, entry)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      fill(messages);
    } catch (error) {
      if (!error.handled) fill(messages, notice(error.detail || error.title, 'error'));
    } finally {
      more.removeAttribute('aria-disabled');
    }
  });
  return {
    title: 'Journal des accès',
    content: [
      h('h1', { text: 'Journal des accès aux données personnelles' }),
      h('p', { text: 'Chaque consultation d’une demande, chaque recherche d’une personne et chaque demande enregistrée '
        + 'pour une personne par un agent, de la plus récente à la plus ancienne. Les accès sont conservés douze mois.' }),
      filters,
      (reference || agent) ? h('p', {}, h('a', { href: accessLogHash(tenantId), text: 'Voir tout le journal du mois' })) : null,
      data.items?.length
        ? h('div', { class: 'table-wrapper' }, h('table', { 'data-testid': 'access-log' },
          h('caption', { text: caption }),
          h('thead', {}, h('tr', {}, ['Date', 'Agent', 'Action', 'Demande'].map((label) => h('th', { scope: 'col', text: label })))),
          tbody))
        : notice('Aucun accès n’est enregistré pour ce choix.'),
      more, messages,
    ],
  };
}
