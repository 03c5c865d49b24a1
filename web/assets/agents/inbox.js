// The agent's inbox: a service's requests with filters, sort and search, the ones due soon first,
// row selection with bulk actions, and the CSV export of the view.

import { h, dateTime, formatDay, statusBadge, announce, notice } from '../dom.js';
import { api, apiBlob, seg } from '../api.js';
import * as auth from '../auth.js';
import { navigate } from '../router.js';

const enc = encodeURIComponent;

/** The inbox route; `search` (URLSearchParams) keeps the filters, in French (see FILTERS). */
export function inboxHash(tenantId, search = new URLSearchParams()) {
  const text = search.toString();
  return `#/collectivites/${enc(tenantId)}/demandes${text ? `?${text}` : ''}`;
}

export const CHANNEL_LABELS = {
  web: 'En ligne',
  counter: 'Guichet',
  phone: 'Téléphone',
  post: 'Courrier',
  email: 'Courriel',
};

const OPEN_STATUSES = [['submitted', 'Déposée'], ['in_progress', 'En cours de traitement'], ['incomplete', 'Incomplète']];
const DONE_STATUSES = [['accepted', 'Acceptée'], ['rejected', 'Refusée'], ['closed', 'Clôturée'],
  ['implicitly_accepted', 'Acceptée (décision implicite)'], ['implicitly_rejected', 'Refusée (décision implicite)']];

/** The filters: hash parameter (French) → API parameter, with their choices. */
const FILTERS = {
  statut: 'status',
  demarche: 'procedure',
  canal: 'channel',
  echeance: 'due',
  attribution: 'assignee',
  tri: 'sort',
  q: 'q',
};

/** The API query of the view the hash describes (without cursor). */
function apiQuery(query, done) {
  const search = new URLSearchParams();
  if (query.get('service')) search.set('service', query.get('service'));
  if (done) search.set('state', 'done');
  for (const [french, name] of Object.entries(FILTERS)) {
    const value = query.get(french);
    if (value) search.set(name, value);
  }
  return search;
}

function deadlineCell(item) {
  if (!item.implicitDecisionDate) return h('td', { text: '—' });
  return h('td', { class: item.dueSoon ? 'deadline-soon' : null },
    formatDay(item.implicitDecisionDate),
    item.dueSoon ? [' ', h('span', { class: 'badge due-soon', 'data-testid': 'due-soon', text: 'Échéance proche' })] : null);
}

function assigneeText(item, me) {
  if (!item.assigneeId) return '—';
  return item.assigneeId === me ? 'Moi' : 'Un autre agent';
}

function row(tenantId, item, search, me, selection) {
  const filters = search.toString();
  let choose = h('td');
  if (selection) {
    const box = h('input', {
      type: 'checkbox',
      id: `select-${item.reference}`,
      'data-testid': `select-${item.reference}`,
      checked: selection.has(item.reference),
    });
    box.addEventListener('change', () => {
      if (box.checked) selection.set(item.reference, item.etag);
      else selection.delete(item.reference);
      selection.onChange();
    });
    choose = h('td', {}, box, h('label', { for: box.id, class: 'visually-hidden',
      text: `Sélectionner la demande ${item.reference}` }));
  }
  return h(
    'tr',
    { 'data-reference': item.reference },
    choose,
    h('th', { scope: 'row', class: 'nowrap' }, h('a', {
      href: `#/collectivites/${enc(tenantId)}/demandes/${enc(item.reference)}${filters ? `?${filters}` : ''}`,
      'data-testid': `request-${item.reference}`,
      text: item.reference,
    })),
    h('td', { text: item.procedureTitle }),
    h('td', { text: item.citizenName }),
    h('td', { class: 'nowrap' }, dateTime(item.receivedAt, { short: true })),
    deadlineCell(item),
    h('td', { text: CHANNEL_LABELS[item.channel] ?? item.channel ?? '' }),
    h('td', { 'data-testid': 'assignee', text: assigneeText(item, me) }),
    h('td', {}, statusBadge(item.status)),
  );
}

function select(id, label, choices, value) {
  // A value the choices lack (a démarche no longer published, say) stays chosen rather than dropped.
  const options = value && !choices.some(([v]) => v === value) ? [...choices, [value, value]] : choices;
  const el = h('select', { id, name: id },
    options.map(([v, text]) => h('option', { value: v, text, selected: v === (value ?? '') })));
  return [h('div', { class: 'field' }, h('label', { for: id, text: label }), el), el];
}

