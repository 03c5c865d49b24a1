// « Pour qui ? »: finds a person in the tenant's directory (an account or a contact) by name or e-mail,
// or records a contact for a person with no account. Calls onChosen(person) once a person is chosen.

import { h, fill, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';

const KIND_LABELS = { citizen: 'Compte usager', contact: 'Fiche contact' };
const CONTACT_FIELDS = [
  ['givenName', 'contact-given-name', 'Prénoms', { autocomplete: 'off', required: true }],
  ['familyName', 'contact-family-name', 'Nom de famille', { autocomplete: 'off', required: true }],
  ['email', 'contact-email', 'Adresse électronique', { type: 'email', hint: 'Facultative. Sans adresse, '
    + 'l’accusé de réception est à imprimer et à envoyer par courrier.' }],
  ['phone', 'contact-phone', 'Téléphone', { type: 'tel', hint: 'Facultatif.' }],
  ['street', 'contact-street', 'Numéro et voie', { hint: 'Obligatoire sans adresse électronique.' }],
  ['postcode', 'contact-postcode', 'Code postal', { inputmode: 'numeric', width: 'short', maxLength: 5 }],
  ['city', 'contact-city', 'Commune', {}],
];

export function describePerson(person) {
  const parts = [person.name || '(sans nom)', KIND_LABELS[person.kind] ?? person.kind];
  if (person.email) parts.push(person.email);
  if (person.address) parts.push(`${person.address.postcode} ${person.address.city}`);
  return parts.join(' – ');
}

export function peoplePicker(tenantId, onChosen) {
  const section = h('section', { 'aria-labelledby': 'person-title' }, h('h2', { id: 'person-title', text: '1. Pour qui ?' }));
  const body = h('div');
  section.append(body);

  function chosen(person) {
    fill(body, h('p', { 'data-testid': 'chosen-person' }, h('strong', { text: describePerson(person) })),
      h('button', { type: 'button', class: 'button secondary', text: 'Changer de personne',
        onclick: () => { searchStep(); onChosen(null); } }));
    onChosen(person);
  }

  function searchStep() {
    const status = formStatus();
    const results = h('div', { 'aria-live': 'polite' });
    const form = h('form', { novalidate: true, role: 'search', 'aria-label': 'Rechercher une personne' },
      textField({ id: 'person-query', label: 'Nom de famille ou adresse électronique', autocomplete: 'off',
        hint: 'Au moins deux lettres du nom de famille (avec ou sans accents), ou l’adresse électronique complète.' }),
      h('div', { class: 'button-group' },
        h('button', { type: 'submit', class: 'button', 'data-testid': 'search-person', text: 'Rechercher' }),
        h('button', { type: 'button', class: 'button secondary', 'data-testid': 'new-contact',
          text: 'Créer une fiche contact', onclick: contactStep })),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      whileBusy(form, status, 'Recherche en cours…', async () => {
        try {
          const q = form.querySelector('#person-query').value;
          const { data } = await api(`/tenants/${seg(tenantId)}/people?q=${encodeURIComponent(q)}`);
          const items = data.items ?? [];
          fill(results, items.length
            ? h('ul', { class: 'plain-list', 'data-testid': 'people' }, items.map((person) => h('li', {},
              h('button', { type: 'button', class: 'link-button', 'data-testid': `person-${person.id}`,
                text: describePerson(person), onclick: () => chosen(person) }))))
            : notice('Personne ne correspond à cette recherche. Vérifiez l’orthographe ou créez une fiche contact.'));
        } catch (error) {
          if (error.handled) return;
          showErrors(form, problemToErrors(form, error, () => 'person-query'));
        }
      });
    });
    fill(body, form, results);
  }

  function contactStep() {
    const status = formStatus();
    const form = h('form', { novalidate: true, 'aria-labelledby': 'contact-title', 'data-testid': 'contact-form' },
      h('h3', { id: 'contact-title', text: 'Nouvelle fiche contact' }),
      CONTACT_FIELDS.map(([, id, label, opts]) => textField({ id, label, ...opts })),
      h('div', { class: 'button-group' },
        h('button', { type: 'submit', class: 'button', 'data-testid': 'create-contact', text: 'Enregistrer la fiche' }),
        h('button', { type: 'button', class: 'button secondary', text: 'Revenir à la recherche', onclick: searchStep })),
      status);
    const value = (id) => form.querySelector(`#${id}`).value;
    const byApiField = Object.fromEntries(CONTACT_FIELDS.map(([field, id]) => [field, id]));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      whileBusy(form, status, 'Enregistrement de la fiche…', async () => {
        try {
          const { data } = await api(`/tenants/${seg(tenantId)}/contacts`, { method: 'POST', body: {
            givenName: value('contact-given-name'), familyName: value('contact-family-name'),
            email: value('contact-email'), phone: value('contact-phone'),
            address: { street: value('contact-street'), postcode: value('contact-postcode'), city: value('contact-city') },
          } });
          chosen(data);
        } catch (error) {
          if (error.handled) return;
          showErrors(form, problemToErrors(form, error, (field) => byApiField[field] ?? null));
        }
      });
    });
    fill(body, form);
    findField(form, 'contact-given-name')?.querySelector('input')?.focus();
  }

  searchStep();
  return section;
}
