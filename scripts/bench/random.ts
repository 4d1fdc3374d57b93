// Deterministic randomness and Korean-style names for the benchmark
// generator: the same seed always yields the same organization.

/** A small, fast, seeded PRNG (mulberry32). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A child generator, so that one part's draws do not shift another's. */
  fork(salt: number): Rng {
    return new Rng((Math.imul(this.int(0, 0x7fffffff), 2654435761) ^ salt) >>> 0);
  }
}

const FAMILY = [
  "Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Yun", "Jang", "Han", "O", "So", "Ryu", "Ko", "Mun",
  "Yang", "Son", "Paek", "Ho", "Nam", "Sim", "Ro", "Ha", "Kwak", "Song", "Jon", "Hwang", "An", "Ju", "Cha",
  "Rim", "Thae", "Kye", "Ma", "Tak", "Chae", "Sin", "Wang", "Hong", "Bang",
];

const SYLLABLES = [
  "chol", "su", "yong", "nam", "song", "il", "ho", "hui", "ok", "sun", "mi", "gyong", "kum", "jin", "hyok",
  "myong", "chun", "sik", "man", "un", "jong", "ryong", "hwa", "ju", "se", "ha", "a", "bok", "sil", "gwang",
  "hyon", "kyong", "ae", "chang", "dok", "hak", "jun", "rye", "sol", "ji", "mu", "tae", "sok", "pyong", "ung",
];

export interface PersonName {
  /** `kim_cholsu` */
  readonly id: string;
  /** `Kim Chol-su` */
  readonly display: string;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A person's name; the ID is made unique within `taken` by a numeric suffix. */
export function personName(rng: Rng, taken: Set<string>): PersonName {
  const family = rng.pick(FAMILY);
  const first = rng.pick(SYLLABLES);
  const second = rng.pick(SYLLABLES);
  const base = `${family.toLowerCase()}_${first}${second}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return { id, display: `${family} ${capitalize(first)}-${second}` };
}

const PLACE_START = ["sin", "ui", "pyong", "chong", "ham", "kang", "nam", "buk", "hae", "hwang", "kap", "un", "son", "yong", "tok", "kil", "myong", "hoe", "chol", "sak", "mun", "ryong", "kae", "an"];
const PLACE_END = ["ju", "san", "chon", "gang", "won", "song", "dok", "ri", "jin", "hung", "ryong", "bong", "pho", "dong", "am", "gye"];

/** A place name (`sinuiju`), unique within `taken`. */
export function placeName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const name = rng.pick(PLACE_START) + rng.pick(PLACE_END) + (rng.chance(0.3) ? rng.pick(PLACE_END) : "");
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    if (taken.size > 5000) {
      // Enough places for any size: fall back to numbered ones.
      let n = 2;
      while (taken.has(`${name}${n}`)) n++;
      taken.add(`${name}${n}`);
      return `${name}${n}`;
    }
  }
}

export function title(place: string): string {
  return capitalize(place);
}

export const WORKPLACES = [
  ["textile", "Textile Mill", ["spinning", "dyeing", "weaving", "finishing", "maintenance"]],
  ["steel", "Steel Works", ["blast", "rolling", "casting", "transport", "power"]],
  ["coal", "Coal Mine", ["shaft", "pit", "haulage", "washing", "repair"]],
  ["farm", "Cooperative Farm", ["workteam", "livestock", "machine", "orchard", "seed"]],
  ["machine", "Machine Plant", ["lathe", "assembly", "foundry", "tool", "paint"]],
  ["food", "Foodstuff Factory", ["bakery", "noodle", "soy", "packing", "boiler"]],
  ["power", "Power Station", ["turbine", "boiler", "grid", "coal", "control"]],
  ["rail", "Railway Station", ["freight", "signal", "track", "depot", "ticket"]],
  ["school", "University", ["physics", "history", "engineering", "medicine", "library"]],
  ["hospital", "People's Hospital", ["surgery", "pharmacy", "clinic", "ward", "supply"]],
] as const;

export const COUNTY_CELL_SETTINGS = ["residential", "residential", "residential", "residential", "government", "cultural", "workplace"] as const;

export const DONG = ["namha", "chaeha", "ponghwa", "ryusang", "sinpho", "tongsin", "changsan", "sopho", "unha", "haebang", "kangan", "yokjon"];
