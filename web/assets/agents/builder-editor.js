// The editor of a démarche's definition for a tenant administrator: general facts, legal regime, fee, RGPD
// mentions and the list of fields (added, removed and moved with buttons, so the keyboard does everything).
// It keeps a plain model of the definition; every control writes to it, and the list is redrawn from it.

import { h, fill } from '../dom.js';
import { textField, labelContent } from '../fields.js';

export const FIELD_TYPES = [
  ['text', 'Texte court'], ['long_text', 'Texte long'], ['number', 'Nombre'], ['date', 'Date'],
  ['email', 'Adresse e-mail'], ['phone', 'Téléphone'], ['address', 'Adresse postale'],
  ['single_choice', 'Choix unique'], ['multiple_choice', 'Choix multiple'], ['yes_no', 'Oui / non'],
  ['household_member', 'Membre du foyer'], ['document', 'Pièce justificative'],
];
const CHOICE_TYPES = ['single_choice', 'multiple_choice'];

/** A new, empty definition. */
export function blankDefinition(serviceId) {
  return {
    id: '', title: '', description: '', serviceId, audience: ['citizens'],
    regime: { rule: 'SVA', period: 2, unit: 'months', restartsOnCorrection: true,
      legalBasis: 'Code des relations entre le public et l’administration, article L231-1' },
    fields: [], sections: [], requiredDocuments: [], fee: null, retentionMonths: 60, legalBasis: '', dpoContact: '',
  };
}

/** The section of each field, from the definition's sections (the editor edits it per field). */
function sectionOf(definition) {
  const map = {};
  for (const section of definition.sections ?? []) for (const name of section.fields) map[name] = section.title;
  return map;
}

/**
 * Builds the editor. `services` are the tenant's ({id, name}); `creating` shows the id field.
 * Returns { element, value() → definition to send }.
 */
