// The week view of free slots, shared by the portal (booking, « Déplacer ») and the back-office
// (booking on behalf of a caller): previous/next week buttons, one heading per day, one button per
// free slot. Full slots are left out; a day whose slots are all taken says « Complet ».

import { h, fill, announce, focusElement, notice } from './dom.js';
import {
  parisParts, slotKey, todayInParis, addDays, mondayOf, formatTime, formatDayName, formatLongDay,
} from './bookings.js';

let pickers = 0;

/**
 * Options:
 * - load(fromDay, toDay) → Promise<[{ start, end, remaining }]>: the slots of those days;
 * - onChoose(slot): called when a free slot is chosen;
 * - week: a day of the week to show first (default: this week);
 * - lastDay: the last day one may book (YYYY-MM-DD), which stops « Semaine suivante »;
 * - onWeekChange(monday): e.g. to keep the week in the address;
 * - heading: 'h2' or 'h3' for the week's title (days take the next level);
 * - selectable: marks the chosen slot with aria-pressed (when the choice stays on the page).
 * Returns { element, reload(), clearChoice() }.
 */
export function weekPicker({ load, onChoose, week, lastDay = null, onWeekChange = () => {}, heading = 'h2',
  selectable = false }) {
  const id = `week-${++pickers}`;
  const firstMonday = mondayOf(todayInParis());
  let monday = week ? mondayOf(week) : firstMonday;
  if (monday < firstMonday) monday = firstMonday;
  if (lastDay && monday > lastDay) monday = mondayOf(lastDay);
  let chosen = null;
  let loadCount = 0;
  const dayHeading = heading === 'h2' ? 'h3' : 'h4';

  const title = h(heading, { id: `${id}-title`, class: 'week-title' });
  const previous = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'previous-week' },
    '‹ Semaine précédente');
  const next = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'next-week' },
    'Semaine suivante ›');
  const days = h('div', { class: 'week-days', 'data-testid': 'week-days' });
  const element = h('section', { class: 'week-picker', 'aria-labelledby': `${id}-title` },
    title,
    h('div', { class: 'week-nav' }, previous, next),
    days);

  previous.addEventListener('click', () => move(-7, previous));
  next.addEventListener('click', () => move(7, next));

  function move(delta, button) {
    if (button.disabled) return;
    monday = addDays(monday, delta);
    onWeekChange(monday);
    render().then(() => {
      if (button.disabled) focusElement(title);
    });
  }

  function weekText() {
    const sunday = addDays(monday, 6);
    const withoutWeekday = (day) => formatLongDay(day).replace(/^\S+ /, '').replace(/^1 /, '1er ');
    let start = withoutWeekday(monday);
    if (monday.slice(0, 4) === sunday.slice(0, 4)) start = start.replace(/ \d{4}$/, '');
    if (monday.slice(0, 7) === sunday.slice(0, 7)) start = start.replace(/ \S+$/, '');
    return `Semaine du ${start} au ${withoutWeekday(sunday)}`;
  }

  async function render() {
    const token = ++loadCount;
    const sunday = addDays(monday, 6);
    title.textContent = weekText();
    previous.disabled = monday <= firstMonday;
    next.disabled = Boolean(lastDay) && addDays(monday, 7) > lastDay;
    days.setAttribute('aria-busy', 'true');
    fill(days, h('p', { class: 'loading', text: 'Chargement des créneaux…' }));
    let slots;
    try {
      // The day after Sunday too, so that an exclusive or inclusive `to` both cover the week.
      slots = await load(monday, addDays(monday, 7));
    } catch (error) {
      if (token !== loadCount || error?.handled) return;
      days.removeAttribute('aria-busy');
      fill(days, notice(error?.detail || error?.title || 'Les créneaux n’ont pas pu être chargés.', 'error',
        h('p', {}, h('button', { type: 'button', class: 'button secondary', text: 'Réessayer', onclick: () => render() }))));
      return;
    }
    if (token !== loadCount) return;
    days.removeAttribute('aria-busy');
    const byDay = new Map();
    for (const slot of slots) {
      const { day } = parisParts(slot.start);
      if (day < monday || day > sunday) continue;
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(slot);
    }
    let free = 0;
    const sections = [...byDay.keys()].sort().map((day) => {
      const open = byDay.get(day).filter((slot) => slot.remaining > 0)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      free += open.length;
      return h('section', { class: 'week-day', 'aria-labelledby': `${id}-${day}` },
        h(dayHeading, { id: `${id}-${day}`, text: capitalise(formatDayName(day)) }),
        open.length
          ? h('ul', { class: 'slot-list' }, open.map((slot) => h('li', {}, slotButton(slot, day))))
          : h('p', { class: 'meta', text: 'Complet : plus aucun créneau libre ce jour.' }));
    });
    fill(days, sections.length ? sections : h('p', { text: 'Aucun créneau cette semaine. Essayez la semaine suivante.' }));
    announce(`${title.textContent} : ${free ? `${free} créneau${free > 1 ? 'x' : ''} libre${free > 1 ? 's' : ''}` : 'aucun créneau libre'}.`);
  }

  function slotButton(slot, day) {
    const key = slotKey(slot);
    return h('button', {
      type: 'button',
      class: 'slot',
      'data-testid': `slot-${key}`,
      'data-start': slot.start,
      'aria-pressed': selectable ? String(chosen === key) : null,
      onclick: (event) => {
        if (selectable) {
          chosen = key;
          for (const button of days.querySelectorAll('button.slot')) {
            button.setAttribute('aria-pressed', String(button === event.currentTarget));
          }
        }
        onChoose(slot);
      },
    }, formatTime(slot.start), h('span', { class: 'visually-hidden', text: `, ${formatDayName(day)}` }));
  }

  render();
  return {
    element,
    reload: render,
    clearChoice() {
      chosen = null;
      for (const button of days.querySelectorAll('button.slot')) button.setAttribute('aria-pressed', 'false');
    },
  };
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
