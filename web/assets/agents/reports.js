// The agents' reports: the list of their services' reports with filters (open or closed, status,
// category, age), and one report with its photos, its assignment, a change of status with a public note
// and its escalation into a formal request.

import { h, fill, dateTime, notice, focusElement } from '../dom.js';
import { api, seg } from '../api.js';
import { showErrors, clearErrors, problemToErrors, whileBusy, formStatus, textField } from '../fields.js';
import { navigate } from '../router.js';
import { REPORT_STATUS_LABELS, reportBadge, reportFacts, reportTimeline, reportPhotos } from '../report-parts.js';

const enc = encodeURIComponent;

export function reportsHash(tenantId, search = new URLSearchParams()) {
  const text = search.toString();
  return `#/collectivites/${enc(tenantId)}/signalements${text ? `?${text}` : ''}`;
}

function select(id, label, options, value) {
  return h('div', { class: 'field', 'data-field': id },
    h('label', { for: id, text: label }),
    h('select', { id, name: id }, options.map(([v, text]) => h('option', { value: v, text, selected: v === value }))));
}

function noAccess() {
  return {
    title: 'Collectivité non accessible',
    content: [h('h1', { text: 'Collectivité non accessible' }),
      h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' }))],
  };
}

export async function agentReportsView({ params: [tenantId], query }, getMembership) {
  if (!(await getMembership(tenantId))) return noAccess();
  const [{ data: categories }] = await Promise.all([api(`/tenants/${seg(tenantId)}/report-categories`, { auth: false })]);
  const state = query.get('etat') === 'clos' ? 'closed' : 'open';
  const search = new URLSearchParams({ state });
  for (const [from, to] of [['statut', 'status'], ['categorie', 'category'], ['anciennete', 'olderThanDays']]) {
    if (query.get(from)) search.set(to, query.get(from));
  }
  const { data } = await api(`/tenants/${seg(tenantId)}/agent-reports?${search}`);
  const statuses = Object.entries(REPORT_STATUS_LABELS)
    .filter(([code]) => (state === 'open') === ['new', 'acknowledged', 'in_progress'].includes(code));
  const filters = h('form', { class: 'filters', 'data-testid': 'report-filters' },
    select('etat', 'Signalements', [['ouverts', 'En cours'], ['clos', 'Clos']], state === 'closed' ? 'clos' : 'ouverts'),
    select('statut', 'Statut', [['', 'Tous'], ...statuses], query.get('statut') ?? ''),
    select('categorie', 'Catégorie', [['', 'Toutes'], ...categories.items.map((c) => [c.code, c.name])],
      query.get('categorie') ?? ''),
    select('anciennete', 'Ancienneté', [['', 'Toutes'], ['2', 'Plus de 2 jours'], ['7', 'Plus de 7 jours'],
      ['30', 'Plus de 30 jours']], query.get('anciennete') ?? ''),
    h('button', { type: 'submit', class: 'button secondary', text: 'Filtrer' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of ['etat', 'statut', 'categorie', 'anciennete']) {
      const value = filters.querySelector(`#${name}`).value;
      if (value && !(name === 'etat' && value === 'ouverts')) next.set(name, value);
    }
    if (next.get('etat') === 'clos' && ['new', 'acknowledged', 'in_progress'].includes(next.get('statut'))) next.delete('statut');
    navigate(reportsHash(tenantId, next));
  });
  const rows = data.items.map((r) => h('tr', {},
    h('th', { scope: 'row', class: 'nowrap' }, h('a', { href: `${reportsHash(tenantId)}/${enc(r.id)}`,
      'data-testid': `agent-report-${r.id}`, text: r.id })),
    h('td', { text: r.category?.name ?? '' }),
    h('td', { text: r.location?.address || `${r.location.lat}, ${r.location.long}` }),
    h('td', { class: 'nowrap' }, dateTime(r.createdAt, { short: true })),
    h('td', { text: r.assigneeName ?? '—' }),
    h('td', {}, reportBadge(r.status))));
  return {
    title: 'Signalements',
    content: [
      h('h1', { text: 'Signalements' }),
      filters,
      rows.length
        ? h('div', { class: 'table-wrapper' }, h('table', { 'data-testid': 'agent-reports' },
          h('caption', { text: state === 'open' ? 'Signalements en cours, les plus récents d’abord' : 'Signalements clos' }),
          h('thead', {}, h('tr', {}, ['Numéro', 'Catégorie', 'Lieu', 'Reçu le', 'Attribué à', 'Statut']
            .map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, rows)))
        : h('p', { text: 'Aucun signalement ne correspond à ces filtres.' }),
    ],
  };
}

export async function agentReportView({ params: [tenantId, id] }, getMembership) {
  if (!(await getMembership(tenantId))) return noAccess();
  const path = `/tenants/${seg(tenantId)}/agent-reports/${seg(id)}`;
  let { data: report, etag } = await api(path);
  const body = h('div');
  const messages = h('div');

  async function act(form, status, message, work) {
    await whileBusy(form, status, message, async () => {
      clearErrors(form);
      try {
        ({ data: report, etag } = await work());
        render(notice('Le signalement a été mis à jour.', 'success'));
      } catch (error) {
        if (error.handled) return;
        if (error.status === 412) {
          fill(messages, notice('Ce signalement a été modifié par ailleurs. Rechargez la page.', 'error'));
          focusElement(messages.firstChild);
          return;
        }
        showErrors(form, problemToErrors(form, error));
      }
    });
  }

  function statusForm() {
    if (!report.next.length) return null;
    const status = formStatus();
    const form = h('form', { novalidate: true, 'data-testid': 'status-form' },
      h('h2', { text: 'Changer le statut' }),
      h('div', { class: 'field', 'data-field': 'to' }, h('label', { for: 'to', text: 'Nouveau statut' }),
        h('select', { id: 'to', name: 'to' }, report.next.map((code) => h('option', { value: code,
          text: REPORT_STATUS_LABELS[code] ?? code })))),
      textField({ id: 'note', label: 'Message public', multiline: true, maxLength: 2000,
        hint: 'Envoyé par e-mail à la personne et affiché sur la liste publique. Obligatoire pour un rejet.' }),
      h('button', { type: 'submit', class: 'button', 'data-testid': 'change-status', text: 'Enregistrer' }), status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(form, status, 'Enregistrement…', () => api(`${path}/status`, { method: 'POST', headers: { 'If-Match': etag },
        body: { to: form.querySelector('#to').value, note: form.querySelector('#note').value } }));
    });
    return form;
  }

  function actions() {
    const status = formStatus();
    const form = h('form', { 'data-testid': 'report-actions' },
      h('div', { class: 'button-group' },
        h('button', { type: 'submit', class: 'button secondary', 'data-testid': 'assign-to-me',
          text: 'Me l’attribuer', name: 'assign' }),
        report.requestReference ? null : h('button', { type: 'button', class: 'button secondary',
          'data-testid': 'escalate', text: 'Transformer en demande' })), status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(form, status, 'Attribution…', () => api(`${path}/assignment`, { method: 'POST', headers: { 'If-Match': etag },
        body: {} }));
    });
    form.querySelector('[data-testid=escalate]')?.addEventListener('click', () => {
      act(form, status, 'Création de la demande…', () => api(`${path}/escalation`, { method: 'POST', body: {} }));
    });
    return form;
  }

  function render(message = null) {
    fill(body, message,
      reportFacts(report, [
        ['Signalé par', [report.reporter?.name || 'Anonyme', report.reporter?.email ? ` (${report.reporter.email})` : '']],
        ['Canal', report.channel === 'open311' ? 'Application (Open311)' : 'Portail'],
        ['Attribué à', report.assignee?.name ?? 'Personne'],
        ['Demande liée', report.requestReference
          ? h('a', { href: `#/collectivites/${enc(tenantId)}/demandes/${enc(report.requestReference)}`,
            'data-testid': 'linked-request', text: report.requestReference }) : null],
      ]),
      h('section', { 'aria-labelledby': 'photos-title' }, h('h2', { id: 'photos-title', text: 'Photos' }),
        reportPhotos(report.photos)),
      messages, actions(), statusForm(), reportTimeline(report.history));
    if (message) focusElement(message);
  }
  render();
  return {
    title: `Signalement ${report.id}`,
    content: [
      h('p', {}, h('a', { href: reportsHash(tenantId), text: 'Retour aux signalements' })),
      h('h1', { text: `Signalement ${report.id}` }),
      body,
    ],
  };
}

