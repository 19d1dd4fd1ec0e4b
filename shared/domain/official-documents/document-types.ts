/**
 * The administrative document types (văn bản hành chính) of Nghị định 30/2020/NĐ-CP, Điều 7, in the
 * order the article lists them (29 types), each with the abbreviation of its name that the symbol of
 * its number carries (Phụ lục III, Mục I "Bảng chữ viết tắt tên loại văn bản hành chính và bản sao
 * văn bản"; Điều 9 sends the abbreviations there). The table lists 27 types: công văn and thư công
 * have no abbreviation. A công văn's symbol is the issuer's abbreviation and its drafting unit's
 * (Phụ lục I, Phần I, Mục II, khoản 3 điểm b; Phụ lục III, Mẫu 1.5). Pure data.
 */
export const documentTypes = [
  { id: 'nghi-quyet', name: 'Nghị quyết (cá biệt)', abbreviation: 'NQ' },
  { id: 'quyet-dinh', name: 'Quyết định (cá biệt)', abbreviation: 'QĐ' },
  { id: 'chi-thi', name: 'Chỉ thị', abbreviation: 'CT' },
  { id: 'quy-che', name: 'Quy chế', abbreviation: 'QC' },
  { id: 'quy-dinh', name: 'Quy định', abbreviation: 'QyĐ' },
  { id: 'thong-cao', name: 'Thông cáo', abbreviation: 'TC' },
  { id: 'thong-bao', name: 'Thông báo', abbreviation: 'TB' },
  { id: 'huong-dan', name: 'Hướng dẫn', abbreviation: 'HD' },
  { id: 'chuong-trinh', name: 'Chương trình', abbreviation: 'CTr' },
  { id: 'ke-hoach', name: 'Kế hoạch', abbreviation: 'KH' },
  { id: 'phuong-an', name: 'Phương án', abbreviation: 'PA' },
  { id: 'de-an', name: 'Đề án', abbreviation: 'ĐA' },
  { id: 'du-an', name: 'Dự án', abbreviation: 'DA' },
  { id: 'bao-cao', name: 'Báo cáo', abbreviation: 'BC' },
  { id: 'bien-ban', name: 'Biên bản', abbreviation: 'BB' },
  { id: 'to-trinh', name: 'Tờ trình', abbreviation: 'TTr' },
  { id: 'hop-dong', name: 'Hợp đồng', abbreviation: 'HĐ' },
  { id: 'cong-van', name: 'Công văn', abbreviation: undefined },
  { id: 'cong-dien', name: 'Công điện', abbreviation: 'CĐ' },
  { id: 'ban-ghi-nho', name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { id: 'ban-thoa-thuan', name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { id: 'giay-uy-quyen', name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { id: 'giay-moi', name: 'Giấy mời', abbreviation: 'GM' },
  { id: 'giay-gioi-thieu', name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { id: 'giay-nghi-phep', name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { id: 'phieu-gui', name: 'Phiếu gửi', abbreviation: 'PG' },
  { id: 'phieu-chuyen', name: 'Phiếu chuyển', abbreviation: 'PC' },
  { id: 'phieu-bao', name: 'Phiếu báo', abbreviation: 'PB' },
  { id: 'thu-cong', name: 'Thư công', abbreviation: undefined },
] as const satisfies readonly { id: string; name: string; abbreviation: string | undefined }[];

export type DocumentTypeId = (typeof documentTypes)[number]['id'];
export type DocumentType = (typeof documentTypes)[number];

/**
 * The copies an agency makes of a document (Điều 25) and their abbreviations, from the same table of
 * Phụ lục III, Mục I. A paper copy's number runs on its own register (Phụ lục I, Phần II, Mục II, khoản 1 điểm c).
 */
export const copyKinds = [
  { id: 'sao-y', name: 'Bản sao y', abbreviation: 'SY' },
  { id: 'trich-sao', name: 'Bản trích sao', abbreviation: 'TrS' },
  { id: 'sao-luc', name: 'Bản sao lục', abbreviation: 'SL' },
] as const;

export const isDocumentTypeId = (id: string): id is DocumentTypeId => documentTypes.some((t) => t.id === id);

export function documentType(id: DocumentTypeId): DocumentType {
  const type = documentTypes.find((t) => t.id === id);
  if (!type) throw new RangeError(`Unknown document type ${id}`);
  return type;
}

/** The type whose abbreviation this is, exactly as Phụ lục III writes it (`QyĐ`, not `QYĐ`). */
export const documentTypeByAbbreviation = (abbreviation: string): DocumentType | undefined =>
  documentTypes.find((t) => t.abbreviation !== undefined && t.abbreviation === abbreviation.normalize('NFC'));
