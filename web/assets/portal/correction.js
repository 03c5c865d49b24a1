// « Compléter ma demande »: the form of an incomplete request, prefilled with its answers, below what the
// service asked for. Sent with If-Match; the request then goes back to the service (CRPA L114-5).

import { h, dateTime, notice } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { buildForm } from '../form.js';
import { getProcedure } from '../tenants.js';
import { navigate, flash } from '../router.js';

export const correctionHash = (reference) => `#/demandes/${encodeURIComponent(reference)}/completer`;

export async function correctionView({ params: [reference] }) {
  const path = `/me/requests/${seg(reference)}`;
  const { data: request, etag } = await api(path);
  const back = `#/demandes/${encodeURIComponent(reference)}`;
  if (request.status !== 'incomplete') {
    return {
      title: 'Demande à jour',
      content: [
        h('h1', { text: 'Cette demande n’attend pas de complément' }),
        h('p', {}, 'Le service ne vous a rien demandé de plus. ', h('a', { href: back, text: 'Voir la demande' })),
      ],
    };
  }
  const procedure = await getProcedure(request.tenantId, request.procedureId).catch(() => null);
  const builder = buildForm(procedure?.form?.schema ?? {}, procedure?.form?.ui ?? {});
  prefill(builder.element, request.data ?? {});
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'correction-form', 'aria-labelledby': 'correction-title' },
    h('p', { text: 'Vos réponses sont reprises ci-dessous : modifiez ce qui doit l’être. Les champs marqués « (obligatoire) » doivent être remplis.' }),
    builder.element,
    textField({ id: 'correction-note', label: 'Message au service', multiline: true, maxLength: 4000,
      hint: 'Facultatif. Par exemple : les pièces que vous envoyez par courrier.' }),
    h('div', { class: 'button-group' },
      h('button', { type: 'submit', class: 'button', text: 'Envoyer les compléments' }),
      h('a', { class: 'button secondary', href: back, text: 'Annuler' })),
    status);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = builder.validate();
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    const data = builder.collect();
    // An answer the form no longer holds (emptied or hidden) is removed.
    for (const name of Object.keys(request.data ?? {})) if (!(name in data)) data[name] = null;
    const note = form.querySelector('#correction-note').value.trim();
    whileBusy(form, status, 'Envoi de vos compléments en cours…', async () => {
      try {
        await api(`${path}/corrections`, { method: 'POST', headers: { 'If-Match': etag }, body: { data, note: note || null } });
        flash('Vos compléments ont été envoyés au service.', 'success');
        navigate(back);
      } catch (error) {
        if (error.handled) return;
        const entries = error.status === 422 ? problemToErrors(form, error, builder.fieldName)
          : [{ message: error.status === 412 ? 'Cette demande a été modifiée entre-temps. Rechargez la page.'
            : (error.detail || error.title) }];
        showErrors(form, entries, error.status === 422 ? 'Il y a un problème' : 'Vos compléments n’ont pas pu être envoyés');
      }
    });
  });

  const asked = request.correction ?? {};
  return {
    title: `Compléter la demande ${request.reference}`,
    content: [
      h('p', {}, h('a', { href: back, text: `Demande ${request.reference}` })),
      h('h1', { id: 'correction-title', text: 'Compléter ma demande' }),
      h('div', { class: 'notice info', 'data-testid': 'correction-asked' },
        h('h2', { text: 'Ce que le service vous demande' }),
        asked.requestedAt ? h('p', {}, 'Le ', dateTime(asked.requestedAt), ' :') : null,
        h('p', { class: 'note pre-line', text: asked.missing ?? '' }),
        h('p', { text: 'Aucun délai ne court tant que votre dossier est incomplet : il repart à la réception de vos compléments.' })),
      procedure ? form : notice('Le formulaire de cette démarche n’est plus disponible. Contactez le service.', 'error'),
    ],
  };
}

/** Puts the stored answers back into the form's fields (radios, checkboxes, selects, text and dates). */
function prefill(element, data) {
  for (const [name, value] of Object.entries(data)) {
    const wrapper = element.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!wrapper || value === null || value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    const choices = wrapper.querySelectorAll('input[type=radio], input[type=checkbox]');
    const select = wrapper.querySelector('select');
    if (choices.length) {
      for (const input of choices) input.checked = values.includes(input.value);
    } else if (select) {
      for (const option of select.options) option.selected = option.value !== '' && values.includes(option.value);
    } else {
      const input = wrapper.querySelector('input, textarea');
      if (input) input.value = values[0];
    }
  }
  element.dispatchEvent(new Event('change', { bubbles: true }));
}
