// Portal home (choice of a tenant) and a tenant's catalogue of démarches.

import { h, announce } from '../dom.js';
import { textField } from '../fields.js';
import { getTenants, getTenant, getProcedures, rememberTenant, rememberedTenant, KIND_LABELS } from '../tenants.js';
import { REGIME_LABELS } from '../request-parts.js';

const tenantHash = (tenantId) => `#/collectivites/${encodeURIComponent(tenantId)}`;

export async function homeView() {
  const tenants = [...(await getTenants())].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const remembered = tenants.find((tenant) => tenant.id === rememberedTenant());

  const items = tenants.map((tenant) => h(
    'li',
    { class: 'card', 'data-name': normalise(tenant.name) },
    h('h2', {}, h('a', {
      class: 'stretched',
      href: tenantHash(tenant.id),
      'data-testid': `tenant-${tenant.id}`,
      text: tenant.name,
    })),
    h('p', { class: 'meta', text: [KIND_LABELS[tenant.kind] ?? tenant.kind, tenant.inseeCode && `code INSEE ${tenant.inseeCode}`]
      .filter(Boolean).join(' · ') }),
  ));
  const list = h('ul', { class: 'card-list', 'aria-labelledby': 'tenants-title' }, items);

  let search = null;
  if (tenants.length > 6) {
    search = textField({ id: 'tenant-search', label: 'Rechercher une collectivité', type: 'search',
      hint: 'Saisissez une partie du nom : la liste se met à jour.' });
    search.querySelector('input').addEventListener('input', (event) => {
      const query = normalise(event.target.value);
      let shown = 0;
      for (const item of items) {
        item.hidden = !item.dataset.name.includes(query);
        if (!item.hidden) shown += 1;
      }
      announce(shown === 1 ? '1 collectivité trouvée' : `${shown} collectivités trouvées`);
    });
  }

  return {
    title: 'Choisissez votre collectivité',
    content: [
      h('h1', { id: 'tenants-title', text: 'Choisissez votre collectivité' }),
      h('p', { text: 'Les démarches proposées dépendent de votre commune, de votre intercommunalité ou de votre département.' }),
      remembered
        ? h('p', { class: 'notice' }, 'Votre collectivité habituelle : ', h('a', { href: tenantHash(remembered.id), text: remembered.name }))
        : null,
      search,
      tenants.length ? list : h('p', { text: 'Aucune collectivité n’est encore inscrite sur la plateforme.' }),
    ],
  };
}

function normalise(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

export async function catalogueView({ params: [tenantId] }) {
  const [tenant, procedures] = await Promise.all([getTenant(tenantId), getProcedures(tenantId)]);
  if (!tenant) {
    return {
      title: 'Collectivité introuvable',
      content: [
        h('h1', { text: 'Collectivité introuvable' }),
        h('p', {}, 'Cette collectivité n’existe pas ou n’est plus inscrite. ', h('a', { href: '#/', text: 'Choisir une collectivité' })),
      ],
    };
  }
  rememberTenant(tenantId);

  const byCategory = new Map();
  for (const procedure of procedures) {
    const category = procedure.category || 'Autres démarches';
    if (!byCategory.has(category)) byCategory.set(category, []);
    byCategory.get(category).push(procedure);
  }

  const groups = [...byCategory].map(([category, items]) => h(
    'section',
    {},
    h('h2', { text: categoryTitle(category) }),
    h('ul', { class: 'card-list' }, items.map((procedure) => procedureCard(tenantId, procedure))),
  ));

  return {
    title: `Démarches – ${tenant.name}`,
    content: [
      h('h1', {}, 'Démarches en ligne', h('small', { text: tenant.name })),
      h('p', {}, h('a', { href: '#/', text: 'Changer de collectivité' })),
      groups.length ? groups : h('p', { text: 'Aucune démarche n’est proposée en ligne pour le moment.' }),
    ],
  };
}

const UNITS = { months: 'mois', weeks: 'semaines', days: 'jours' };

function procedureCard(tenantId, procedure) {
  const regime = procedure.regime ?? {};
  const regimeText = regime.label || [REGIME_LABELS[regime.kind], regime.period && `${regime.period} ${UNITS[regime.unit] ?? 'mois'}`]
    .filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'card' },
    h('h3', {}, h('a', {
      class: 'stretched',
      href: `${tenantHash(tenantId)}/demarches/${encodeURIComponent(procedure.id)}`,
      'data-testid': `procedure-${procedure.id}`,
      text: procedure.title,
    })),
    procedure.description ? h('p', { text: procedure.description }) : null,
    h('p', { class: 'meta', text: [procedure.service?.name && `Service : ${procedure.service.name}`, regimeText]
      .filter(Boolean).join(' · ') }),
  );
}

/** The headings of the catalogue's groups: the default catalogue's categories, a commune's own as written. */
const CATEGORY_TITLES = {
  'etat-civil': 'État civil',
  general: 'Demandes à la mairie',
  'petite-enfance': 'Petite enfance',
  scolaire: 'École, cantine et périscolaire',
  voirie: 'Voirie et espace public',
};

function categoryTitle(category) {
  if (CATEGORY_TITLES[category]) return CATEGORY_TITLES[category];
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
