// On a request's page: who filed it for the person and how, the scanned letter and the printable acknowledgement.

import { h, dateOnly, facts, notice } from '../dom.js';
import { api, seg } from '../api.js';

const CHANNEL_WORDS = { counter: 'Au guichet', phone: 'Par téléphone', post: 'Par courrier' };

export function filedBySection(tenantId, request) {
  const filed = request.filedBy;
  if (!filed) return null;
  const messages = h('div', { 'aria-live': 'polite' });
  const base = `#/collectivites/${encodeURIComponent(tenantId)}/demandes/${encodeURIComponent(request.reference)}`;
  const openLetter = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'open-letter',
    text: `Ouvrir le courrier numérisé (${filed.letter?.fileName ?? ''})` });
  openLetter.addEventListener('click', async () => {
    messages.replaceChildren();
    try {
      const { data } = await api(`/tenants/${seg(tenantId)}/requests/${seg(request.reference)}/letter`);
      window.open(data.url, '_blank', 'noopener');
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    }
  });
  return h('section', { 'aria-labelledby': 'filed-title', 'data-testid': 'filed-by' },
    h('h2', { id: 'filed-title', text: 'Enregistrée par un agent' }),
    facts([
      ['Enregistrée par', filed.agentName || filed.agentId],
      ['Comment', CHANNEL_WORDS[request.channel] ?? request.channel],
      ['Arrivée du courrier', filed.letterArrivedOn ? dateOnly(filed.letterArrivedOn) : null],
    ]),
    h('p', {}, filed.letter ? openLetter : null, ' ',
      h('a', { href: `${base}/accuse`, 'data-testid': 'print-link', text: 'Accusé de réception à imprimer' })),
    messages);
}
