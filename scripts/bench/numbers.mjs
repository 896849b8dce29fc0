// The resident ID numbers every contender of the ID benchmark checks: a fixed
// mix generated from a fixed seed, so every run (and the native example, which
// reads them from a file) sees exactly the same numbers.
//
//   40 % valid 18-digit IDs (upper-case X check character when it is X)
//   20 % 18 digits with a wrong check character
//   15 % bad birth dates with a correct check character (month 13, day 32,
//        30 February, 29 February of a common year, year 1800)
//   15 % legacy 15-digit IDs (mostly valid dates, some bad)
//   10 % junk (empty, letters, wrong lengths, separators)

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Real county codes, so validators that check the region agree on the valid ones.
const REGIONS = ['110101', '110105', '120101', '310101', '310115', '320102', '330106', '340102',
  '350102', '370102', '410102', '420102', '430102', '440106', '440305', '440882', '450102',
  '500101', '510104', '610102'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(body17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[s % 11];
}

const pad = (n, w) => String(n).padStart(w, '0');

export function generate(count, seed = 20261121) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const seq = () => pad(int(0, 999), 3);
  const goodDate = () => {
    const y = int(1930, 2015);
    const m = int(1, 12);
    const d = int(1, 28);
    return `${y}${pad(m, 2)}${pad(d, 2)}`;
  };
  const badDate = () => pick([
    () => `${int(1930, 2015)}13${pad(int(1, 28), 2)}`,
    () => `${int(1930, 2015)}${pad(int(1, 12), 2)}32`,
    () => `${int(1930, 2015)}0230`,
    () => `${pick([1981, 1983, 1999, 2001, 2003])}0229`,
    () => `1800${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`,
  ])();
  const full = (date) => {
    const body = pick(REGIONS) + date + seq();
    return body + checkChar(body);
  };
  const junkChars = '0123456789abcXYZ -_';
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const p = r();
    if (p < 0.40) out[i] = full(goodDate());
    else if (p < 0.60) {
      const id = full(goodDate());
      const wrong = CHECK[(CHECK.indexOf(id[17]) + int(1, 10)) % 11];
      out[i] = id.slice(0, 17) + wrong;
    } else if (p < 0.75) out[i] = full(badDate());
    else if (p < 0.90) {
      const date = r() < 0.85
        ? `${pad(int(40, 99), 2)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`
        : `${pad(int(40, 99), 2)}${pick(['13', '00', '02'])}${pick(['30', '31', '32'])}`;
      out[i] = pick(REGIONS) + date + seq();
    } else {
      const len = int(0, 24);
      let s = '';
      for (let k = 0; k < len; k++) s += junkChars[int(0, junkChars.length - 1)];
      out[i] = s;
    }
  }
  return out;
}
