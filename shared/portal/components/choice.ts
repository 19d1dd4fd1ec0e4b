import { type Html, html } from '../html.ts';

export interface ChoiceOption {
  /** Unique on the page: the label names the input by it, so clicking the words ticks it. */
  id: string;
  name: string;
  value: string;
  /** In words (never a bare number or code): what a screen reader says for the input. */
  label: string;
  checked: boolean;
  required?: boolean;
  /** The id of the hint that explains the choice. */
  describedBy?: string;
}

const choice = (type: 'radio' | 'checkbox', option: ChoiceOption): Html =>
  html`<label class="inline" for="${option.id}"
    ><input
      type="${type}"
      id="${option.id}"
      name="${option.name}"
      value="${option.value}"
      ${option.checked ? html`checked` : ''}
      ${option.required ? html`required` : ''}
      ${option.describedBy ? html`aria-describedby="${option.describedBy}"` : ''}
    />${option.label}</label
  >`;

/** One radio button with its label, inline; its fieldset's legend asks the question. */
export const radio = (option: ChoiceOption): Html => choice('radio', option);

/** One checkbox with its label, inline. */
export const checkbox = (option: ChoiceOption): Html => choice('checkbox', option);
