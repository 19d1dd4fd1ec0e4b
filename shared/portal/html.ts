/**
 * The portal's only way to build HTML: a tagged template that escapes every interpolation unless it
 * is already trusted `Html` (another `html` fragment). So forgetting to escape is impossible, and
 * trusting markup takes an explicit `trustedHtml(…)`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text made safe for element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"'`]/g, (c) => entities[c] as string);

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // null, undefined and false render nothing, so `${cond && html`…`}` works.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup the caller vouches for (e.g. a constant). Never pass it user input. */
export const trustedHtml = (markup: string): Html => new Html(markup);

/**
 * A URL for an href/action attribute: relative paths and http(s) only, so `javascript:` and `data:`
 * URLs (which escaping alone does not stop) become a harmless `#`.
 */
export function safeUrl(url: string): Html {
  const trimmed = url.trim();
  const relative = /^(\/(?!\/)|\?|#)/.test(trimmed) || trimmed === '/';
  const absolute = /^https?:\/\//i.test(trimmed);
  return new Html(escapeHtml(relative || absolute ? trimmed : '#'));
}
