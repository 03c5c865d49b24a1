// Two forms of the agenda: « Prendre un rendez-vous pour un usager » (a caller on the phone or at
// the counter, with the portal's week view) and « Bloquer une période » (closure of a resource).

import { h, fill, uuid } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { navigate, flash } from '../router.js';
import {
  getServices, getRooms, serviceSlots, parisParts, parisIso, addDays, todayInParis, formatSlot, formatDuration,
  alternativesBlock,
} from '../bookings.js';
import { weekPicker } from '../week-picker.js';
import { agendaHash, notAccessibleView, resourceOptions, KIND_PARAMS } from './agenda.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function backLink(tenantId, params) {
  return h('p', {}, h('a', { href: agendaHash(tenantId, params), text: 'Retour à l’agenda' }));
}

/** Remembers the Idempotency-Key of a request body, so that a retry of the same body reuses it. */
function keys() {
  let sent = { text: null, key: null };
  return (body) => {
    const text = JSON.stringify(body);
    if (sent.text !== text) sent = { text, key: uuid() };
    return sent.key;
  };
}

export async function newAppointmentView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) return notAccessibleView();
  const services = await getServices(tenantId);
  let service = services.find((s) => s.id === query.get('ressource')) ?? services[0];
  if (!service) {
    return { title: 'Prendre un rendez-vous', content: [h('h1', { text: 'Prendre un rendez-vous pour un usager' }),
      h('p', { text: 'Aucun service ne propose de rendez-vous.' }), backLink(tenantId, {})] };
  }
  let chosen = null;
  let picker = null;
  const serviceSelect = h('select', { id: 'service', name: 'service' }, resourceOptions(services, service.id));
  const typeSelect = h('select', { id: 'type', name: 'type' });
  const slotInput = h('input', { type: 'text', id: 'slot', name: 'slot', readonly: true, value: 'Aucun créneau choisi',
    'aria-describedby': 'slot-hint', 'data-testid': 'chosen-slot' });
  const weekArea = h('div');
  const typeOf = () => (service.types ?? []).find((t) => t.id === typeSelect.value);
  const typeOptions = () => fill(typeSelect, (service.types ?? []).map((t) => h('option', {
    value: t.id, text: `${t.name} (${formatDuration(t.durationMinutes)})` })));

  function showWeek() {
    chosen = null;
    slotInput.value = 'Aucun créneau choisi';
    const type = typeOf();
    if (!type) {
      fill(weekArea, h('p', { text: 'Ce service n’a pas de motif de rendez-vous.' }));
      return;
    }
    picker = weekPicker({
      load: (from, to) => serviceSlots(tenantId, service.id, type.id, from, to),
      lastDay: addDays(todayInParis(), service.maxNoticeDays ?? 60),
      heading: 'h3',
      selectable: true,
      onChoose: (slot) => {
        chosen = slot;
        slotInput.value = formatSlot(slot.start);
      },
    });
    fill(weekArea, picker.element);
  }
  serviceSelect.addEventListener('change', () => {
    service = services.find((s) => s.id === serviceSelect.value) ?? service;
    typeOptions();
    showWeek();
  });
  typeSelect.addEventListener('change', showWeek);
  typeOptions();
  showWeek();

  const channelGroup = h('fieldset', { class: 'choice-group', 'data-field': 'channel' }, h('legend', { text: 'Canal' }),
    [['phone', 'Téléphone'], ['counter', 'Guichet']].map(([value, label], i) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'channel', id: i ? `channel-${value}` : 'channel', value, checked: i === 0 }),
      h('label', { for: i ? `channel-${value}` : 'channel', text: label }))));
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'caller-form', 'aria-labelledby': 'caller-title' },
    h('p', { text: 'Les champs marqués « (obligatoire) » doivent être remplis. Les autres sont facultatifs.' }),
    h('div', { class: 'field', 'data-field': 'service' }, h('label', { for: 'service', text: 'Service' }), serviceSelect),
    h('div', { class: 'field', 'data-field': 'type' }, h('label', { for: 'type', text: 'Motif' }), typeSelect),
    h('h2', { text: 'Créneau' }),
    weekArea,
    h('div', { class: 'field', 'data-field': 'slot' }, h('label', { for: 'slot', text: 'Créneau choisi' }),
      h('p', { class: 'hint', id: 'slot-hint', text: 'Choisissez un créneau dans la semaine ci-dessus.' }), slotInput),
    h('h2', { text: 'Usager' }),
    textField({ id: 'holder-name', label: 'Nom et prénom', required: true, autocomplete: 'off' }),
    textField({ id: 'holder-email', label: 'Adresse e-mail', type: 'email', autocomplete: 'off',
      hint: 'Pour lui envoyer la confirmation.' }),
    textField({ id: 'holder-phone', label: 'Téléphone', type: 'tel', autocomplete: 'off', width: 'short' }),
    channelGroup,
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'book-for-caller',
      text: 'Enregistrer le rendez-vous' })),
    status);
  const keyFor = keys();
  const names = { 'holder.name': 'holder-name', 'holder.email': 'holder-email', 'holder.phone': 'holder-phone',
    start: 'slot', serviceId: 'service', typeId: 'type' };

  async function book(start) {
    const body = {
      serviceId: service.id,
      typeId: typeSelect.value,
      start,
      holder: { name: form['holder-name'].value.trim(), email: form['holder-email'].value.trim() || null,
        phone: form['holder-phone'].value.trim() || null },
      channel: form.querySelector('input[name=channel]:checked')?.value ?? 'phone',
    };
    try {
      const { data } = await api(`/tenants/${seg(tenantId)}/agenda/appointments`,
        { method: 'POST', headers: { 'Idempotency-Key': keyFor(body) }, body });
      flash(`Rendez-vous enregistré pour ${data.holderName ?? body.holder.name} le ${formatSlot(data.start)}.`);
      navigate(agendaHash(tenantId, { type: KIND_PARAMS.appointment, ressource: service.id, vue: 'jour',
        jour: parisParts(data.start).day }));
    } catch (error) {
      if (error.handled) return;
      if (error.status === 422) {
        showErrors(form, problemToErrors(form, error, (field) => names[field] ?? field));
        return;
      }
      const summary = showErrors(form, [{ message: error.detail || error.title }],
        error.status === 409 ? 'Ce créneau n’est plus disponible' : 'Le rendez-vous n’a pas pu être enregistré');
      if (error.status === 409) {
        summary.append(alternativesBlock(error.alternatives, (slot) => whileBusy(form, status, 'Enregistrement en cours…',
          () => book(slot.start))) ?? '');
        // The week view no longer shows the slot just taken.
        chosen = null;
        slotInput.value = 'Aucun créneau choisi';
        picker?.reload();
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const email = form['holder-email'].value.trim();
    const problems = [];
    if (!chosen) problems.push({ wrapper: findField(form, 'slot'), message: 'Choisissez un créneau.' });
    if (!form['holder-name'].value.trim()) problems.push({ wrapper: findField(form, 'holder-name'), message: 'Saisissez le nom de l’usager.' });
    if (email && !EMAIL_PATTERN.test(email)) {
      problems.push({ wrapper: findField(form, 'holder-email'), message: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' });
    }
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    whileBusy(form, status, 'Enregistrement en cours…', () => book(chosen.start));
  });

  return {
    title: `Prendre un rendez-vous pour un usager – ${membership.tenantName}`,
    content: [
      backLink(tenantId, { type: KIND_PARAMS.appointment, ressource: service.id }),
      h('h1', { id: 'caller-title' }, 'Prendre un rendez-vous pour un usager', h('small', { text: membership.tenantName })),
      form,
    ],
  };
}

export async function blockPeriodView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) return notAccessibleView();
  const [services, rooms] = await Promise.all([getServices(tenantId), getRooms(tenantId)]);
  const asked = `${query.get('type') === KIND_PARAMS.room ? 'room' : 'appointment'}:${query.get('ressource') ?? ''}`;
  const group = (label, kind, list) => (list.length ? h('optgroup', { label }, list.map((r) => h('option', {
    value: `${kind}:${r.id}`, text: r.name, selected: `${kind}:${r.id}` === asked }))) : null);
  const resourceSelect = h('select', { id: 'block-resource', name: 'block-resource' },
    group('Rendez-vous', 'appointment', services), group('Salles', 'room', rooms));
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'block-form', 'aria-labelledby': 'block-title' },
    h('p', { text: 'Tous les champs sont obligatoires. Heures de Paris.' }),
    h('div', { class: 'field', 'data-field': 'block-resource' }, h('label', { for: 'block-resource', text: 'Service ou salle' }), resourceSelect),
    textField({ id: 'block-start', label: 'Début', type: 'datetime-local', required: true }),
    textField({ id: 'block-end', label: 'Fin', type: 'datetime-local', required: true }),
    textField({ id: 'block-reason', label: 'Motif', required: true, maxLength: 200,
      hint: 'Montré aux usagers, par exemple : fermeture exceptionnelle, travaux.' }),
    h('p', { class: 'hint', text: 'Les réservations déjà prises pendant la période ne sont pas annulées : prévenez les usagers concernés.' }),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'submit-block',
      text: 'Bloquer la période' })),
    status);
  const names = { start: 'block-start', end: 'block-end', reason: 'block-reason', resourceId: 'block-resource', kind: 'block-resource' };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const [kind, resourceId] = resourceSelect.value.split(/:(.*)/s);
    const start = parisIso(form['block-start'].value);
    const end = parisIso(form['block-end'].value);
    const reason = form['block-reason'].value.trim();
    const problems = [];
    if (!start) problems.push({ wrapper: findField(form, 'block-start'), message: 'Saisissez le début de la période.' });
    if (!end) problems.push({ wrapper: findField(form, 'block-end'), message: 'Saisissez la fin de la période.' });
    else if (start && Date.parse(end) <= Date.parse(start)) {
      problems.push({ wrapper: findField(form, 'block-end'), message: 'La fin doit suivre le début.' });
    }
    if (!reason) problems.push({ wrapper: findField(form, 'block-reason'), message: 'Indiquez le motif.' });
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    whileBusy(form, status, 'Enregistrement en cours…', async () => {
      try {
        const { data } = await api(`/tenants/${seg(tenantId)}/agenda/blocked-periods`,
          { method: 'POST', body: { kind, resourceId, start, end, reason } });
        flash(`Période bloquée du ${formatSlot(data.start ?? start)} au ${formatSlot(data.end ?? end)} : ${data.reason ?? reason}.`);
        navigate(agendaHash(tenantId, { type: KIND_PARAMS[kind], ressource: resourceId, vue: 'semaine',
          jour: parisParts(data.start ?? start).day }));
      } catch (error) {
        if (error.handled) return;
        showErrors(form, error.status === 422 ? problemToErrors(form, error, (field) => names[field] ?? field)
          : [{ message: error.detail || error.title }]);
      }
    });
  });

  const closed = closedPeriods(tenantId, () => resourceSelect.value.split(/:(.*)/s));
  resourceSelect.addEventListener('change', closed.refresh);
  if (services.length || rooms.length) closed.refresh();

  return {
    title: `Bloquer une période – ${membership.tenantName}`,
    content: [
      backLink(tenantId, query.get('ressource') ? { type: query.get('type'), ressource: query.get('ressource') } : {}),
      h('h1', { id: 'block-title' }, 'Bloquer une période', h('small', { text: membership.tenantName })),
      services.length || rooms.length ? [form, closed.section] : h('p', { text: 'Aucun service ni aucune salle à bloquer.' }),
    ],
  };
}

