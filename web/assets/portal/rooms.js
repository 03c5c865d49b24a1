// « Réserver une salle »: the tenant's rooms, then one room's free hours on a chosen day, a start and
// an end among consecutive free hours, the purpose and « à titre de » résident or association.

import { h, fill, facts, uuid, announce } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { navigate, flash } from '../router.js';
import {
  getRooms, roomSlots, parisParts, addDays, todayInParis, isDay, formatTime, formatLongDay, formatDuration, formatFee,
  AUDIENCE_LABELS, alternativesBlock, bookingHash,
} from '../bookings.js';
import { bookingTenant } from './appointments.js';

const enc = encodeURIComponent;
const roomHash = (roomId) => `#/salles/${enc(roomId)}`;

function roomSummary(room) {
  return [
    `${room.seats} place${room.seats > 1 ? 's' : ''}`,
    `Tarif : ${formatFee(room.feeCents)}`,
    room.approvalRequired ? 'Réservation validée par la mairie' : 'Confirmation immédiate',
  ].join(' · ');
}

export async function roomsView({ query }) {
  const { tenant, view } = await bookingTenant(query, '#/salles', 'Réserver une salle');
  if (view) return view;
  const rooms = await getRooms(tenant.id);
  const cards = rooms.map((room) => h('li', { class: 'card' },
    h('h2', {}, h('a', { class: 'stretched', href: roomHash(room.id), 'data-testid': `room-${room.id}`, text: room.name })),
    room.description ? h('p', { text: room.description }) : null,
    h('p', { class: 'meta', text: roomSummary(room) }),
    (room.equipment ?? []).length ? h('p', { class: 'meta', text: `Équipements : ${room.equipment.join(', ')}` }) : null,
    h('p', { class: 'meta', text: `Réservable par : ${audiencesText(room)}` })));
  return {
    title: `Réserver une salle – ${tenant.name}`,
    content: [
      h('h1', {}, 'Réserver une salle', h('small', { text: tenant.name })),
      h('p', {}, h('a', { href: '#/', text: 'Changer de collectivité' })),
      cards.length ? h('ul', { class: 'card-list' }, cards)
        : h('p', { text: 'Cette collectivité ne propose pas encore de salle à réserver en ligne.' }),
    ],
  };
}

const audiencesText = (room) => (room.audiences ?? []).map((a) => (a === 'resident' ? 'résidents' : 'associations')).join(', ');

function roomFacts(room) {
  return facts([
    ['Capacité', `${room.seats} personne${room.seats > 1 ? 's' : ''}`],
    ['Équipements', (room.equipment ?? []).length ? h('ul', { class: 'plain-list' }, room.equipment.map((e) => h('li', { text: e }))) : 'Aucun'],
    ['Tarif', formatFee(room.feeCents)],
    ['Validation', room.approvalRequired ? 'Chaque réservation est validée par la mairie.'
      : 'Confirmation immédiate'],
    ['Réservable par', audiencesText(room)],
    ['Durée maximale', room.maxDurationMinutes ? formatDuration(room.maxDurationMinutes) : null],
    ['Annulation', room.cancelCutoffHours ? `possible en ligne jusqu’à ${room.cancelCutoffHours} h avant` : null],
    ['Adresse', room.address ? h('span', { class: 'pre-line', text: room.address }) : null],
  ]);
}

/** Merges consecutive free cells into « de 09:00 à 12:00 » ranges. */
function freeRanges(cells) {
  const ranges = [];
  for (const cell of cells.filter((c) => c.remaining > 0)) {
    const last = ranges[ranges.length - 1];
    if (last && Date.parse(last.end) === Date.parse(cell.start)) last.end = cell.end;
    else ranges.push({ start: cell.start, end: cell.end });
  }
  return ranges;
}

