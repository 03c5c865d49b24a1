// The acknowledgement of a request filed for a person, on one printable page: the tenant's letterhead,
// the person's postal address, the reference and every mention of R112-11-1. A print button, and a print
// stylesheet (app.css) that keeps only the letter.

import { h, dateOnly } from '../dom.js';
import { api, seg } from '../api.js';
import { acknowledgementSection } from '../request-parts.js';

const CHANNEL_WORDS = { counter: 'au guichet', phone: 'par téléphone', post: 'par courrier' };

export async function acknowledgementPrintView({ params: [tenantId, reference] }) {
  const { data } = await api(`/tenants/${seg(tenantId)}/requests/${seg(reference)}/acknowledgement-letter`);
  const recipient = data.recipient ?? {};
  const address = recipient.address;
  const service = data.acknowledgement?.service ?? {};
  const delivered = recipient.email
    ? `L’accusé de réception a été envoyé par courriel à ${recipient.email}. Vous pouvez aussi l’imprimer et le remettre.`
    : 'Cette personne n’a pas d’adresse électronique : imprimez l’accusé de réception et envoyez-le par courrier.';
  return {
    title: `Accusé de réception ${data.reference}`,
    content: [
      h('div', { class: 'no-print' },
        h('h1', { text: 'Accusé de réception à remettre ou à envoyer' }),
        h('p', { 'data-testid': 'delivery', text: delivered }),
        h('div', { class: 'print-actions' },
          h('button', { type: 'button', class: 'button', 'data-testid': 'print', text: 'Imprimer l’accusé de réception',
            onclick: () => window.print() }),
          h('a', { href: `#/collectivites/${encodeURIComponent(tenantId)}/enregistrer`, text: 'Enregistrer une autre demande' }))),
      h('article', { class: 'printable-letter', 'aria-labelledby': 'letter-title', 'data-testid': 'printable-acknowledgement' },
        h('div', { class: 'letter-head' },
          h('div', { class: 'letter-sender' },
            h('strong', { text: data.tenantName ?? '' }), h('br'),
            service.name ? [service.name, h('br')] : null,
            h('span', { class: 'pre-line', text: service.address ?? '' })),
          h('address', { class: 'letter-recipient', 'data-testid': 'recipient' },
            recipient.name ?? '', h('br'),
            address ? [address.street, h('br'), `${address.postcode} ${address.city}`] : (recipient.email ?? ''))),
        h('h2', { id: 'letter-title', text: `Accusé de réception de votre demande n° ${data.reference}` }),
        h('p', {}, `Démarche : ${data.procedureTitle}. Demande reçue ${CHANNEL_WORDS[data.channel] ?? ''} le `,
          dateOnly(data.receivedAt), '.'),
        h('p', {}, 'Référence à rappeler dans vos échanges : ', h('strong', { 'data-testid': 'reference', text: data.reference })),
        acknowledgementSection(data.acknowledgement)),
    ],
  };
}
