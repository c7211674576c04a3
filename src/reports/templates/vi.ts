// Vietnamese sentences, written the way the sector's reports and the seed articles write them.
import { formatDate } from '../../shared/format.ts';
import type { Run } from '../model.ts';
import { join, lowerFirst, p, upperFirst } from './runs.ts';
import type { Phrasebook, ResultArgs, TargetArgs, Versus } from './types.ts';

const versus = (v: Versus) => (v === 'previous' ? 'cùng kỳ năm trước' : `cùng kỳ năm ${v}`);
const of = (name: string, where: string | null) => (where ? `${name} của ${where}` : name);
const UP = (s: string) => s.toLocaleUpperCase('vi');

function result(a: ResultArgs): Run[] {
  const subject = a.opening ? `Trong ${a.opening}, ${lowerFirst(of(a.name, a.where))}` : of(a.name, a.where);
  const est = a.estimate ? 'ước ' : '';
  const cov = a.coverage
    ? p` (tổng hợp từ số liệu của ${String(a.coverage.reported)}/${String(a.coverage.of)} tỉnh, thành phố${a.coverage.missing ? `; chưa có số liệu của ${a.coverage.missing}` : ''})`
    : [];
  if (a.value && a.growth) return p`${subject} ${est}đạt ${a.value}, ${a.growth} so với ${versus(a.versus)}${cov}.`;
  if (a.growth) return p`${subject} ${a.growth} so với ${versus(a.versus)}${cov}.`;
  if (a.value) return p`${subject} ${est}đạt ${a.value}${cov}; chưa có số liệu ${versus(a.versus)} để so sánh.`;
  return missing(a.name, a.where, a.period);
}

function missing(name: string, where: string | null, period: string): Run[] {
  return p`Chưa có số liệu ${lowerFirst(of(name, where))} ${period}.`;
}

function progressTail(a: TargetArgs): Run[] {
  if (a.exceeded) return p`, đã hoàn thành kế hoạch năm ${String(a.year)}`;
  if (a.pace && a.monthsLeft > 0) {
    return p`; để hoàn thành kế hoạch, ${String(a.monthsLeft)} tháng cuối năm cần đạt bình quân ${a.pace} mỗi tháng`;
  }
  return [];
}

