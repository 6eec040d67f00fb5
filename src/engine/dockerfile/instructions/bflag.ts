import { withSuggestion } from './suggest.js';

type FlagType = 'bool' | 'string' | 'strings';

export interface Flag {
  name: string;
  type: FlagType;
  value: string;
  values: string[];
}

/**
 * Validates an instruction's parser-level `--flags` against the flags it
 * accepts (BuildKit instructions/bflag.go); errors use BuildKit's wording.
 */
export class BFlags {
  private readonly flags = new Map<string, Flag>();
  private readonly used = new Set<string>();

  constructor(private readonly args: readonly string[]) {}

  addBool(name: string, def = false): Flag {
    return this.add(name, 'bool', def ? 'true' : 'false');
  }

  addString(name: string, def = ''): Flag {
    return this.add(name, 'string', def);
  }

  addStrings(name: string): Flag {
    return this.add(name, 'strings', '');
  }

  private add(name: string, type: FlagType, value: string): Flag {
    const flag: Flag = { name, type, value, values: [] };
    this.flags.set(name, flag);
    return flag;
  }

  isUsed(name: string): boolean {
    return this.used.has(name);
  }

  usedNames(): string[] {
    return [...this.used];
  }

  /** Throws Error with BuildKit's message on the first bad flag. */
  parse(): void {
    for (const full of this.args) {
      if (!full.startsWith('--')) throw new Error(`arg should start with -- : ${full}`);
      if (full === '--') return;
      let name = full.slice(2);
      let value = '';
      const eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      const flag = this.flags.get(name);
      if (!flag) throw new Error(withSuggestion(`unknown flag: ${name}`, name, [...this.flags.keys()], true));
      if (this.used.has(name) && flag.type !== 'strings') throw new Error(`duplicate flag specified: ${name}`);
      this.used.add(name);
      if (flag.type === 'bool') {
        if (eq >= 0 && value === '') throw new Error(`missing a value on flag: ${name}`);
        const lower = value.toLowerCase();
        if (lower === '') flag.value = 'true';
        else if (lower === 'true' || lower === 'false') flag.value = lower;
        else throw new Error(`expecting boolean value for flag ${name}, not: ${value}`);
      } else {
        if (eq < 0) throw new Error(`missing a value on flag: ${name}`);
        if (flag.type === 'string') flag.value = value;
        else flag.values.push(value);
      }
    }
  }
}
