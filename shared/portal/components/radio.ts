import { type Html, html } from '../html.ts';

export interface RadioOption {
  /** Unique on the page: the label names the button by it, so clicking the words picks it. */
  id: string;
  name: string;
  value: string;
  /** In words (never a bare number or code): what a screen reader says for the button. */
  label: string;
  checked: boolean;
  required?: boolean;
}

/** One radio button with its label, inline; its fieldset's legend asks the question. */
export const radio = (option: RadioOption): Html =>
  html`<label class="inline" for="${option.id}"
    ><input
      type="radio"
      id="${option.id}"
      name="${option.name}"
      value="${option.value}"
      ${option.checked ? html`checked` : ''}
      ${option.required ? html`required` : ''}
    />${option.label}</label
  >`;
