// Hash routing (#/path?query) so that deep links work on static hosting.

import { h, setTitle, focusElement, loading, notice } from './dom.js';
import { ApiError } from './api.js';

let flashMessage = null;

/** Queues a message for the next view (e.g. « Vous êtes déconnecté. »). */
export function flash(message, kind = 'success') {
  flashMessage = { message, kind };
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** The current route as { path, query } from the location hash. */
export function currentRoute() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search = ''] = raw.split('?');
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(search) };
}

/**
 * Starts the router. routes: [{ path: RegExp, view: async (ctx) => ({ title, content }) }].
 * ctx: { params (decoded groups), query, route }. A view may return null after redirecting.
 * The router swaps the content into <main>, sets the title, shows the flash message and moves
 * focus to the h1 after in-app navigation (not on the first load, so the skip link comes first).
 */
export function startRouter({ routes, notFound, onRender = () => {} }) {
  const main = document.getElementById('main');
  let renderCount = 0;
  let firstLoad = true;

  async function render() {
    if (location.hash && !location.hash.startsWith('#/')) return; // an in-page anchor, not a route
    const token = ++renderCount;
    const route = currentRoute();
    let match = null;
    const entry = routes.find((r) => (match = r.path.exec(route.path)));
    const params = match ? match.slice(1).map((part) => decodeURIComponent(part ?? '')) : [];
    main.setAttribute('aria-busy', 'true');
    const slowTimer = setTimeout(() => {
      if (token === renderCount) main.replaceChildren(loading());
    }, 150);
    let result;
    try {
      result = await (entry ? entry.view({ params, query: route.query, route }) : notFound());
    } catch (error) {
      if (error?.handled) return;
      result = errorView(error);
    } finally {
      clearTimeout(slowTimer);
    }
    if (token !== renderCount || !result) return;
    main.removeAttribute('aria-busy');
    const content = h('div', { class: 'view' }, result.content);
    if (flashMessage) {
      content.prepend(notice(flashMessage.message, flashMessage.kind));
      flashMessage = null;
    }
    main.replaceChildren(content);
    setTitle(result.title);
    onRender(route);
    if (!firstLoad) {
      window.scrollTo(0, 0);
      focusElement(main.querySelector('.notice') ?? main.querySelector('h1'));
    }
    firstLoad = false;
  }

  window.addEventListener('hashchange', render);
  // The skip link must move focus without changing the route.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    focusElement(main);
  });
  render();
}

/** The view shown when loading a view failed. */
export function errorView(error) {
  let message = 'Une erreur inattendue est survenue. Réessayez dans quelques instants.';
  if (error instanceof ApiError) message = error.detail || error.title;
  else console.error(error);
  return {
    title: 'Une erreur est survenue',
    content: [
      h('h1', { text: 'Une erreur est survenue' }),
      notice(message, 'error'),
      h('p', {}, h('button', {
        type: 'button',
        class: 'button secondary',
        text: 'Réessayer',
        onclick: () => navigate(location.hash || '#/'),
      })),
    ],
  };
}

export function notFoundView(homeHash = '#/') {
  return {
    title: 'Page introuvable',
    content: [
      h('h1', { text: 'Page introuvable' }),
      h('p', { text: 'L’adresse saisie ne correspond à aucune page. Vérifiez-la ou revenez à l’accueil.' }),
      h('p', {}, h('a', { href: homeHash, text: 'Revenir à l’accueil' })),
    ],
  };
}
