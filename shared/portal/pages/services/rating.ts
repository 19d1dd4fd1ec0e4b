import { maxRatingCommentLength, ratingScores } from '../../../domain/dossier/rating.ts';
import type { DossierView } from '../../../use-cases/dossier-view.ts';
import { radio } from '../../components/choice.ts';
import { formSecrets } from '../../forms.ts';
import { html } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';

/** The score in words (QĐ 766's five levels of satisfaction): never a bare number or a colour. */
export const ratingLabels: Readonly<Record<(typeof ratingScores)[number], string>> = {
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
};

/** What the rating page reads of `GET /v1/dossiers/{code}`. */
export type RatableDossier = Pick<DossierView, 'code' | 'status' | 'rating'> & {
  procedure: Pick<DossierView['procedure'], 'name'>;
};

export interface RatingPageData {
  dossier: RatableDossier;
  key: string;
  /** The person's input, kept when the form comes back with a message. */
  score?: string;
  comment?: string;
  error?: string;
}

const labelOf = (score: number) => ratingLabels[score as keyof typeof ratingLabels] ?? `${score}/5`;

export function ratingPage(context: PageContext, data: RatingPageData): Page {
  const { dossier } = data;
  const rated = dossier.rating;
  const returned = dossier.status === 'returned';
  return {
    title: `Đánh giá hồ sơ ${dossier.code}`,
    main: html`<h1>Đánh giá mức độ hài lòng</h1>
      <p>Hồ sơ <strong>${dossier.code}</strong> – ${dossier.procedure.name}</p>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      ${
        rated
          ? html`<p class="status" role="status">
                Ông/Bà đã đánh giá hồ sơ này: ${labelOf(rated.score)} (${rated.score}/5). Mỗi hồ sơ chỉ được đánh giá
                một lần.
              </p>
              ${rated.comment ? html`<p>Ý kiến: ${rated.comment}</p>` : ''}`
          : !returned
            ? html`<p class="status" role="status">
                Hồ sơ chưa được trả kết quả; Ông/Bà chỉ đánh giá được sau khi nhận kết quả.
              </p>`
            : html`<form method="post" action="${paths.myDossierRating(dossier.code)}">
                ${formSecrets(context, data.key)}
                <fieldset>
                  <legend>Ông/Bà hài lòng thế nào với việc giải quyết hồ sơ?</legend>
                  ${ratingScores.map((score) =>
                    radio({
                      id: `score-${score}`,
                      name: 'score',
                      value: String(score),
                      label: ratingLabels[score],
                      checked: data.score === String(score),
                      required: true,
                    }),
                  )}
                </fieldset>
                <label for="comment">Ý kiến (không bắt buộc)</label>
                <textarea
                  id="comment"
                  name="comment"
                  maxlength="${maxRatingCommentLength}"
                  aria-describedby="comment-goi-y"
                >
${data.comment ?? ''}</textarea>
                <p id="comment-goi-y" class="hint">Tối đa ${maxRatingCommentLength.toLocaleString('vi-VN')} ký tự.</p>
                <button type="submit">Gửi đánh giá</button>
              </form>`
      }
      <p><a href="${paths.myDossier(dossier.code)}">Về hồ sơ ${dossier.code}</a></p>`,
  };
}