/**
 * « Périodes fermées en cours et à venir » of the resource `current()` names ([kind, id]), each with a
 * « Rouvrir » button; the list is read again after each reopening and when the resource changes.
 */
function closedPeriods(tenantId, current) {
  const list = h('ul', { class: 'plain-list', 'data-testid': 'closed-periods' });
  const status = h('p', { role: 'status', class: 'hint' });
  const section = h('section', { 'aria-labelledby': 'closed-title' },
    h('h2', { id: 'closed-title', text: 'Périodes fermées en cours et à venir' }), status, list);

  async function refresh() {
    const [kind, resourceId] = current();
    const path = `/tenants/${seg(tenantId)}/agenda/blocked-periods?kind=${encodeURIComponent(kind)}`
      + `&resource=${encodeURIComponent(resourceId)}`;
    try {
      const { data } = await api(path);
      fill(list, data.items.map((period) => h('li', { 'data-testid': `closed-${period.id}` },
        h('span', { text: `Du ${formatSlot(period.start)} au ${formatSlot(period.end)} : ${period.reason}` }), ' ',
        h('button', { type: 'button', class: 'button secondary', text: 'Rouvrir',
          'aria-label': `Rouvrir la période du ${formatSlot(period.start)} (${period.reason})`,
          onclick: () => reopen(kind, resourceId, period) }))));
      status.textContent = data.items.length ? '' : 'Aucune période fermée en cours ou à venir.';
    } catch (error) {
      if (!error.handled) status.textContent = error.detail || 'La liste des périodes fermées est indisponible.';
    }
  }

  async function reopen(kind, resourceId, period) {
    try {
      await api(`/tenants/${seg(tenantId)}/agenda/blocked-periods/${seg(period.id)}?kind=${encodeURIComponent(kind)}`
        + `&resource=${encodeURIComponent(resourceId)}`, { method: 'DELETE' });
      await refresh();
      status.textContent = `La période du ${formatSlot(period.start)} est rouverte : ses créneaux libres sont de nouveau réservables.`;
    } catch (error) {
      if (!error.handled) status.textContent = error.detail || 'La période n’a pas pu être rouverte.';
    }
  }

  return { section, refresh };
}
