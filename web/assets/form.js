// A démarche's form, rendered from its JSON Schema (2020-12 subset) and its UI description.
// Client checks mirror the schema to help early; the server's 422 answer stays authoritative.

import { h } from './dom.js';
import { textField, labelContent, setRequired, clearFieldError } from './fields.js';
import { addressGroup, readAddress, householdGroup, readHousehold, fileField, readFile } from './form-widgets.js';

const DATE_EXAMPLE = 'Par exemple : 14/07/1990';

/**
 * Builds the fields of `schema` laid out by `ui`. `context.household` is the citizen's household (for
 * household-member fields); `context.upload(file, onProgress)` sends a supporting document (for file fields).
 * Returns { element, validate() → [{wrapper, message}], collect() → data, fieldName(apiField) }.
 */
export function buildForm(schema, ui = {}, context = {}) {
  const properties = schema.properties ?? {};
  const uiFields = ui.fields ?? {};
  const fields = new Map();
  const element = h('div', { class: 'schema-form' });

  const sections = [...(ui.sections ?? [])];
  const placed = new Set(sections.flatMap((section) => section.fields ?? []));
  const rest = Object.keys(properties).filter((name) => !placed.has(name));
  if (rest.length) sections.push({ title: sections.length ? 'Autres informations' : null, fields: rest });

  const groups = [];
  for (const section of sections) {
    const group = h('div', { class: 'form-section' }, section.title ? h('h2', { text: section.title }) : null);
    groups.push(group);
    for (const name of section.fields ?? []) {
      if (!properties[name] || fields.has(name)) continue;
      const field = describe(name, properties[name], uiFields[name] ?? {});
      field.wrapper = render(field, context);
      fields.set(name, field);
      group.append(field.wrapper);
    }
    element.append(group);
  }

  // Values typed by the user, before visibility rules.
  function readAll() {
    const values = {};
    for (const [name, field] of fields) values[name] = read(field).value;
    return values;
  }

  function visibleNames(values) {
    const memo = new Map();
    const visible = (name, depth = 0) => {
      if (memo.has(name)) return memo.get(name);
      const rule = fields.get(name)?.ui.visibleWhen;
      let shown = true;
      if (rule && depth < 20) {
        const value = values[rule.field];
        const allowed = rule.in ?? [];
        const match = Array.isArray(value) ? value.some((v) => allowed.includes(v)) : allowed.includes(value);
        shown = visible(rule.field, depth + 1) && value !== undefined && match;
      }
      memo.set(name, shown);
      return shown;
    };
    return new Set([...fields.keys()].filter((name) => visible(name)));
  }

  function state() {
    const values = readAll();
    const visible = visibleNames(values);
    const data = {};
    for (const name of visible) if (values[name] !== undefined) data[name] = values[name];
    return { data, visible, required: requiredNames(schema, data) };
  }

  function refresh() {
    const { visible, required } = state();
    for (const [name, field] of fields) {
      const shown = visible.has(name);
      if (field.wrapper.hidden === shown) {
        field.wrapper.hidden = !shown;
        if (!shown) clearFieldError(field.wrapper);
      }
      setRequired(field.wrapper, required.has(name));
    }
    // A section whose fields are all hidden hides its heading too.
    for (const group of groups) group.hidden = !group.querySelector('[data-field]:not([hidden])');
  }

  element.addEventListener('input', refresh);
  element.addEventListener('change', refresh);
  refresh();

  return {
    element,
    /** Problems found in the visible fields, in page order. */
    validate() {
      const { visible, required } = state();
      const problems = [];
      for (const [name, field] of fields) {
        if (!visible.has(name)) continue;
        const { value, problem } = read(field);
        const message = problem ?? (value === undefined && required.has(name) ? missingMessage(field) : null)
          ?? (value === undefined ? null : checkBounds(field, value));
        if (message) problems.push({ wrapper: field.wrapper, message });
      }
      return problems;
    },
    /** The data to send: visible, filled fields only, typed as the schema says. */
    collect: () => state().data,
    /** Maps an API error's field ("x", "data.x", "/data/x", "x[0]") to a field name of this form. */
    fieldName(apiField) {
      const parts = String(apiField ?? '').replace(/^\$\.?/, '').split(/[./[\]]+/).filter(Boolean);
      if (parts[0] === 'data' && parts.length > 1) parts.shift();
      return fields.has(parts[0]) ? parts[0] : null;
    },
  };
}

