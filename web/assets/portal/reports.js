// « Signaler un problème »: category, description, place (the phone's position, a pin on a plain
// coordinate board of the tenant's territory, or typed coordinates and address), up to three photos sent
// straight to storage with a progress bar, and the open reports nearby; « Mes signalements » and the
// public list of open reports. No map tiles: everything works with coordinates and an address.

import { h, fill, notice, uuid, announce } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, problemToErrors, whileBusy, formStatus, setFieldError } from '../fields.js';
import { navigate, flash } from '../router.js';
import { bookingTenant } from './appointments.js';
import { reportFacts, reportTimeline, reportPhotos, reportCard } from '../report-parts.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 3;

export const reportHash = (id) => `#/signalements/${encodeURIComponent(id)}`;

function categoryField(categories) {
  const groups = new Map();
  for (const category of categories) {
    if (!groups.has(category.group)) groups.set(category.group, []);
    groups.get(category.group).push(category);
  }
  const select = h('select', { id: 'category', name: 'category', 'aria-required': 'true' },
    h('option', { value: '', text: 'Choisissez une catégorie' }),
    [...groups].map(([group, list]) => h('optgroup', { label: group || 'Autres' },
      list.map((c) => h('option', { value: c.code, text: c.name })))));
  return h('div', { class: 'field', 'data-field': 'category' },
    h('label', { for: 'category' }, 'Catégorie', h('span', { class: 'required-mark', text: ' (obligatoire)' })),
    select);
}

/** The place: the phone's position, a pin on the territory's board, or typed coordinates. */
function locationFieldset(territory, onChange) {
  const lat = textField({ id: 'lat', label: 'Latitude', inputmode: 'decimal', width: 'short', required: true,
    hint: `Entre ${territory.minLat} et ${territory.maxLat}.` });
  const long = textField({ id: 'long', label: 'Longitude', inputmode: 'decimal', width: 'short', required: true,
    hint: `Entre ${territory.minLong} et ${territory.maxLong}.` });
  const address = textField({ id: 'address', label: 'Adresse ou repère (facultatif)', maxLength: 200,
    autocomplete: 'street-address', hint: 'Par exemple : devant le 12 rue des Lilas.' });
  const pin = h('span', { class: 'pin', hidden: true });
  const board = h('div', { class: 'pin-board', 'aria-hidden': 'true', 'data-testid': 'pin-board' }, pin);
  const status = h('p', { role: 'status', class: 'hint' });
  const latInput = lat.querySelector('input');
  const longInput = long.querySelector('input');

  function showPin() {
    const y = Number(latInput.value.replace(',', '.'));
    const x = Number(longInput.value.replace(',', '.'));
    const inside = y >= territory.minLat && y <= territory.maxLat && x >= territory.minLong && x <= territory.maxLong;
    pin.hidden = !inside;
    if (inside) {
      pin.style.left = `${((x - territory.minLong) / (territory.maxLong - territory.minLong)) * 100}%`;
      pin.style.top = `${((territory.maxLat - y) / (territory.maxLat - territory.minLat)) * 100}%`;
    }
  }
  function set(y, x, message) {
    latInput.value = y.toFixed(6);
    longInput.value = x.toFixed(6);
    showPin();
    status.textContent = message;
    onChange();
  }
  board.addEventListener('click', (event) => {
    const box = board.getBoundingClientRect();
    const x = territory.minLong + ((event.clientX - box.left) / box.width) * (territory.maxLong - territory.minLong);
    const y = territory.maxLat - ((event.clientY - box.top) / box.height) * (territory.maxLat - territory.minLat);
    set(y, x, 'Point placé sur le plan.');
  });
  for (const input of [latInput, longInput]) {
    input.addEventListener('change', () => {
      showPin();
      onChange();
    });
  }
  const locate = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'use-my-position',
    text: 'Utiliser ma position' });
  locate.addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.textContent = 'Votre navigateur ne donne pas votre position : saisissez les coordonnées ou placez le point.';
      return;
    }
    status.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(
      (position) => set(position.coords.latitude, position.coords.longitude, 'Votre position a été reprise.'),
      () => {
        status.textContent = 'Votre position n’a pas pu être obtenue : saisissez les coordonnées ou placez le point.';
      },
      { enableHighAccuracy: true, timeout: 10000 },
    );
  });
  const fieldset = h('fieldset', { class: 'field', 'data-field': 'location', 'aria-describedby': 'location-hint' },
    h('legend', {}, 'Lieu du problème', h('span', { class: 'required-mark', text: ' (obligatoire)' })),
    h('p', { class: 'hint', id: 'location-hint', text: 'Utilisez votre position, touchez le plan du territoire '
      + '(nord en haut) ou saisissez les coordonnées en degrés décimaux.' }),
    h('p', {}, locate), status, board,
    h('div', { class: 'coordinates' }, lat, long), address);
  return { fieldset, lat: latInput, long: longInput, address: address.querySelector('input') };
}

