// « Mon foyer »: the people the citizen makes démarches for (children, spouse…), offered by the forms that
// ask for a member of the household.

import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, showErrors, clearErrors, problemToErrors, whileBusy, formStatus, labelContent } from '../fields.js';
import { parseDate } from '../form.js';
import { flash, navigate } from '../router.js';

const RELATIONSHIPS = [
  ['child', 'Enfant'], ['spouse', 'Conjoint ou conjointe'], ['parent', 'Parent'], ['other', 'Autre personne du foyer'],
];

export async function householdView() {
  const { data } = await api('/me/household');
  const list = h('div', { class: 'household-members' });
  const status = formStatus();
  let counter = 0;

  function memberBlock(member = {}) {
    const index = counter++;
    const id = (part) => `members-${index}-${part}`;
    const select = h('select', { id: id('relationship') },
      h('option', { value: '', text: 'Sélectionnez le lien' }),
      RELATIONSHIPS.map(([value, text]) => h('option', { value, text, selected: member.relationship === value })));
    const block = h('fieldset', { class: 'member', dataset: { memberId: member.id ?? '' } },
      h('legend', { text: member.givenNames ? `${member.givenNames} ${member.familyName}` : 'Nouvelle personne' }),
      textField({ id: id('givenNames'), label: 'Prénoms', required: true, value: member.givenNames, maxLength: 100 }),
      textField({ id: id('familyName'), label: 'Nom de famille', required: true, value: member.familyName, maxLength: 100 }),
      textField({
        id: id('birthDate'), label: 'Date de naissance', hint: 'Par exemple : 14/07/2019', required: true, width: 'short',
        value: member.birthDate ? member.birthDate.split('-').reverse().join('/') : '',
      }),
      h('div', { class: 'field', 'data-field': id('relationship') },
        h('label', { for: id('relationship') }, labelContent('Lien avec vous', true)), select),
      h('button', {
        type: 'button',
        class: 'button secondary',
        text: 'Retirer cette personne',
        onclick: () => {
          block.remove();
          status.textContent = 'Personne retirée. Enregistrez pour confirmer.';
          list.querySelector('input')?.focus();
        },
      }));
    return block;
  }

  for (const member of data.members) list.append(memberBlock(member));

  const form = h('form', { novalidate: true, 'data-testid': 'household-form' },
    h('p', { text: 'Les personnes de votre foyer vous sont proposées dans les démarches qui les concernent '
      + '(inscription en crèche, à l’école, à la cantine…).' }),
    list,
    h('div', { class: 'button-group' },
      h('button', {
        type: 'button',
        class: 'button secondary',
        'data-testid': 'add-member',
        text: 'Ajouter une personne',
        onclick: () => {
          const block = memberBlock();
          list.append(block);
          block.querySelector('input').focus();
        },
      }),
      h('button', { type: 'submit', class: 'button', text: 'Enregistrer mon foyer' })),
    status);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const blocks = [...list.querySelectorAll('fieldset.member')];
    const members = blocks.map((block) => {
      const [givenNames, familyName, birth] = [...block.querySelectorAll('input')].map((i) => i.value.trim());
      return {
        id: block.dataset.memberId || undefined,
        givenNames,
        familyName,
        birthDate: parseDate(birth) ?? birth,
        relationship: block.querySelector('select').value,
      };
    });
    whileBusy(form, status, 'Enregistrement en cours…', async () => {
      try {
        await api('/me/household', { method: 'PUT', body: { members } });
        flash('Votre foyer est enregistré.');
        navigate('#/foyer');
      } catch (error) {
        if (error.handled) return;
        // members[1].birthDate → the field of the second block shown.
        const entries = problemToErrors(form, error, (field) => {
          const match = /^members\[(\d+)]\.(\w+)$/.exec(field);
          if (!match) return null;
          return blocks[+match[1]]?.querySelector(`[id$="-${match[2]}"]`)?.id ?? null;
        });
        showErrors(form, entries);
      }
    });
  });

  return {
    title: 'Mon foyer',
    content: [h('h1', { text: 'Mon foyer' }), form],
  };
}
