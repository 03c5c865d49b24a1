// One request on one screen for an agent: every fact, and one button per allowed decision.

import { h, fill, dateTime, dateOnly, facts, statusBadge, statusLabel, notice, focusElement } from '../dom.js';
import { api, seg } from '../api.js';
import { textField, showErrors, clearErrors, findField, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { getProcedure } from '../tenants.js';
import { acknowledgementSection, timelineSection, decisionNotice, dataFacts } from '../request-parts.js';
import { documentsSection, decisionFileField, uploadDecisionFile } from '../legal-documents.js';
import { navigate } from '../router.js';
import { messagesSection } from '../messages.js';
import { inboxHash, CHANNEL_LABELS } from './inbox.js';
import { filedBySection } from './filed-by.js';
import { assignmentSection } from './assignment.js';

/** Transitions in the order their buttons appear, with their labels. */
const TRANSITIONS = [
  ['in_progress', 'Prendre en charge'],
  ['incomplete', 'Demander des pièces'],
  ['accepted', 'Accepter'],
  ['rejected', 'Refuser'],
  ['closed', 'Clôturer'],
];
/** The express decisions, which may carry a document. */
const DECISIONS = ['accepted', 'rejected'];
const NOTE_REQUIRED = {
  rejected: 'Indiquez le motif du refus dans le message au demandeur.',
  incomplete: 'Indiquez les pièces ou informations attendues dans le message au demandeur.',
};

export async function agentRequestView({ params: [tenantId, reference], query }, getMembership) {
  const path = `/tenants/${seg(tenantId)}/requests/${seg(reference)}`;
  const [membership, loaded] = await Promise.all([getMembership(tenantId), api(path)]);
  let request = loaded.data;
  let etag = loaded.etag;
  const procedure = await getProcedure(tenantId, request.procedureId).catch(() => null);
  const serviceName = membership?.services?.find((s) => s.id === request.serviceId)?.name
    ?? procedure?.service?.name ?? request.serviceId;
  const backHash = inboxHash(tenantId, query);
  const body = h('div');

  function render(message = null) {
    fill(
      body,
      message,
      summary(request, serviceName),
      filedBySection(tenantId, request),
      assignmentSection(path, () => ({ request, etag }), (result, done) => {
        request = result.data;
        etag = result.etag ?? etag;
        render(done);
        focusElement(body.querySelector('.notice'));
      }),
      decisionNotice(request.decision),
      h('section', { 'aria-labelledby': 'data-title' },
        h('h2', { id: 'data-title', text: 'Données de la demande' }),
        dataFacts(request.data, procedure)),
      actions(),
      documentsSection(request),
      timelineSection(request.timeline),
      acknowledgementSection(request.acknowledgement),
    );
  }

  function actions() {
    const allowed = TRANSITIONS.filter(([to]) => (request.allowedTransitions ?? []).includes(to));
    const section = h('section', { 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title', text: 'Traiter la demande' }));
    if (!allowed.length) {
      section.append(h('p', { text: 'Aucune action n’est possible sur cette demande dans son état actuel.' }));
      return section;
    }
    const status = formStatus();
    const messages = h('div');
    const form = h('form', { novalidate: true, 'data-testid': 'transition-form' },
      textField({ id: 'note', label: 'Message au demandeur', multiline: true, maxLength: 2000,
        hint: 'Obligatoire pour un refus ou une demande de pièces. Le demandeur le recevra par e-mail.' }),
      allowed.some(([to]) => DECISIONS.includes(to)) ? decisionFileField() : null,
      h('div', { class: 'button-group' }, allowed.map(([to, label]) => h('button', {
        type: 'submit',
        name: 'to',
        value: to,
        class: to === 'rejected' ? 'button warning' : (to === 'closed' ? 'button secondary' : 'button'),
        'data-testid': `transition-${to}`,
        text: label,
      }))),
      messages,
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const to = event.submitter?.value;
      if (!to) return;
      const note = form.note.value.trim();
      clearErrors(form);
      messages.replaceChildren();
      if (NOTE_REQUIRED[to] && !note) {
        showErrors(form, [{ wrapper: findField(form, 'note'), message: NOTE_REQUIRED[to] }]);
        return;
      }
      const file = form.querySelector('#document')?.files?.[0];
      if (file && !DECISIONS.includes(to)) {
        showErrors(form, [{ wrapper: findField(form, 'document'), message: 'Un document ne peut accompagner qu’une acceptation ou un refus.' }]);
        return;
      }
      whileBusy(form, status, 'Enregistrement en cours…', async () => {
        try {
          const document = file ? await uploadDecisionFile(tenantId, file) : null;
          const result = await api(`${path}/transitions`, {
            method: 'POST',
            headers: etag ? { 'If-Match': etag } : {},
            body: { to, note: note || null, document },
          });
          request = result.data;
          etag = result.etag ?? etag;
          render(notice(`Statut mis à jour : ${statusLabel(request.status)}.`, 'success'));
          focusElement(body.querySelector('.notice'));
        } catch (error) {
          if (error.handled) return;
          if (error.status === 422) showErrors(form, problemToErrors(form, error));
          else showConflict(form, messages, error);
        }
      });
    });
    section.append(form);
    return section;
  }

  render();
  return {
    title: `Demande ${request.reference}`,
    content: [
      h('p', {}, h('a', { href: backHash, text: 'Retour aux demandes' })),
      h('h1', {}, request.procedureTitle, h('small', { text: `Demande ${request.reference}` })),
      body,
      messagesSection({
        messagesPath: `${path}/messages`, uploadPath: `/tenants/${seg(tenantId)}/uploads`, agent: true,
      }),
    ],
  };
}

function showConflict(form, messages, error) {
  const message = error.status === 412
    ? 'Cette demande a été modifiée par ailleurs. Rechargez-la.'
    : (error.detail || error.title);
  showErrors(form, [{ message }], error.status === 409 ? 'Ce changement de statut n’est pas possible' : 'Il y a un problème');
  if (error.status === 412 || error.status === 409) {
    messages.replaceChildren(h('p', {}, h('button', {
      type: 'button',
      class: 'button secondary',
      'data-testid': 'reload',
      text: 'Recharger la demande',
      onclick: () => navigate(location.hash),
    })));
  }
}

function summary(request, serviceName) {
  // The request's own date moves when missing pieces suspend the clock (CRPA L114-5).
  const implicitDate = request.implicitDecisionDate ?? request.acknowledgement?.implicitDecisionDate;
  const citizen = request.citizen ?? {};
  return h('div', {},
    facts([
      ['Référence', h('strong', { 'data-testid': 'reference', text: request.reference })],
      ['Statut', statusBadge(request.status)],
      ['Reçue le', dateTime(request.receivedAt)],
      ['Canal', CHANNEL_LABELS[request.channel] ?? request.channel],
      ['Service', serviceName],
      ['Décision implicite le', implicitDate ? dateOnly(implicitDate) : null],
    ]),
    h('section', { 'aria-labelledby': 'citizen-title' },
      h('h2', { id: 'citizen-title', text: 'Demandeur' }),
      facts([
        ['Nom', h('span', { 'data-testid': 'citizen-name', text: citizen.name ?? '' })],
        ['Courriel', citizen.email ? h('a', { href: `mailto:${citizen.email}`, text: citizen.email }) : null],
      ])));
}