export const vi: Phrasebook = {
  lang: 'vi',
  header: {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    ministry: 'BỘ CÔNG THƯƠNG',
    department: 'SỞ CÔNG THƯƠNG',
    provincialCommittee: (kind, name) => `UBND ${kind === 'thanh-pho' ? 'THÀNH PHỐ' : 'TỈNH'} ${name ? UP(name) : '……'}`,
    number: (symbol) => `Số:${'\u00a0'.repeat(8)}/${symbol}`,
    placeDate: (place, iso) => `${place ?? '……'}, ${formatDate(iso, 'vi', 'formal')}`,
    ministryPlace: 'Hà Nội',
    docType: 'BÁO CÁO',
    briefType: 'BÁO CÁO NHANH',
  },
  subject: {
    conference: (where, period, conference) => [
      `Tình hình thực hiện nhiệm vụ ngành Công Thương ${where} ${period}`,
      'và nhiệm vụ, giải pháp thời gian tới',
      ...(conference ? [`(Phục vụ ${conference})`] : []),
    ],
    provincial: (period, year, left) => [
      `Sơ kết tình hình thực hiện nhiệm vụ ngành Công Thương ${period}`,
      left > 0 ? `và phương hướng, nhiệm vụ các tháng cuối năm ${year}` : `và phương hướng, nhiệm vụ năm ${year + 1}`,
    ],
    monthly: (where, month) => [`Tình hình ngành Công Thương ${where} ${month}`],
  },
  intro: {
    conference: (counted, period) =>
      p`Bộ Công Thương báo cáo tình hình thực hiện nhiệm vụ ngành Công Thương của ${counted} ${period} và nhiệm vụ, giải pháp thời gian tới như sau:`,
    provincial: (period) => p`Sở Công Thương báo cáo sơ kết tình hình thực hiện nhiệm vụ sản xuất, kinh doanh ${period} và phương hướng, nhiệm vụ thời gian tới như sau:`,
    monthly: (month) => p`Bộ Công Thương thông tin nhanh tình hình sản xuất công nghiệp, thương mại ${month} như sau:`,
    dataNote: p`Số liệu vùng được tổng hợp từ số liệu các tỉnh, thành phố đã báo cáo; khi chưa đủ, báo cáo sử dụng số liệu khu vực đã công bố và ghi rõ nguồn. Số liệu chưa có được ghi rõ là chưa có.`,
  },
  titles: {
    results: (period) => `KẾT QUẢ THỰC HIỆN ${UP(period)}`,
    industry: 'Sản xuất công nghiệp',
    clusters: 'Phát triển cụm công nghiệp',
    trade: 'Thương mại nội địa',
    exportsImports: 'Xuất khẩu, nhập khẩu',
    plan: (year) => `Tiến độ thực hiện kế hoạch năm ${year}`,
    difficulties: 'HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC',
    tasks: (left, year) => (left > 0 ? `NHIỆM VỤ, GIẢI PHÁP ${left} THÁNG CUỐI NĂM ${year}` : `NHIỆM VỤ, GIẢI PHÁP NĂM ${year + 1}`),
    recommendations: 'KIẾN NGHỊ, ĐỀ XUẤT VÀ TRẢ LỜI CỦA CÁC ĐƠN VỊ THUỘC BỘ',
    provincialResults: (period) => `KẾT QUẢ THỰC HIỆN ${UP(period)}`,
    provincialTargets: (left, year) => (left > 0 ? `PHƯƠNG HƯỚNG, NHIỆM VỤ CÁC THÁNG CUỐI NĂM ${year}` : `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`),
    targets: (year) => `Các chỉ tiêu kế hoạch năm ${year} và mức cần đạt`,
    provincialTasks: 'Nhiệm vụ, giải pháp',
    provincialRecommendations: 'KIẾN NGHỊ, ĐỀ XUẤT',
    regionPage: (where) => UP(where),
  },
  result,
  missing,
  aboveAverage: (count, total, average, names, area) =>
    count > 0
      ? p`Có ${String(count)}/${String(total)} tỉnh, thành có mức tăng cao hơn mức tăng bình quân của ${area} (${average}) gồm: ${names}.`
      : p`Không có tỉnh, thành nào trong ${String(total)} tỉnh, thành có số liệu có mức tăng cao hơn mức tăng bình quân của ${area} (${average}).`,
  rankInRegion: (name, rank, total, where) => p`${name} đứng thứ ${String(rank)}/${String(total)} tỉnh, thành phố có số liệu của ${where}.`,
  clusters: (a) => {
    const first = a.count
      ? p`toàn ${a.where} có ${a.count} cụm công nghiệp${a.area ? p`, tổng diện tích ${a.area}` : ''}`
      : a.area ? p`tổng diện tích các cụm công nghiệp của ${a.where} là ${a.area}` : null;
    const rest = join([
      a.operating ? p`${a.operating} cụm công nghiệp đi vào hoạt động` : null,
      a.projects ? p`thu hút ${a.projects} dự án đầu tư sản xuất kinh doanh` : null,
      a.capital ? p`với tổng vốn đăng ký đầu tư ${a.capital}` : null,
      a.jobs ? p`tạo việc làm cho ${a.jobs} lao động` : null,
    ], ', ');
    if (first && rest.length) return p`Đến hết ${a.asOf}, ${first}. ${a.operating ? p`Trong đó, ${rest}` : p`Các cụm công nghiệp ${rest}`}.`;
    if (first) return p`Đến hết ${a.asOf}, ${first}.`;
    return a.operating ? p`Đến hết ${a.asOf}, ${a.where} có ${rest}.` : p`Đến hết ${a.asOf}, các cụm công nghiệp của ${a.where} ${rest}.`;
  },
  clustersMissing: (where, asOf) => p`Chưa có số liệu về cụm công nghiệp của ${where} đến hết ${asOf}.`,
  infrastructure: (asOf, where, items) => {
    const noun: Record<string, string> = { markets: 'chợ', supermarkets: 'siêu thị', malls: 'trung tâm thương mại', fuel_stations: 'cửa hàng bán lẻ xăng dầu' };
    const parts = items.filter((i) => i.count).map((i) => p`${i.count} ${noun[i.code] ?? i.code}`);
    return p`Về hạ tầng thương mại, đến hết ${asOf}, ${where} có ${join(parts, ', ', ' và ')}.`;
  },
  balance: (where, value, surplus, estimate) => {
    const est = estimate ? 'ước ' : '';
    if (surplus === null || !value) return p`Cán cân thương mại hàng hóa của ${where} cân bằng.`;
    return p`${upperFirst(where)} ${est}${surplus ? 'xuất siêu' : 'nhập siêu'} ${value}.`;
  },
  pctOfPlanOnly: (name, pct, year, valueMissing) =>
    p`${name} bằng ${pct} kế hoạch năm ${String(year)}${valueMissing ? '; chưa có số liệu về giá trị và mức tăng, giảm so với cùng kỳ' : ''}.`,
  planProgress: (a) => p`${a.name} ${a.periodLabel} bằng ${a.pct} kế hoạch năm ${String(a.year)}${progressTail(a)}.`,
  noPlans: (year) => p`Chưa có số liệu kế hoạch năm ${String(year)} để đánh giá tiến độ thực hiện.`,
  target: (a) => {
    const head = a.plan
      ? p`${a.name} năm ${String(a.year)}: kế hoạch ${a.plan}${a.planGrowth ? p` (${a.planGrowth} so với năm ${String(a.year - 1)})` : ''}`
      : p`${a.name} năm ${String(a.year)}: mục tiêu ${a.planGrowth} so với năm ${String(a.year - 1)}`;
    if (!a.plan) return p`${head}.`;
    if (a.exceeded) return p`${head}; ${a.periodLabel} đã đạt ${a.done ?? a.pct}, hoàn thành kế hoạch năm.`;
    if (a.pct && a.remaining) {
      const done = a.done ? p`đạt ${a.done}, bằng ${a.pct} kế hoạch` : p`bằng ${a.pct} kế hoạch`;
      const pace = a.pace && a.monthsLeft > 0 ? p`; ${String(a.monthsLeft)} tháng cuối năm cần đạt bình quân ${a.pace} mỗi tháng` : '';
      return p`${head}; ${a.periodLabel} ${done}, còn ${a.remaining}${pace}.`;
    }
    return p`${head}; chưa có số liệu lũy kế ${a.periodLabel} nên chưa tính được mức cần đạt mỗi tháng.`;
  },
  products: (up, down, total, annex) =>
    p`Trong ${String(total)} sản phẩm công nghiệp chủ yếu có số liệu, ${String(up)} sản phẩm tăng và ${String(down)} sản phẩm giảm so với cùng kỳ năm trước (chi tiết tại ${annex}).`,
  monthly: (a) => {
    const m = a.monthValue || a.monthGrowth
      ? p`${a.month} ${a.monthValue ? p`${a.monthEstimate ? 'ước ' : ''}đạt ${a.monthValue}` : ''}${a.monthValue && a.monthGrowth ? ', ' : ''}${a.monthGrowth ? p`${a.monthGrowth} so với cùng kỳ năm trước` : ''}`
      : p`${a.month} chưa có số liệu`;
    const c = !a.cumulative ? null : a.cumValue || a.cumGrowth
      ? p`lũy kế ${a.cumulative} ${a.cumValue ? p`${a.cumEstimate ? 'ước ' : ''}đạt ${a.cumValue}` : ''}${a.cumValue && a.cumGrowth ? ', ' : ''}${a.cumGrowth ?? ''}`
      : p`lũy kế ${a.cumulative} chưa có số liệu`;
    return p`${a.name}: ${m}${c ? p`; ${c}` : ''}.`;
  },
  coverageLine: (reported, total, missingNames) =>
    p`Số liệu tháng của ${String(reported)}/${String(total)} tỉnh, thành phố${missingNames ? `; chưa có số liệu của ${missingNames}` : ''}.`,
  publishedOverPartial: (reported, total, missingNames) =>
    p`Số liệu trên là số liệu khu vực đã công bố: số liệu các tỉnh, thành phố mới có ${String(reported)}/${String(total)} (chưa có ${missingNames}) nên chưa tổng hợp.`,
  noContext: {
    difficulties: p`Chưa có dữ liệu về hạn chế, khó khăn, vướng mắc trong kỳ (nội dung được tổng hợp từ báo cáo của các Sở Công Thương và Hội nghị khi có).`,
    tasks: p`Chưa có dữ liệu về nhiệm vụ, giải pháp được thống nhất cho thời gian tới.`,
    recommendations: p`Chưa có dữ liệu về kiến nghị, đề xuất của các địa phương và trả lời của các đơn vị thuộc Bộ.`,
  },
  recommendation: (t, by, to, answer, answeredBy) =>
    p`${by ? `${by}: ` : ''}${t}${to ? ` (gửi ${to})` : ''}. ${answer ? `Trả lời${answeredBy ? ` của ${answeredBy}` : ''}: ${answer}` : 'Chưa có trả lời.'}`,
  fieldOther: 'Lĩnh vực khác',
  closing: {
    conference: (counted, period) =>
      p`Trên đây là báo cáo tình hình thực hiện nhiệm vụ ngành Công Thương của ${counted} ${period} và nhiệm vụ, giải pháp thời gian tới./.`,
    provincial: (period) => p`Trên đây là báo cáo sơ kết tình hình thực hiện nhiệm vụ ngành Công Thương ${period} và phương hướng, nhiệm vụ thời gian tới của Sở Công Thương./.`,
    monthly: p`Số liệu sẽ được cập nhật khi các tỉnh, thành phố báo cáo chính thức./.`,
  },
  signature: { ministry: ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'], department: ['GIÁM ĐỐC'], note: '' },
  recipients: {
    heading: 'Nơi nhận:',
    conference: (counted) => ['Bộ trưởng (để b/c);', 'Các Thứ trưởng;', `UBND, Sở Công Thương ${counted};`, 'Các đơn vị thuộc Bộ;', 'Lưu: VT, KH.'],
    provincial: ['Bộ Công Thương (để b/c);', 'UBND tỉnh (để b/c);', 'Các sở, ban, ngành liên quan;', 'Lưu: VT, KHTC.'],
    monthly: ['Lãnh đạo Bộ (để b/c);', 'Các đơn vị thuộc Bộ;', 'Lưu: VT, KH.'],
  },
  annexTitle: 'PHỤ LỤC',
  tables: {
    label: (n) => `Phụ lục ${n}`,
    main: (where, period) => `Một số chỉ tiêu chủ yếu của ${where} ${period}`,
    provinces: (period) => `Kết quả của các tỉnh, thành phố ${period}`,
    products: (where, period) => `Sản lượng một số sản phẩm công nghiệp chủ yếu của ${where} ${period}`,
    provincial: (period, year) => `Kết quả thực hiện ${period} và kế hoạch năm ${year}`,
    monthly: (where, month) => `Một số chỉ tiêu của ${where} ${month}`,
    col: {
      no: 'STT', indicator: 'Chỉ tiêu', unit: 'Đơn vị tính', value: (period) => `Thực hiện ${period}`,
      growth: 'Tăng/giảm so với cùng kỳ (%)', pctPlan: 'So với kế hoạch năm (%)', coverage: 'Số tỉnh báo cáo',
      source: 'Nguồn số liệu', province: 'Tỉnh, thành phố', plan: (year) => `Kế hoạch năm ${year}`, remaining: 'Còn phải thực hiện',
      pace: 'Bình quân cần đạt mỗi tháng', month: (m) => m.replace(/^tháng/, 'Tháng'), cumulative: (c) => `Lũy kế ${c}`, product: 'Sản phẩm',
    },
    source: { computed: 'Tổng hợp từ số liệu tỉnh', published: 'Số liệu khu vực đã công bố', reported: 'Số liệu báo cáo', derived: 'Tính từ số liệu công bố', none: 'Chưa có số liệu' },
    notes: {
      growth: 'Tăng/giảm so với cùng kỳ: dấu "-" là giảm. Chỉ số sản xuất công nghiệp (IIP) của vùng là bình quân gia quyền theo giá trị tăng thêm năm gốc của các tỉnh.',
      published: (doc, quote) => `Nguồn ${doc}: "${quote}"`,
      missing: (list) => `Chưa có số liệu: ${list}.`,
      computed: 'Số liệu vùng tổng hợp từ các tỉnh đã báo cáo; tăng trưởng tính trên cùng nhóm tỉnh có số liệu cả hai kỳ.',
    },
  },
  charts: {
    label: (n) => `Biểu đồ ${n}`,
    growth: (period) => `Tốc độ tăng/giảm một số chỉ tiêu ${period} so với cùng kỳ năm trước (%)`,
    byProvince: (name, period) => `${name}: tốc độ tăng/giảm của các tỉnh, thành phố ${period} (%)`,
    average: 'Bình quân khu vực',
    growthUnit: '%',
  },
  inputs: {
    regional: 'Tổng hợp vùng và số liệu từng tỉnh (API phân tích)',
    provinces: 'Số liệu các tỉnh, thành phố',
    history: 'Lịch sử sửa đổi của số liệu',
    document: (id) => `Tài liệu nguồn ${id}`,
  },
  ui: {
    title: 'Xem trước báo cáo',
    download: 'Tải về',
    otherLanguage: 'English',
    inputsHeading: 'Số liệu và nguồn',
    inputsIntro: 'Mỗi số trong báo cáo dẫn tới số liệu gốc: tổng hợp vùng, số liệu từng tỉnh, lịch sử sửa đổi và tài liệu nguồn.',
    source: { computed: 'tổng hợp từ số liệu tỉnh', published: 'số liệu đã công bố', reported: 'số liệu báo cáo', derived: 'tính từ số liệu công bố' },
    generated: (at) => `Lập tự động lúc ${at}`,
    missingHeading: 'Số liệu chưa có',
    coverage: (r, o) => `${r}/${o} tỉnh, thành phố báo cáo`,
    page: 'Trang',
  },
  fileBase: { conference: 'bao-cao-hoi-nghi', provincial: 'bao-cao-so-ket', monthly: 'bao-cao-nhanh' },
};
