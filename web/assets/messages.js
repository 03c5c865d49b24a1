// « Messages » on a request page, in both apps: the thread, and a form to write with up to three files.
// Files go straight to the document store through an upload grant (XMLHttpRequest, for its progress),
// then the message names them; the server checks each file's content before it keeps it.

import { h, fill, dateTime, notice, announce, uuid, focusElement } from './dom.js';
import { api, ApiError } from './api.js';
import { showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from './fields.js';

const MAX_FILES = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
const MAX_TEXT = 5000;
const INTERNAL_BADGE = 'Note interne — invisible pour l’usager';
// Errors about a file, from the upload grant (fileName, contentType, size) or from the message (attachments.N).
const FILE_FIELDS = /^(attachments(\.\d+)?|fileName|contentType|size)$/;

/**
 * The « Messages » section.
 * options: messagesPath (API path of the thread), uploadPath (API path of the upload grants),
 * agent (true in the back-office: internal notes and the choice of visibility), canWrite, closedText.
 */
export function messagesSection({ messagesPath, uploadPath, agent = false, canWrite = true, closedText = '' }) {
  const list = h('ol', { class: 'thread', 'data-testid': 'thread', 'aria-labelledby': 'messages-title' });
  const state = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'older-messages',
    text: 'Voir les messages suivants' });
  more.hidden = true;
  let cursor = null;

  async function load(reset) {
    try {
      const query = `?order=oldest&limit=50${!reset && cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { data } = await api(`${messagesPath}${query}`);
      const items = (data.items ?? []).map((m) => messageItem(m, messagesPath, agent));
      if (reset) fill(list, items);
      else list.append(...items);
      cursor = data.nextCursor;
      more.hidden = !cursor;
      const empty = reset && !items.length;
      fill(state,
        empty ? h('p', { text: agent ? 'Aucun message ni note sur cette demande.'
          : 'Aucun message pour l’instant. Vous pouvez écrire au service ci-dessous.' }) : null,
        agent && data.awaitingReply ? notice('L’usager attend une réponse : son dernier message est sans réponse.',
          'info') : null);
      if (agent && data.awaitingReply) state.firstElementChild?.setAttribute('data-testid', 'awaiting-reply');
    } catch (error) {
      if (!error.handled) fill(state, notice(error.detail || error.title, 'error'));
    }
  }
  more.addEventListener('click', () => load(false));

  const section = h('section', { class: 'messages', 'aria-labelledby': 'messages-title' },
    h('h2', { id: 'messages-title', text: 'Messages' }),
    agent ? h('p', { class: 'hint', text: 'Les messages à l’usager et les notes internes, du plus ancien au plus '
      + 'récent. Les notes internes ne sont jamais montrées à l’usager.' }) : null,
    state, list, h('div', { class: 'button-group' }, more),
    canWrite ? messageForm({ messagesPath, uploadPath, agent, onPosted: () => load(true) })
      : h('p', { class: 'notice', text: closedText }));
  load(true);
  return section;
}

function messageItem(message, messagesPath, agent) {
  const internal = message.visibility === 'internal';
  const mine = agent ? message.author?.kind === 'agent' : message.author?.kind === 'citizen';
  const who = message.author?.kind === 'citizen'
    ? (agent ? `${message.author.name || 'L’usager'} (usager)` : 'Vous')
    : [message.author?.name, message.author?.role].filter(Boolean).join(' — ') || 'Le service';
  return h('li', {
    class: `message ${internal ? 'message-internal' : (mine ? 'message-mine' : 'message-other')}`,
    'data-testid': 'message',
    'data-visibility': message.visibility ?? 'public',
  },
  h('p', { class: 'message-meta' },
    internal ? h('strong', { class: 'badge badge-internal', text: INTERNAL_BADGE }) : null,
    internal ? ' ' : null,
    h('span', { class: 'message-author', text: who }), ', le ', dateTime(message.at)),
  // Text only: whatever markup the message holds is shown as typed.
  h('p', { class: 'message-text', 'data-testid': 'message-text', text: message.text }),
  (message.attachments ?? []).length
    ? h('ul', { class: 'message-files', 'aria-label': 'Pièces jointes' },
      message.attachments.map((file) => h('li', {}, downloadButton(messagesPath, message, file))))
    : null);
}

/** Asks for a short-lived link to the file, then opens it (the file comes as a download). */
function downloadButton(messagesPath, message, file) {
  const error = h('span', { class: 'error-message', role: 'alert' });
  const type = TYPES[file.contentType] ?? file.contentType;
  const button = h('button', {
    type: 'button',
    class: 'link-button',
    'data-testid': `attachment-${file.index}`,
    text: `Télécharger « ${file.fileName} » (${type}, ${sizeLabel(file.size)})`,
    onclick: async () => {
      error.textContent = '';
      try {
        const { data } = await api(`${messagesPath}/${encodeURIComponent(message.id)}/attachments/${file.index}`);
        window.location.assign(data.url);
      } catch (failure) {
        if (!failure.handled) error.textContent = ` ${failure.detail || failure.title}`;
      }
    },
  });
  return [button, error];
}

function messageForm({ messagesPath, uploadPath, agent, onPosted }) {
  const status = formStatus();
  const result = h('div');
  const progress = h('ul', { class: 'upload-progress', 'aria-label': 'Envoi des fichiers' });
  const text = h('textarea', { id: 'message-text', name: 'text', rows: 5, maxlength: MAX_TEXT,
    'aria-describedby': 'message-text-hint' });
  const files = h('input', { id: 'message-files', name: 'attachments', type: 'file', multiple: true,
    accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', 'aria-describedby': 'message-files-hint' });
  const visibility = agent ? h('fieldset', { class: 'choice-group', 'data-field': 'visibility' },
    h('legend', { text: 'Destinataire' }),
    radio('public', 'Message à l’usager',
      'L’usager le lit dans son espace et reçoit un courriel l’en avertissant.'),
    radio('internal', 'Note interne', 'Visible des seuls agents ; l’usager ne la voit jamais.')) : null;
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'send-message',
    text: agent ? 'Envoyer à l’usager' : 'Envoyer le message' });
  const form = h('form', { class: 'message-form', novalidate: true, 'data-testid': 'message-form' },
    h('h3', { text: agent ? 'Écrire' : 'Écrire au service' }),
    visibility,
    h('div', { class: 'field', 'data-field': 'text' },
      h('label', { for: 'message-text', text: agent ? 'Texte' : 'Votre message' }),
      h('p', { class: 'hint', id: 'message-text-hint', text: `${MAX_TEXT} caractères au plus.` }),
      text),
    h('div', { class: 'field', 'data-field': 'attachments' },
      h('label', { for: 'message-files', text: 'Pièces jointes (facultatif)' }),
      h('p', { class: 'hint', id: 'message-files-hint',
        text: `${MAX_FILES} fichiers au plus, au format PDF, JPEG ou PNG, de 10 Mo au plus chacun.` }),
      files, progress),
    h('div', { class: 'button-group' }, submit), result, status);
  // One key per message typed, and each file sent once, so that a retry after a failure posts it once.
  let key = uuid();
  let uploaded = new Map();
  text.addEventListener('input', () => { key = uuid(); });
  files.addEventListener('change', () => {
    key = uuid();
    uploaded = new Map();
  });

  if (agent) {
    form.querySelector('#visibility-public').checked = true;
    form.addEventListener('change', (event) => {
      if (event.target.name !== 'visibility') return;
      const internal = event.target.value === 'internal';
      form.classList.toggle('is-internal', internal);
      submit.textContent = internal ? 'Enregistrer la note interne' : 'Envoyer à l’usager';
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    result.replaceChildren();
    const chosen = [...files.files];
    const errors = check(form, text.value, chosen);
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    whileBusy(form, status, 'Envoi en cours…', async () => {
      try {
        const attachments = [];
        fill(progress);
        for (const file of chosen) {
          if (!uploaded.has(file)) uploaded.set(file, await upload(uploadPath, file, progress));
          attachments.push(uploaded.get(file));
        }
        const body = { text: text.value, attachments };
        if (agent) body.visibility = form.querySelector('input[name=visibility]:checked')?.value;
        await api(messagesPath, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
        const internal = body.visibility === 'internal';
        form.reset();
        if (agent) {
          form.querySelector('#visibility-public').checked = true;
          form.classList.remove('is-internal');
          submit.textContent = 'Envoyer à l’usager';
        }
        key = uuid();
        uploaded = new Map();
        const done = internal ? 'Note interne enregistrée.' : 'Message envoyé.';
        result.replaceChildren(notice(done, 'success'));
        announce(done);
        await onPosted();
        focusElement(result.firstElementChild);
      } catch (error) {
        if (error.handled) return;
        if (error.status === 422) {
          showErrors(form, problemToErrors(form, error, (field) => (FILE_FIELDS.test(field) ? 'attachments' : field)));
        } else {
          showErrors(form, [{ message: error.detail || error.title }]);
        }
      }
    });
  });
  return form;
}

function radio(value, label, hint) {
  const id = `visibility-${value}`;
  return h('div', { class: `choice choice-${value}` },
    h('input', { type: 'radio', id, name: 'visibility', value }),
    h('label', { for: id }, h('strong', { text: label }), h('span', { class: 'hint', text: hint })));
}

/** The errors the browser can tell before sending anything: empty text, too many, wrong or too large files. */
function check(form, value, chosen) {
  const errors = [];
  if (!value.trim()) errors.push({ wrapper: findField(form, 'text'), message: 'Écrivez votre message.' });
  const filesField = findField(form, 'attachments');
  const problems = [];
  if (chosen.length > MAX_FILES) problems.push(`Joignez ${MAX_FILES} fichiers au plus.`);
  for (const file of chosen) {
    if (!TYPES[file.type]) {
      problems.push(`Le fichier « ${file.name} » n’est pas accepté : envoyez un fichier PDF, JPEG ou PNG.`);
    } else if (file.size > MAX_BYTES) {
      problems.push(`Le fichier « ${file.name} » dépasse la taille maximale de 10 Mo.`);
    } else if (file.size === 0) {
      problems.push(`Le fichier « ${file.name} » est vide.`);
    }
  }
  if (problems.length) errors.push({ wrapper: filesField, message: problems.join(' ') });
  return errors;
}

/** Gets a grant for one file and sends it to the store, showing its progress. Gives { uploadId, fileName }. */
async function upload(uploadPath, file, progressList) {
  const { data: grant } = await api(uploadPath, {
    method: 'POST',
    body: { fileName: file.name, contentType: file.type, size: file.size },
  });
  const bar = h('progress', { max: 100, value: 0, 'aria-label': `Envoi de « ${file.name} »` });
  const item = h('li', {}, h('span', { text: `${file.name} ` }), bar);
  progressList.append(item);
  await new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(grant.upload.method, grant.upload.url);
    for (const [name, value] of Object.entries(grant.upload.headers ?? {})) {
      if (name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'host') xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        bar.value = 100;
        resolve();
      } else {
        reject(new ApiError({ status: 0,
          detail: `Le fichier « ${file.name} » n’a pas pu être envoyé. Réessayez.` }));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError({ status: 0, detail: `Le fichier « ${file.name} » `
      + 'n’a pas pu être envoyé : vérifiez votre connexion puis réessayez.' })));
    xhr.send(file);
  });
  return { uploadId: grant.uploadId, fileName: file.name };
}

function sizeLabel(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
}
