// « Enregistrer une demande »: a reception agent files a request for a person who came to the counter,
// called, or wrote. The person, the démarche and its form, the channel; for a letter its arrival day and
// its scan, uploaded straight to the document store with a progress bar.

import { h, fill, uuid } from '../dom.js';
import { api, seg } from '../api.js';
import { showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus, textField } from '../fields.js';
import { buildForm } from '../form.js';
import { uploadFile } from '../uploads.js';
import { getProcedures } from '../tenants.js';
import { navigate, flash } from '../router.js';
import { peoplePicker } from './people-picker.js';

export const filingHash = (tenantId) => `#/collectivites/${encodeURIComponent(tenantId)}/enregistrer`;
export const printHash = (tenantId, reference) =>
  `#/collectivites/${encodeURIComponent(tenantId)}/demandes/${encodeURIComponent(reference)}/accuse`;

const CHANNELS = [['counter', 'Au guichet'], ['phone', 'Par téléphone'], ['post', 'Par courrier']];
const LETTER_TYPES = 'application/pdf,image/jpeg,image/png';

function todayInParis() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

/** PUTs the file to the presigned URL with XMLHttpRequest, which reports progress (fetch does not). */
function putFile(upload, file, progress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers ?? {})) {
      if (!/^(host|content-length)$/i.test(name)) xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(String(xhr.status)))));
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.send(file);
  });
}

