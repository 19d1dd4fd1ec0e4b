import { type Html, html } from '../html.ts';

/**
 * A table that may be wider than a phone, in a box that scrolls sideways. The box is a named,
 * focusable region so a keyboard can scroll it too (axe: scrollable-region-focusable); the label
 * says which table it holds.
 */
export const scrollTable = (label: string, table: Html): Html =>
  html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
