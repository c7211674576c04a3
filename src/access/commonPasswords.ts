// Passwords that are known to attackers (OWASP ASVS 2.1.7, NIST SP 800-63B 5.1.1.2): the most common
// passwords of the public breach corpora, Vietnamese favourites, keyboard and alphabet runs, and words
// of this product and sector. Compared after lower-casing, removing accents and separators, and also
// with a trailing year or number removed ("Password2024!", "matkhau123456"). Small and embedded: the
// server never sends a password anywhere to be checked.

const COMMON = `
123456 123456789 12345678 12345 1234567 1234567890 qwerty password 111111 123123 abc123 1q2w3e4r 1qaz2wsx
qwerty123 qwertyuiop 000000 iloveyou dragon sunshine princess letmein monkey football baseball welcome
admin administrator login master hello freedom whatever shadow superman batman trustno1 starwars passw0rd
password1 p@ssw0rd p@ssword qazwsx zaq12wsx asdfgh asdfghjkl zxcvbnm zxcvbn 654321 666666 888888 999999
121212 112233 123321 123qwe qwe123 1q2w3e 1q2w3e4r5t 1qazxsw2 q1w2e3r4 a1b2c3d4 aa123456 abcd1234
computer internet michael jordan jennifer charlie thomas hunter ranger buster soccer hockey killer
george andrew michelle jessica pepper ginger daniel summer secret access flower cheese matrix mustang
changeme default guest test tester testing demo sample root toor user pass pass123 pass1234 temp temp123
welcome1 welcome123 letmein1 admin123 admin1234 root123 secret123 password123 password1234 iloveyou1
loveyou love123 lovely baby angel angel1 family forever friends cookie chocolate banana orange apple
google facebook youtube yahoo microsoft windows linux ubuntu oracle mysql postgres sqlserver server
qwertyui qwer1234 asdf1234 zxcv1234 1234qwer 1234abcd abcdefgh abcdef abcdefg 987654321 9876543210
11111111 00000000 12341234 11223344 123654 147258369 159753 789456 741852963 5201314 woaini 1314520
anhyeuem emyeuanh yeuem yeuanh anhyeu emyeu matkhau matkhau123 matkhaumoi matkhaucuaban mk123456
vietnam vietnam123 hanoi saigon hochiminh danang haiphong cantho anhyeuem123 123456a 123456aa
a123456 a123456789 anh123 em123 tinhyeu tinhyeu123 doimatkhau xinchao xinchao123 chucmung
congthuong bocongthuong sct socongthuong congthuongvung baocao baocaothang thongke soliệu solieu
quantri quantrivien quantri123 admin2024 admin2025 admin2026 bocongthuong123 congthuong123
`;

const fold = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]/g, '');

const LIST = new Set(COMMON.split(/\s+/).filter(Boolean).map(fold));

const RUNS = ['0123456789012345678901234567890', '9876543210987654321098765432109', 'abcdefghijklmnopqrstuvwxyzabcdefghij',
  'zyxwvutsrqponmlkjihgfedcbazyxwvu', 'qwertyuiopasdfghjklzxcvbnmqwertyuiop', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp', 'azertyuiopqsdfghjklmwxcvbn'];

/** Whether the password is one attackers try first. */
export function isCommonPassword(password: string): boolean {
  const f = fold(password);
  if (f.length === 0) return true;
  if (LIST.has(f)) return true;
  const base = f.replace(/\d{1,8}$/, '').replace(/^\d{1,8}/, '');
  if (base.length > 0 && base !== f && LIST.has(base)) return true;
  // one word of the list repeated, or a keyboard or alphabet run
  for (const w of LIST) if (w.length >= 3 && f.length % w.length === 0 && w.repeat(f.length / w.length) === f) return true;
  return RUNS.some((r) => r.includes(f));
}