export async function filingView({ params: [tenantId] }, getMembership) {
  const [membership, procedures] = await Promise.all([getMembership(tenantId), getProcedures(tenantId)]);
  if (!membership) {
    return { title: 'Accès refusé', content: [h('h1', { text: 'Accès refusé' }),
      h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' }))] };
  }
  let person = null;
  let builder = null;
  const idempotencyKey = uuid();
  const status = formStatus();
  const picker = peoplePicker(tenantId, (chosen) => {
    person = chosen;
  });

  const procedureSelect = h('select', { id: 'procedure', name: 'procedure' },
    h('option', { value: '', text: 'Choisissez une démarche' }),
    procedures.map((p) => h('option', { value: p.id, text: p.title })));
  const formHolder = h('div');
  procedureSelect.addEventListener('change', () => {
    const procedure = procedures.find((p) => p.id === procedureSelect.value);
    // Supporting documents are the agent's uploads (a paper scanned at the counter).
    const upload = (file, onProgress) => uploadFile(file, onProgress, `/tenants/${seg(tenantId)}/uploads`);
    builder = procedure ? buildForm(procedure.form?.schema ?? {}, procedure.form?.ui ?? {}, { upload }) : null;
    fill(formHolder, builder?.element ?? null);
  });

  const channelGroup = h('fieldset', { class: 'choice-group', 'data-field': 'channel' },
    h('legend', { text: 'Comment la demande est-elle arrivée ?' }),
    CHANNELS.map(([value, label], i) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'channel', id: i ? `channel-${value}` : 'channel', value, checked: i === 0 }),
      h('label', { for: i ? `channel-${value}` : 'channel', text: label }))));
  const progress = h('progress', { id: 'letter-progress', max: '100', value: '0', 'aria-label': 'Envoi du courrier numérisé' });
  const letterBlock = h('div', { 'data-testid': 'letter-block' },
    textField({ id: 'letterArrivedOn', label: 'Date d’arrivée du courrier', type: 'date', required: true,
      hint: 'Le jour où la lettre est arrivée à la mairie : c’est la date de réception, le délai de décision court à partir '
        + 'de ce jour. Pas dans le futur, 31 jours en arrière au plus.' }),
    h('div', { class: 'field', 'data-field': 'letter' },
      h('label', { for: 'letter', text: 'Courrier numérisé (obligatoire)' }),
      h('p', { class: 'hint', id: 'letter-hint', text: 'PDF, JPEG ou PNG, 10 Mo au plus.' }),
      h('input', { type: 'file', id: 'letter', name: 'letter', accept: LETTER_TYPES, 'aria-describedby': 'letter-hint',
        'aria-required': 'true' })),
    h('p', {}, progress));
  const arrival = () => letterBlock.querySelector('#letterArrivedOn');
  arrival().max = todayInParis();
  const channel = () => channelGroup.querySelector('input[name=channel]:checked')?.value ?? 'counter';
  const showLetter = () => { letterBlock.hidden = channel() !== 'post'; };
  channelGroup.addEventListener('change', showLetter);
  showLetter();

  const form = h('form', { novalidate: true, 'data-testid': 'filing-form', 'aria-labelledby': 'request-title' },
    h('h2', { id: 'request-title', text: '2. La demande' }),
    h('div', { class: 'field', 'data-field': 'procedureId' }, h('label', { for: 'procedure', text: 'Démarche (obligatoire)' }),
      procedureSelect),
    formHolder, channelGroup, letterBlock,
    h('div', { class: 'button-group' },
      h('button', { type: 'submit', class: 'button', 'data-testid': 'file-request', text: 'Enregistrer la demande' })),
    status);

  async function uploadLetter(file) {
    const { data: grant } = await api(`/tenants/${seg(tenantId)}/uploads`, { method: 'POST',
      body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size } });
    status.textContent = 'Envoi du courrier numérisé…';
    await putFile(grant.upload, file, progress);
    return { uploadId: grant.uploadId, fileName: file.name };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = [];
    if (!person) problems.push({ message: 'Choisissez d’abord la personne pour qui vous enregistrez la demande.' });
    if (!builder) problems.push({ wrapper: findField(form, 'procedureId'), message: 'Choisissez une démarche.' });
    else problems.push(...builder.validate());
    const post = channel() === 'post';
    const file = letterBlock.querySelector('#letter').files[0];
    if (post && !arrival().value) problems.push({ wrapper: findField(form, 'letterArrivedOn'), message: 'Indiquez la date d’arrivée.' });
    if (post && !file) problems.push({ wrapper: findField(form, 'letter'), message: 'Joignez le courrier numérisé.' });
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    whileBusy(form, status, 'Enregistrement de la demande…', async () => {
      try {
        const body = { person: { kind: person.kind, id: person.id }, procedureId: procedureSelect.value,
          channel: channel(), data: builder.collect() };
        if (post) {
          body.letterArrivedOn = arrival().value;
          body.letter = await uploadLetter(file);
        }
        const { data } = await api(`/tenants/${seg(tenantId)}/filings`, { method: 'POST', body,
          headers: { 'Idempotency-Key': idempotencyKey } });
        flash(data.acknowledgementDelivery === 'email'
          ? `Demande ${data.reference} enregistrée. L’accusé de réception a été envoyé par courriel.`
          : `Demande ${data.reference} enregistrée. Imprimez l’accusé de réception et envoyez-le par courrier.`);
        navigate(printHash(tenantId, data.reference));
      } catch (error) {
        if (error.handled) return;
        const fieldOf = (field) => (field === 'person' ? null : (builder?.fieldName(field) ?? field));
        const entries = error.status ? problemToErrors(form, error, fieldOf)
          : [{ message: 'Le courrier numérisé n’a pas pu être envoyé. Vérifiez votre connexion et réessayez.' }];
        showErrors(form, entries, error.status === 422 ? 'Il y a un problème' : 'La demande n’a pas pu être enregistrée');
      }
    });
  });

  return {
    title: 'Enregistrer une demande',
    content: [
      h('h1', { text: 'Enregistrer une demande' }),
      h('p', { text: 'Pour une personne venue au guichet, qui a appelé ou qui a écrit. La demande a les mêmes effets '
        + 'qu’une demande en ligne : même accusé de réception, même délai de décision.' }),
      h('p', { text: 'Les champs marqués « (obligatoire) » doivent être remplis. Les autres sont facultatifs.' }),
      picker, form,
    ],
  };
}
