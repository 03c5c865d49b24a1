// The agenda of one bookable resource (appointment service or room), by day or by week, with
// « Absent » on confirmed appointments and « Valider » / « Refuser » on rooms awaiting approval.

import { h, fill, notice, focusElement } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { navigate } from '../router.js';
import {
  getServices, getRooms, parisParts, addDays, mondayOf, todayInParis, isDay, formatTime, formatLongDay, formatShortDay,
  bookingBadge, holderOf,
} from '../bookings.js';
import { CHANNEL_LABELS } from './inbox.js';

const enc = encodeURIComponent;
export const KIND_PARAMS = { appointment: 'rendez-vous', room: 'salle' };

/** The agenda route; params: { type: 'rendez-vous'|'salle', ressource, vue: 'jour'|'semaine', jour }. */
export function agendaHash(tenantId, params = {}) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const text = search.toString();
  return `#/collectivites/${enc(tenantId)}/agenda${text ? `?${text}` : ''}`;
}

export function notAccessibleView() {
  return {
    title: 'Collectivité non accessible',
    content: [
      h('h1', { text: 'Collectivité non accessible' }),
      h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' })),
    ],
  };
}

/** Options of a resource select for one kind. */
export const resourceOptions = (resources, selectedId) => resources.map((r) => h('option', { value: r.id, text: r.name, selected: r.id === selectedId }));

