// Articles per second on one core (CPU time of this process, so other load on the machine counts
// less). The corpus is built from the extractor's own fixture articles: paragraphs are combined into
// articles of realistic length (about 3,000 characters, like a news report) and varied by province,
// year and digits so that no two texts are identical.
//
//   node --import tsx bench/extraction/speed.ts [count=2000] [targetChars=3000] [--dense]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../../src/extraction/extract.ts';

const dir = new URL('../../src/extraction/fixtures/', import.meta.url).pathname;
const paragraphs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/))
  .map((p) => p.replace(/^https?:\/\/\S+\n/, '').trim())
  .filter((p) => p.length > 80);
// narrative paragraphs (no figures), as news reports have between their figures
const narrative = [
  'Phát biểu tại hội nghị, lãnh đạo Bộ Công Thương đánh giá cao nỗ lực của các địa phương trong việc tháo gỡ khó khăn cho doanh nghiệp, thúc đẩy sản xuất kinh doanh và mở rộng thị trường tiêu thụ hàng hóa trong bối cảnh kinh tế thế giới còn nhiều biến động.',
  'Các đại biểu đã thảo luận, trao đổi kinh nghiệm về công tác quản lý nhà nước, phát triển hạ tầng thương mại, xúc tiến thương mại, thương mại điện tử và liên kết vùng; đồng thời đề xuất nhiều giải pháp nâng cao năng lực cạnh tranh của sản phẩm công nghiệp chủ lực.',
  'Thứ trưởng đề nghị Sở Công Thương các tỉnh, thành phố tiếp tục rà soát quy hoạch, đẩy nhanh tiến độ đầu tư hạ tầng các cụm công nghiệp, bảo đảm cung ứng điện, xăng dầu cho sản xuất và đời sống, tăng cường đấu tranh chống buôn lậu, gian lận thương mại và hàng giả.',
  'Bên lề hội nghị, các doanh nghiệp trong vùng đã ký kết nhiều thỏa thuận hợp tác, kết nối cung cầu hàng hóa, đưa sản phẩm đặc trưng của địa phương vào hệ thống phân phối hiện đại và các sàn thương mại điện tử lớn.',
];
const provinces = ['Nghệ An', 'Thanh Hóa', 'Bắc Ninh', 'Đồng Nai', 'Long An', 'Cần Thơ', 'Gia Lai', 'Quảng Ninh', 'Hải Phòng', 'Cà Mau'];

function article(i: number, target: number, dense: boolean): string {
  const p = provinces[i % provinces.length]!;
  const y = 2015 + (i % 11);
  const parts = [`Tình hình kinh tế tỉnh ${p} năm ${y}`];
  let len = parts[0]!.length;
  for (let k = 0; len < target; k++) {
    const para = (dense || k % 2 === 1 ? paragraphs[(i * 7 + k * 13) % paragraphs.length]! : narrative[(i + k) % narrative.length]!)
      .replace(/20(1\d|2\d)/g, String(y))
      .replace(/(\d),(\d)/g, (_m, a: string, b: string) => `${a},${(Number(b) + i + k) % 10}`)
      .replace(/Nghệ An|Bình Dương|Đồng Nai|Long An|Hà Tĩnh|Kiên Giang|Bắc Ninh|Thanh Hóa/g, p);
    parts.push(para);
    len += para.length + 2;
  }
  return parts.join('\n\n');
}

const n = Number(process.argv[2] ?? 2000);
const target = Number(process.argv[3] ?? 3000);
// "typical": figure paragraphs alternate with narrative ones; "--dense": figures in every paragraph
const dense = process.argv.includes('--dense');
const texts = Array.from({ length: n }, (_, i) => article(i, target, dense));
for (let i = 0; i < 300; i++) extractFigures(texts[i % texts.length]!); // warm-up: lexicon build, JIT
const chars = texts.reduce((s, t) => s + t.length, 0);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let figures = 0;
for (const t of texts) figures += extractFigures(t).figures.length;
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const rate = n / (cpuMs / 1000);
console.log(`${n} ${dense ? 'dense' : 'typical'} articles, ${(chars / n).toFixed(0)} characters on average, ${(figures / n).toFixed(1)} figures each`);
console.log(`CPU ${cpuMs.toFixed(0)} ms (wall ${wallMs.toFixed(0)} ms): ${rate.toFixed(0)} articles/s on one core (target ≥ 1000)`);
