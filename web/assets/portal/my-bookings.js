// « Mes réservations »: the citizen's appointments and room bookings, latest first, and the page of
// one booking with its .ics file, « Déplacer » (appointments) and « Annuler », both confirmed first.

import { h, fill, facts, dateTime, notice, focusElement } from '../dom.js';
import { api, seg } from '../api.js';
import { showErrors, clearErrors, whileBusy, formStatus } from '../fields.js';
import { notFoundView } from '../router.js';
import {
  getServices, serviceSlots, parisParts, addDays, todayInParis, formatRange, formatSlot, bookingBadge, bookingTitle,
  isActive, icsButton, alternativesBlock, bookingHash,
} from '../bookings.js';
import { weekPicker } from '../week-picker.js';

const KIND_PATHS = { appointment: 'appointments', room: 'room-bookings' };

function bookingCard(booking, onError) {
  return h('li', { class: 'card booking-card' },
    h('h3', {}, h('a', { href: bookingHash(booking), 'data-testid': `booking-${booking.id}`, text: bookingTitle(booking) })),
    h('p', { class: 'meta', text: formatRange(booking.start, booking.end) }),
    booking.address ? h('p', { class: 'meta', text: booking.address }) : null,
    h('p', {}, bookingBadge(booking)),
    isActive(booking) ? h('p', {}, icsButton(booking, onError)) : null);
}

export async function myBookingsView() {
  const [appointments, rooms] = await Promise.all([api('/me/appointments'), api('/me/room-bookings')])
    .then((answers) => answers.map(({ data }) => data?.items ?? []));
  const messages = h('div');
  const onError = (message) => {
    fill(messages, notice(message, 'error'));
    focusElement(messages.firstChild);
  };
  const section = (id, title, items, empty, href, linkText) => h('section', { 'aria-labelledby': id },
    h('h2', { id, text: title }),
    items.length
      ? h('ul', { class: 'card-list', 'data-testid': `my-${id}` }, items.map((b) => bookingCard(b, onError)))
      : h('p', {}, `${empty} `, h('a', { href, text: linkText })));
  return {
    title: 'Mes réservations',
    content: [
      h('h1', { text: 'Mes réservations' }),
      h('p', { text: 'Vos rendez-vous et vos réservations de salle, des plus récents aux plus anciens. Heures de Paris.' }),
      messages,
      section('appointments', 'Rendez-vous', appointments, 'Vous n’avez pas de rendez-vous.', '#/rendez-vous', 'Prendre rendez-vous'),
      section('rooms', 'Salles', rooms, 'Vous n’avez pas réservé de salle.', '#/salles', 'Réserver une salle'),
    ],
  };
}

function bookingFacts(booking) {
  const room = booking.kind === 'room';
  return facts([
    ['Statut', bookingBadge(booking)],
    ['Date', formatRange(booking.start, booking.end)],
    ['Lieu', booking.address ? h('span', { class: 'pre-line', text: booking.address }) : null],
    [room ? 'Salle' : 'Service', booking.resourceName],
    ['Motif', room ? null : booking.typeName],
    [booking.status === 'refused' ? 'Motif du refus' : 'Objet', room || booking.status === 'refused' ? booking.note : null],
    ['Au nom de', booking.holderName],
    ['Numéro', h('span', { 'data-testid': 'booking-id', text: booking.id })],
    ['Annulation possible jusqu’au', isActive(booking) && booking.cancellableUntil ? dateTime(booking.cancellableUntil) : null],
    ['Réservé le', booking.createdAt ? dateTime(booking.createdAt) : null],
  ]);
}