/** The names required for `data`: `required` plus the `then`/`else` of matching allOf conditions. */
export function requiredNames(schema, data) {
  const names = new Set(schema.required ?? []);
  for (const rule of schema.allOf ?? []) {
    let extra = rule.required;
    if (rule.if) extra = matches(rule.if, data) ? rule.then?.required : rule.else?.required;
    for (const name of extra ?? []) names.add(name);
  }
  return names;
}

function matches(condition, data) {
  for (const name of condition.required ?? []) if (data[name] === undefined) return false;
  for (const [name, sub] of Object.entries(condition.properties ?? {})) {
    const value = data[name];
    if (value === undefined) continue; // "properties" only constrains present values
    if ('const' in sub && value !== sub.const) return false;
    if (sub.enum && !sub.enum.includes(value)) return false;
    if (sub.contains && 'const' in sub.contains && !(Array.isArray(value) && value.includes(sub.contains.const))) {
      return false;
    }
  }
  return true;
}

function describe(name, prop, ui) {
  const widget = ui.widget ?? defaultWidget(prop);
  let options = ui.options ?? (prop.enum ?? prop.items?.enum ?? []).map((value) => ({ value, label: String(value) }));
  if (widget === 'yesno') options = [{ value: true, label: 'Oui' }, { value: false, label: 'Non' }];
  return { name, prop, ui, widget, options, label: ui.label ?? prop.title ?? name };
}

function defaultWidget(prop) {
  if (prop.type === 'boolean') return 'yesno';
  if (prop.type === 'array') return 'checkboxes';
  if (prop.enum) return prop.enum.length <= 6 ? 'radio' : 'select';
  if (prop.format === 'date') return 'date';
  if (prop.format === 'email') return 'email';
  if (prop.type === 'integer' || prop.type === 'number') return 'number';
  if ((prop.maxLength ?? 0) > 255) return 'textarea';
  return 'text';
}

function hintFor(field) {
  const parts = [];
  const help = field.ui.help ?? field.prop.description;
  if (help) parts.push(help);
  if (field.widget === 'date') parts.push(DATE_EXAMPLE);
  if (field.widget === 'textarea' && field.prop.maxLength) parts.push(`${field.prop.maxLength} caractères au maximum.`);
  if (field.widget === 'checkboxes') parts.push('Cochez une ou plusieurs réponses.');
  return parts.join(' ') || null;
}

function render(field, context) {
  const { name, widget, prop, ui, label } = field;
  const hint = hintFor(field);
  if (widget === 'address') return addressGroup(field, hint);
  if (widget === 'household') return householdGroup(field, hint, context.household);
  if (widget === 'file') return fileField(field, hint, context.upload ?? noUpload);
  if (widget === 'radio' || widget === 'yesno' || widget === 'checkboxes') return choiceGroup(field, hint);
  if (widget === 'select') return selectField(field, hint);
  const number = widget === 'number' || prop.type === 'integer' || prop.type === 'number';
  return textField({
    id: name,
    label,
    hint,
    type: ['email', 'tel'].includes(widget) ? widget : 'text',
    multiline: widget === 'textarea',
    autocomplete: ui.autocomplete,
    inputmode: number ? (prop.type === 'integer' ? 'numeric' : 'decimal') : null,
    maxLength: widget === 'textarea' ? null : prop.maxLength,
    width: number || widget === 'date' ? 'short' : null,
  });
}

async function noUpload() {
  throw new Error('no upload');
}

function choiceGroup(field, hint) {
  const { name, label, options } = field;
  const type = field.widget === 'checkboxes' ? 'checkbox' : 'radio';
  const hintId = hint ? `${name}-hint` : null;
  return h(
    'fieldset',
    { class: 'choice-group', 'data-field': name, 'aria-describedby': hintId },
    h('legend', {}, labelContent(label, false)),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    options.map((option, index) => {
      const id = index === 0 ? name : `${name}-${index}`;
      return h(
        'div',
        { class: 'choice' },
        h('input', { type, id, name, value: String(option.value), 'data-index': index }),
        h('label', { for: id, text: option.label }),
      );
    }),
  );
}

