// « Démarches » of the back-office, for a tenant's administrators: the list of démarches with their versions,
// the editor of a draft with the preview the citizen will get, publication, withdrawal and duplication.

import { h, fill } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { buildForm } from '../form.js';
import { navigate, flash } from '../router.js';
import { definitionEditor, blankDefinition, editorFieldName } from './builder-editor.js';

const STATES = { published: 'Publiée', unpublished: 'Retirée du catalogue', draft: 'Brouillon' };

export const buildersHash = (tenantId) => `#/collectivites/${encodeURIComponent(tenantId)}/demarches`;
const draftHash = (tenantId, id) => `${buildersHash(tenantId)}/${encodeURIComponent(id)}/brouillon`;
const base = (tenantId) => `/tenants/${seg(tenantId)}/admin/procedures`;

function adminsOnly() {
  return {
    title: 'Accès réservé aux administrateurs',
    content: [h('h1', { text: 'Accès réservé aux administrateurs' }),
      h('p', { text: 'Seuls les administrateurs de la collectivité gèrent ses démarches.' })],
  };
}

export async function buildersView({ params: [tenantId] }, getMembership) {
  const membership = await getMembership(tenantId);
  if (membership?.role !== 'admin') return adminsOnly();
  const { data } = await api(base(tenantId));
  const status = formStatus();
  const action = async (label, work) => {
    try {
      await work();
    } catch (error) {
      if (!error.handled) flash(`${label} : ${error.detail || error.title}`, 'error');
    }
  };
  const rows = data.items.map((item) => {
    const latest = item.versions[item.versions.length - 1];
    return h('tr', {},
      h('th', { scope: 'row' }, item.draft
        ? h('a', { href: draftHash(tenantId, item.id), text: item.title, 'data-testid': `draft-${item.id}` })
        : item.title),
      h('td', { text: STATES[item.state] + (item.draft && item.state !== 'draft' ? ' (brouillon en cours)' : '') }),
      h('td', { text: item.versions.length ? item.versions.map((v) => `v${v.version}`).join(', ') : '—' }),
      h('td', {}, h('div', { class: 'button-group' },
        !item.draft && latest ? h('button', {
          type: 'button', class: 'button secondary', text: `Modifier (copie de la v${latest.version})`,
          onclick: () => action('Copie impossible', async () => {
            await api(`${base(tenantId)}/${seg(item.id)}/duplicate`, { method: 'POST', body: { version: latest.version } });
            navigate(draftHash(tenantId, item.id));
          }),
        }) : null,
        item.state === 'published' ? h('button', {
          type: 'button', class: 'button warning', text: 'Retirer du catalogue', 'data-testid': `unpublish-${item.id}`,
          onclick: () => action('Retrait impossible', async () => {
            await api(`${base(tenantId)}/${seg(item.id)}/unpublish`, { method: 'POST' });
            flash(`« ${item.title} » est retirée du catalogue. Les demandes déjà faites ne changent pas.`);
            navigate(`${buildersHash(tenantId)}?r=${Date.now()}`);
          }),
        }) : null)));
  });
  const versions = data.items.flatMap((item) => item.versions.map((v) => [`${item.id}|${v.version}`, `${item.title} – version ${v.version}`]));
  const copyForm = h('form', { novalidate: true, 'data-testid': 'copy-form' },
    h('h2', { text: 'Copier une version en une nouvelle démarche' }),
    h('div', { class: 'field', 'data-field': 'version' }, h('label', { for: 'copy-source', text: 'Version à copier' }),
      h('select', { id: 'copy-source' }, versions.map(([value, text]) => h('option', { value, text })))),
    textField({ id: 'copy-id', label: 'Identifiant de la nouvelle démarche', hint: 'Minuscules, chiffres et tirets.' }),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button secondary', text: 'Copier' })),
    status);
  copyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(copyForm);
    const [sourceId, version] = copyForm.querySelector('#copy-source').value.split('|');
    const newId = copyForm.querySelector('#copy-id').value.trim();
    whileBusy(copyForm, status, 'Copie en cours…', async () => {
      try {
        await api(`${base(tenantId)}/${seg(sourceId)}/duplicate`, { method: 'POST', body: { version: Number(version), id: newId } });
        navigate(draftHash(tenantId, newId));
      } catch (error) {
        if (error.handled) return;
        showErrors(copyForm, error.status === 422
          ? problemToErrors(copyForm, error, (field) => (field === 'id' ? 'copy-id' : field))
          : [{ wrapper: copyForm.querySelector('[data-field=copy-id]'), message: error.detail || error.title }]);
      }
    });
  });
  return {
    title: 'Démarches',
    content: [
      h('h1', { text: 'Démarches' }),
      h('p', {}, h('a', { class: 'button', href: `${buildersHash(tenantId)}/nouvelle`, 'data-testid': 'new-demarche',
        text: 'Créer une démarche' })),
      h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': 'builders-caption', tabindex: '0' },
        h('table', {},
        h('caption', { id: 'builders-caption', text: `Les démarches de ${membership.tenantName}` }),
        h('thead', {}, h('tr', {}, ['Démarche', 'État', 'Versions', 'Actions'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, rows))),
      versions.length ? copyForm : status,
    ],
  };
}

