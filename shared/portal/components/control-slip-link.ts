import { controlSlipName } from '../../domain/documents/forms-issued.ts';
import { type Html, html } from '../html.ts';

/**
 * The process control slip (mẫu số 06) offered beside a dossier's documents: it is no stored document but
 * drawn from the timeline when downloaded, so it always shows the dossier as it stands.
 */
export const controlSlipLink = (href: string): Html =>
  html`<p>
    <a href="${href}">${controlSlipName}</a>
    <span class="hint">(PDF, lập theo tình trạng hồ sơ tại thời điểm tải về)</span>
  </p>`;
