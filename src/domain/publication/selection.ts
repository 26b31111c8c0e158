import { DomainError } from '../errors.ts';
import type { DatasetDimension } from './dataset.ts';

/**
 * Which categories of a dimension a PxWeb API v2 selection picks, in the order given: codes, `*` (all),
 * wildcards (`03*`, `*01`), `top(n[,offset])` (the last n), `bottom(n[,offset])` (the first n), `from(x)`,
 * `to(x)` and `range(x,y)`; several separated by commas. An unknown code is an error naming it.
 */
export function selectValues(dimension: DatasetDimension, expression: string): number[] {
  const codes = dimension.categories.map((c) => c.code);
  const position = (code: string) => {
    const i = codes.indexOf(code);
    if (i < 0)
      throw new DomainError(`no value "${code}" in variable ${dimension.id}`, ['valueCodes', dimension.id]);
    return i;
  };
  // A set keeps the order of first picking; a count or offset larger than the dimension is clamped to it,
  // so `top(5000000000)` costs what `*` costs.
  const picked = new Set<number>();
  const add = (indices: Iterable<number>) => {
    for (const i of indices) picked.add(i);
  };
  const span = (from: number, to: number) => {
    const first = Math.max(0, from);
    const last = Math.min(codes.length - 1, to);
    return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
  };
  for (const part of splitTerms(expression)) {
    const term = part.trim();
    const fn = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(term);
    if (fn) {
      const name = fn[1]!.toLowerCase();
      const args = fn[2]!.split(',').map((a) => a.trim());
      const count = (text: string | undefined) => {
        if (!text || !/^\d+$/.test(text))
          throw new DomainError(`"${term}" needs a whole number`, ['valueCodes', dimension.id]);
        return Math.min(Number(text), codes.length + 1);
      };
      if (name === 'top') {
        const n = count(args[0]);
        const offset = args[1] === undefined ? 0 : count(args[1]);
        add(span(codes.length - offset - n, codes.length - offset - 1).reverse());
      } else if (name === 'bottom') {
        const n = count(args[0]);
        const offset = args[1] === undefined ? 0 : count(args[1]);
        add(span(offset, offset + n - 1));
      } else if (name === 'from') add(span(position(args[0] ?? ''), codes.length - 1));
      else if (name === 'to') add(span(0, position(args[0] ?? '')));
      else {
        if (args.length !== 2)
          throw new DomainError(`"${term}" needs two codes`, ['valueCodes', dimension.id]);
        add(span(position(args[0]!), position(args[1]!)));
      }
    } else if (term.includes('*') || term.includes('?')) {
      add(codes.flatMap((c, i) => (matchesWildcard(term, c) ? [i] : [])));
    } else add([position(term)]);
  }
  if (picked.size === 0)
    throw new DomainError(`the selection "${expression}" picks no value`, ['valueCodes', dimension.id]);
  return [...picked];
}

/**
 * Whether `code` matches a pattern of `*` (any run of characters) and `?` (one character). Without a
 * regular expression: a greedy scan that goes back only to the last star, so a pattern of many stars costs
 * at most pattern × code steps, never the exponential backtracking `.*.*.*…` costs.
 */
export function matchesWildcard(pattern: string, code: string): boolean {
  let p = 0;
  let c = 0;
  let star = -1;
  let resume = 0;
  while (c < code.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p;
      resume = c;
      p += 1;
    } else if (p < pattern.length && (pattern[p] === '?' || pattern[p] === code[c])) {
      p += 1;
      c += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      c = resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/** Splits on commas that are not inside parentheses: `range(a,b),c` is two terms. */
function splitTerms(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of expression) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms.filter((t) => t.trim() !== '');
}
