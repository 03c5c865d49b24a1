// The back-office for agents: routes, header navigation, sign-in and access guard.

import { h, fill, setAppName } from '../dom.js';
import { api, onUnauthorized } from '../api.js';
import * as auth from '../auth.js';
import { startRouter, navigate, flash, notFoundView, currentRoute } from '../router.js';
import { signInView } from '../auth-views.js';
import { inboxView, inboxHash } from './inbox.js';
import { agentRequestView } from './request.js';
import { agendaView, agendaHash } from './agenda.js';
import { newAppointmentView, blockPeriodView } from './agenda-forms.js';
import { agentReportsView, agentReportView, reportsHash } from './reports.js';
import { filingView, filingHash } from './filing.js';
import { acknowledgementPrintView } from './acknowledgement-print.js';
import { accessLogView, accessLogHash } from './access-log.js';
import { open311KeysView, open311KeysHash } from './open311-keys.js';
import { buildersView, newDemarcheView, draftView } from './builder.js';
import { statisticsView } from './statistics.js';

setAppName('Espace agents – Plateforme Citoyens');

const SIGN_IN = '#/connexion';
const STAFF_GROUPS = ['agents', 'admins'];

let membershipsPromise = null;

/** The tenants and services of the signed-in agent, fetched once per session. */
export function getMemberships() {
  membershipsPromise ??= api('/agents/me').then(({ data }) => data.memberships ?? []);
  membershipsPromise.catch(() => {
    membershipsPromise = null;
  });
  return membershipsPromise;
}

export async function getMembership(tenantId) {
  return (await getMemberships()).find((membership) => membership.tenantId === tenantId) ?? null;
}

function noAccessView() {
  return {
    title: 'Accès réservé aux agents',
    content: [
      h('h1', { text: 'Accès réservé aux agents' }),
      h('p', { text: 'Votre compte n’a pas accès à l’espace agents. Si vous êtes agent d’une collectivité, '
        + 'demandez à son administrateur de vous y ajouter.' }),
      h('p', {}, h('a', { href: '/', text: 'Aller au portail des démarches' })),
    ],
  };
}

/** Runs the view for signed-in staff only; others go to sign-in or see why they cannot enter. */
const guarded = (view) => (ctx) => {
  if (!auth.isSignedIn()) {
    auth.setReturnTo(location.hash);
    navigate(SIGN_IN);
    return null;
  }
  const groups = auth.currentUser()?.groups ?? [];
  return groups.some((group) => STAFF_GROUPS.includes(group)) ? view(ctx) : noAccessView();
};

async function homeView() {
  const memberships = await getMemberships();
  if (memberships.length === 1) {
    // Only if the agent is still on the home page: a link followed meanwhile wins.
    if (currentRoute().path === '/') navigate(inboxHash(memberships[0].tenantId));
    return null;
  }
  return {
    title: 'Choisissez une collectivité',
    content: [
      h('h1', { text: 'Choisissez une collectivité' }),
      memberships.length
        ? h('ul', { class: 'card-list' }, memberships.map((membership) => h('li', { class: 'card' },
          h('h2', {}, h('a', {
            class: 'stretched',
            href: inboxHash(membership.tenantId),
            'data-testid': `tenant-${membership.tenantId}`,
            text: membership.tenantName,
          })),
          h('p', { class: 'meta', text: membership.role === 'admin' ? 'Administrateur' : 'Agent' }))))
        : h('p', { text: 'Vous n’êtes rattaché à aucune collectivité. Contactez votre administrateur.' }),
    ],
  };
}

/** #/agenda: the agenda of the agent's tenant, or the choice of a tenant. */
async function agendaShortcut() {
  const memberships = await getMemberships();
  if (memberships.length === 1) {
    if (currentRoute().path === '/agenda') navigate(agendaHash(memberships[0].tenantId));
    return null;
  }
  return {
    title: 'Agenda',
    content: [
      h('h1', { text: 'Agenda' }),
      memberships.length
        ? h('ul', { class: 'card-list' }, memberships.map((membership) => h('li', { class: 'card' },
          h('h2', {}, h('a', { class: 'stretched', href: agendaHash(membership.tenantId), text: membership.tenantName })))))
        : h('p', { text: 'Vous n’êtes rattaché à aucune collectivité. Contactez votre administrateur.' }),
    ],
  };
}

onUnauthorized(() => {
  auth.signOut();
  auth.setReturnTo(location.hash);
  flash('Votre session a expiré. Connectez-vous de nouveau.', 'info');
  navigate(SIGN_IN);
});

auth.onAuthChange(() => {
  membershipsPromise = null;
});

