// The legal documents of a request (acknowledgement of receipt, documents of an implicit decision) as PDF
// downloads, in both apps. A plain link cannot carry the token: each button fetches the file with it and
// saves it through a Blob object URL, as the .ics of bookings.

import { h, announce } from './dom.js';
import { api, apiBlob, ApiError } from './api.js';

/** A button that downloads the PDF at API `path` (under apiBase) as `fileName`. */
export function pdfButton(path, fileName, label, onError, testId) {
  const button = h('button', { type: 'button', class: 'button secondary', 'data-testid': testId, text: label });
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const blob = await apiBlob(path, 'application/pdf');
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      const link = h('a', { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`Le fichier ${fileName} est téléchargé.`);
    } catch (error) {
      if (!error.handled) onError(error.detail || error.title);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

const LABELS = {
  acknowledgement: 'Télécharger l’accusé de réception (PDF)',
  'implicit-acceptance-attestation': 'Télécharger l’attestation d’acceptation implicite (PDF)',
  'implicit-rejection-notice': 'Télécharger l’avis de rejet implicite (PDF)',
};

/** The API path of a document `href` the API gave (it starts with /api/v1, apiBase already ends there). */
const apiPath = (href) => href.replace(/^\/api\/v1/, '');

/** The acknowledgement's download alone, for a request just filed (its documents list is not loaded). */
export function acknowledgementBlock(reference) {
  const messages = h('div', { role: 'alert' });
  const onError = (message) => messages.replaceChildren(h('p', { class: 'notice error', text: message }));
  return h('div', {},
    h('div', { class: 'button-group' }, pdfButton(`/me/requests/${encodeURIComponent(reference)}/acknowledgement.pdf`,
      `accuse-de-reception-${reference}.pdf`, LABELS.acknowledgement, onError, 'acknowledgement-pdf')),
    messages);
}

/** « Documents »: one download button per document the request has (`request.documents`). */
export function documentsSection(request) {
  const documents = Array.isArray(request.documents) ? request.documents : [];
  if (!documents.length) return null;
  const messages = h('div', { role: 'alert' });
  const onError = (message) => messages.replaceChildren(h('p', { class: 'notice error', text: message }));
  return h('section', { 'aria-labelledby': 'documents-title', 'data-testid': 'documents' },
    h('h2', { id: 'documents-title', text: 'Documents' }),
    h('div', { class: 'button-group' }, documents.map((d) => pdfButton(apiPath(d.href), d.fileName,
      LABELS[d.id] ?? `Télécharger : ${d.title} (PDF)`, onError, `document-${d.id}`))),
    messages);
}

/** « Document de décision »: an optional PDF the agent attaches to an acceptance or a refusal. */
export function decisionFileField() {
  return h('div', { class: 'field', 'data-field': 'document' },
    h('label', { for: 'document', text: 'Document de décision (facultatif)' }),
    h('p', { class: 'hint', id: 'document-hint', text: 'Un fichier PDF de 10 Mo au plus, joint à une acceptation ou à un refus. Le demandeur le recevra par e-mail.' }),
    h('input', { id: 'document', name: 'document', type: 'file', accept: 'application/pdf,.pdf', 'aria-describedby': 'document-hint' }));
}

/**
 * Sends `file` straight to the document store under a grant of the tenant's upload route and returns what
 * the transition names it by: { uploadId, fileName }. Throws ApiError (422 lists the field `document`).
 */
export async function uploadDecisionFile(tenantId, file) {
  const { data: grant } = await api(`/tenants/${encodeURIComponent(tenantId)}/uploads`, {
    method: 'POST',
    body: { fileName: file.name, contentType: 'application/pdf', size: file.size },
  }).catch((error) => {
    if (error.status === 422) error.errors = [{ field: 'document', message: error.errors?.[0]?.message ?? error.detail }];
    throw error;
  });
  let response;
  try {
    response = await fetch(grant.upload.url, { method: grant.upload.method, headers: grant.upload.headers, body: file });
  } catch {
    response = null;
  }
  if (!response?.ok) {
    throw new ApiError({ status: 422, detail: 'Le fichier n’a pas pu être envoyé. Réessayez.',
      errors: [{ field: 'document', message: 'Le fichier n’a pas pu être envoyé. Réessayez.' }] });
  }
  return { uploadId: grant.uploadId, fileName: file.name };
}
