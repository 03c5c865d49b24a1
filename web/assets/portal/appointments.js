// « Rendez-vous »: a tenant's appointment services, a service's free slots week by week once a type
// is chosen, and the confirmation step « Confirmer le rendez-vous ».

import { h, fill, facts, uuid } from '../dom.js';
import { api, seg } from '../api.js';
import { showErrors, clearErrors, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { getTenants, getTenant, rememberTenant, rememberedTenant } from '../tenants.js';
import { navigate, flash } from '../router.js';
import * as auth from '../auth.js';
import {
  getServices, serviceSlots, parisParts, parisIso, slotKey, addDays, mondayOf, todayInParis, isDay, formatSlot,
  formatDuration, alternativesBlock, bookingHash,
} from '../bookings.js';
import { weekPicker } from '../week-picker.js';

const enc = encodeURIComponent;
const serviceHash = (serviceId, search = new URLSearchParams()) => {
  const text = search.toString();
  return `#/rendez-vous/${enc(serviceId)}${text ? `?${text}` : ''}`;
};

/**
 * The tenant of the booking pages: `?collectivite=` when given, else the remembered one. Without
 * either, returns { view } asking for a tenant, with links back to `base`.
 */
export async function bookingTenant(query, base, title) {
  const tenantId = query.get('collectivite') || rememberedTenant();
  const tenant = tenantId ? await getTenant(tenantId) : null;
  if (tenant) {
    rememberTenant(tenant.id);
    return { tenant };
  }
  const tenants = [...(await getTenants())].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return {
    view: {
      title,
      content: [
        h('h1', { text: title }),
        h('p', { text: 'Choisissez d’abord votre collectivité :' }),
        h('ul', { class: 'card-list' }, tenants.map((t) => h('li', { class: 'card' }, h('h2', {}, h('a', {
          class: 'stretched',
          href: `${base}?collectivite=${enc(t.id)}`,
          'data-testid': `tenant-${t.id}`,
          text: t.name,
        }))))),
      ],
    },
  };
}

function missing(title, text, href, linkText) {
  return { title, content: [h('h1', { text: title }), h('p', {}, `${text} `, h('a', { href, text: linkText }))] };
}

export async function servicesView({ query }) {
  const { tenant, view } = await bookingTenant(query, '#/rendez-vous', 'Prendre rendez-vous');
  if (view) return view;
  const services = await getServices(tenant.id);
  const cards = services.map((service) => h('li', { class: 'card' },
    h('h2', {}, h('a', { class: 'stretched', href: serviceHash(service.id), 'data-testid': `service-${service.id}`, text: service.name })),
    service.description ? h('p', { text: service.description }) : null,
    service.address ? h('p', { class: 'meta', text: service.address }) : null,
    (service.types ?? []).length
      ? h('p', { class: 'meta', text: `Motifs : ${service.types.map((t) => `${t.name} (${formatDuration(t.durationMinutes)})`).join(', ')}` })
      : null));
  return {
    title: `Prendre rendez-vous – ${tenant.name}`,
    content: [
      h('h1', {}, 'Prendre rendez-vous', h('small', { text: tenant.name })),
      h('p', { text: 'Choisissez le service, puis le motif et le créneau qui vous conviennent.' }),
      h('p', {}, h('a', { href: '#/', text: 'Changer de collectivité' })),
      cards.length ? h('ul', { class: 'card-list' }, cards)
        : h('p', { text: 'Cette collectivité ne propose pas encore de rendez-vous en ligne.' }),
    ],
  };
}

function serviceFacts(service) {
  return facts([
    ['Adresse', service.address ? h('span', { class: 'pre-line', text: service.address }) : null],
    ['Annulation', service.cancelCutoffHours ? `possible en ligne jusqu’à ${service.cancelCutoffHours} h avant le rendez-vous` : null],
  ]);
}

export async function serviceView({ params: [serviceId], query }) {
  const base = serviceHash(serviceId);
  const { tenant, view } = await bookingTenant(query, base, 'Prendre rendez-vous');
  if (view) return view;
  const service = (await getServices(tenant.id)).find((s) => s.id === serviceId);
  if (!service) {
    return missing('Service introuvable', 'Ce service ne propose pas ou plus de rendez-vous.', '#/rendez-vous', 'Voir les services');
  }
  const types = service.types ?? [];
  let typeId = types.some((t) => t.id === query.get('type')) ? query.get('type') : (types.length === 1 ? types[0].id : null);
  let monday = isDay(query.get('semaine')) ? mondayOf(query.get('semaine')) : null;
  const lastDay = addDays(todayInParis(), service.maxNoticeDays ?? 60);

  const keepInAddress = () => {
    const search = new URLSearchParams();
    if (typeId) search.set('type', typeId);
    if (monday) search.set('semaine', monday);
    history.replaceState(null, '', serviceHash(serviceId, search));
  };

  const slotsArea = h('div');
  function showWeek() {
    const type = types.find((t) => t.id === typeId);
    if (!type) {
      fill(slotsArea);
      return;
    }
    const picker = weekPicker({
      load: (from, to) => serviceSlots(tenant.id, service.id, type.id, from, to),
      week: monday,
      lastDay,
      heading: 'h3',
      onWeekChange: (m) => {
        monday = m;
        keepInAddress();
      },
      onChoose: (slot) => {
        const search = new URLSearchParams({ type: type.id, debut: slotKey(slot) });
        navigate(`${serviceHash(service.id)}/confirmation?${search}`);
      },
    });
    fill(slotsArea,
      h('h2', { text: '2. Choisissez un créneau' }),
      h('p', { class: 'hint', text: `${type.name} : rendez-vous de ${formatDuration(type.durationMinutes)}. Heures de Paris.` }),
      picker.element);
  }

  const typeGroup = h('fieldset', { class: 'choice-group', 'data-field': 'type' },
    h('legend', {}, h('h2', { class: 'legend-heading', text: '1. Choisissez le motif du rendez-vous' })),
    types.map((type) => h('div', { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'type',
        id: `type-${type.id}`,
        value: type.id,
        checked: type.id === typeId,
        'data-testid': `type-${type.id}`,
        onchange: () => {
          typeId = type.id;
          keepInAddress();
          showWeek();
        },
      }),
      h('label', { for: `type-${type.id}`, text: `${type.name} (${formatDuration(type.durationMinutes)})` }))));

  showWeek();
  return {
    title: `Rendez-vous – ${service.name}`,
    content: [
      h('p', {}, h('a', { href: '#/rendez-vous', text: `Rendez-vous – ${tenant.name}` })),
      h('h1', { text: service.name }),
      service.description ? h('p', { text: service.description }) : null,
      serviceFacts(service),
      types.length ? typeGroup : h('p', { text: 'Aucun motif de rendez-vous n’est proposé pour le moment.' }),
      slotsArea,
    ],
  };
}