export function definitionEditor(initial, services, { creating }) {
  const model = structuredClone(initial);
  const sections = sectionOf(model);
  model.fields = model.fields.map((f) => ({ ...f, section: sections[f.name] ?? '' }));
  const fieldList = h('ol', { class: 'builder-fields' });

  const text = (id, label, get, set, opts = {}) => {
    const field = textField({ id, label, value: get() ?? '', ...opts });
    const control = field.querySelector('input, textarea');
    control.addEventListener('input', () => set(control.value));
    return field;
  };
  const select = (id, label, options, get, set) => {
    const control = h('select', { id }, options.map(([value, name]) => h('option', { value, text: name, selected: get() === value })));
    control.addEventListener('change', () => set(control.value));
    return h('div', { class: 'field', 'data-field': id }, h('label', { for: id }, labelContent(label, false)), control);
  };
  const checkbox = (id, label, get, set) => {
    const control = h('input', { type: 'checkbox', id, checked: !!get() });
    control.addEventListener('change', () => set(control.checked));
    return h('div', { class: 'choice', 'data-field': id }, control, h('label', { for: id, text: label }));
  };

  function fieldEditor(field, index) {
    const at = (part) => `fields-${index}-${part}`;
    const others = model.fields.filter((f) => f !== field && ['single_choice', 'yes_no'].includes(f.type) && f.name);
    const condition = field.visibleWhen ?? { field: '', in: [] };
    const move = (delta, label) => h('button', {
      type: 'button', class: 'button secondary', text: label,
      'aria-label': `${label} le champ ${index + 1}`,
      disabled: index + delta < 0 || index + delta >= model.fields.length,
      onclick: () => {
        model.fields.splice(index, 1);
        model.fields.splice(index + delta, 0, field);
        redraw(`fields-${index + delta}-${delta < 0 ? 'up' : 'down'}`);
      },
    });
    const buttons = h('div', { class: 'button-group' },
      Object.assign(move(-1, 'Monter'), { id: at('up') }), Object.assign(move(1, 'Descendre'), { id: at('down') }),
      h('button', { type: 'button', class: 'button warning', text: 'Supprimer', 'aria-label': `Supprimer le champ ${index + 1}`,
        onclick: () => {
          model.fields.splice(index, 1);
          redraw(model.fields.length ? `fields-${Math.max(0, index - 1)}-label` : 'add-field');
        } }));
    const typeSpecific = [];
    if (CHOICE_TYPES.includes(field.type)) {
      typeSpecific.push(text(at('choices'), 'Réponses proposées', () => (field.choices ?? [])
        .map((c) => (c.value === c.label ? c.value : `${c.value} | ${c.label}`)).join('\n'), (v) => {
        field.choices = v.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
          const [value, label] = line.split('|').map((s) => s.trim());
          return { value, label: label || value };
        });
      }, { multiline: true, hint: 'Une réponse par ligne ; « valeur | libellé » pour les distinguer.' }));
    }
    if (field.type === 'document') {
      typeSpecific.push(text(at('accept'), 'Types de fichier acceptés', () => (field.accept ?? []).join(', '), (v) => {
        field.accept = v.split(',').map((s) => s.trim()).filter(Boolean);
      }, { hint: 'Par exemple : application/pdf, image/jpeg, image/png. Vide : PDF, JPEG ou PNG.' }));
      typeSpecific.push(text(at('maxBytes'), 'Taille maximale (Mo)', () => (field.maxBytes ? field.maxBytes / 1048576 : ''),
        (v) => { field.maxBytes = Math.round(Number(v.replace(',', '.')) * 1048576) || 0; }, { width: 'short', inputmode: 'decimal' }));
    }
    if (field.type === 'household_member') {
      typeSpecific.push(select(at('accept'), 'Personnes proposées', [['', 'Tout le foyer'], ['child', 'Les enfants'],
        ['adult', 'Les adultes']], () => field.accept?.[0] ?? '', (v) => { field.accept = v ? [v] : []; }));
    }
    return h('li', { class: 'builder-field' }, h('fieldset', { 'data-field': `fields-${index}` },
      h('legend', { text: `Champ ${index + 1}${field.label ? ` : ${field.label}` : ''}` }),
      text(at('label'), 'Libellé', () => field.label, (v) => { field.label = v; }),
      text(at('name'), 'Identifiant', () => field.name, (v) => { field.name = v; },
        { hint: 'Lettres, chiffres et _, sans espace ; il nomme la réponse.', width: 'short' }),
      select(at('type'), 'Type', FIELD_TYPES, () => field.type, (v) => {
        field.type = v;
        redraw(at('type'));
      }),
      checkbox(at('required'), 'Réponse obligatoire', () => field.required, (v) => { field.required = v; }),
      text(at('help'), 'Aide', () => field.help, (v) => { field.help = v; }),
      typeSpecific,
      text(at('section'), 'Section', () => field.section, (v) => { field.section = v; },
        { hint: 'Les champs qui se suivent sous le même titre forment une section.' }),
      select(at('visibleWhen'), 'Afficher seulement si le champ', [['', 'Toujours afficher'],
        ...others.map((o) => [o.name, o.label || o.name])], () => condition.field, (v) => {
        field.visibleWhen = v ? { field: v, in: condition.in } : undefined;
        redraw(at('visibleWhen'));
      }),
      condition.field ? text(at('visibleWhen-in'), 'vaut l’une de ces réponses', () => condition.in.join(', '), (v) => {
        field.visibleWhen = { field: condition.field, in: v.split(',').map((s) => s.trim()).filter(Boolean) };
      }, { hint: 'Valeurs séparées par des virgules ; pour un oui / non : true ou false.' }) : null,
      buttons));
  }

  function redraw(focusId) {
    fill(fieldList, model.fields.map(fieldEditor));
    let target = focusId ? document.getElementById(focusId) : null;
    if (target?.disabled) target = target.parentElement.querySelector('button:not([disabled])');
    target?.focus();
  }
  redraw();

  const fee = model.fee ?? { amountCents: 0, label: '' };
  const element = h('div', { class: 'builder' },
    h('h2', { text: 'La démarche' }),
    creating ? text('id', 'Identifiant de la démarche', () => model.id, (v) => { model.id = v; },
      { hint: 'Minuscules, chiffres et tirets, par exemple demande-composteur. Il ne change plus.' }) : null,
    text('title', 'Titre', () => model.title, (v) => { model.title = v; }),
    text('description', 'Description', () => model.description, (v) => { model.description = v; }, { multiline: true }),
    select('serviceId', 'Service qui traite les demandes', services.map((s) => [s.id, s.name]), () => model.serviceId,
      (v) => { model.serviceId = v; }),
    h('fieldset', { class: 'choice-group', 'data-field': 'audience' }, h('legend', { text: 'Pour qui' }),
      [['citizens', 'Particuliers'], ['associations', 'Associations'], ['businesses', 'Entreprises']].map(([code, label]) =>
        checkbox(`audience-${code}`, label, () => model.audience.includes(code), (on) => {
          model.audience = on ? [...new Set([...model.audience, code])] : model.audience.filter((a) => a !== code);
        }))),
    h('h2', { text: 'Le régime légal' }),
    select('regime-rule', 'Si l’administration ne répond pas', [['SVA', 'Le silence vaut acceptation (SVA)'],
      ['SVR', 'Le silence vaut rejet (SVR)']], () => model.regime.rule, (v) => { model.regime.rule = v; }),
    text('regime-period', 'Délai', () => String(model.regime.period), (v) => { model.regime.period = Number(v); },
      { width: 'short', inputmode: 'numeric' }),
    select('regime-unit', 'Unité du délai', [['days', 'jours'], ['weeks', 'semaines'], ['months', 'mois']],
      () => model.regime.unit, (v) => { model.regime.unit = v; }),
    checkbox('regime-restartsOnCorrection', 'Après une demande de pièces, le délai repart de zéro',
      () => model.regime.restartsOnCorrection, (v) => { model.regime.restartsOnCorrection = v; }),
    text('regime-legalBasis', 'Texte qui fixe ce régime', () => model.regime.legalBasis, (v) => { model.regime.legalBasis = v; }),
    h('h2', { text: 'Coût et données personnelles' }),
    checkbox('fee-on', 'Démarche payante', () => !!model.fee, (on) => { model.fee = on ? fee : null; }),
    text('fee-amountCents', 'Montant (€)', () => (fee.amountCents ? (fee.amountCents / 100).toFixed(2).replace('.', ',') : ''),
      (v) => { fee.amountCents = Math.round(Number(v.replace(',', '.')) * 100) || 0; }, { width: 'short', inputmode: 'decimal' }),
    text('fee-label', 'Ce que paie l’usager', () => fee.label, (v) => { fee.label = v; }),
    text('requiredDocuments', 'Pièces à préparer', () => model.requiredDocuments.join('\n'),
      (v) => { model.requiredDocuments = v.split('\n').map((s) => s.trim()).filter(Boolean); }, { multiline: true, hint: 'Une par ligne.' }),
    text('retentionMonths', 'Durée de conservation (mois)', () => String(model.retentionMonths),
      (v) => { model.retentionMonths = Number(v); }, { width: 'short', inputmode: 'numeric' }),
    text('legalBasis', 'Cadre juridique du traitement', () => model.legalBasis, (v) => { model.legalBasis = v; },
      { hint: 'Loi, décret ou délibération qui fonde la démarche.' }),
    text('dpoContact', 'Contact du délégué à la protection des données', () => model.dpoContact, (v) => { model.dpoContact = v; }),
    h('h2', { text: 'Les champs du formulaire' }),
    fieldList,
    h('button', { type: 'button', id: 'add-field', class: 'button secondary', 'data-testid': 'add-field', text: 'Ajouter un champ',
      onclick: () => {
        model.fields.push({ name: `champ${model.fields.length + 1}`, label: '', type: 'text', required: false });
        redraw(`fields-${model.fields.length - 1}-label`);
      } }));

  function value() {
    const sectionsOut = [];
    const fields = model.fields.map(({ section, ...field }) => {
      const title = (section ?? '').trim();
      if (title) {
        const last = sectionsOut[sectionsOut.length - 1];
        if (last?.title === title) last.fields.push(field.name);
        else sectionsOut.push({ title, fields: [field.name] });
      }
      if (!field.visibleWhen?.field) delete field.visibleWhen;
      return field;
    });
    const out = { ...model, fields, sections: sectionsOut };
    delete out.version;
    return out;
  }

  return { element, value };
}

/** Maps an API error field (`fields[2].visibleWhen`, `regime.period`) to the id of the editor's control. */
export function editorFieldName(field) {
  return String(field).replace(/\[(\d+)]/g, '-$1').replace(/\./g, '-');
}
