// The composite fields of a démarche's form: postal address, member of « Mon foyer », supporting document.
// Each renders as a labelled group whose errors tie to it as the other fields' do (fields.js).

import { h } from './dom.js';
import { labelContent } from './fields.js';

const RELATIONS = { child: 'enfant', spouse: 'conjoint ou conjointe', parent: 'parent', other: 'autre personne du foyer' };

/** A postal address: a fieldset of street, postcode and city, each with its own label. */
export function addressGroup(field, hint) {
  const { name, label } = field;
  const hintId = hint ? `${name}-hint` : null;
  const part = (key, text, attrs) => h('div', { class: 'field' },
    h('label', { for: key === 'street' ? name : `${name}-${key}`, text }),
    h('input', { id: key === 'street' ? name : `${name}-${key}`, name: `${name}.${key}`, type: 'text', ...attrs }));
  return h('fieldset', { class: 'address-group', 'data-field': name, 'aria-describedby': hintId },
    h('legend', {}, labelContent(label, false)),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    part('street', 'Numéro et voie', { autocomplete: 'street-address', maxlength: 200 }),
    part('postcode', 'Code postal', { autocomplete: 'postal-code', inputmode: 'numeric', maxlength: 5, class: 'width-short' }),
    part('city', 'Commune', { autocomplete: 'address-level2', maxlength: 100 }));
}

export function readAddress(wrapper) {
  const [street, postcode, city] = [...wrapper.querySelectorAll('input')].map((input) => input.value.trim());
  if (!street && !postcode && !city) return { value: undefined };
  if (!street || !postcode || !city) {
    return { problem: 'Indiquez l’adresse complète : numéro et voie, code postal et commune.' };
  }
  if (!/^[0-9]{5}$/.test(postcode)) return { problem: 'Saisissez un code postal à cinq chiffres, par exemple 37000.' };
  return { value: { street, postcode, city } };
}

/** Members of « Mon foyer » as radios; `members` as GET /me/household gives them. */
export function householdGroup(field, hint, members) {
  const { name, label, ui } = field;
  const offered = (members ?? []).filter((m) => (ui.members === 'child' ? m.child : ui.members === 'adult' ? !m.child : true));
  const hintId = hint ? `${name}-hint` : null;
  const group = h('fieldset', { class: 'choice-group', 'data-field': name, 'aria-describedby': hintId },
    h('legend', {}, labelContent(label, false)),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null);
  if (!offered.length) {
    group.append(h('p', {}, ui.members === 'child' ? 'Aucun enfant ne figure dans votre foyer. ' : 'Votre foyer est vide. ',
      h('a', { href: '#/foyer', text: 'Compléter « Mon foyer »' }), '.'));
    return group;
  }
  offered.forEach((member, index) => {
    const id = index === 0 ? name : `${name}-${index}`;
    group.append(h('div', { class: 'choice' },
      h('input', { type: 'radio', id, name, value: member.id }),
      h('label', { for: id, text: `${member.givenNames} ${member.familyName}, ${RELATIONS[member.relationship] ?? ''}`
        + `, né(e) le ${member.birthDate.split('-').reverse().join('/')}` })));
  });
  return group;
}

export function readHousehold(wrapper) {
  const checked = wrapper.querySelector('input:checked');
  return { value: checked ? checked.value : undefined };
}

/**
 * A supporting document: a file input whose file is sent at once, with a progress bar, by `upload(file,
 * onProgress)`, which resolves to { uploadId, fileName }. The answer is that pair once the upload is done.
 */
export function fileField(field, hint, upload) {
  const { name, label, ui } = field;
  const accept = (ui.accept ?? []).join(',');
  const limit = ui.maxBytes ? `${Math.floor(ui.maxBytes / (1024 * 1024))} Mo au plus.` : '';
  const text = [hint, limit].filter(Boolean).join(' ');
  const hintId = `${name}-hint`;
  const input = h('input', { id: name, name, type: 'file', accept: accept || null, 'aria-describedby': hintId });
  const progress = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': `Envoi du fichier – ${label}` });
  const state = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const wrapper = h('div', { class: 'field', 'data-field': name },
    h('label', { for: name }, labelContent(label, false)),
    h('p', { class: 'hint', id: hintId, text: text || 'Choisissez un fichier.' }), input, progress, state);
  wrapper.upload = { status: 'empty' };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) {
      wrapper.upload = { status: 'empty' };
      state.textContent = '';
      return;
    }
    if (ui.maxBytes && file.size > ui.maxBytes) {
      wrapper.upload = { status: 'failed', message: `Le fichier dépasse la taille maximale (${limit})` };
      state.textContent = wrapper.upload.message;
      return;
    }
    wrapper.upload = { status: 'sending' };
    progress.hidden = false;
    progress.value = 0;
    state.textContent = `Envoi de « ${file.name} » en cours…`;
    try {
      const done = await upload(file, (percent) => { progress.value = percent; });
      wrapper.upload = { status: 'done', value: done };
      state.textContent = `« ${file.name} » est bien reçu.`;
    } catch (error) {
      const message = error.errors?.map((e) => e.message).join(' ') || error.detail;
      wrapper.upload = { status: 'failed', message: message || 'L’envoi du fichier a échoué. Réessayez.' };
      state.textContent = wrapper.upload.message;
    } finally {
      progress.hidden = true;
    }
  });
  return wrapper;
}

export function readFile(wrapper) {
  const { status, value, message } = wrapper.upload ?? {};
  if (status === 'done') return { value };
  if (status === 'sending') return { problem: 'Attendez la fin de l’envoi du fichier.' };
  if (status === 'failed') return { problem: message };
  return { value: undefined };
}
