// « Attribution » on a request's page: take the request, or give it back to the service.

import { h, notice, focusElement } from '../dom.js';
import { api } from '../api.js';
import * as auth from '../auth.js';

/**
 * The assignment of an open request, with one button. `current()` gives { request, etag } as last read;
 * `changed(result, message)` is called with the API's answer once the assignment is stored.
 */
export function assignmentSection(path, current, changed) {
  const { request } = current();
  if (['accepted', 'rejected', 'closed', 'implicitly_accepted', 'implicitly_rejected'].includes(request.status)) {
    return null;
  }
  const me = auth.currentUser()?.sub ?? '';
  const mine = request.assigneeId && request.assigneeId === me;
  const who = !request.assigneeId ? 'Personne ne traite encore cette demande.'
    : (mine ? 'Vous traitez cette demande.' : 'Un autre agent traite cette demande.');
  const messages = h('div');
  const button = h('button', {
    type: 'button',
    class: 'button secondary',
    'data-testid': mine ? 'unassign' : 'assign-me',
    text: mine ? 'Ne plus la traiter' : 'M’attribuer la demande',
  });
  button.addEventListener('click', async () => {
    messages.replaceChildren();
    button.disabled = true;
    try {
      const result = await api(`${path}/assignee`, {
        method: 'PUT',
        headers: current().etag ? { 'If-Match': current().etag } : {},
        body: { assigneeId: mine ? null : 'me' },
      });
      changed(result, notice(mine ? 'La demande n’est plus attribuée.' : 'La demande vous est attribuée.', 'success'));
    } catch (error) {
      button.disabled = false;
      if (!error.handled) {
        messages.replaceChildren(notice(error.detail || error.title, 'error'));
        focusElement(messages.querySelector('.notice'));
      }
    }
  });
  return h('section', { 'aria-labelledby': 'assignment-title' },
    h('h2', { id: 'assignment-title', text: 'Attribution' }),
    h('p', { 'data-testid': 'assignment', text: who }),
    h('div', { class: 'button-group' }, button),
    messages);
}
