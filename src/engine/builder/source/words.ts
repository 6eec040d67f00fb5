/**
 * Dockerfile word processing (BuildKit's shell lexer, reduced): quote removal,
 * backslash escapes and `$VAR` / `${VAR}` / `${VAR:-x}` / `${VAR:+x}`
 * expansion against the build's variables. RUN text is never expanded here:
 * the container's shell does that.
 */
export type Vars = ReadonlyMap<string, string>;

/** Expands one word: quotes are removed, variables substituted, no splitting. */
export function processWord(text: string, vars: Vars): string {
  return lex(text, vars, false).join('');
}

/** Splits on unquoted whitespace after expansion (COPY sources, EXPOSE ports, VOLUME paths). */
export function processWords(text: string, vars: Vars): string[] {
  return lex(text, vars, true);
}

function lex(text: string, vars: Vars, split: boolean): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  const flush = (): void => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (split && /\s/.test(c)) {
      flush();
      i++;
      continue;
    }
    inWord = true;
    if (c === '\\' && i + 1 < text.length) {
      cur += text[i + 1];
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      cur += text.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$'.includes(text[i + 1])) {
          cur += text[i + 1];
          i += 2;
        } else if (text[i] === '$') {
          const [value, next] = expandVar(text, i, vars);
          cur += value;
          i = next;
        } else cur += text[i++];
      }
      i++;
    } else if (c === '$') {
      const [value, next] = expandVar(text, i, vars);
      cur += value;
      i = next;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  return words;
}

/** Expands the variable reference starting at `text[at] === '$'`; returns the value and the index after it. */
function expandVar(text: string, at: number, vars: Vars): [string, number] {
  const next = text[at + 1];
  if (next === '{') {
    const close = text.indexOf('}', at + 2);
    if (close < 0) return ['$', at + 1];
    const body = text.slice(at + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/.exec(body);
    if (!m) return ['', close + 1];
    const [, name, op, word = ''] = m;
    const value = vars.get(name);
    const set = op?.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    if (op?.endsWith('-')) return [set ? value! : processWord(word, vars), close + 1];
    if (op?.endsWith('+')) return [set ? processWord(word, vars) : '', close + 1];
    return [value ?? '', close + 1];
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at + 1));
  if (!m) return ['$', at + 1];
  return [vars.get(m[0]) ?? '', at + 1 + m[0].length];
}

/**
 * Reads `ENV`/`LABEL`/`ARG` pairs: `a=1 b="two words"`, or the legacy
 * `ENV key value with spaces` form. Values are expanded.
 */
export function parseKeyValues(text: string, vars: Vars, legacyAllowed: boolean): [string, string | undefined][] {
  const raw = splitRaw(text);
  if (raw.length === 0) return [];
  if (legacyAllowed && !raw[0].includes('=')) {
    const key = raw[0];
    const value = text.slice(text.indexOf(key) + key.length).trim();
    return [[key, processWord(value, vars)]];
  }
  return raw.map((word) => {
    const eq = word.indexOf('=');
    if (eq < 0) return [processWord(word, vars), undefined];
    return [processWord(word.slice(0, eq), vars), processWord(word.slice(eq + 1), vars)];
  });
}

/** Splits on unquoted whitespace, keeping quotes and escapes for later processing. */
function splitRaw(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (/\s/.test(c)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') out.push(cur);
  return out;
}