export async function agendaView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) return notAccessibleView();
  const [services, rooms] = await Promise.all([getServices(tenantId), getRooms(tenantId)]);
  const kind = query.get('type') === KIND_PARAMS.room ? 'room' : 'appointment';
  const listFor = (k) => (k === 'room' ? rooms : services);
  const resource = listFor(kind).find((r) => r.id === query.get('ressource')) ?? listFor(kind)[0] ?? null;
  const week = query.get('vue') === 'semaine';
  const day = isDay(query.get('jour')) ? query.get('jour') : todayInParis();
  const from = week ? mondayOf(day) : day;
  const to = week ? addDays(from, 6) : day;
  const here = { type: KIND_PARAMS[kind], ressource: resource?.id, vue: week ? 'semaine' : 'jour' };

  let items = [];
  if (resource) {
    // The day after too, whether the API's `to` is inclusive or not; the days shown are filtered here.
    const search = new URLSearchParams({ kind, resource: resource.id, from, to: addDays(to, 1) });
    const { data } = await api(`/tenants/${seg(tenantId)}/agenda?${search}`);
    items = (data.items ?? []).filter((b) => {
      const d = parisParts(b.start).day;
      return d >= from && d <= to;
    }).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  // ------------------------------------------------------------------ filters
  const kindSelect = h('select', { id: 'kind', name: 'kind' },
    h('option', { value: 'appointment', text: 'Rendez-vous', selected: kind === 'appointment' }),
    h('option', { value: 'room', text: 'Salles', selected: kind === 'room' }));
  const resourceSelect = h('select', { id: 'resource', name: 'resource' }, resourceOptions(listFor(kind), resource?.id));
  kindSelect.addEventListener('change', () => fill(resourceSelect, resourceOptions(listFor(kindSelect.value), null)));
  const dayInput = h('input', { type: 'date', id: 'day', name: 'day', value: day, class: 'width-short' });
  const viewRadio = (value, label, checked) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'view', id: `view-${value}`, value, checked }),
    h('label', { for: `view-${value}`, text: label }));
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Choisir l’agenda' },
    h('div', { class: 'field' }, h('label', { for: 'kind', text: 'Agenda' }), kindSelect),
    h('div', { class: 'field' }, h('label', { for: 'resource', text: 'Service ou salle' }), resourceSelect),
    h('div', { class: 'field' }, h('label', { for: 'day', text: 'Date' }), dayInput),
    h('fieldset', { class: 'choice-group inline-choices' }, h('legend', { text: 'Affichage' }),
      viewRadio('jour', 'Jour', !week), viewRadio('semaine', 'Semaine', week)),
    h('button', { type: 'submit', class: 'button secondary', text: 'Afficher' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(agendaHash(tenantId, {
      type: KIND_PARAMS[kindSelect.value],
      ressource: resourceSelect.value,
      vue: filters.querySelector('input[name=view]:checked')?.value ?? 'jour',
      jour: isDay(dayInput.value) ? dayInput.value : day,
    }));
  });
  const step = week ? 7 : 1;
  const pager = h('p', { class: 'agenda-pager' },
    h('a', { href: agendaHash(tenantId, { ...here, jour: addDays(from, -step) }), text: week ? '‹ Semaine précédente' : '‹ Jour précédent' }),
    h('a', { href: agendaHash(tenantId, { ...here, jour: todayInParis() }), text: 'Aujourd’hui' }),
    h('a', { href: agendaHash(tenantId, { ...here, jour: addDays(from, step) }), text: week ? 'Semaine suivante ›' : 'Jour suivant ›' }));

  // ------------------------------------------------------------------ table and actions
  const messages = h('div');
  const panel = h('div', { id: 'refusal-panel' });
  const tbody = h('tbody');
  const when = (b) => `${week ? `${formatShortDay(parisParts(b.start).day)} ` : ''}${formatTime(b.start)}–${formatTime(b.end)}`;

  function renderRows() {
    fill(tbody, items.length ? items.map(row) : h('tr', {}, h('td', { colspan: '6',
      text: week ? 'Aucune réservation cette semaine.' : 'Aucune réservation ce jour.' })));
  }

  function row(b) {
    const context = h('span', { class: 'visually-hidden', text: ` : ${holderOf(b)}, ${when(b)}` });
    const actions = [];
    if (b.kind === 'appointment' && b.status === 'confirmed') {
      actions.push(actionButton(b, `no-show-${b.id}`, 'Absent', context, (event) => act(event.currentTarget, b, 'no-show', {},
        (done) => `Absence enregistrée : ${holderOf(done)}, ${when(done)}.`)));
    }
    if (b.kind === 'room' && b.status === 'awaiting_approval') {
      actions.push(actionButton(b, `approve-${b.id}`, 'Valider', context.cloneNode(true), (event) => act(event.currentTarget, b, 'decision', { approve: true },
        (done) => `Réservation validée : ${holderOf(done)}, ${when(done)}.`)));
      actions.push(actionButton(b, `refuse-${b.id}`, 'Refuser', context.cloneNode(true), () => openRefusal(b), 'warning'));
    }
    return h('tr', { 'data-booking': b.id },
      h('th', { scope: 'row', class: 'nowrap' }, when(b)),
      h('td', {}, b.holderName || null, b.holderName && b.holderEmail ? h('br') : null,
        b.holderEmail ? h('a', { href: `mailto:${b.holderEmail}`, text: b.holderEmail }) : null),
      h('td', { text: b.kind === 'room' ? (b.note || '—') : (b.typeName || '—') }),
      h('td', { text: CHANNEL_LABELS[b.channel] ?? b.channel ?? '—' }),
      h('td', {}, bookingBadge(b)),
      h('td', {}, actions.length ? h('div', { class: 'row-actions' }, actions) : '—'));
  }

  function actionButton(b, testid, label, context, onclick, style = 'secondary') {
    return h('button', { type: 'button', class: `button small ${style}`, 'data-testid': testid, onclick }, label, context);
  }

  function replace(done) {
    items = items.map((b) => (b.id === done.id ? done : b));
    renderRows();
  }

  function say(message, kindOfNotice = 'success') {
    messages.parentElement?.querySelector(':scope > .notice')?.remove(); // a stale flash message
    fill(messages, notice(message, kindOfNotice));
    focusElement(messages.firstChild);
  }

  async function act(button, b, action, body, message) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const { data } = await api(`/tenants/${seg(tenantId)}/agenda/bookings/${seg(b.id)}/${action}`, { method: 'POST', body });
      fill(panel);
      replace(data);
      say(message(data));
    } catch (error) {
      button.removeAttribute('aria-disabled');
      if (!error.handled) say(error.detail || error.title, 'error');
    }
  }

  function openRefusal(b) {
    fill(messages);
    const status = formStatus();
    const form = h('form', { novalidate: true, class: 'confirm-panel', 'aria-labelledby': 'refusal-title', 'data-testid': 'refusal-form' },
      h('h2', { id: 'refusal-title', text: `Refuser la réservation de ${holderOf(b)} (${when(b)})` }),
      textField({ id: 'reason', label: 'Motif du refus', multiline: true, required: true, maxLength: 1000,
        hint: 'Le demandeur le verra dans « Mes réservations ».' }),
      h('div', { class: 'button-group' },
        h('button', { type: 'submit', class: 'button warning', 'data-testid': 'confirm-refuse', text: 'Confirmer le refus' }),
        h('button', { type: 'button', class: 'button secondary', text: 'Ne pas refuser',
          onclick: () => {
            fill(panel);
            tbody.querySelector(`[data-testid="refuse-${CSS.escape(b.id)}"]`)?.focus();
          } })),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      const reason = form.reason.value.trim();
      if (!reason) {
        showErrors(form, [{ wrapper: findField(form, 'reason'), message: 'Indiquez le motif du refus au demandeur.' }]);
        return;
      }
      whileBusy(form, status, 'Enregistrement en cours…', async () => {
        try {
          const { data } = await api(`/tenants/${seg(tenantId)}/agenda/bookings/${seg(b.id)}/decision`,
            { method: 'POST', body: { approve: false, reason } });
          fill(panel);
          replace(data);
          say(`Réservation refusée : ${holderOf(data)}, ${when(data)}.`);
        } catch (error) {
          if (error.handled) return;
          showErrors(form, error.status === 422 ? problemToErrors(form, error) : [{ message: error.detail || error.title }]);
        }
      });
    });
    fill(panel, form);
    focusElement(form.querySelector('h2'));
  }

  renderRows();
  const period = week ? `semaine du ${formatLongDay(from)} au ${formatLongDay(to)}` : formatLongDay(day);
  const table = h('table', { 'data-testid': 'agenda' },
    h('caption', { id: 'agenda-caption', text: `${resource?.name ?? 'Agenda'} – ${period}` }),
    h('thead', {}, h('tr', {}, ['Horaire', 'Usager', kind === 'room' ? 'Objet' : 'Motif', 'Canal', 'Statut', 'Actions']
      .map((label) => h('th', { scope: 'col', text: label })))),
    tbody);

  return {
    title: `Agenda – ${membership.tenantName}`,
    content: [
      h('h1', {}, 'Agenda', h('small', { text: membership.tenantName })),
      h('p', { class: 'agenda-links' },
        h('a', { href: `#/collectivites/${enc(tenantId)}/agenda/rendez-vous`, 'data-testid': 'new-appointment',
          text: 'Prendre un rendez-vous pour un usager' }),
        h('a', { href: `#/collectivites/${enc(tenantId)}/agenda/fermeture${resource ? `?type=${KIND_PARAMS[kind]}&ressource=${enc(resource.id)}` : ''}`,
          'data-testid': 'block-period', text: 'Bloquer une période' })),
      filters,
      resource
        ? [pager, messages,
          h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': 'agenda-caption', tabindex: '0' }, table),
          panel]
        : h('p', { text: kind === 'room' ? 'Aucune salle n’est proposée à la réservation.' : 'Aucun service ne propose de rendez-vous.' }),
    ],
  };
}