export async function roomView({ params: [roomId], query }) {
  const { tenant, view } = await bookingTenant(query, roomHash(roomId), 'Réserver une salle');
  if (view) return view;
  const room = (await getRooms(tenant.id)).find((r) => r.id === roomId);
  if (!room) {
    return { title: 'Salle introuvable', content: [h('h1', { text: 'Salle introuvable' }),
      h('p', {}, 'Cette salle n’est pas ou plus proposée. ', h('a', { href: '#/salles', text: 'Voir les salles' }))] };
  }
  const firstDay = parisParts(new Date(Date.now() + (room.minNoticeMinutes ?? 0) * 60000)).day;
  const lastDay = addDays(todayInParis(), room.maxNoticeDays ?? 90);
  const asked = query.get('jour');
  const dayField = textField({ id: 'room-day', label: 'Jour', type: 'date', width: 'short',
    hint: `Entre le ${formatLongDay(firstDay)} et le ${formatLongDay(lastDay)}.`,
    value: isDay(asked) && asked >= firstDay && asked <= lastDay ? asked : firstDay });
  const dayInput = dayField.querySelector('input');
  dayInput.min = firstDay;
  dayInput.max = lastDay;
  const dayForm = h('form', { novalidate: true, class: 'filters', 'aria-label': 'Choisir le jour' }, dayField,
    h('button', { type: 'submit', class: 'button secondary', 'data-testid': 'show-hours', text: 'Voir les heures libres' }));
  const hours = h('div');

  dayForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(dayForm);
    const day = dayInput.value;
    if (!isDay(day) || day < firstDay || day > lastDay) {
      showErrors(dayForm, [{ wrapper: findField(dayForm, 'room-day'),
        message: `Choisissez un jour entre le ${formatLongDay(firstDay)} et le ${formatLongDay(lastDay)}.` }]);
      return;
    }
    history.replaceState(null, '', `${roomHash(room.id)}?jour=${day}`);
    showDay(day);
  });

  async function showDay(day) {
    fill(hours, h('p', { class: 'loading', text: 'Chargement des heures libres…' }));
    let cells;
    try {
      cells = (await roomSlots(tenant.id, room.id, day, addDays(day, 1)))
        .filter((cell) => parisParts(cell.start).day === day)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    } catch (error) {
      if (!error.handled) fill(hours, h('p', { class: 'notice error', text: error.detail || error.title }));
      return;
    }
    const ranges = freeRanges(cells);
    fill(hours,
      h('h2', { id: 'hours-title', text: `Heures libres le ${formatLongDay(day)}` }),
      ranges.length
        ? [h('ul', { 'data-testid': 'free-hours' }, ranges.map((r) => h('li', { text: `de ${formatTime(r.start)} à ${formatTime(r.end)}` }))),
          bookingForm(cells)]
        : h('p', { text: 'Aucune heure libre ce jour : choisissez un autre jour.' }));
    announce(ranges.length ? `Heures libres le ${formatLongDay(day)} chargées.` : 'Aucune heure libre ce jour.');
  }

  function bookingForm(cells) {
    const maxMs = (room.maxDurationMinutes || 24 * 60) * 60000;
    const startSelect = h('select', { id: 'room-start', name: 'room-start' },
      cells.map((cell, i) => (cell.remaining > 0 ? h('option', { value: String(i), text: formatTime(cell.start) }) : null)));
    const endSelect = h('select', { id: 'room-end', name: 'room-end' });
    const fillEnds = () => {
      const from = Number(startSelect.value);
      const options = [];
      for (let i = from; i < cells.length && cells[i].remaining > 0; i += 1) {
        if (i > from && Date.parse(cells[i].start) !== Date.parse(cells[i - 1].end)) break;
        const minutes = (Date.parse(cells[i].end) - Date.parse(cells[from].start)) / 60000;
        if (minutes * 60000 > maxMs) break;
        options.push(h('option', { value: String(i), text: `${formatTime(cells[i].end)} (${formatDuration(minutes)})` }));
      }
      fill(endSelect, options);
    };
    startSelect.addEventListener('change', fillEnds);
    fillEnds();
    const audiences = room.audiences ?? [];
    const audienceGroup = h('fieldset', { class: 'choice-group', 'data-field': 'audience' },
      h('legend', {}, 'À titre de'),
      audiences.map((a) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'audience', id: `audience-${a}`, value: a, checked: audiences.length === 1,
          'data-testid': `audience-${a}` }),
        h('label', { for: `audience-${a}`, text: AUDIENCE_LABELS[a] ?? a }))));
    const status = formStatus();
    const form = h('form', { novalidate: true, 'data-testid': 'room-form', 'aria-labelledby': 'hours-title' },
      h('div', { class: 'field', 'data-field': 'room-start' }, h('label', { for: 'room-start', text: 'Heure de début' }), startSelect),
      h('div', { class: 'field', 'data-field': 'room-end' }, h('label', { for: 'room-end', text: 'Heure de fin' }),
        h('p', { class: 'hint', id: 'room-end-hint', text: 'Les heures de fin proposées suivent des heures libres consécutives.' }), endSelect),
      textField({ id: 'purpose', label: 'Objet de la réservation', multiline: true, required: true, maxLength: 500,
        hint: 'Par exemple : assemblée générale de l’association, réunion de famille.' }),
      audienceGroup,
      h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'book-room',
        text: room.approvalRequired ? 'Envoyer la demande de réservation' : 'Réserver la salle' })),
      status);
    endSelect.setAttribute('aria-describedby', 'room-end-hint');
    // One key per distinct request, kept across retries so that the server books only once.
    let sent = { text: null, key: null };
    const keyFor = (body) => {
      const text = JSON.stringify(body);
      if (sent.text !== text) sent = { text, key: uuid() };
      return sent.key;
    };

    async function book(start, end) {
      const purpose = form.purpose.value.trim();
      const audience = form.querySelector('input[name=audience]:checked')?.value;
      const body = { roomId: room.id, start, end, purpose, audience };
      try {
        const { data } = await api(`/tenants/${seg(tenant.id)}/room-bookings`, {
          method: 'POST',
          headers: { 'Idempotency-Key': keyFor(body) },
          body,
        });
        flash(data.status === 'awaiting_approval'
          ? 'Votre demande de réservation est envoyée : la mairie doit la valider. Suivez-la dans « Mes réservations ».'
          : 'Votre réservation est confirmée.');
        navigate(bookingHash(data));
      } catch (error) {
        if (error.handled) return;
        const names = { start: 'room-start', end: 'room-end' };
        if (error.status === 422) {
          showErrors(form, problemToErrors(form, error, (field) => names[field] ?? field));
          return;
        }
        const summary = showErrors(form, [{ message: error.detail || error.title }],
          error.status === 409 ? 'Ces heures ne sont plus libres' : 'Votre réservation n’a pas pu être enregistrée');
        if (error.status === 409) {
          summary.append(alternativesBlock(error.alternatives, (slot) => whileBusy(form, status, 'Réservation en cours…',
            () => book(slot.start, slot.end)), { withEnd: true }) ?? '');
        }
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      const problems = [];
      if (!endSelect.value) problems.push({ wrapper: findField(form, 'room-end'), message: 'Choisissez l’heure de fin.' });
      if (!form.purpose.value.trim()) problems.push({ wrapper: findField(form, 'purpose'), message: 'Indiquez l’objet de la réservation.' });
      if (!form.querySelector('input[name=audience]:checked')) {
        problems.push({ wrapper: audienceGroup, message: 'Indiquez à quel titre vous réservez.' });
      }
      if (problems.length) {
        showErrors(form, problems);
        return;
      }
      const start = cells[Number(startSelect.value)].start;
      const end = cells[Number(endSelect.value)].end;
      whileBusy(form, status, 'Réservation en cours…', () => book(start, end));
    });
    return form;
  }

  if (isDay(asked)) showDay(dayInput.value);
  return {
    title: `Réserver – ${room.name}`,
    content: [
      h('p', {}, h('a', { href: '#/salles', text: `Salles – ${tenant.name}` })),
      h('h1', { text: room.name }),
      room.description ? h('p', { text: room.description }) : null,
      roomFacts(room),
      h('h2', { text: 'Choisissez le jour' }),
      dayForm,
      hours,
    ],
  };
}