export async function newDemarcheView({ params: [tenantId] }, getMembership) {
  const membership = await getMembership(tenantId);
  if (membership?.role !== 'admin') return adminsOnly();
  return editorPage(tenantId, membership, blankDefinition(membership.services[0]?.id ?? ''), null);
}

export async function draftView({ params: [tenantId, id] }, getMembership) {
  const membership = await getMembership(tenantId);
  if (membership?.role !== 'admin') return adminsOnly();
  const { data, etag } = await api(`${base(tenantId)}/${seg(id)}/draft`);
  return editorPage(tenantId, membership, data.definition, etag);
}

function editorPage(tenantId, membership, definition, initialEtag) {
  let etag = initialEtag;
  const creating = !etag;
  const editor = definitionEditor(definition, membership.services ?? [], { creating });
  const preview = h('section', { class: 'builder-preview', 'aria-labelledby': 'preview-title', 'data-testid': 'preview' },
    h('h2', { id: 'preview-title', text: 'Aperçu du formulaire' }),
    h('p', { text: 'Choisissez « Aperçu » pour voir le formulaire tel que l’usager le verra.' }));
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'builder-form' }, editor.element,
    h('div', { class: 'button-group' },
      h('button', { type: 'button', class: 'button secondary', 'data-testid': 'preview-button', text: 'Aperçu', onclick: () => run('preview') }),
      h('button', { type: 'submit', class: 'button secondary', 'data-testid': 'save', text: 'Enregistrer le brouillon' }),
      h('button', { type: 'button', class: 'button', 'data-testid': 'publish', text: 'Publier', onclick: () => run('publish') })),
    status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run('save');
  });

  async function save() {
    const body = editor.value();
    if (creating && !etag) {
      const created = await api(base(tenantId), { method: 'POST', body });
      etag = created.etag;
      return body.id;
    }
    const saved = await api(`${base(tenantId)}/${seg(definition.id)}/draft`, { method: 'PUT', body, headers: { 'If-Match': etag } });
    etag = saved.etag;
    return definition.id;
  }

  function run(kind) {
    clearErrors(form);
    const messages = { preview: 'Préparation de l’aperçu…', save: 'Enregistrement…', publish: 'Publication…' };
    whileBusy(form, status, messages[kind], async () => {
      try {
        if (kind === 'preview') {
          const { data } = await api(`${base(tenantId)}/preview`, { method: 'POST', body: editor.value() });
          const built = buildForm(data.schema, data.ui, { household: [], upload: async () => { throw new Error('aperçu'); } });
          fill(preview, h('h2', { id: 'preview-title', text: 'Aperçu du formulaire' }),
            h('p', { class: 'hint', text: 'Ce que l’usager verra (les champs « Membre du foyer » montreront son foyer).' }),
            h('div', { class: 'preview-frame' }, built.element));
          preview.querySelector('h2').setAttribute('tabindex', '-1');
          preview.querySelector('h2').focus();
          return;
        }
        const id = await save();
        if (kind === 'save') {
          flash('Brouillon enregistré.');
          status.textContent = 'Brouillon enregistré.';
          if (creating) navigate(draftHash(tenantId, id));
          return;
        }
        const { data } = await api(`${base(tenantId)}/${seg(id)}/publish`, { method: 'POST', headers: { 'If-Match': etag } });
        flash(`« ${data.definition.title} » est publiée (version ${data.definition.version}).`);
        navigate(buildersHash(tenantId));
      } catch (error) {
        if (error.handled) return;
        const entries = error.status === 422 ? problemToErrors(form, error, editorFieldName)
          : [{ message: error.detail || error.title }];
        showErrors(form, entries, error.status === 422 ? 'La démarche est à corriger' : 'L’opération n’a pas abouti');
      }
    });
  }

  return {
    title: creating ? 'Créer une démarche' : `Modifier « ${definition.title} »`,
    content: [
      h('p', {}, h('a', { href: buildersHash(tenantId), text: 'Retour aux démarches' })),
      h('h1', { text: creating ? 'Créer une démarche' : `Modifier « ${definition.title} »` }),
      h('div', { class: 'builder-layout' }, form, preview),
    ],
  };
}