export async function bookingView({ params: [kind, id] }) {
  if (!KIND_PATHS[kind]) return notFoundView('#/reservations');
  const path = `/me/${KIND_PATHS[kind]}/${seg(id)}`;
  let { data: booking } = await api(path);
  const room = booking.kind === 'room';
  const what = room ? 'cette réservation' : 'ce rendez-vous';
  const body = h('div');
  const panel = h('div', { id: 'booking-panel' });
  const messages = h('div');

  function render(message = null) {
    fill(body, message, bookingFacts(booking), actions(), messages, panel);
    fill(panel);
    fill(messages);
    if (message) {
      // The notice of the previous step (e.g. « Votre rendez-vous est confirmé. ») is now stale.
      body.parentElement?.querySelector(':scope > .notice')?.remove();
      focusElement(message);
    }
  }

  function showError(text) {
    fill(messages, notice(text, 'error'));
    focusElement(messages.firstChild);
  }

  function actions() {
    if (!isActive(booking)) return null;
    const toggle = (button, open) => () => {
      for (const other of body.querySelectorAll('[aria-expanded]')) other.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-expanded', 'true');
      fill(messages);
      open();
    };
    const move = !room && booking.status === 'confirmed'
      ? h('button', { type: 'button', class: 'button secondary', 'aria-expanded': 'false', 'aria-controls': 'booking-panel',
        'data-testid': 'reschedule-booking', text: 'Déplacer' })
      : null;
    const cancel = h('button', { type: 'button', class: 'button warning', 'aria-expanded': 'false',
      'aria-controls': 'booking-panel', 'data-testid': 'cancel-booking', text: 'Annuler' });
    if (move) move.addEventListener('click', toggle(move, openReschedule));
    cancel.addEventListener('click', toggle(cancel, openCancel));
    return h('section', { 'aria-labelledby': 'actions-title' },
      h('h2', { id: 'actions-title', text: 'Gérer ma réservation' }),
      h('div', { class: 'button-group' }, icsButton(booking, showError), move, cancel));
  }

  function openCancel() {
    const status = formStatus();
    const form = h('form', { class: 'confirm-panel', 'aria-labelledby': 'cancel-title', 'data-testid': 'cancel-form' },
      h('h2', { id: 'cancel-title', text: `Annuler ${what} ?` }),
      h('p', { text: `${formatRange(booking.start, booking.end)}. La place sera libérée pour d’autres personnes.` }),
      h('div', { class: 'button-group' },
        h('button', { type: 'submit', class: 'button warning', 'data-testid': 'confirm-cancel',
          text: room ? 'Oui, annuler la réservation' : 'Oui, annuler le rendez-vous' }),
        h('button', { type: 'button', class: 'button secondary', 'data-testid': 'keep-booking',
          text: room ? 'Non, garder ma réservation' : 'Non, garder mon rendez-vous',
          onclick: () => {
            fill(panel);
            const button = body.querySelector('[data-testid=cancel-booking]');
            button.setAttribute('aria-expanded', 'false');
            button.focus();
          } })),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      whileBusy(form, status, 'Annulation en cours…', async () => {
        try {
          ({ data: booking } = await api(path, { method: 'DELETE' }));
          render(notice(room ? 'Votre réservation est annulée.' : 'Votre rendez-vous est annulé.', 'success'));
        } catch (error) {
          if (error.handled) return;
          showErrors(form, [{ message: error.detail || error.title }],
            room ? 'Cette réservation ne peut pas être annulée' : 'Ce rendez-vous ne peut pas être annulé');
        }
      });
    });
    fill(panel, form);
    focusElement(form.querySelector('h2'));
  }

  async function openReschedule() {
    const service = (await getServices(booking.tenantId).catch(() => []))
      .find((s) => s.id === booking.resourceId);
    const choice = h('div');
    const status = formStatus();
    const picker = weekPicker({
      load: (from, to) => serviceSlots(booking.tenantId, booking.resourceId, booking.typeId, from, to),
      week: parisParts(booking.start).day,
      lastDay: addDays(todayInParis(), service?.maxNoticeDays ?? 60),
      heading: 'h3',
      selectable: true,
      onChoose: (slot) => {
        const form = h('form', { class: 'confirm-panel', 'aria-labelledby': 'new-slot', 'data-testid': 'reschedule-form' },
          h('p', { id: 'new-slot', tabindex: '-1' }, 'Nouveau créneau : ', h('strong', { text: formatSlot(slot.start) })),
          h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'confirm-reschedule',
            text: 'Confirmer le déplacement' })),
          status);
        const reschedule = (start) => whileBusy(form, status, 'Déplacement en cours…', async () => {
          try {
            ({ data: booking } = await api(`${path}/reschedule`, { method: 'POST', body: { start } }));
            render(notice(`Votre rendez-vous est déplacé au ${formatSlot(booking.start)}.`, 'success'));
          } catch (error) {
            if (error.handled) return;
            const summary = showErrors(form, [{ message: error.detail || error.title }],
              error.status === 409 ? 'Ce créneau n’est plus disponible' : 'Le rendez-vous n’a pas pu être déplacé');
            if (error.status === 409) {
              summary.append(alternativesBlock(error.alternatives, (alt) => reschedule(alt.start)) ?? '');
              picker.reload();
            }
          }
        });
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          clearErrors(form);
          reschedule(slot.start);
        });
        fill(choice, form);
        focusElement(form.querySelector('#new-slot'));
      },
    });
    fill(panel, h('section', { 'aria-labelledby': 'reschedule-title' },
      h('h2', { id: 'reschedule-title', text: 'Déplacer le rendez-vous' }),
      h('p', { text: 'Choisissez un nouveau créneau, puis confirmez. Votre créneau actuel reste réservé jusque-là.' }),
      picker.element,
      choice));
    focusElement(panel.querySelector('h2'));
  }

  render();
  return {
    title: room ? `Réservation – ${booking.resourceName}` : `Rendez-vous – ${booking.resourceName}`,
    content: [
      h('p', {}, h('a', { href: '#/reservations', text: 'Mes réservations' })),
      h('h1', {}, booking.resourceName, h('small', { text: room ? 'Réservation de salle' : `Rendez-vous – ${booking.typeName}` })),
      body,
    ],
  };
}
