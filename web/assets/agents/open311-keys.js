// « Clés Open311 » (administrators): the keys client applications post reports with. A key's secret is shown
// once, when it is created; the platform keeps only its digest. A revoked key is refused at once.

import { h, fill, dateTime, notice } from '../dom.js';
import { api, seg, ApiError } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';

export const open311KeysHash = (tenantId) => `#/collectivites/${encodeURIComponent(tenantId)}/cles-open311`;

export async function open311KeysView({ params: [tenantId] }) {
  const path = `/tenants/${seg(tenantId)}/open311-keys`;
  let data;
  try {
    ({ data } = await api(path));
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return { title: 'Accès réservé', content: [h('h1', { text: 'Clés Open311' }),
        notice(error.detail || 'Les clés Open311 sont réservées aux administrateurs.', 'error')] };
    }
    throw error;
  }
  const messages = h('div', { 'aria-live': 'polite', 'data-testid': 'key-messages' });
  const tbody = h('tbody');
  const table = h('div', { class: 'table-wrapper' }, h('table', { 'data-testid': 'open311-keys' },
    h('caption', { text: 'Clés des applications' }),
    h('thead', {}, h('tr', {}, ['Application', 'Identifiant', 'Créée le', 'État', 'Action']
      .map((label) => h('th', { scope: 'col', text: label })))),
    tbody));

  function render(items) {
    fill(tbody, items.length ? items.map((key) => h('tr', { 'data-testid': `key-${key.keyId}` },
      h('td', { text: key.name }),
      h('td', {}, h('code', { text: key.keyId })),
      h('td', {}, dateTime(key.createdAt, { short: true })),
      h('td', { text: key.active ? 'Active' : 'Révoquée' }),
      h('td', {}, key.active ? h('button', { type: 'button', class: 'button secondary', text: 'Révoquer',
        'aria-label': `Révoquer la clé de ${key.name}`, onclick: () => revoke(key) }) : '—')))
      : h('tr', {}, h('td', { colspan: '5', text: 'Aucune clé pour le moment.' })));
  }

  async function reload() {
    ({ data } = await api(path));
    render(data.items ?? []);
  }

  async function revoke(key) {
    try {
      await api(`${path}/${seg(key.keyId)}`, { method: 'DELETE' });
      await reload();
      fill(messages, notice(`La clé de ${key.name} est révoquée : l’application ne peut plus envoyer de signalement.`));
    } catch (error) {
      if (!error.handled) fill(messages, notice(error.detail || 'La clé n’a pas pu être révoquée.', 'error'));
    }
  }

  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'new-key-form', 'aria-labelledby': 'new-key-title' },
    h('h2', { id: 'new-key-title', text: 'Créer une clé' }),
    textField({ id: 'key-name', label: 'Nom de l’application', required: true, maxLength: 100,
      hint: 'Par exemple : application « Ma ville » de l’intercommunalité.' }),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'create-key',
      text: 'Créer la clé' })),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const name = form['key-name'].value.trim();
    if (!name) {
      showErrors(form, [{ wrapper: findField(form, 'key-name'), message: 'Indiquez le nom de l’application.' }]);
      return;
    }
    whileBusy(form, status, 'Création de la clé…', async () => {
      try {
        const { data: created } = await api(path, { method: 'POST', body: { name } });
        form.reset();
        await reload();
        const shown = notice(`Clé créée pour ${created.name}. Copiez-la maintenant : elle ne sera plus affichée.`,
          'success', h('p', {}, h('code', { 'data-testid': 'new-api-key', text: created.apiKey })));
        fill(messages, shown);
        shown.focus();
      } catch (error) {
        if (error.handled) return;
        showErrors(form, error.status === 422 ? problemToErrors(form, error, () => 'key-name')
          : [{ message: error.detail || error.title }]);
      }
    });
  });

  render(data.items ?? []);
  return {
    title: 'Clés Open311',
    content: [
      h('h1', { text: 'Clés Open311' }),
      h('p', { text: 'Les applications qui envoient des signalements par l’interface Open311 GeoReport v2 de la '
        + 'collectivité s’identifient par une clé. Créez une clé par application ; révoquez-la si elle ne sert '
        + 'plus ou a pu être divulguée.' }),
      messages,
      table,
      form,
    ],
  };
}