const routes = [
  { path: /^\/$/, view: guarded(homeView) },
  { path: /^\/collectivites\/([^/]+)\/demandes$/, view: guarded((ctx) => inboxView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/demandes\/([^/]+)$/, view: guarded((ctx) => agentRequestView(ctx, getMembership)) },
  { path: /^\/agenda$/, view: guarded(agendaShortcut) },
  { path: /^\/collectivites\/([^/]+)\/statistiques$/, view: guarded((ctx) => statisticsView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/agenda$/, view: guarded((ctx) => agendaView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/agenda\/rendez-vous$/, view: guarded((ctx) => newAppointmentView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/agenda\/fermeture$/, view: guarded((ctx) => blockPeriodView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/signalements$/, view: guarded((ctx) => agentReportsView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/signalements\/([^/]+)$/, view: guarded((ctx) => agentReportView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/enregistrer$/, view: guarded((ctx) => filingView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/demandes\/([^/]+)\/accuse$/, view: guarded(acknowledgementPrintView) },
  { path: /^\/collectivites\/([^/]+)\/journal-des-acces$/, view: guarded(accessLogView) },
  { path: /^\/collectivites\/([^/]+)\/cles-open311$/, view: guarded(open311KeysView) },
  { path: /^\/collectivites\/([^/]+)\/demarches$/, view: guarded((ctx) => buildersView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/demarches\/nouvelle$/, view: guarded((ctx) => newDemarcheView(ctx, getMembership)) },
  { path: /^\/collectivites\/([^/]+)\/demarches\/([^/]+)\/brouillon$/, view: guarded((ctx) => draftView(ctx, getMembership)) },
  {
    path: /^\/connexion$/,
    view: () => signInView({
      title: 'Connexion à l’espace agents',
      intro: 'Espace réservé aux agents et administrateurs des collectivités.',
      onSignedIn: () => {
        flash('Vous êtes connecté.');
        navigate(auth.takeReturnTo('#/'));
      },
    }),
  },
];

function renderNav() {
  const nav = document.getElementById('nav-list');
  const user = auth.isSignedIn() ? auth.currentUser() : null;
  const { path } = currentRoute();
  if (!user) {
    nav.replaceChildren(h('li', {}, h('a', { href: SIGN_IN, text: 'Se connecter', 'aria-current': path === '/connexion' ? 'page' : null })));
    return;
  }
  const onAgenda = /^\/(agenda|collectivites\/[^/]+\/agenda)(\/|$)/.test(path);
  const onOwnPage = /^\/collectivites\/[^/]+\/(enregistrer|journal-des-acces|cles-open311|demandes\/[^/]+\/accuse)$/.test(path);
  const onBuilder = /^\/collectivites\/[^/]+\/demarches(\/|$)/.test(path);
  const tenant = /^\/collectivites\/([^/]+)\//.exec(path)?.[1];
  const onReports = /\/signalements(\/|$)/.test(path);
  fill(nav,
    h('li', {}, h('a', { href: tenant ? `#/collectivites/${tenant}/demandes` : '#/', text: 'Demandes',
      'aria-current': path !== '/connexion' && !onAgenda && !onOwnPage && !onReports && !onBuilder ? 'page' : null,
      'data-testid': 'nav-requests' })),
    h('li', {}, h('a', { href: tenant ? `#/collectivites/${tenant}/agenda` : '#/agenda', text: 'Agenda',
      'aria-current': onAgenda ? 'page' : null, 'data-testid': 'nav-agenda' })),
    tenant ? h('li', {}, h('a', { href: reportsHash(tenant), text: 'Signalements',
      'aria-current': onReports ? 'page' : null, 'data-testid': 'nav-reports' })) : null,
    tenant ? h('li', {}, h('a', { href: filingHash(tenant), text: 'Enregistrer une demande',
      'aria-current': /\/enregistrer$/.test(path) ? 'page' : null, 'data-testid': 'nav-filing' })) : null,
    tenant && (user.groups ?? []).includes('admins') ? h('li', {}, h('a', { href: accessLogHash(tenant),
      text: 'Journal des accès', 'aria-current': /\/journal-des-acces$/.test(path) ? 'page' : null,
      'data-testid': 'nav-access-log' })) : null,
    tenant && (user.groups ?? []).includes('admins') ? h('li', {}, h('a', { href: open311KeysHash(tenant),
      text: 'Clés Open311', 'aria-current': /\/cles-open311$/.test(path) ? 'page' : null,
      'data-testid': 'nav-open311-keys' })) : null,
    tenant && (user.groups ?? []).includes('admins') ? h('li', {}, h('a', { href: `#/collectivites/${tenant}/demarches`,
      text: 'Démarches', 'aria-current': onBuilder ? 'page' : null, 'data-testid': 'nav-builder' })) : null,
    h('li', { class: 'user-name' }, h('span', { class: 'visually-hidden', text: 'Connecté : ' }), user.name),
    h('li', {}, h('button', {
      type: 'button',
      class: 'link-button',
      'data-testid': 'sign-out',
      text: 'Se déconnecter',
      onclick: () => {
        auth.signOut();
        flash('Vous êtes déconnecté.');
        navigate(SIGN_IN);
      },
    })),
  );
}

auth.onAuthChange(renderNav);
startRouter({ routes, notFound: () => notFoundView('#/'), onRender: renderNav });
