// Name folding for Vietnamese place, unit and label matching: case-, diacritic-, dash- and
// punctuation-insensitive ("TP.HCM" ≈ "TPHCM", "Bà Rịa- Vũng Tàu" ≈ "Bà Rịa–Vũng Tàu", "Hoà" ≈ "Hòa").

/** Lower-case, without diacritics (đ → d), dashes unified, punctuation to spaces, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[‐‑‒–—―−-]/g, '-')
    .replace(/[.,;:!?()[\]{}"'“”‘’«»/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

const PREFIXES = ['thanh pho truc thuoc trung uong ', 'thanh pho ', 'tinh ', 'tp ', 'the '];
const SUFFIXES = [' province', ' city'];

/** The folded name without an administrative prefix ("Tỉnh", "Thành phố", "TP.") or English suffix. */
export function coreName(text: string): string {
  let s = foldText(text);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        changed = true;
      }
    }
    for (const x of SUFFIXES) {
      if (s.endsWith(x) && s.length > x.length) {
        s = s.slice(0, -x.length);
        changed = true;
      }
    }
  }
  return s;
}

/** The key names are compared on: the core name without spaces or dashes. */
export function nameKey(text: string): string {
  return coreName(text).replace(/[\s-]+/g, '');
}
