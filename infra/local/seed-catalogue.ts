import type { Procedure } from '../../shared/domain/procedure.ts';

/**
 * The demo catalogue of Tỉnh Bắc Ninh: real procedures of communes and departments in the
 * two-level model (from 1/7/2025), with plausible legal times, fees and internal processes.
 *
 * Codes: `1.001193`, `1.000894`, `1.000656` and `2.000488` are national codes (CSDL quốc gia về
 * TTHC); `1.001776` and `2.000815` are believed to be and should be checked before production.
 * `9.24xxxx` are placeholder codes of this demo, to be replaced by the national code of each
 * procedure: national codes start with 1 or 2, so a placeholder can never collide with one.
 */
export const demoProcedures: Procedure[] = [
  // ——— Hộ tịch (UBND xã) ———
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
  {
    code: '9.240101',
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
  {
    code: '9.240102',
    version: 1,
    name: 'Cấp bản sao Trích lục hộ tịch',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 1 },
    fee: { amount: 8_000, due: 'intake' },
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
  {
    code: '9.240103',
    version: 1,
    name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    field: 'Hộ tịch',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 3 },
    fee: { amount: 15_000, due: 'intake' },
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

  // ——— Chứng thực (UBND xã): the original is shown at the desk ———
  {
    code: '2.000815',
    version: 1,
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    // "Ngay trong ngày; sau 15 giờ thì trong ngày làm việc tiếp theo".
    processingTime: { workingHours: 4 },
    fee: { amount: 2_000, due: 'intake' },
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
    legalBasis:
      'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC (2.000 đồng/trang, từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản)',
  },
  {
    code: '9.240201',
    version: 1,
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    processingTime: { workingHours: 4 },
    fee: { amount: 10_000, due: 'intake' },
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
  {
    code: '9.240202',
    version: 1,
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    field: 'Chứng thực',
    level: 'commune',
    serviceLevel: 'offline',
    processingTime: { workingDays: 2 },
    fee: { amount: 50_000, due: 'intake' },
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

  // ——— Xây dựng, nhà ở ———
  {
    code: '9.240301',
    version: 1,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    // Since 1/7/2025 the commune's People's Committee issues it (formerly the district).
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 15 },
    fee: { amount: 75_000, due: 'intake' },
    resultType: 'Giấy phép xây dựng',
    documents: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Nghị định 175/2024/NĐ-CP',
      },
      { name: 'Giấy tờ hợp pháp về quyền sử dụng đất', copyType: 'certified-copy', count: 1 },
      { name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', copyType: 'copy', count: 2 },
      {
        name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
        copyType: 'original',
        count: 1,
        optional: true,
      },
    ],
    steps: [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      {
        name: 'Phòng Kinh tế, Hạ tầng và Đô thị thẩm định, kiểm tra thực địa',
        role: 'specialist',
        duration: { workingDays: 10 },
      },
      { name: 'Dự thảo giấy phép, trình ký', role: 'specialist', duration: { workingDays: 2 } },
      { name: 'Lãnh đạo UBND xã ký giấy phép', role: 'leader', duration: { workingDays: 2 } },
    ],
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP',
  },
  {
    code: '9.240302',
    version: 1,
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II',
    field: 'Hoạt động xây dựng',
    level: 'department',
    agencyId: '24.SXD',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    fee: { amount: 150_000, due: 'intake' },
    resultType: 'Giấy phép xây dựng',
    documents: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Nghị định 175/2024/NĐ-CP',
      },
      { name: 'Giấy tờ hợp pháp về quyền sử dụng đất', copyType: 'certified-copy', count: 1 },
      { name: 'Quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định', copyType: 'copy', count: 1 },
      { name: 'Bản vẽ thiết kế xây dựng', copyType: 'copy', count: 2 },
      { name: 'Văn bản thẩm duyệt thiết kế về phòng cháy, chữa cháy', copyType: 'copy', count: 1, optional: true },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      {
        name: 'Phòng Quản lý hoạt động xây dựng thẩm định, kiểm tra thực địa',
        role: 'specialist',
        duration: { workingDays: 15 },
      },
      { name: 'Lãnh đạo Sở Xây dựng ký giấy phép', role: 'leader', duration: { workingDays: 3 } },
    ],
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP',
  },
  {
    code: '9.240303',
    version: 1,
    name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
    field: 'Hoạt động xây dựng',
    level: 'department',
    agencyId: '24.SXD',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 20 },
    fee: { amount: 300_000, due: 'intake' },
    resultType: 'Chứng chỉ hành nghề hoạt động xây dựng',
    documents: [
      {
        name: 'Đơn đề nghị cấp chứng chỉ hành nghề',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Nghị định 175/2024/NĐ-CP',
      },
      { name: 'Văn bằng đào tạo chuyên môn', copyType: 'copy', count: 1 },
      { name: 'Ảnh chân dung cỡ 4x6 cm (tệp ảnh màu)', copyType: 'original', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận hồ sơ trực tuyến', role: 'receiver', duration: { workingDays: 0.5 } },
      { name: 'Hội đồng xét cấp chứng chỉ đánh giá năng lực', role: 'specialist', duration: { workingDays: 16 } },
      { name: 'Lãnh đạo Sở Xây dựng ký chứng chỉ', role: 'leader', duration: { workingDays: 2 } },
    ],
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020); Nghị định 175/2024/NĐ-CP',
  },
  {
    // Joint (liên thông) across levels: decided by the Sở Xây dựng, with a leg at the applicant's commune.
    code: '9.240304',
    version: 1,
    name: 'Giải quyết cho thuê nhà ở xã hội thuộc tài sản công',
    field: 'Nhà ở',
    level: 'department',
    agencyId: '24.SXD',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    fee: null,
    resultType: 'Quyết định cho thuê nhà ở xã hội',
    documents: [
      {
        name: 'Đơn đề nghị thuê nhà ở xã hội',
        copyType: 'original',
        count: 1,
        template: 'Mẫu ban hành kèm Nghị định 100/2024/NĐ-CP',
      },
      { name: 'Giấy tờ chứng minh đối tượng được hưởng chính sách nhà ở xã hội', copyType: 'certified-copy', count: 1 },
      { name: 'Giấy tờ chứng minh điều kiện về thu nhập', copyType: 'copy', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      {
        name: 'Phòng Quản lý nhà và thị trường bất động sản thẩm định',
        role: 'specialist',
        duration: { workingDays: 12 },
      },
      { name: 'Lãnh đạo Sở Xây dựng ký quyết định', role: 'leader', duration: { workingDays: 2 } },
    ],
    joint: [
      {
        agency: { level: 'commune' },
        purpose: 'Xác nhận của UBND xã về thực trạng nhà ở của người đề nghị thuê nhà ở xã hội',
        share: { workingDays: 3 },
      },
    ],
    legalBasis: 'Luật Nhà ở 2023; Nghị định 95/2024/NĐ-CP; Nghị định 100/2024/NĐ-CP',
  },

  // ——— Đất đai ———
  {
    code: '9.240401',
    version: 1,
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho cá nhân',
    field: 'Đất đai',
    level: 'commune',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    fee: { amount: 100_000, due: 'result' },
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
  {
    code: '9.240402',
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
  {
    code: '9.240403',
    version: 1,
    name: 'Giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối với tổ chức',
    field: 'Đất đai',
    level: 'province',
    agencyId: '24.UBND',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 20 },
    fee: null,
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
  {
    code: '1.001776',
    version: 1,
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
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
  {
    code: '9.240601',
    version: 1,
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'commune',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: { amount: 100_000, due: 'intake' },
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
  {
    code: '9.240602',
    version: 1,
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: { amount: 100_000, due: 'intake' },
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
    legalBasis:
      'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP (phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng)',
  },
  {
    code: '9.240603',
    version: 1,
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: { amount: 100_000, due: 'intake' },
    resultType: 'Giấy chứng nhận đăng ký doanh nghiệp',
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp', copyType: 'original', count: 1, template: 'Phụ lục I-3' },
      { name: 'Điều lệ công ty', copyType: 'original', count: 1 },
      { name: 'Danh sách thành viên', copyType: 'original', count: 1, template: 'Phụ lục I-6' },
      { name: 'Giấy tờ pháp lý của cá nhân, tổ chức là thành viên', copyType: 'copy', count: 1 },
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
  {
    code: '9.240604',
    version: 1,
    name: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    level: 'department',
    agencyId: '24.STC',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 3 },
    fee: null,
    resultType: 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh',
    documents: [
      {
        name: 'Thông báo về việc tạm ngừng kinh doanh, tiếp tục kinh doanh',
        copyType: 'original',
        count: 1,
        template: 'Phụ lục II-19',
      },
      {
        name: 'Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Hội đồng quản trị',
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
        name: 'Lãnh đạo phòng Đăng ký kinh doanh duyệt, cấp Giấy xác nhận',
        role: 'leader',
        duration: { workingDays: 1 },
      },
    ],
    legalBasis: 'Luật Doanh nghiệp 2020; Nghị định 168/2025/NĐ-CP',
  },

  // ——— Sở Tư pháp ———
  {
    code: '2.000488',
    version: 1,
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'department',
    agencyId: '24.STP',
    serviceLevel: 'fully-online',
    processingTime: { workingDays: 10 },
    fee: { amount: 200_000, due: 'intake' },
    resultType: 'Phiếu lý lịch tư pháp',
    documents: [
      {
        name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
        copyType: 'original',
        count: 1,
        template: 'Mẫu số 03/2013/TT-LLTP',
      },
      { name: 'Căn cước công dân', copyType: 'copy', count: 1 },
    ],
    steps: [
      { name: 'Tiếp nhận hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
      { name: 'Tra cứu, xác minh thông tin lý lịch tư pháp', role: 'specialist', duration: { workingDays: 8 } },
      { name: 'Lãnh đạo Sở ký Phiếu', role: 'leader', duration: { workingDays: 1 } },
    ],
    legalBasis: 'Luật Lý lịch tư pháp 2009; Thông tư 244/2016/TT-BTC (phí 200.000 đồng/lần/người)',
  },
  {
    code: '9.240701',
    version: 1,
    name: 'Đăng ký hoạt động Văn phòng công chứng',
    field: 'Công chứng',
    level: 'department',
    agencyId: '24.STP',
    serviceLevel: 'partly-online',
    processingTime: { workingDays: 10 },
    fee: { amount: 1_000_000, due: 'intake' },
    resultType: 'Giấy đăng ký hoạt động Văn phòng công chứng',
    documents: [
      { name: 'Đơn đề nghị đăng ký hoạt động Văn phòng công chứng', copyType: 'original', count: 1 },
      { name: 'Quyết định cho phép thành lập Văn phòng công chứng', copyType: 'copy', count: 1 },
      { name: 'Giấy tờ chứng minh về trụ sở của Văn phòng công chứng', copyType: 'copy', count: 1 },
    ],
    steps: [
      {
        name: 'Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công',
        role: 'receiver',
        duration: { workingDays: 0.5 },
      },
      { name: 'Phòng Bổ trợ tư pháp thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 7 } },
      { name: 'Lãnh đạo Sở Tư pháp ký Giấy đăng ký hoạt động', role: 'leader', duration: { workingDays: 2 } },
    ],
    legalBasis: 'Luật Công chứng 2024; Thông tư 257/2016/TT-BTC (phí thẩm định 1.000.000 đồng)',
  },
];