function photosField(chosen) {
  const list = h('ul', { class: 'photo-list', 'data-testid': 'chosen-photos' });
  const input = h('input', { type: 'file', id: 'photos', name: 'photos', accept: 'image/*', capture: 'environment',
    'aria-describedby': 'photos-hint' });
  const wrapper = h('div', { class: 'field', 'data-field': 'photos' },
    h('label', { for: 'photos', text: 'Photos (facultatif)' }),
    h('p', { class: 'hint', id: 'photos-hint', text: `Jusqu’à ${MAX_PHOTOS} photos JPEG, PNG ou WebP de 10 Mo au plus. `
      + 'Évitez d’y montrer des personnes ou des plaques d’immatriculation.' }),
    input, list);
  function render() {
    fill(list, chosen.map((file, index) => h('li', {}, `${file.name} `, h('button', {
      type: 'button', class: 'link-button', text: `Retirer la photo ${index + 1}`,
      onclick: () => {
        chosen.splice(index, 1);
        render();
        input.focus();
      },
    }))));
    input.disabled = chosen.length >= MAX_PHOTOS;
  }
  input.addEventListener('change', () => {
    for (const file of input.files) {
      if (chosen.length >= MAX_PHOTOS) break;
      if (!TYPES.includes(file.type)) {
        setFieldError(wrapper, `« ${file.name} » n’est pas une photo JPEG, PNG ou WebP.`);
      } else if (file.size > MAX_BYTES) {
        setFieldError(wrapper, `« ${file.name} » dépasse 10 Mo.`);
      } else {
        chosen.push(file);
      }
    }
    input.value = '';
    render();
  });
  return wrapper;
}

/** Sends one file with the grant's method, URL and headers, reporting progress to `bar`. */
function upload(file, grant, bar) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(grant.method, grant.url);
    for (const [name, value] of Object.entries(grant.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        bar.value = 100;
        resolve();
      } else reject(new Error(`upload ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new Error('upload failed')));
    xhr.send(file);
  });
}

function nearbyBlock() {
  const region = h('div', { 'aria-live': 'polite', 'data-testid': 'nearby-reports' });
  const section = h('section', { 'aria-labelledby': 'nearby-title' },
    h('h2', { id: 'nearby-title', text: 'Déjà signalé à proximité ?' }), region);
  fill(region, h('p', { text: 'Indiquez le lieu pour voir les signalements en cours à moins de 300 mètres.' }));
  return { section, region };
}

export async function reportFormView({ query }) {
  const { tenant, view } = await bookingTenant(query, '#/signaler', 'Signaler un problème');
  if (view) return view;
  const { data } = await api(`/tenants/${seg(tenant.id)}/report-categories`, { auth: false });
  const chosen = [];
  const status = formStatus();
  const nearby = nearbyBlock();
  let lookup = 0;
  const place = locationFieldset(data.territory, async () => {
    const ticket = ++lookup;
    const y = place.lat.value.replace(',', '.');
    const x = place.long.value.replace(',', '.');
    if (!y || !x) return;
    try {
      const { data: found } = await api(`/tenants/${seg(tenant.id)}/reports?near=${encodeURIComponent(`${y},${x}`)}`
        + '&radius=300', { auth: false });
      if (ticket !== lookup) return;
      fill(nearby.region, found.items.length
        ? [h('p', { text: `${found.items.length} signalement(s) en cours près de ce lieu. S’il s’agit du même problème, `
          + 'inutile de le signaler à nouveau.' }), h('ul', { class: 'card-list' }, found.items.map((r) => reportCard(r)))]
        : h('p', { text: 'Aucun signalement en cours près de ce lieu.' }));
    } catch {
      fill(nearby.region, h('p', { text: 'Les signalements voisins n’ont pas pu être chargés.' }));
    }
  });
  const description = textField({ id: 'description', label: 'Description', multiline: true, required: true,
    maxLength: 2000, hint: 'Ce que vous voyez, depuis quand. Votre description pourra être publiée : n’y mettez pas '
      + 'de données personnelles.' });
  const uploads = h('div', { 'data-testid': 'uploads' });
  const key = uuid();
  const form = h('form', { novalidate: true, 'data-testid': 'report-form' },
    categoryField(data.items), description, place.fieldset, photosField(chosen), uploads,
    h('button', { type: 'submit', class: 'button', 'data-testid': 'submit-report', text: 'Envoyer le signalement' }),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(form, status, 'Envoi en cours…', async () => {
      clearErrors(form);
      const number = (input) => (input.value.trim() === '' ? null : Number(input.value.replace(',', '.')));
      const body = {
        category: form.querySelector('#category').value,
        description: form.querySelector('#description').value,
        location: { lat: number(place.lat), long: number(place.long), address: place.address.value },
      };
      let report;
      try {
        ({ data: report } = await api(`/tenants/${seg(tenant.id)}/reports`, { method: 'POST', body,
          headers: { 'Idempotency-Key': key } }));
      } catch (error) {
        if (error.handled) return;
        showErrors(form, problemToErrors(form, error, (field) => (field.startsWith('location') ? 'location' : field)));
        return;
      }
      let failed = 0;
      for (const [index, file] of chosen.entries()) {
        const bar = h('progress', { max: '100', value: '0', id: `upload-${index + 1}`,
          'data-testid': `upload-progress-${index + 1}` });
        uploads.append(h('div', { class: 'upload-row' },
          h('label', { for: `upload-${index + 1}`, text: `Envoi de la photo ${index + 1} (${file.name})` }), bar));
        try {
          const { data: granted } = await api(`/me/reports/${seg(report.id)}/photos`, { method: 'POST',
            body: { contentType: file.type, contentLength: file.size } });
          await upload(file, granted.upload, bar);
        } catch {
          failed += 1;
        }
      }
      announce('Signalement envoyé.');
      flash(failed ? `Votre signalement est enregistré, mais ${failed} photo(s) n’ont pas pu être envoyées.`
        : 'Votre signalement est enregistré. Merci !', failed ? 'info' : 'success');
      navigate(reportHash(report.id));
    });
  });
  return {
    title: 'Signaler un problème',
    content: [
      h('h1', { text: 'Signaler un problème' }),
      h('p', { text: `Un problème sur l’espace public de ${tenant.name} : éclairage, voirie, propreté… `
        + 'Le service concerné le recevra et vous tiendra informé par e-mail.' }),
      h('p', {}, h('a', { href: `#/signalements-ouverts?collectivite=${encodeURIComponent(tenant.id)}`,
        text: 'Voir les signalements en cours' })),
      form,
      nearby.section,
    ],
  };
}