function selectField(field, hint) {
  const { name, label, options } = field;
  const hintId = hint ? `${name}-hint` : null;
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: name }, labelContent(label, false)),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    h(
      'select',
      { id: name, name, 'aria-describedby': hintId },
      h('option', { value: '', text: 'Sélectionnez une option' }),
      options.map((option) => h('option', { value: String(option.value), text: option.label })),
    ),
  );
}

/** Reads a field: { value } typed for the schema (undefined when empty), or { problem } when unreadable. */
function read(field) {
  const { wrapper, widget, prop, options } = field;
  if (widget === 'address') return readAddress(wrapper);
  if (widget === 'household') return readHousehold(wrapper);
  if (widget === 'file') return readFile(wrapper);
  if (widget === 'radio' || widget === 'yesno') {
    const checked = wrapper.querySelector('input:checked');
    return { value: checked ? options[+checked.dataset.index].value : undefined };
  }
  if (widget === 'checkboxes') {
    const values = [...wrapper.querySelectorAll('input:checked')].map((input) => options[+input.dataset.index].value);
    return { value: values.length ? values : undefined };
  }
  if (widget === 'select') {
    const select = wrapper.querySelector('select');
    return { value: select.selectedIndex > 0 ? options[select.selectedIndex - 1].value : undefined };
  }
  const text = wrapper.querySelector('input, textarea').value.trim();
  if (text === '') return { value: undefined };
  if (prop.type === 'integer' || prop.type === 'number') return readNumber(text, prop.type === 'integer');
  if (prop.format === 'date' || widget === 'date') {
    const iso = parseDate(text);
    return iso ? { value: iso } : { problem: `Saisissez une date valide. ${DATE_EXAMPLE}.` };
  }
  if (prop.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return { problem: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' };
  }
  return { value: text };
}

function readNumber(text, integer) {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  const value = Number(normalised);
  if (normalised === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return { problem: integer ? 'Saisissez un nombre entier, par exemple 2.' : 'Saisissez un nombre, par exemple 2,5.' };
  }
  return { value };
}

/** Accepts JJ/MM/AAAA (also with . - or spaces) and AAAA-MM-JJ; returns AAAA-MM-JJ or null. */
export function parseDate(text) {
  let match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text);
  let [year, month, day] = match ? [+match[3], +match[2], +match[1]] : [];
  if (!match) {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!match) return null;
    [year, month, day] = [+match[1], +match[2], +match[3]];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function missingMessage(field) {
  if (field.widget === 'checkboxes') return 'Cochez au moins une réponse.';
  if (field.widget === 'radio' || field.widget === 'yesno' || field.widget === 'household') return 'Choisissez une réponse.';
  if (field.widget === 'file') return 'Joignez le fichier demandé.';
  if (field.widget === 'select') return 'Choisissez une option dans la liste.';
  return 'Ce champ est obligatoire.';
}

function checkBounds(field, value) {
  const { prop } = field;
  if (typeof value === 'number') {
    if (prop.minimum !== undefined && value < prop.minimum) return `Saisissez un nombre supérieur ou égal à ${prop.minimum}.`;
    if (prop.maximum !== undefined && value > prop.maximum) return `Saisissez un nombre inférieur ou égal à ${prop.maximum}.`;
  }
  if (typeof value === 'string') {
    if (prop.minLength && value.length < prop.minLength) return `Saisissez au moins ${prop.minLength} caractères.`;
    if (prop.maxLength && value.length > prop.maxLength) return `Saisissez ${prop.maxLength} caractères au maximum.`;
    if (prop.pattern && !matchesPattern(prop.pattern, value)) return 'Le format saisi n’est pas valide.';
  }
  if (Array.isArray(value) && prop.minItems && value.length < prop.minItems) {
    return `Cochez au moins ${prop.minItems} réponses.`;
  }
  return null;
}

/** JSON Schema patterns are ECMA-262 regular expressions; one the browser cannot compile is left to the server. */
function matchesPattern(pattern, value) {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
