import type { VerificationReport } from '../../../use-cases/documents/verify-signature.ts';
import { dateTimeText } from '../../format.ts';
import { html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';

/** The answer of `POST /v1/signature-verifications`. */
export type VerificationResult = Pick<
  VerificationReport,
  'valid' | 'reason' | 'signer' | 'signingTime' | 'documentHash' | 'dossierCode' | 'signatures'
>;

export interface VerifyPageData {
  code: string;
  result?: VerificationResult;
  /** What was checked: the uploaded file's name, or the dossier code. */
  checked?: string;
  error?: string;
}

/** Largest upload, as the API accepts it (its body is the file in base64). */
export const maxUploadBytes = 4 * 1024 * 1024;

/** The agency's signatures in place of its seal, beside the leader's. */
const organisationSignatures = (result: VerificationResult) =>
  (result.signatures ?? []).filter((signature) => signature.kind === 'organisation');

function resultSection(result: VerificationResult, checked: string | undefined) {
  return html`<section aria-labelledby="ket-qua">
    <h2 id="ket-qua">Kết quả kiểm tra${checked ? html`: ${checked}` : ''}</h2>
    ${
      result.valid
        ? html`<p class="success" role="status">
            <strong>Chữ ký số hợp lệ.</strong> Văn bản còn nguyên vẹn từ khi ký.
          </p>`
        : html`<p class="notice" role="status">
            <strong>Chữ ký số không hợp lệ.</strong> ${result.reason ?? 'Không xác minh được chữ ký số.'}
          </p>`
    }
    <dl>
      ${
        result.signer
          ? html`<dt>Người ký</dt>
              <dd>${result.signer.name}</dd>
              <dt>Cơ quan</dt>
              <dd>${result.signer.agency}</dd>`
          : ''
      }
      ${organisationSignatures(result).map(
        (signature) =>
          html`<dt>Chữ ký số của cơ quan (thay dấu)</dt>
            <dd>
              ${signature.signer?.name ?? 'không rõ'} –
              ${signature.valid ? 'hợp lệ' : html`<strong>không hợp lệ</strong>`}
            </dd>`,
      )}
      ${
        result.signingTime
          ? html`<dt>Thời điểm ký</dt>
              <dd><time datetime="${result.signingTime}">${dateTimeText(result.signingTime)}</time></dd>`
          : ''
      }
      ${
        result.dossierCode
          ? html`<dt>Mã hồ sơ</dt>
              <dd>${result.dossierCode}</dd>`
          : ''
      }
      ${
        result.documentHash
          ? html`<dt>Mã băm văn bản (SHA-256)</dt>
              <dd><code>${result.documentHash}</code></dd>`
          : ''
      }
    </dl>
  </section>`;
}

export function verifySignaturePage(data: VerifyPageData): Page {
  return {
    title: 'Kiểm tra chữ ký số',
    main: html`<h1>Kiểm tra chữ ký số</h1>
      <p>
        Kiểm tra kết quả giải quyết thủ tục hành chính đã được ký số: chữ ký có hợp lệ không, ai ký, khi nào, và văn bản
        có bị sửa sau khi ký không.
      </p>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      ${data.result ? resultSection(data.result, data.checked) : ''}
      <form method="post" action="${paths.verifySignature}" enctype="multipart/form-data">
        <label for="pdf">Tệp PDF đã ký số</label>
        <input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" required aria-describedby="pdf-goi-y" />
        <p id="pdf-goi-y" class="hint">Tối đa 4 MB.</p>
        <button type="submit">Kiểm tra tệp</button>
      </form>
      <form method="post" action="${paths.verifySignature}">
        <label for="code">Hoặc nhập mã hồ sơ và mã tra cứu</label>
        <input
          id="code"
          name="code"
          value="${data.code}"
          required
          maxlength="60"
          autocomplete="off"
          aria-describedby="code-goi-y"
        />
        <p id="code-goi-y" class="hint">Kiểm tra kết quả đã ký số mới nhất của hồ sơ.</p>
        <label for="pin">Mã tra cứu</label>
        <input
          id="pin"
          name="pin"
          required
          inputmode="numeric"
          pattern="[0-9]{6}"
          maxlength="6"
          autocomplete="off"
          aria-describedby="pin-goi-y"
        />
        <p id="pin-goi-y" class="hint">6 chữ số, in trên phiếu tiếp nhận hồ sơ.</p>
        <button type="submit">Kiểm tra theo mã hồ sơ</button>
      </form>`,
  };
}
