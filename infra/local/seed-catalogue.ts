import type { Procedure } from '../../shared/domain/procedure.ts';

/**
 * The demo catalogue of Tỉnh Bắc Ninh: real procedures of communes and departments in the
 * two-level model (from 1/7/2025), with plausible legal times, fees and internal processes.
 *
 * Codes are those of the national database of administrative procedures (Cơ sở dữ liệu quốc gia về
 * TTHC); the comment above each entry names the public decision or portal page that lists the code
 * with the procedure's name. Procedures whose code could not be checked were left out rather than given
 * an invented one (the social-housing procedure the demo once ran on among them).
 *
 * Fees are rules (shared/domain/fees/rule.ts): fixed, per page or per copy with a cap, a range the
 * official sets within, exemption grounds, due at intake, at supplement or at result.
 */
export const demoProcedures: Procedure[] = [
  // ——— Hộ tịch (UBND xã) ———
  // 1.001193: Quyết định 658/QĐ-UBND năm 2026 của UBND thành phố Hải Phòng công bố danh mục TTHC lĩnh vực hộ tịch
  // (cdn.haiphong.gov.vn/gov-hpg/6868/tintuc/2026/4/qd-658639112645712936429.pdf). No fee: a birth registered on time
  // is exempt (Luật Hộ tịch 2014, điều 11, khoản 1, điểm b), and the national portal lists none.
  {
    code: '1.001193',
    version: 1,
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Giấy khai sinh',
    documents: [
      {
        name: 'Tờ khai đăng ký khai sinh',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
      { name: 'Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh', copyType: 'original', count: 1 },
      { name: 'Văn bản ủy quyền (khi nộp thay)', copyType: 'certified-copy', count: 1, optional: true },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingHours: 2 } },
      {
        name: 'Công chức tư pháp - hộ tịch thẩm định, ghi sổ hộ tịch',
        role: 'specialist',
        duration: { workingHours: 4 },
      },
      { name: 'Lãnh đạo UBND xã ký Giấy khai sinh', role: 'leader', duration: { workingHours: 2 } },
    ],
    legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP',
  },
  // 1.000894: danh mục TTHC thực hiện không phụ thuộc địa giới hành chính, UBND thành phố Hải Phòng, 12/2025,
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/12/phu-luc.signed-1-639007020695231661.pdf.
  // Free for citizens residing in Viet Nam (Luật Hộ tịch 2014, điều 11, khoản 1, điểm b).
  {
    code: '1.000894',
    version: 1,
    name: 'Đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'commune',
    // Both partners sign the register in person: filed online, finished at the desk.
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Giấy chứng nhận kết hôn',
    documents: [
      {
        name: 'Tờ khai đăng ký kết hôn',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
      {
        name: 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại nơi không thường trú)',
        copyType: 'original',
        count: 1,
        optional: true,
      },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingHours: 2 } },
      {
        name: 'Công chức tư pháp - hộ tịch thẩm định, ghi sổ hộ tịch',
        role: 'specialist',
        duration: { workingHours: 4 },
      },
      { name: 'Lãnh đạo UBND xã ký Giấy chứng nhận kết hôn', role: 'leader', duration: { workingHours: 2 } },
    ],
    legalBasis: 'Luật Hôn nhân và gia đình 2014; Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
  },
  // 1.000656: Quyết định 658/QĐ-UBND năm 2026 của UBND thành phố Hải Phòng công bố danh mục TTHC lĩnh vực hộ tịch
  // (cdn.haiphong.gov.vn/gov-hpg/6868/tintuc/2026/4/qd-658639112645712936429.pdf). A death registered on time is
  // exempt (Luật Hộ tịch 2014, điều 11, khoản 1, điểm b).
  {
    code: '1.000656',
    version: 1,
    name: 'Đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: null,
    resultType: 'Trích lục khai tử',
    documents: [
      {
        name: 'Tờ khai đăng ký khai tử',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
      { name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', copyType: 'original', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingHours: 2 } },
      {
        name: 'Công chức tư pháp - hộ tịch thẩm định, ghi sổ hộ tịch',
        role: 'specialist',
        duration: { workingHours: 4 },
      },
      { name: 'Lãnh đạo UBND xã ký Trích lục khai tử', role: 'leader', duration: { workingHours: 2 } },
    ],
    legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
  },
  // 1.004873: Quyết định 658/QĐ-UBND năm 2026 của UBND thành phố Hải Phòng công bố danh mục TTHC lĩnh vực hộ tịch
  // (cdn.haiphong.gov.vn/gov-hpg/6868/tintuc/2026/4/qd-658639112645712936429.pdf).
  {
    code: '1.004873',
    version: 1,
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: null,
    resultType: 'Giấy xác nhận tình trạng hôn nhân',
    documents: [
      {
        name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
      {
        name: 'Bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)',
        copyType: 'certified-copy',
        count: 1,
        optional: true,
      },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân',
        role: 'specialist',
        duration: { workingDays: 2 },
      },
      { name: 'Lãnh đạo UBND xã ký Giấy xác nhận', role: 'leader', duration: { workingDays: 0.5 } },
    ],
    legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
  },
  // 2.000635: Quyết định 93/QĐ-UBND năm 2026 của UBND thành phố Hải Phòng,
  // https://cdn.haiphong.gov.vn/gov-hpg/6811/tintuc/2026/2/qd-cong-bo-dm-tthc-sua-doi-bo-sung-cac-linh-vuc-thuoc-tham-quyen-cua-so-tu-phap..signed639056177100499762.pdf.
  {
    code: '2.000635',
    version: 1,
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: {
      label: 'Phí khai thác, sử dụng thông tin trong Cơ sở dữ liệu hộ tịch',
      schedule: { kind: 'per-copy', amount: 8_000 },
      due: 'intake',
      basis: 'Thông tư 281/2016/TT-BTC: 8.000 đồng/bản sao trích lục',
    },
    resultType: 'Bản sao Trích lục hộ tịch',
    documents: [
      {
        name: 'Tờ khai cấp bản sao Trích lục hộ tịch',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingHours: 2 } },
      {
        name: 'Công chức tư pháp - hộ tịch tra cứu sổ hộ tịch, in bản sao',
        role: 'specialist',
        duration: { workingHours: 4 },
      },
      { name: 'Lãnh đạo UBND xã ký bản sao Trích lục', role: 'leader', duration: { workingHours: 2 } },
    ],
    legalBasis: 'Luật Hộ tịch 2014; Thông tư 281/2016/TT-BTC (phí 8.000 đồng/bản)',
  },
  // 1.004859: Quyết định 658/QĐ-UBND năm 2026 của UBND thành phố Hải Phòng công bố danh mục TTHC lĩnh vực hộ tịch
  // (cdn.haiphong.gov.vn/gov-hpg/6868/tintuc/2026/4/qd-658639112645712936429.pdf).
  {
    code: '1.004859',
    version: 1,
    name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 3 },
    fee: {
      label: 'Lệ phí đăng ký hộ tịch',
      schedule: { kind: 'fixed', amount: 15_000 },
      due: 'intake',
      // Luật Hộ tịch 2014, điều 11, khoản 1, điểm a: these persons pay no civil-status fee.
      exemptions: [
        {
          code: 'nguoi-co-cong',
          label: 'Người thuộc gia đình có công với cách mạng',
          basis: 'Luật Hộ tịch 2014, điều 11, khoản 1, điểm a',
        },
        { code: 'ho-ngheo', label: 'Người thuộc hộ nghèo', basis: 'Luật Hộ tịch 2014, điều 11, khoản 1, điểm a' },
        { code: 'khuyet-tat', label: 'Người khuyết tật', basis: 'Luật Hộ tịch 2014, điều 11, khoản 1, điểm a' },
      ],
      basis: 'Mức thu theo nghị quyết của HĐND tỉnh (Thông tư 85/2019/TT-BTC); miễn theo Luật Hộ tịch 2014, điều 11',
    },
    resultType: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    documents: [
      {
        name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      },
      { name: 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', copyType: 'certified-copy', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Công chức tư pháp - hộ tịch thẩm định, ghi sổ hộ tịch',
        role: 'specialist',
        duration: { workingDays: 2 },
      },
      { name: 'Lãnh đạo UBND xã ký Trích lục', role: 'leader', duration: { workingDays: 0.5 } },
    ],
    legalBasis: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',
  },

  // 2.001263: danh mục TTHC thực hiện không phụ thuộc địa giới hành chính, UBND thành phố Hải Phòng, 12/2025,
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/12/phu-luc.signed-1-639007020695231661.pdf.
  {
    code: '2.001263',
    version: 1,
    name: 'Đăng ký việc nuôi con nuôi trong nước',
    field: 'Nuôi con nuôi',
    level: 'commune',
    serviceLevel: 'partly-online',
    // Luật Nuôi con nuôi 2010, điều 18: within 30 days of a complete dossier.
    processingTime: { workingDays: 30 },
    fee: {
      label: 'Lệ phí đăng ký nuôi con nuôi trong nước',
      schedule: { kind: 'fixed', amount: 400_000 },
      due: 'intake',
      exemptions: [
        {
          code: 'cha-duong-me-ke',
          label: 'Cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi',
          basis: 'Nghị định 114/2016/NĐ-CP',
        },
        {
          code: 'ho-hang-ruot',
          label: 'Cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi',
          basis: 'Nghị định 114/2016/NĐ-CP',
        },
      ],
      basis: 'Nghị định 114/2016/NĐ-CP: 400.000 đồng/trường hợp',
    },
    resultType: 'Giấy chứng nhận nuôi con nuôi',
    documents: [
      { name: 'Đơn xin nhận con nuôi', copyType: 'original', count: 1 },
      { name: 'Phiếu lý lịch tư pháp của người nhận con nuôi', copyType: 'original', count: 1 },
      { name: 'Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi', copyType: 'original', count: 1 },
      { name: 'Giấy khai sinh của người được nhận làm con nuôi', copyType: 'copy', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 1 } },
      {
        name: 'Công chức tư pháp - hộ tịch lấy ý kiến những người liên quan, thẩm định hồ sơ',
        role: 'specialist',
        duration: { workingDays: 25 },
      },
      { name: 'Chủ tịch UBND xã ký Giấy chứng nhận nuôi con nuôi', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Luật Nuôi con nuôi 2010; Nghị định 19/2011/NĐ-CP; Nghị định 114/2016/NĐ-CP',
  },

  // ——— Chứng thực (UBND xã): the original is shown at the desk ———
  // 2.000815: Cổng Dịch vụ công tỉnh Lào Cai, "Ký hiệu thủ tục: 2.000815.000.00.00.H38",
  // https://dichvucong.laocai.gov.vn/trang-chu/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=47936; and the danh mục TTHC
  // không phụ thuộc địa giới hành chính, UBND thành phố Hải Phòng, 12/2025, https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/12/phu-luc.signed-1-639007020695231661.pdf.
  {
    code: '2.000815',
    version: 1,
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    // "Ngay trong ngày; sau 15 giờ thì trong ngày làm việc tiếp theo".
    processingTime: { workingHours: 4 },
    fee: {
      label: 'Phí chứng thực bản sao từ bản chính',
      schedule: {
        kind: 'per-page',
        tiers: [
          { fromPage: 1, amount: 2_000 },
          { fromPage: 3, amount: 1_000 },
        ],
        capPerCopy: 200_000,
      },
      due: 'intake',
      basis:
        'Thông tư 226/2016/TT-BTC, điều 4: 2.000 đồng/trang, từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản',
    },
    resultType: 'Bản sao được chứng thực từ bản chính',
    documents: [
      { name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', copyType: 'original', count: 1 },
      { name: 'Bản sao cần chứng thực', copyType: 'copy', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận, đối chiếu bản sao với bản chính', role: 'receiver', duration: { workingHours: 1 } },
      {
        name: 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ chứng thực',
        role: 'specialist',
        duration: { workingHours: 2 },
      },
      { name: 'Lãnh đạo UBND xã ký chứng thực', role: 'leader', duration: { workingHours: 1 } },
    ],
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',
  },
  // 2.000884: danh mục TTHC thực hiện không phụ thuộc địa giới hành chính, UBND thành phố Hải Phòng, 12/2025,
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/12/phu-luc.signed-1-639007020695231661.pdf.
  {
    code: '2.000884',
    version: 1,
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    processingTime: { workingHours: 4 },
    fee: {
      label: 'Phí chứng thực chữ ký',
      schedule: { kind: 'fixed', amount: 10_000 },
      due: 'intake',
      basis: 'Thông tư 226/2016/TT-BTC, điều 4: 10.000 đồng/trường hợp',
    },
    resultType: 'Giấy tờ, văn bản được chứng thực chữ ký',
    documents: [
      { name: 'Căn cước hoặc giấy tờ tùy thân còn giá trị sử dụng', copyType: 'original', count: 1 },
      { name: 'Giấy tờ, văn bản cần chứng thực chữ ký', copyType: 'original', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận, kiểm tra giấy tờ; người yêu cầu ký trước mặt người tiếp nhận',
        role: 'receiver',
        duration: { workingHours: 1 },
      },
      { name: 'Công chức tư pháp - hộ tịch ghi sổ chứng thực', role: 'specialist', duration: { workingHours: 2 } },
      { name: 'Lãnh đạo UBND xã ký chứng thực', role: 'leader', duration: { workingHours: 1 } },
    ],
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC (10.000 đồng/trường hợp)',
  },
  // 2.001035: Quyết định 3152/QĐ-BTP năm 2025 của Bộ Tư pháp, phụ lục I, công bố tại vinhbao.haiphong.gov.vn
  // (cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/11/phuluc-i-qd-3152-bo-tu-phap638984589798308803.docx).
  {
    code: '2.001035',
    version: 1,
    name: 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    processingTime: { workingDays: 2 },
    fee: {
      label: 'Phí chứng thực hợp đồng, giao dịch',
      schedule: { kind: 'fixed', amount: 50_000 },
      due: 'intake',
      basis: 'Thông tư 226/2016/TT-BTC, điều 4: 50.000 đồng/hợp đồng, giao dịch',
    },
    resultType: 'Hợp đồng, giao dịch được chứng thực',
    documents: [
      { name: 'Dự thảo hợp đồng, giao dịch', copyType: 'original', count: 1 },
      { name: 'Giấy tờ tùy thân của các bên tham gia hợp đồng, giao dịch', copyType: 'copy', count: 1 },
      {
        name: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
        copyType: 'copy',
        count: 1,
      },
    ],
    steps: [
      {
        name: 'Tiếp nhận, kiểm tra hồ sơ và năng lực hành vi của các bên',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      {
        name: 'Công chức tư pháp - hộ tịch kiểm tra nội dung, các bên ký trước mặt',
        role: 'specialist',
        duration: { workingDays: 1 },
      },
      { name: 'Lãnh đạo UBND xã ký chứng thực', role: 'leader', duration: { workingDays: 0.5 } },
    ],
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC (50.000 đồng/hợp đồng, giao dịch)',
  },

  // ——— Người có công (liên thông: UBND xã, Sở Nội vụ) ———
  // 2.002757: Cổng Dịch vụ công tỉnh Lào Cai, "Ký hiệu thủ tục: 2.002757.H38" (cơ quan thực hiện: Ủy ban nhân dân
  // cấp xã; Sở Nội vụ; 12 ngày làm việc; 0 đồng), https://dichvucong.laocai.gov.vn/yenbai/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=120608.
  // The one joint procedure of the demo: the province's centre receives, the Sở Nội vụ examines, the
  // applicant's commune examines and confirms on the way (before 1/7/2025 its policy council had 5 of the
  // working days), and the Chủ tịch UBND tỉnh decides on the Sở's submission. The portal lists counter
  // filing; the demo province offers it partly online (a province sets its own online service level).
  {
    code: '2.002757',
    version: 1,
    name: 'Giải quyết chế độ trợ cấp một lần đối với công nhân viên chức nhà nước, chuyên gia các ngành; cán bộ xã, phường, thị trấn; công an xã; thanh niên xung phong trực tiếp tham gia chiến tranh bảo vệ Tổ quốc và làm nhiệm vụ quốc tế sau ngày 30/4/1975 đã thôi việc, đã về gia đình (đối với đối tượng đã từ trần) thuộc thẩm quyền giải quyết của Chủ tịch UBND tỉnh',
    field: 'Người có công',
    level: 'department',
    agencyId: '24.SNV',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 12 },
    fee: null,
    resultType: 'Quyết định trợ cấp một lần',
    documents: [
      { name: 'Bản khai của thân nhân người đã từ trần', copyType: 'original', count: 1 },
      {
        name: 'Giấy tờ làm căn cứ xét duyệt: giấy xác nhận quá trình công tác, quyết định tuyển dụng, thôi việc hoặc hết nhiệm vụ, lý lịch',
        copyType: 'original',
        count: 1,
      },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      {
        name: 'Sở Nội vụ thẩm định, tổng hợp, trình Chủ tịch UBND tỉnh',
        role: 'specialist',
        duration: { workingDays: 4 },
      },
      {
        name: 'Lãnh đạo Sở Nội vụ trình, Chủ tịch UBND tỉnh ký quyết định',
        role: 'leader',
        duration: { workingDays: 2.5 },
      },
    ],
    joint: [
      {
        agency: { level: 'commune' },
        purpose: 'UBND xã nơi thân nhân thường trú xét duyệt, xác nhận hồ sơ',
        share: { workingDays: 5 },
      },
    ],
    legalBasis: 'Quyết định 62/2011/QĐ-TTg; Thông tư liên tịch 01/2012/TTLT-BQP-BLĐTBXH-BTC',
  },

  // ——— Đất đai ———
  // 1.013978: danh mục TTHC lĩnh vực đất đai công khai tại vinhbao.haiphong.gov.vn, 8/2025
  // (cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/8/noi-dung-linh-vuc-dat-dai-cap-xa638912181802758696.docx).
  {
    code: '1.013978',
    version: 1,
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: 'Đất đai',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    fee: {
      label: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
      schedule: { kind: 'fixed', amount: 100_000 },
      due: 'result',
      basis: 'Mức thu theo nghị quyết của HĐND tỉnh (Thông tư 85/2019/TT-BTC)',
    },
    resultType: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    documents: [
      {
        name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất',
        copyType: 'original',
        count: 1,
        template: 'Mẫu số 04/ĐK',
      },
      { name: 'Giấy tờ về quyền sử dụng đất (nếu có)', copyType: 'certified-copy', count: 1, optional: true },
      { name: 'Sơ đồ nhà ở, công trình xây dựng (nếu đăng ký tài sản)', copyType: 'copy', count: 1, optional: true },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Công chức địa chính kiểm tra hiện trạng, niêm yết công khai',
        role: 'specialist',
        duration: { workingDays: 10 },
      },
      {
        name: 'Văn phòng đăng ký đất đai cập nhật hồ sơ địa chính, in Giấy chứng nhận',
        role: 'specialist',
        duration: { workingDays: 6 },
      },
      { name: 'Chủ tịch UBND xã ký Giấy chứng nhận', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 151/2025/NĐ-CP',
  },
  // 1.012812: danh mục TTHC lĩnh vực đất đai công khai tại vinhbao.haiphong.gov.vn, 8/2025
  // (cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/8/noi-dung-linh-vuc-dat-dai-cap-xa638912181802758696.docx).
  {
    code: '1.012812',
    version: 1,
    name: 'Hòa giải tranh chấp đất đai',
    field: 'Đất đai',
    level: 'commune',
    // The parties meet at the commune: nothing to file online.
    serviceLevel: 'offline',
    processingTime: { workingDays: 30 },
    fee: null,
    resultType: 'Biên bản hòa giải tranh chấp đất đai',
    documents: [{ name: 'Đơn yêu cầu hòa giải tranh chấp đất đai', copyType: 'original', count: 1 }],
    steps: [
      { name: 'Tiếp nhận đơn', role: 'receiver', duration: { workingDays: 1 } },
      { name: 'Xác minh, thu thập tài liệu, tổ chức họp hòa giải', role: 'specialist', duration: { workingDays: 25 } },
      { name: 'Chủ tịch UBND xã chủ trì, ký biên bản hòa giải', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Luật Đất đai 2024, Điều 235; Nghị định 102/2024/NĐ-CP',
  },
  // 1.013823: Quyết định 3266/QĐ-UBND năm 2025 của UBND thành phố Hải Phòng, danh mục kèm theo
  // (cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2025/8/qd-3266-danh-muc-kem-theo638912181889816666.doc), cấp tỉnh.
  {
    code: '1.013823',
    version: 1,
    name: 'Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất, cho thuê đất không đấu giá quyền sử dụng đất, không đấu thầu lựa chọn nhà đầu tư thực hiện dự án có sử dụng đất',
    field: 'Đất đai',
    level: 'province',
    agencyId: '24.UBND',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    // The schedule gives a range by the land's area and the dossier's complexity: the official sets
    // the case's amount within it (request-fees) before the applicant pays.
    fee: {
      label: 'Phí thẩm định hồ sơ, điều kiện cấp quyền sử dụng đất',
      schedule: { kind: 'range', min: 500_000, max: 5_000_000 },
      due: 'result',
      basis:
        'Thông tư 85/2019/TT-BTC: phí thẩm định hồ sơ thuộc thẩm quyền HĐND tỉnh, mức thu theo quy mô diện tích và tính chất phức tạp của hồ sơ',
    },
    resultType: 'Quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất',
    documents: [
      { name: 'Đơn xin giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất', copyType: 'original', count: 1 },
      { name: 'Văn bản chấp thuận chủ trương đầu tư hoặc quyết định đầu tư dự án', copyType: 'copy', count: 1 },
      { name: 'Trích lục bản đồ địa chính hoặc trích đo địa chính thửa đất', copyType: 'original', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      {
        name: 'Sở Nông nghiệp và Môi trường thẩm định, trình UBND tỉnh',
        role: 'specialist',
        duration: { workingDays: 15 },
      },
      { name: 'Lãnh đạo UBND tỉnh ký quyết định', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Luật Đất đai 2024; Nghị định 102/2024/NĐ-CP',
  },

  // ——— Bảo trợ xã hội (UBND xã) ———
  // 1.001776: Quyết định 2874/QĐ-UBND năm 2025 của UBND thành phố Hải Phòng
  // (cdn.haiphong.gov.vn/gov-hpg/6819/tintuc/2025/7/dm-tthc-chuan-hoa-syt638893087955858786.pdf).
  {
    code: '1.001776',
    version: 1,
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    field: 'Bảo trợ xã hội',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 15 },
    fee: null,
    resultType: 'Quyết định trợ cấp xã hội hằng tháng',
    documents: [
      {
        name: 'Tờ khai đề nghị trợ giúp xã hội',
        copyType: 'original',
        count: 1,
        template: 'Mẫu số 1a–1đ Nghị định 20/2021/NĐ-CP',
      },
      { name: 'Giấy xác nhận khuyết tật (với người khuyết tật)', copyType: 'copy', count: 1, optional: true },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Hội đồng xét duyệt trợ giúp xã hội họp, niêm yết công khai',
        role: 'specialist',
        duration: { workingDays: 10 },
      },
      { name: 'Chủ tịch UBND xã quyết định trợ cấp', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Nghị định 20/2021/NĐ-CP; Nghị định 76/2024/NĐ-CP',
  },

  // ——— Đăng ký kinh doanh ———
  // 1.001612: thông báo niêm yết TTHC lĩnh vực hộ kinh doanh, Hải Phòng, 27/5/2026
  // (cdn.haiphong.gov.vn/gov-hpg/6822/tintuc/2026/5/27.5-tb-niem-yet-tthc.signed639154720526079683.pdf).
  {
    code: '1.001612',
    version: 1,
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: {
      label: 'Lệ phí đăng ký hộ kinh doanh',
      schedule: { kind: 'fixed', amount: 100_000 },
      due: 'intake',
      basis: 'Mức thu theo nghị quyết của HĐND tỉnh (Thông tư 85/2019/TT-BTC)',
    },
    resultType: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    documents: [
      { name: 'Giấy đề nghị đăng ký hộ kinh doanh', copyType: 'original', count: 1, template: 'Phụ lục III-1' },
      {
        name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
        copyType: 'copy',
        count: 1,
        optional: true,
      },
    ],
    steps: [
      { name: 'Tiếp nhận hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Phòng Kinh tế thẩm định, nhập hệ thống đăng ký hộ kinh doanh',
        role: 'specialist',
        duration: { workingDays: 1.5 },
      },
      { name: 'Lãnh đạo UBND xã ký Giấy chứng nhận', role: 'leader', duration: { workingDays: 1 } },
    ],
    legalBasis: 'Nghị định 168/2025/NĐ-CP',
  },
  // 2.001610: Quyết định 1996/QĐ-BTC năm 2026 của Bộ Tài chính, công bố tại Hải Phòng (Quyết định 2884/QĐ-UBND),
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2026/8/quyet-dinh-2026-cong-bo-dmtthc-linh-vuc-dkdn-.....signed639221474071232220.pdf.
  {
    code: '2.001610',
    version: 1,
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: {
      label: 'Phí công bố nội dung đăng ký doanh nghiệp',
      schedule: { kind: 'fixed', amount: 100_000 },
      due: 'intake',
      basis: 'Thông tư 47/2019/TT-BTC: phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng/lần',
    },
    resultType: 'Giấy chứng nhận đăng ký doanh nghiệp',
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp tư nhân', copyType: 'original', count: 1, template: 'Phụ lục I-1' },
      { name: 'Giấy tờ pháp lý của cá nhân chủ doanh nghiệp', copyType: 'copy', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      { name: 'Phòng Đăng ký kinh doanh thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 1.5 } },
      {
        name: 'Lãnh đạo phòng Đăng ký kinh doanh duyệt, cấp Giấy chứng nhận',
        role: 'leader',
        duration: { workingDays: 1 },
      },
    ],
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP',
  },
  // 2.002043, in place of the two-member LLC registration whose code could not be checked: Quyết định
  // 1996/QĐ-BTC năm 2026 của Bộ Tài chính, công bố tại Hải Phòng (Quyết định 2884/QĐ-UBND),
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2026/8/quyet-dinh-2026-cong-bo-dmtthc-linh-vuc-dkdn-.....signed639221474071232220.pdf.
  {
    code: '2.002043',
    version: 1,
    name: 'Đăng ký thành lập công ty cổ phần',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: {
      label: 'Phí công bố nội dung đăng ký doanh nghiệp',
      schedule: { kind: 'fixed', amount: 100_000 },
      due: 'intake',
      basis: 'Thông tư 47/2019/TT-BTC: phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng/lần',
    },
    resultType: 'Giấy chứng nhận đăng ký doanh nghiệp',
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp', copyType: 'original', count: 1 },
      { name: 'Điều lệ công ty', copyType: 'original', count: 1 },
      { name: 'Danh sách cổ đông sáng lập', copyType: 'original', count: 1 },
      { name: 'Giấy tờ pháp lý của cá nhân, tổ chức là cổ đông sáng lập', copyType: 'copy', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      { name: 'Phòng Đăng ký kinh doanh thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 1.5 } },
      {
        name: 'Lãnh đạo phòng Đăng ký kinh doanh duyệt, cấp Giấy chứng nhận',
        role: 'leader',
        duration: { workingDays: 1 },
      },
    ],
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP',
  },
  // 2.002020, in place of the notice of suspension whose code could not be checked: Quyết định 1996/QĐ-BTC
  // năm 2026 của Bộ Tài chính, công bố tại Hải Phòng (Quyết định 2884/QĐ-UBND),
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2026/8/quyet-dinh-2026-cong-bo-dmtthc-linh-vuc-dkdn-.....signed639221474071232220.pdf.
  {
    code: '2.002020',
    version: 1,
    name: 'Chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: null,
    resultType: 'Thông báo về việc chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh',
    documents: [
      {
        name: 'Thông báo về việc chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh',
        copyType: 'original',
        count: 1,
      },
      {
        name: 'Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Hội đồng quản trị về việc chấm dứt hoạt động',
        copyType: 'copy',
        count: 1,
      },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      { name: 'Phòng Đăng ký kinh doanh kiểm tra hồ sơ', role: 'specialist', duration: { workingDays: 1.5 } },
      {
        name: 'Lãnh đạo phòng Đăng ký kinh doanh duyệt, cập nhật tình trạng pháp lý',
        role: 'leader',
        duration: { workingDays: 1 },
      },
    ],
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP',
  },

  // ——— Sở Tư pháp ———
  // 1.008927, in place of the judicial-record certificate 2.000488 (since 2025 the provincial police issue it,
  // code 3.000333 on the Ministry of Public Security's portal, not the Sở Tư pháp): Quyết định 1444/QĐ-BTP và
  // 1458/QĐ-BTP năm 2026 của Bộ Tư pháp, công bố tại Hải Phòng (Quyết định 2320/QĐ-UBND),
  // https://cdn.haiphong.gov.vn/gov-hpg/6874/tintuc/2026/6/quyet-dinh-so-2320-cong-bo-dm-tthc-sua-doi-bo-sung-va-bai-bo-thuoc-quan-ly-cua-so-tu-phap639178246917435630639180044385831717.pdf.
  {
    code: '1.008927',
    version: 1,
    name: 'Đăng ký hành nghề và cấp Thẻ Thừa hành viên',
    field: 'Thừa hành viên',
    level: 'department',
    agencyId: '24.STP',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 5 },
    fee: null,
    resultType: 'Thẻ Thừa hành viên',
    documents: [
      { name: 'Giấy đề nghị đăng ký hành nghề và cấp Thẻ Thừa hành viên', copyType: 'original', count: 1 },
      { name: 'Quyết định bổ nhiệm Thừa hành viên', copyType: 'copy', count: 1 },
      { name: 'Ảnh chân dung cỡ 2x3 cm (tệp ảnh màu)', copyType: 'original', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      { name: 'Phòng Bổ trợ tư pháp thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 3.5 } },
      { name: 'Lãnh đạo Sở Tư pháp ký, cấp Thẻ', role: 'leader', duration: { workingDays: 1 } },
    ],
  },
];