export async function myReportsView() {
  const { data } = await api('/me/reports');
  return {
    title: 'Mes signalements',
    content: [
      h('h1', { text: 'Mes signalements' }),
      data.items.length
        ? h('ul', { class: 'card-list', 'data-testid': 'my-reports' }, data.items.map((r) => reportCard(r, reportHash(r.id))))
        : h('p', {}, 'Vous n’avez encore rien signalé. ', h('a', { href: '#/signaler', text: 'Signaler un problème' })),
    ],
  };
}

export async function reportDetailView({ params: [id] }) {
  const { data: report } = await api(`/me/reports/${seg(id)}`);
  return {
    title: `Signalement ${report.id}`,
    content: [
      h('h1', { text: `Signalement : ${report.category?.name ?? ''}` }),
      reportFacts(report, [['Demande liée', report.requestReference
        ? h('a', { href: `#/demandes/${encodeURIComponent(report.requestReference)}`, text: report.requestReference })
        : null]]),
      h('section', { 'aria-labelledby': 'photos-title' }, h('h2', { id: 'photos-title', text: 'Photos' }),
        reportPhotos(report.photos)),
      reportTimeline(report.history),
      h('p', {}, h('a', { href: '#/signalements', text: 'Tous mes signalements' })),
    ],
  };
}

export async function openReportsView({ query }) {
  const { tenant, view } = await bookingTenant(query, '#/signalements-ouverts', 'Signalements en cours');
  if (view) return view;
  const list = h('ul', { class: 'card-list', 'data-testid': 'open-reports' });
  const more = h('p');
  async function load(cursor) {
    const { data } = await api(`/tenants/${seg(tenant.id)}/reports?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { auth: false });
    list.append(...data.items.map((r) => reportCard(r)));
    fill(more, data.nextCursor ? h('button', { type: 'button', class: 'button secondary', 'data-testid': 'load-more',
      text: 'Afficher plus', onclick: () => load(data.nextCursor).catch(() => fill(more, notice('Le chargement a échoué.', 'error'))) })
      : null);
    if (!list.children.length) fill(more, h('p', { text: 'Aucun signalement en cours.' }));
  }
  await load(null);
  return {
    title: 'Signalements en cours',
    content: [
      h('h1', { text: `Signalements en cours à ${tenant.name}` }),
      h('p', {}, h('a', { href: `#/signaler?collectivite=${encodeURIComponent(tenant.id)}`, class: 'button',
        text: 'Signaler un problème' })),
      list, more,
    ],
  };
}

