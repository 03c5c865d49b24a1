// Pieces of a request shown by both apps: acknowledgement, timeline, submitted data, decision.

import { h, dateTime, dateOnly, facts, formatDay, statusLabel } from './dom.js';

export const REGIME_LABELS = {
  SVA: 'Silence vaut acceptation',
  SVR: 'Silence vaut rejet',
};

/** The « Accusé de réception » (SVE, CRPA L112-11) with every mention the API gives. */
export function acknowledgementSection(ack) {
  if (!ack) return null;
  const service = ack.service ?? {};
  const implicitLabel = ack.regime === 'SVR' ? 'Date du rejet implicite' : 'Date de l’acceptation implicite';
  const mentions = Array.isArray(ack.mentions) ? ack.mentions : [];
  return h(
    'section',
    { class: 'acknowledgement', 'aria-labelledby': 'ack-title', 'data-testid': 'acknowledgement' },
    h('h2', { id: 'ack-title', text: 'Accusé de réception' }),
    facts([
      ['Date de réception', dateTime(ack.receivedAt)],
      ['Service chargé de la demande', serviceBlock(service)],
      ['Règle en cas de silence', REGIME_LABELS[ack.regime] ?? ack.regime],
      ['Délai de décision', ack.periodMonths ? periodWords(ack.periodMonths, ack.periodUnit) : null],
      [implicitLabel, ack.implicitDecisionDate ? dateOnly(ack.implicitDecisionDate) : null],
      ['Fondement juridique', ack.legalBasis],
    ]),
    mentions.length
      ? [
        h('h3', { text: 'Mentions légales' }),
        h('ul', { class: 'mentions', 'data-testid': 'mentions' }, mentions.map((text) => h('li', { text }))),
      ]
      : null,
  );
}

function serviceBlock(service) {
  const lines = [];
  if (service.name) lines.push(h('strong', { text: service.name }));
  if (service.address) lines.push(h('span', { class: 'address pre-line', text: service.address }));
  if (service.phone) {
    lines.push(h('span', {}, 'Téléphone : ', h('a', { href: `tel:${service.phone.replace(/[^\d+]/g, '')}`, text: service.phone })));
  }
  if (service.email) {
    lines.push(h('span', {}, 'Courriel : ', h('a', { href: `mailto:${service.email}`, text: service.email })));
  }
  return lines.length ? h('div', { class: 'service' }, lines.flatMap((line, i) => (i ? [h('br'), line] : [line]))) : null;
}

/** The history of the request, oldest first as the API gives it. */
export function timelineSection(timeline) {
  const events = Array.isArray(timeline) ? timeline : [];
  return h(
    'section',
    { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title', text: 'Historique' }),
    events.length
      ? h('ol', { class: 'timeline', 'data-testid': 'timeline' }, events.map((event) => h(
        'li',
        {},
        h('strong', { text: statusLabel(event.status) }),
        ' — ',
        dateTime(event.at),
        event.note ? h('p', { class: 'note' }, h('span', { class: 'visually-hidden', text: 'Message : ' }), event.note) : null,
      )))
      : h('p', { text: 'Aucun événement pour le moment.' }),
  );
}

/** The decision, when there is one. */
export function decisionNotice(decision) {
  if (!decision) return null;
  const accepted = /accepted$/.test(decision.status);
  return h(
    'div',
    { class: `notice ${accepted ? 'success' : 'error'}`, 'data-testid': 'decision' },
    h('h2', { text: `Décision : ${statusLabel(decision.status)}` }),
    h('p', {}, 'Le ', dateTime(decision.at)),
    decision.note ? h('p', { class: 'note pre-line', text: decision.note }) : null,
  );
}

/**
 * The data of the form as a list, labelled with the démarche's field labels when the procedure is
 * known (fields in the order of its sections), with raw field names otherwise.
 */
export function dataFacts(data, procedure) {
  const values = data && typeof data === 'object' ? data : {};
  const props = procedure?.form?.schema?.properties ?? {};
  const uiFields = procedure?.form?.ui?.fields ?? {};
  const order = (procedure?.form?.ui?.sections ?? []).flatMap((section) => section.fields ?? []);
  const names = [...new Set([...order.filter((name) => name in values), ...Object.keys(values)])];
  if (!names.length) return h('p', { text: 'Aucune donnée.' });
  return facts(names.map((name) => {
    const ui = uiFields[name] ?? {};
    return [ui.label ?? props[name]?.title ?? name, formatValue(values[name], props[name] ?? {}, ui)];
  }));
}

function formatValue(value, prop, ui) {
  const optionLabel = (v) => ui.options?.find((option) => option.value === v)?.label ?? String(v);
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.map(optionLabel).join(', ') || '—';
  if (prop.format === 'date' && typeof value === 'string') return formatDay(value) || value;
  if (typeof value === 'object' && 'street' in value) return `${value.street}, ${value.postcode} ${value.city}`;
  if (typeof value === 'object' && 'givenNames' in value) {
    return `${value.givenNames} ${value.familyName}, né(e) le ${formatDay(value.birthDate) || value.birthDate}`;
  }
  if (typeof value === 'object' && 'fileName' in value) {
    return `${value.fileName}${value.size ? ` (${Math.max(1, Math.round(value.size / 1024))} ko)` : ''}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  const text = optionLabel(value);
  return text.includes('\n') ? h('span', { class: 'pre-line', text }) : text;
}

const PERIOD_UNITS = { days: ['jour', 'jours'], weeks: ['semaine', 'semaines'], months: ['mois', 'mois'] };

/** « 2 mois », « 30 jours », « 1 semaine »: the length of a period in its unit (months when none is given). */
function periodWords(length, unit) {
  const [one, many] = PERIOD_UNITS[unit] ?? PERIOD_UNITS.months;
  return `${length} ${length > 1 ? many : one}`;
}