async function procedureOptions(tenantId) {
  try {
    const { data } = await api(`/tenants/${seg(tenantId)}/procedures`, { auth: false });
    return (data.items ?? []).map((p) => [p.id, p.title]);
  } catch {
    return [];
  }
}

/** The table of a view, with its header; rows are added by the caller. */
function inboxTable(id, caption, tbody, selectAll) {
  return h('table', { 'data-testid': id },
    h('caption', { id: `${id}-caption` }, caption),
    h('thead', {}, h('tr', {},
      h('td', {}, selectAll ?? null),
      ['Référence', 'Démarche', 'Demandeur', 'Reçue le', 'Décision implicite le', 'Canal', 'Attribuée à', 'Statut']
        .map((label) => h('th', { scope: 'col', text: label })))),
    tbody);
}

export async function inboxView({ params: [tenantId], query }, getMembership) {
  const membership = await getMembership(tenantId);
  if (!membership) {
    return {
      title: 'Collectivité non accessible',
      content: [
        h('h1', { text: 'Collectivité non accessible' }),
        h('p', {}, 'Vous n’êtes pas rattaché à cette collectivité. ', h('a', { href: '#/', text: 'Revenir à l’accueil' })),
      ],
    };
  }
  const me = auth.currentUser()?.sub ?? '';
  const services = membership.services ?? [];
  const done = query.get('etat') === 'traitees';
  const viewQuery = apiQuery(query, done);
  const pageUrl = (cursor, extra = viewQuery) => {
    const search = new URLSearchParams(extra);
    if (cursor) search.set('cursor', cursor);
    return `/tenants/${seg(tenantId)}/inbox?${search}`;
  };
  const filtered = Object.keys(FILTERS).some((k) => query.get(k));
  const [{ data }, procedures] = await Promise.all([api(pageUrl()), procedureOptions(tenantId)]);
  let cursor = data.nextCursor;
  const serviceId = query.get('service') || data.serviceId || services[0]?.id || '';
  const service = services.find((s) => s.id === serviceId);

  // ------------------------------------------------------------------ filter bar
  const [serviceField, serviceSelect] = select('service', 'Service', services.map((s) => [s.id, s.name]), serviceId);
  const [stateField, stateSelect] = select('etat', 'Demandes', [['', 'À traiter'], ['traitees', 'Traitées']],
    done ? 'traitees' : '');
  const [statusField, statusSelect] = select('statut', 'Statut',
    [['', 'Tous'], ...(done ? DONE_STATUSES : OPEN_STATUSES)], query.get('statut'));
  const [procedureField, procedureSelect] = select('demarche', 'Démarche', [['', 'Toutes'], ...procedures],
    query.get('demarche'));
  const [channelField, channelSelect] = select('canal', 'Canal',
    [['', 'Tous'], ...['web', 'counter', 'phone', 'post'].map((c) => [c, CHANNEL_LABELS[c]])], query.get('canal'));
  const [dueField, dueSelect] = select('echeance', 'Décision implicite',
    [['', 'Toutes échéances'], ['7', 'Sous 7 jours'], ['15', 'Sous 15 jours'], ['30', 'Sous 30 jours']],
    query.get('echeance'));
  const [assigneeField, assigneeSelect] = select('attribution', 'Attribution',
    [['', 'Toutes'], ['me', 'Attribuées à moi'], ['unassigned', 'Non attribuées']], query.get('attribution'));
  const [sortField, sortSelect] = select('tri', 'Trier par', [
    ['', done ? 'Les plus récentes d’abord' : 'Les plus anciennes d’abord'],
    [done ? 'received' : '-received', done ? 'Les plus anciennes d’abord' : 'Les plus récentes d’abord'],
    ...(done ? [] : [['due', 'Échéance la plus proche']])], query.get('tri'));
  const searchInput = h('input', { type: 'search', id: 'recherche', name: 'q', value: query.get('q') ?? '',
    autocomplete: 'off', 'aria-describedby': 'recherche-hint' });
  const searchField = h('div', { class: 'field' },
    h('label', { for: 'recherche', text: 'Rechercher' }),
    h('p', { id: 'recherche-hint', class: 'hint', text: 'Une référence (par exemple 2026-K7Q4-M2XH) ou le début du nom de famille.' }),
    searchInput);
  if (done) dueField.hidden = true;
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer les demandes' },
    services.length > 1 ? serviceField : null, stateField, statusField, procedureField, channelField, dueField,
    assigneeField, sortField, searchField,
    h('button', { type: 'submit', class: 'button secondary', 'data-testid': 'apply-filters', text: 'Afficher' }));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (services.length > 1) search.set('service', serviceSelect.value);
    if (stateSelect.value) search.set('etat', stateSelect.value);
    const stateChanged = (stateSelect.value === 'traitees') !== done;
    const values = { statut: stateChanged ? '' : statusSelect.value, demarche: procedureSelect.value,
      canal: channelSelect.value, echeance: stateSelect.value ? '' : dueSelect.value,
      attribution: assigneeSelect.value, tri: stateChanged ? '' : sortSelect.value, q: searchInput.value.trim() };
    for (const [k, v] of Object.entries(values)) if (v) search.set(k, v);
    navigate(inboxHash(tenantId, search));
  });

  // ------------------------------------------------------------------ selection and bulk actions
  const selection = new Map();
  const selectedCount = h('p', { id: 'selection-count', 'aria-live': 'polite', text: 'Aucune demande sélectionnée.' });
  const messages = h('div');
  const bulkButtons = [];
  selection.onChange = () => {
    const n = selection.size;
    selectedCount.textContent = n ? `${n} demande${n > 1 ? 's' : ''} sélectionnée${n > 1 ? 's' : ''}.`
      : 'Aucune demande sélectionnée.';
    bulkButtons.forEach((b) => { b.disabled = n === 0; });
  };
  const runBulk = async (path, body, doneText) => {
    const items = [...selection].map(([reference, etag]) => ({ reference, etag }));
    messages.replaceChildren();
    try {
      const { data: outcome } = await api(`/tenants/${seg(tenantId)}/bulk/${path}`, { method: 'POST', body: { ...body, items } });
      const refused = outcome.results.filter((r) => r.status !== 200);
      const lines = refused.map((r) => h('li', { text: `${r.reference} : ${r.problem?.detail || r.problem?.title || 'refusée'}` }));
      const summary = `${outcome.applied} demande${outcome.applied > 1 ? 's' : ''} ${doneText}`
        + (refused.length ? `, ${refused.length} non modifiée${refused.length > 1 ? 's' : ''} :` : '.');
      reloadRows(notice(summary, refused.length ? 'error' : 'success', lines.length ? h('ul', {}, lines) : null));
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    }
  };
  const bulkAssign = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'bulk-assign-me',
    text: 'Me les attribuer', disabled: true });
  bulkAssign.addEventListener('click', () => runBulk('assignments', { assigneeId: 'me' }, 'attribuée(s) à vous'));
  const bulkUnassign = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'bulk-unassign',
    text: 'Retirer l’attribution', disabled: true });
  bulkUnassign.addEventListener('click', () => runBulk('assignments', { assigneeId: null }, 'sans attribution'));
  const bulkTake = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'bulk-in-progress',
    text: 'Passer en cours de traitement', disabled: true });
  bulkTake.addEventListener('click', () => runBulk('transitions', { to: 'in_progress' }, 'passée(s) en cours de traitement'));
  bulkButtons.push(bulkAssign, bulkUnassign, bulkTake);
  const bulkBar = done ? null : h('div', { class: 'bulk-actions', role: 'group', 'aria-labelledby': 'bulk-title' },
    h('h2', { id: 'bulk-title', class: 'visually-hidden', text: 'Actions sur la sélection' }),
    selectedCount, h('div', { class: 'button-group' }, bulkAssign, bulkUnassign, bulkTake));

  // ------------------------------------------------------------------ the list
  const selectAll = h('input', { type: 'checkbox', id: 'select-all', 'data-testid': 'select-all' });
  const tbody = h('tbody', {}, (data.items ?? []).map((item) => row(tenantId, item, query, me, selection)));
  selectAll.addEventListener('change', () => {
    tbody.querySelectorAll('input[type=checkbox]').forEach((box) => {
      if (box.checked !== selectAll.checked) {
        box.checked = selectAll.checked;
        box.dispatchEvent(new Event('change'));
      }
    });
  });
  const caption = `${done ? 'Demandes traitées' : 'Demandes à traiter'}${service ? ` – ${service.name}` : ''}`;
  const table = inboxTable('inbox', caption, tbody,
    done ? null : [selectAll, h('label', { for: 'select-all', class: 'visually-hidden', text: 'Tout sélectionner' })]);
  const empty = h('p', { text: filtered ? 'Aucune demande ne correspond à ces critères.'
    : (done ? 'Aucune demande traitée pour le moment.' : 'Aucune demande à traiter pour le moment.') });
  const wrapper = h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': 'inbox-caption', tabindex: '0' }, table);
  const showList = () => {
    const rows = tbody.children.length;
    wrapper.hidden = rows === 0;
    empty.hidden = rows > 0 || Boolean(cursor);
  };
  showList();

  const more = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'load-more', text: 'Charger plus' });
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    messages.replaceChildren();
    try {
      const { data: page } = await api(pageUrl(cursor));
      const rows = (page.items ?? []).map((item) => row(tenantId, item, query, me, selection));
      tbody.append(...rows);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      showList();
      (rows[0]?.querySelector('a') ?? more).focus();
      announce(`${rows.length} demande${rows.length > 1 ? 's' : ''} de plus affichée${rows.length > 1 ? 's' : ''}.`);
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    } finally {
      more.removeAttribute('aria-disabled');
    }
  });

  async function reloadRows(message) {
    const { data: fresh } = await api(pageUrl());
    selection.clear();
    selection.onChange();
    selectAll.checked = false;
    tbody.replaceChildren(...(fresh.items ?? []).map((item) => row(tenantId, item, query, me, selection)));
    cursor = fresh.nextCursor;
    more.hidden = !cursor;
    showList();
    messages.replaceChildren(message);
    messages.querySelector('.notice')?.setAttribute('tabindex', '-1');
    messages.querySelector('.notice')?.focus();
  }

  // ------------------------------------------------------------------ CSV export
  const exportButton = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'export-csv',
    text: 'Exporter la liste (CSV)' });
  exportButton.addEventListener('click', async () => {
    messages.replaceChildren();
    try {
      const blob = await apiBlob(`/tenants/${seg(tenantId)}/inbox/export?${viewQuery}`, 'text/csv');
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: `demandes-${tenantId}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce('Le fichier CSV est téléchargé.');
    } catch (error) {
      if (!error.handled) messages.replaceChildren(notice(error.detail || error.title, 'error'));
    }
  });

  // ------------------------------------------------------------------ due within 7 days, first
  let priority = null;
  if (!done && !filtered) {
    const dueQuery = new URLSearchParams({ due: '7', sort: 'due', limit: '10' });
    if (query.get('service')) dueQuery.set('service', query.get('service'));
    const { data: due } = await api(`/tenants/${seg(tenantId)}/inbox?${dueQuery}`);
    if ((due.items ?? []).length) {
      const dueBody = h('tbody', {}, due.items.map((item) => row(tenantId, item, query, me, null)));
      const dueSearch = new URLSearchParams(query);
      dueSearch.set('echeance', '7');
      dueSearch.set('tri', 'due');
      priority = h('section', { class: 'due-first', 'aria-labelledby': 'due-caption' },
        h('div', { class: 'table-wrapper', role: 'region', 'aria-labelledby': 'due-caption', tabindex: '0' },
          inboxTable('due-soon-list', 'Décision implicite dans les 7 jours', dueBody)),
        due.nextCursor ? h('p', {}, h('a', { href: inboxHash(tenantId, dueSearch), text: 'Voir toutes les demandes dont l’échéance est proche' })) : null);
    }
  }

  return {
    title: `Demandes à traiter – ${membership.tenantName}`,
    content: [
      h('h1', {}, 'Demandes à traiter', h('small', { text: membership.tenantName })),
      h('p', {}, h('a', { href: `#/collectivites/${enc(tenantId)}/statistiques`, 'data-testid': 'statistics-link', text: 'Statistiques de la collectivité' })),
      filters,
      priority,
      bulkBar,
      messages,
      wrapper,
      empty,
      h('div', { class: 'button-group' }, more, exportButton),
    ],
  };
}
