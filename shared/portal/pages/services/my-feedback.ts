import { feedbackStatuses } from '../../../domain/feedback/feedback.ts';
import type { AuthorFeedbackSummary, AuthorFeedbackView } from '../../../use-cases/feedback/feedback.ts';

import { html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { formatVnDate } from '../../../domain/time.ts';

/**
 * One of the person's feedback, with its agency's name and, once answered, the answer: put together by the
 * portal from `GET /v1/me/feedback`, the agency and `GET /v1/feedback/{id}`.
 */
export type MyFeedbackItem = Pick<AuthorFeedbackSummary, 'id' | 'title' | 'status' | 'filedAt'> & {
  agencyName: string;
  answer?: Pick<NonNullable<AuthorFeedbackView['answer']>, 'text' | 'at'>;
};

export interface MyFeedbackPageData {
  items: readonly MyFeedbackItem[];
  nextCursor?: string;
  /** `?da=gui`: the feedback was just filed. */
  filed: boolean;
}

export function myFeedbackPage(data: MyFeedbackPageData): Page {
  return {
    title: 'Phản ánh của tôi',
    main: html`<h1>Phản ánh của tôi</h1>
      ${
        data.filed
          ? html`<p class="success" role="status">
              Đã gửi phản ánh, kiến nghị. Cơ quan tiếp nhận sẽ xem xét và trả lời Ông/Bà tại trang này.
            </p>`
          : ''
      }
      <p><a class="button" href="${paths.newFeedback}">Gửi phản ánh, kiến nghị</a></p>
      ${
        data.items.length
          ? data.items.map(
              (f) =>
                html`<article>
                  <h2>${f.title}</h2>
                  <dl>
                    <dt>Cơ quan tiếp nhận</dt>
                    <dd>${f.agencyName}</dd>
                    <dt>Ngày gửi</dt>
                    <dd><time datetime="${f.filedAt}">${formatVnDate(f.filedAt)}</time></dd>
                    <dt>Tình trạng</dt>
                    <dd><span class="status">${feedbackStatuses[f.status]?.vi ?? f.status}</span></dd>
                  </dl>
                  ${
                    f.answer
                      ? html`<p><strong>Trả lời:</strong> ${f.answer.text}</p>
                          <p class="hint">
                            Trả lời ngày <time datetime="${f.answer.at}">${formatVnDate(f.answer.at)}</time>
                          </p>`
                      : ''
                  }
                </article>`,
            )
          : html`<p>Ông/Bà chưa gửi phản ánh, kiến nghị nào.</p>`
      }
      ${
        data.nextCursor
          ? html`<p>
              <a href="${`${paths.myFeedback}?${new URLSearchParams({ cursor: data.nextCursor }).toString()}`}"
                >Trang sau</a
              >
            </p>`
          : ''
      }`,
  };
}
