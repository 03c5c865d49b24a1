// A démarche's form, its submission, and the confirmation page with the acknowledgement.

import { h, facts, uuid } from '../dom.js';
import { api, seg } from '../api.js';
import { showErrors, clearErrors, problemToErrors, whileBusy, formStatus } from '../fields.js';
import { buildForm } from '../form.js';
import { getTenant, getProcedure, rememberTenant } from '../tenants.js';
import { acknowledgementSection } from '../request-parts.js';
import { acknowledgementBlock } from '../legal-documents.js';
import { navigate } from '../router.js';
import { uploadFile } from '../uploads.js';

// The answer to the last submission, shown by the confirmation page without a second call.
let lastSubmission = null;

export async function demarcheView({ params: [tenantId, procedureId] }) {
  const [tenant, procedure] = await Promise.all([getTenant(tenantId), getProcedure(tenantId, procedureId)]);
  const catalogue = `#/collectivites/${encodeURIComponent(tenantId)}`;
  if (!tenant || !procedure) {
    return {
      title: 'Démarche introuvable',
      content: [
        h('h1', { text: 'Démarche introuvable' }),
        h('p', {}, 'Cette démarche n’est pas ou plus proposée. ', h('a', { href: tenant ? catalogue : '#/', text: 'Voir les démarches' })),
      ],
    };
  }
  rememberTenant(tenantId);

  // One key per form fill, kept across retries so that the server creates the request only once.
  const idempotencyKey = uuid();
  const uiFields = Object.values(procedure.form?.ui?.fields ?? {});
  const household = uiFields.some((f) => f.widget === 'household')
    ? (await api('/me/household')).data.members : [];
  const builder = buildForm(procedure.form?.schema ?? {}, procedure.form?.ui ?? {}, { household, upload: uploadFile });
  const status = formStatus();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'procedure-form', 'aria-labelledby': 'procedure-title' },
    h('p', { text: 'Les champs marqués « (obligatoire) » doivent être remplis. Les autres sont facultatifs.' }),
    builder.element,
    h('p', { class: 'hint' },
      `Vos informations sont traitées par ${tenant.name} pour instruire votre demande. `,
      procedure.legalBasis ? `Cadre juridique : ${procedure.legalBasis}. ` : '',
      procedure.retentionMonths ? `Elles sont conservées ${procedure.retentionMonths} mois après la clôture de la demande. ` : '',
      procedure.dpoContact ? `Délégué à la protection des données : ${procedure.dpoContact}. ` : '',
      'Pour connaître vos droits, consultez la page ',
      h('a', { href: '/donnees-personnelles.html', text: 'Données personnelles' }), '.'),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button', text: 'Envoyer ma demande' })),
    status,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = builder.validate();
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    whileBusy(form, status, 'Envoi de votre demande en cours…', async () => {
      try {
        const { data } = await api(`/tenants/${seg(tenantId)}/requests`, {
          method: 'POST',
          headers: { 'Idempotency-Key': idempotencyKey },
          body: { procedureId: procedure.id, data: builder.collect() },
        });
        lastSubmission = { tenantId, ...data };
        navigate(`#/demandes/${encodeURIComponent(data.reference)}/confirmation`);
      } catch (error) {
        if (error.handled) return;
        const entries = error.status === 422 ? problemToErrors(form, error, builder.fieldName)
          : [{ message: error.detail || error.title }];
        showErrors(form, entries, error.status === 422 ? 'Il y a un problème' : 'Votre demande n’a pas pu être envoyée');
      }
    });
  });

  const regime = procedure.regime ?? {};
  return {
    title: procedure.title,
    content: [
      h('p', {}, h('a', { href: catalogue, text: `Démarches – ${tenant.name}` })),
      h('h1', { id: 'procedure-title', text: procedure.title }),
      procedure.description ? h('p', { text: procedure.description }) : null,
      facts([
        ['Collectivité', tenant.name],
        ['Service', procedure.service?.name],
        ['Délai de réponse', regime.label],
        procedure.fee ? ['Coût', `${(procedure.fee.amountCents / 100).toFixed(2).replace('.', ',')} € (${procedure.fee.label})`] : null,
      ].filter(Boolean)),
      procedure.requiredDocuments?.length
        ? [h('h2', { text: 'Pièces à préparer' }), h('ul', {}, procedure.requiredDocuments.map((d) => h('li', { text: d })))]
        : null,
      form,
    ],
  };
}

export async function confirmationView({ params: [reference] }) {
  let request = lastSubmission?.reference === reference ? lastSubmission : null;
  if (!request) ({ data: request } = await api(`/me/requests/${seg(reference)}`));
  const title = request.procedure?.title ?? request.procedureTitle;
  const tenantId = request.tenantId;
  return {
    title: 'Votre demande a été envoyée',
    content: [
      h('div', { class: 'panel-confirmation' },
        h('h1', { text: 'Votre demande a été envoyée' }),
        h('p', {}, 'Votre référence', h('br'), h('strong', { class: 'reference', 'data-testid': 'reference', text: request.reference }))),
      h('p', { text: 'Un e-mail de confirmation vous a été envoyé.' }),
      h('p', { text: 'Conservez votre référence : elle vous sera demandée si vous contactez le service.' }),
      facts([['Démarche', title]]),
      acknowledgementSection(request.acknowledgement)
        ?? h('p', { text: 'L’accusé de réception sera disponible dans le suivi de votre demande.' }),
      acknowledgementBlock(request.reference),
      h('h2', { text: 'Et ensuite ?' }),
      h('p', { text: 'Le service étudie votre demande. Vous serez informé par e-mail de chaque étape.' }),
      h('div', { class: 'button-group' },
        h('a', { class: 'button', href: `#/demandes/${encodeURIComponent(request.reference)}`, text: 'Suivre ma demande' }),
        h('a', { class: 'button secondary', href: '#/demandes', text: 'Mes demandes' }),
        h('button', { type: 'button', class: 'button secondary', text: 'Imprimer', onclick: () => window.print() })),
      tenantId ? h('p', {}, h('a', { href: `#/collectivites/${encodeURIComponent(tenantId)}`, text: 'Faire une autre démarche' })) : null,
    ],
  };
}