export async function confirmAppointmentView({ params: [serviceId], query }) {
  const { tenant, view } = await bookingTenant(query, serviceHash(serviceId), 'Confirmer le rendez-vous');
  if (view) return view;
  const service = (await getServices(tenant.id)).find((s) => s.id === serviceId);
  const type = service?.types?.find((t) => t.id === query.get('type'));
  const start = parisIso(query.get('debut'));
  if (!service || !type || !start) {
    return missing('Créneau introuvable', 'Ce créneau n’existe pas ou plus.', service ? serviceHash(service.id) : '#/rendez-vous',
      'Choisir un créneau');
  }
  const back = serviceHash(service.id, new URLSearchParams({ type: type.id, semaine: mondayOf(parisParts(start).day) }));
  const user = auth.currentUser();
  // One key per confirmation page, kept across retries so that the server books only once.
  const idempotencyKey = uuid();
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'appointment-form', 'aria-labelledby': 'confirm-title' },
    facts([
      ['Service', service.name],
      ['Motif', type.name],
      ['Date', h('strong', { 'data-testid': 'chosen-slot', text: formatSlot(start) })],
      ['Durée', formatDuration(type.durationMinutes)],
      ['Adresse', service.address ? h('span', { class: 'pre-line', text: service.address }) : null],
      ['À votre nom', user ? [user.name, user.email].filter(Boolean).join(', ') : null],
    ]),
    h('p', { class: 'hint', text: service.cancelCutoffHours
      ? `Vous pourrez annuler ou déplacer ce rendez-vous en ligne jusqu’à ${service.cancelCutoffHours} h avant.`
      : 'Vous pourrez annuler ou déplacer ce rendez-vous en ligne.' }),
    h('div', { class: 'button-group' },
      h('button', { type: 'submit', class: 'button', 'data-testid': 'confirm-booking', text: 'Confirmer le rendez-vous' }),
      h('a', { class: 'button secondary', href: back, text: 'Choisir un autre créneau' })),
    status);

  async function book(startIso, key) {
    try {
      const { data } = await api(`/tenants/${seg(tenant.id)}/appointments`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: { serviceId: service.id, typeId: type.id, start: startIso },
      });
      flash(data.status === 'awaiting_approval' ? 'Votre demande de rendez-vous est enregistrée.' : 'Votre rendez-vous est confirmé.');
      navigate(bookingHash(data));
    } catch (error) {
      if (error.handled) return;
      if (error.status === 422) {
        showErrors(form, problemToErrors(form, error));
        return;
      }
      const taken = error.status === 409;
      const summary = showErrors(form, [{ message: error.detail || error.title }],
        taken ? 'Ce créneau n’est plus disponible' : 'Votre rendez-vous n’a pas pu être pris');
      if (taken) {
        summary.append(alternativesBlock(error.alternatives, (slot) => whileBusy(form, status, 'Réservation en cours…',
          () => book(slot.start, uuid()))) ?? h('p', {}, h('a', { href: back, text: 'Choisir un autre créneau' })));
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    whileBusy(form, status, 'Réservation en cours…', () => book(start, idempotencyKey));
  });

  return {
    title: 'Confirmer le rendez-vous',
    content: [
      h('p', {}, h('a', { href: back, text: `Retour aux créneaux – ${service.name}` })),
      h('h1', { id: 'confirm-title', text: 'Confirmer le rendez-vous' }),
      form,
    ],
  };
}
