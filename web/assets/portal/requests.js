// « Mes demandes »: the citizen's requests, newest first, and the detail of one request.

import { h, dateTime, dateOnly, statusBadge, facts, announce, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { getProcedure } from '../tenants.js';
import { acknowledgementSection, timelineSection, decisionNotice, dataFacts } from '../request-parts.js';
import { documentsSection } from '../legal-documents.js';
import { correctionHash } from './correction.js';
import { messagesSection } from '../messages.js';

// Statuses for which an implicit decision can still arise.
const OPEN = ['submitted', 'in_progress', 'incomplete'];

const requestHash = (reference) => `#/demandes/${encodeURIComponent(reference)}`;

function requestCard(request) {
  return h(
    'li',
    { class: 'card' },
    h('h2', {}, h('a', {
      class: 'stretched',
      href: requestHash(request.reference),
      'data-testid': `request-${request.reference}`,
      text: request.procedureTitle,
    })),
    h('p', { class: 'meta' }, `Référence ${request.reference}`, request.tenantName ? ` · ${request.tenantName}` : ''),
    h('p', { class: 'meta' }, 'Envoyée le ', dateTime(request.receivedAt)),
    h('p', {}, statusBadge(request.status)),
  );
}

const pageUrl = (cursor) => `/me/requests${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;

export async function myRequestsView() {
  const { data } = await api(pageUrl());
  const items = data.items ?? [];
  const list = h('ul', { class: 'card-list', 'data-testid': 'my-requests' }, items.map(requestCard));
  let cursor = data.nextCursor;
  const messages = h('div');
  const more = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'load-more', text: 'Voir plus' });
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    messages.replaceChildren();
    try {
      const { data: page } = await api(pageUrl(cursor));
      const cards = (page.items ?? []).map(requestCard);
      list.append(...cards);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      cards[0]?.querySelector('a').focus();
      announce(`${cards.length} demande${cards.length > 1 ? 's' : ''} de plus affichée${cards.length > 1 ? 's' : ''}.`);
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    } finally {
      more.removeAttribute('aria-disabled');
    }
  });

  return {
    title: 'Mes demandes',
    content: [
      h('h1', { text: 'Mes demandes' }),
      items.length
        ? [h('p', { text: 'Vos demandes, de la plus récente à la plus ancienne.' }), list]
        : h('p', {}, 'Vous n’avez pas encore fait de demande. ', h('a', { href: '#/demarches', text: 'Voir les démarches' })),
      messages,
      h('div', { class: 'button-group' }, more),
    ],
  };
}

export async function requestDetailView({ params: [reference] }) {
  const { data: request } = await api(`/me/requests/${seg(reference)}`);
  const procedure = await getProcedure(request.tenantId, request.procedureId).catch(() => null);
  return {
    title: `Demande ${request.reference}`,
    content: [
      h('p', {}, h('a', { href: '#/demandes', text: 'Mes demandes' })),
      h('h1', { text: request.procedureTitle }),
      h('p', { class: 'reference-box' }, 'Référence : ', h('strong', { 'data-testid': 'reference', text: request.reference })),
      facts([
        ['Statut', statusBadge(request.status)],
        ['Collectivité', request.tenantName],
        ['Envoyée le', dateTime(request.receivedAt)],
        ['Dernière mise à jour', request.updatedAt ? dateTime(request.updatedAt) : null],
        ['Décision implicite le', OPEN.includes(request.status) && request.implicitDecisionDate
          ? dateOnly(request.implicitDecisionDate) : null],
      ]),
      decisionNotice(request.decision),
      correctionNotice(request),
      documentsSection(request),
      messagesSection({
        messagesPath: `/me/requests/${seg(request.reference)}/messages`,
        uploadPath: '/me/uploads',
        canWrite: OPEN.includes(request.status),
        closedText: 'Cette demande est close : vous ne pouvez plus envoyer de message. Pour contester une décision, '
          + 'adressez un recours au service.',
      }),
      timelineSection(request.timeline),
      h('section', { 'aria-labelledby': 'data-title' },
        h('h2', { id: 'data-title', text: 'Vos réponses' }),
        dataFacts(request.data, procedure)),
      acknowledgementSection(request.acknowledgement),
    ],
  };
}

/** While the request is incomplete: what the service asked for, and the way to answer it. */
function correctionNotice(request) {
  if (request.status !== 'incomplete' || !request.correction) return null;
  return h('div', { class: 'notice info', 'data-testid': 'correction-needed' },
    h('h2', { text: 'Votre demande est à compléter' }),
    h('p', { class: 'note pre-line', text: request.correction.missing }),
    h('p', { text: 'Aucun délai ne court tant que votre dossier est incomplet.' }),
    h('p', {}, h('a', { class: 'button', href: correctionHash(request.reference), 'data-testid': 'complete-request',
      text: 'Compléter ma demande' })));
}
