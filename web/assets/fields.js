// Accessible form building blocks: labelled fields with hints, field errors and the error summary.

import { h, markTitleError, focusElement } from './dom.js';

export const REQUIRED_SUFFIX = ' (obligatoire)';

/** The label text with « (obligatoire) » in its own span, so it can be toggled by conditions. */
export function labelContent(text, required) {
  return [text, h('span', { class: 'required-mark', hidden: !required, text: REQUIRED_SUFFIX })];
}

/**
 * A text-like field: <div.field data-field=id> label, hint, control. Options: id, label, hint,
 * type (text|email|tel|password|date|number), multiline, required, autocomplete, inputmode,
 * maxLength, value, width ('short'), testid.
 */
export function textField(opts) {
  const { id, label, hint, type = 'text', multiline = false, required = false } = opts;
  const hintId = hint ? `${id}-hint` : null;
  const control = multiline
    ? h('textarea', { id, name: id, rows: 5 })
    : h('input', { id, name: id, type, spellcheck: type === 'text' ? null : 'false' });
  setAttrs(control, {
    autocomplete: opts.autocomplete,
    inputmode: opts.inputmode,
    maxlength: opts.maxLength,
    'aria-describedby': hintId,
    'aria-required': required ? 'true' : null,
    class: opts.width === 'short' ? 'width-short' : null,
    'data-testid': opts.testid,
  });
  if (opts.value !== undefined && opts.value !== null) control.value = opts.value;
  return h(
    'div',
    { class: 'field', 'data-field': id },
    h('label', { for: id }, labelContent(label, required)),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    control,
  );
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(key, String(value));
  }
}

/** Shows or hides « (obligatoire) » and aria-required on a field built here or by form.js. */
export function setRequired(wrapper, required) {
  const mark = wrapper.querySelector('.required-mark');
  if (mark) mark.hidden = !required;
  for (const control of wrapper.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea')) {
    if (required) control.setAttribute('aria-required', 'true');
    else control.removeAttribute('aria-required');
  }
}

/** The text of a field's label or legend, without the « (obligatoire) » mark. */
export function fieldLabel(wrapper) {
  const label = wrapper.querySelector(':scope > label, :scope > legend');
  if (!label) return '';
  const mark = label.querySelector('.required-mark');
  return label.textContent.slice(0, mark ? -mark.textContent.length : undefined).trim();
}

/** The element of a field that takes focus from the error summary. */
export function focusTarget(wrapper) {
  return wrapper.querySelector('input, select, textarea');
}

/** Ties an error message to a field: message above the control, aria-invalid, aria-describedby. */
export function setFieldError(wrapper, message) {
  const id = wrapper.dataset.field;
  const errorId = `${id}-error`;
  let error = wrapper.querySelector('.error-message');
  if (!error) {
    error = h('p', { class: 'error-message', id: errorId });
    const anchor = wrapper.querySelector(':scope > .hint') ?? wrapper.querySelector(':scope > label, :scope > legend');
    anchor.after(error);
  }
  error.replaceChildren(h('span', { class: 'visually-hidden', text: 'Erreur : ' }), message);
  wrapper.classList.add('has-error');
  const described = wrapper.tagName === 'FIELDSET' ? [wrapper] : [...wrapper.querySelectorAll('input, select, textarea')];
  for (const el of described) {
    addToken(el, 'aria-describedby', errorId);
    if (el.tagName !== 'FIELDSET') el.setAttribute('aria-invalid', 'true');
  }
  for (const input of wrapper.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    input.setAttribute('aria-invalid', 'true');
  }
}

export function clearFieldError(wrapper) {
  const error = wrapper.querySelector('.error-message');
  if (!error) return;
  wrapper.classList.remove('has-error');
  for (const el of [wrapper, ...wrapper.querySelectorAll('input, select, textarea')]) {
    removeToken(el, 'aria-describedby', error.id);
    el.removeAttribute('aria-invalid');
  }
  error.remove();
}

function addToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  el.setAttribute(attr, tokens.join(' '));
}

function removeToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}

/**
 * Shows the error summary at the top of `container` and focuses it.
 * errors: [{ wrapper?, message }] — with a wrapper, the entry links to the field and the field
 * shows the message too; without one, it is a general message.
 */
export function showErrors(container, errors, title = 'Il y a un problème') {
  clearErrors(container);
  const list = h('ul');
  for (const { wrapper, message } of errors) {
    if (wrapper) {
      setFieldError(wrapper, message);
      const target = focusTarget(wrapper);
      const label = fieldLabel(wrapper);
      list.append(h('li', {}, h('a', {
        href: `#${target?.id ?? ''}`,
        text: label ? `${label} : ${message}` : message,
        onclick: (event) => {
          event.preventDefault();
          target?.focus();
          wrapper.scrollIntoView({ block: 'center' });
        },
      })));
    } else {
      list.append(h('li', { text: message }));
    }
  }
  const summary = h('div', { class: 'error-summary', tabindex: '-1', 'data-testid': 'error-summary' },
    h('h2', { text: title }), list);
  container.prepend(summary);
  markTitleError(true);
  focusElement(summary);
  return summary;
}

/** Removes the summary and every field error inside `container`. */
export function clearErrors(container) {
  container.querySelector('.error-summary')?.remove();
  for (const wrapper of container.querySelectorAll('.has-error')) clearFieldError(wrapper);
  markTitleError(false);
}

/** Finds the wrapper of field `name` inside `container`. */
export function findField(container, name) {
  return container.querySelector(`[data-field="${CSS.escape(name)}"]`);
}

/** Turns an API error's field errors into summary entries for the fields of `container`. */
export function problemToErrors(container, error, normalize = (field) => field) {
  const entries = [];
  for (const { field, message } of error.errors ?? []) {
    const name = field ? normalize(field) : null;
    const wrapper = name ? findField(container, name) : null;
    if (wrapper && entries.some((entry) => entry.wrapper === wrapper)) continue;
    entries.push({ wrapper, message: message || error.title });
  }
  if (!entries.length) entries.push({ message: error.detail || error.title });
  return entries;
}

const busyForms = new WeakSet();

/**
 * Runs `work` once at a time per form: its submit buttons are marked busy (aria-disabled, not
 * disabled, so keyboard focus stays put) and `message` goes to the form's status region.
 * Returns undefined when the form is already busy (a double click).
 */
export async function whileBusy(form, statusEl, message, work) {
  if (busyForms.has(form)) return undefined;
  busyForms.add(form);
  const buttons = [...form.querySelectorAll('button[type=submit]')];
  for (const button of buttons) button.setAttribute('aria-disabled', 'true');
  if (statusEl) statusEl.textContent = message;
  try {
    return await work();
  } finally {
    busyForms.delete(form);
    for (const button of buttons) button.removeAttribute('aria-disabled');
    if (statusEl) statusEl.textContent = '';
  }
}

/** A visually hidden live region for a form's progress messages. */
export function formStatus() {
  return h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
}
