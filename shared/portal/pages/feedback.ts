import { html } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';
import { formatVnDate } from '../../domain/time.ts';

export interface PublishedAnswer {
  id: string;
  title: string;
  summary?: string;
  answer: string;
  answeredAt: string;
}

export function feedbackPage(data: { items: readonly PublishedAnswer[]; nextCursor?: string }): Page {
  return {
    title: 'Trả lời phản ánh, kiến nghị',
    main: html`<h1>Trả lời phản ánh, kiến nghị</h1>
      <p><a href="${paths.newFeedback}">Gửi phản ánh, kiến nghị</a></p>
      ${
        data.items.length
          ? data.items.map(
              (f) =>
                html`<article>
                  <h2>${f.title}</h2>
                  ${f.summary ? html`<p>${f.summary}</p>` : ''}
                  <p><strong>Trả lời:</strong> ${f.answer}</p>
                  <p class="hint">Trả lời ngày ${formatVnDate(f.answeredAt)}</p>
                </article>`,
            )
          : html`<p>Chưa có câu trả lời nào được công khai.</p>`
      }
      ${
        data.nextCursor
          ? html`<p>
              <a href="${`${paths.feedback}?${new URLSearchParams({ cursor: data.nextCursor }).toString()}`}"
                >Trang sau</a
              >
            </p>`
          : ''
      }`,
  };
}
