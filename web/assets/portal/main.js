// The citizens' portal: routes, header navigation and the sign-in guard.

import { h, fill } from '../dom.js';
import { onUnauthorized } from '../api.js';
import * as auth from '../auth.js';
import { startRouter, navigate, flash, notFoundView, currentRoute } from '../router.js';
import { signInView, signUpView, confirmView } from '../auth-views.js';
import { rememberedTenant } from '../tenants.js';
import { homeView, catalogueView } from './catalogue.js';
import { demarcheView, confirmationView } from './demarche.js';
import { myRequestsView, requestDetailView } from './requests.js';
import { correctionView } from './correction.js';
import { servicesView, serviceView, confirmAppointmentView } from './appointments.js';
import { roomsView, roomView } from './rooms.js';
import { myBookingsView, bookingView } from './my-bookings.js';
import { reportFormView, myReportsView, reportDetailView, openReportsView } from './reports.js';
import { householdView } from './household.js';

const SIGN_IN = '#/connexion';

function homeHash() {
  const tenantId = rememberedTenant();
  return tenantId ? `#/collectivites/${encodeURIComponent(tenantId)}` : '#/';
}

function afterSignIn() {
  navigate(auth.takeReturnTo(homeHash()));
}

/** Sends a signed-out visitor to sign-in, then back here. Returns true when it redirected. */
function needsSignIn() {
  if (auth.isSignedIn()) return false;
  auth.setReturnTo(location.hash);
  flash('Connectez-vous ou créez un compte pour continuer.', 'info');
  navigate(SIGN_IN);
  return true;
}

/** #/demarches: the catalogue of the remembered tenant, or the choice of a tenant. */
function demarchesShortcut() {
  const target = homeHash();
  if (target === '#/') return homeView();
  navigate(target);
  return null;
}

const guarded = (view) => (ctx) => (needsSignIn() ? null : view(ctx));

onUnauthorized(() => {
  auth.signOut();
  auth.setReturnTo(location.hash);
  flash('Votre session a expiré. Connectez-vous de nouveau.', 'info');
  navigate(SIGN_IN);
});

const routes = [
  { path: /^\/$/, view: homeView },
  { path: /^\/demarches$/, view: demarchesShortcut },
  { path: /^\/collectivites\/([^/]+)$/, view: catalogueView },
  { path: /^\/collectivites\/([^/]+)\/demarches\/([^/]+)$/, view: guarded(demarcheView) },
  { path: /^\/demandes$/, view: guarded(myRequestsView) },
  { path: /^\/demandes\/([^/]+)$/, view: guarded(requestDetailView) },
  { path: /^\/demandes\/([^/]+)\/confirmation$/, view: guarded(confirmationView) },
  { path: /^\/demandes\/([^/]+)\/completer$/, view: guarded(correctionView) },
  { path: /^\/rendez-vous$/, view: servicesView },
  { path: /^\/rendez-vous\/([^/]+)$/, view: serviceView },
  { path: /^\/rendez-vous\/([^/]+)\/confirmation$/, view: guarded(confirmAppointmentView) },
  { path: /^\/salles$/, view: roomsView },
  { path: /^\/salles\/([^/]+)$/, view: guarded(roomView) },
  { path: /^\/reservations$/, view: guarded(myBookingsView) },
  { path: /^\/foyer$/, view: guarded(householdView) },
  { path: /^\/reservations\/([^/]+)\/([^/]+)$/, view: guarded(bookingView) },
  { path: /^\/signaler$/, view: guarded(reportFormView) },
  { path: /^\/signalements$/, view: guarded(myReportsView) },
  { path: /^\/signalements\/([^/]+)$/, view: guarded(reportDetailView) },
  { path: /^\/signalements-ouverts$/, view: openReportsView },
  {
    path: /^\/connexion$/,
    view: () => signInView({
      intro: 'Connectez-vous pour faire vos démarches et suivre vos demandes.',
      signUpHash: '#/inscription',
      confirmHash: '#/inscription/code',
      onSignedIn: () => {
        flash('Vous êtes connecté.');
        afterSignIn();
      },
    }),
  },
  { path: /^\/inscription$/, view: () => signUpView({ signInHash: SIGN_IN, confirmHash: '#/inscription/code' }) },
  { path: /^\/inscription\/code$/, view: () => confirmView({ signInHash: SIGN_IN, onSignedIn: afterSignIn }) },
];

// ------------------------------------------------------------------ header navigation

function renderNav() {
  const nav = document.getElementById('nav-list');
  const user = auth.isSignedIn() ? auth.currentUser() : null;
  const { path } = currentRoute();
  const link = (href, text, current, testid) => h('li', {}, h('a', {
    href,
    text,
    'aria-current': current ? 'page' : null,
    'data-testid': testid,
  }));
  fill(
    nav,
    link(homeHash(), 'Démarches', path === '/' || path.startsWith('/collectivites'), 'nav-demarches'),
    link('#/rendez-vous', 'Rendez-vous', path.startsWith('/rendez-vous'), 'nav-appointments'),
    link('#/salles', 'Réserver une salle', path.startsWith('/salles'), 'nav-rooms'),
    link('#/demandes', 'Mes demandes', path.startsWith('/demandes'), 'nav-requests'),
    link('#/reservations', 'Mes réservations', path.startsWith('/reservations'), 'nav-bookings'),
    link('#/signaler', 'Signaler un problème', path === '/signaler', 'nav-report'),
    link('#/signalements', 'Mes signalements', /^\/signalements(\/|$)/.test(path), 'nav-reports'),
    link('#/foyer', 'Mon foyer', path === '/foyer', 'nav-household'),
    user
      ? [
        h('li', { class: 'user-name' }, h('span', { class: 'visually-hidden', text: 'Connecté : ' }), user.name),
        h('li', {}, h('button', {
          type: 'button',
          class: 'link-button',
          'data-testid': 'sign-out',
          text: 'Se déconnecter',
          onclick: () => {
            auth.signOut();
            flash('Vous êtes déconnecté.');
            navigate('#/');
          },
        })),
      ]
      : link(SIGN_IN, 'Se connecter', path === '/connexion', 'sign-in-link'),
  );
}

auth.onAuthChange(renderNav);
startRouter({ routes, notFound: () => notFoundView('#/'), onRender: renderNav });
