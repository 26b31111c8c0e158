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
  const picked: number[] = [];
  const add = (indices: Iterable<number>) => {
    for (const i of indices) if (!picked.includes(i)) picked.push(i);
  };
  const span = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  for (const part of splitTerms(expression)) {
    const term = part.trim();
    const fn = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(term);
    if (fn) {
      const name = fn[1]!.toLowerCase();
      const args = fn[2]!.split(',').map((a) => a.trim());
      const count = (text: string | undefined) => {
        if (!text || !/^\d+$/.test(text))
          throw new DomainError(`"${term}" needs a whole number`, ['valueCodes', dimension.id]);
        return Number(text);
      };
      if (name === 'top') {
        const n = count(args[0]);
        const offset = args[1] === undefined ? 0 : count(args[1]);
        add(
          span(codes.length - offset - n, codes.length - offset - 1)
            .filter((i) => i >= 0)
            .reverse(),
        );
      } else if (name === 'bottom') {
        const n = count(args[0]);
        const offset = args[1] === undefined ? 0 : count(args[1]);
        add(span(offset, offset + n - 1).filter((i) => i < codes.length));
      } else if (name === 'from') add(span(position(args[0] ?? ''), codes.length - 1));
      else if (name === 'to') add(span(0, position(args[0] ?? '')));
      else {
        if (args.length !== 2)
          throw new DomainError(`"${term}" needs two codes`, ['valueCodes', dimension.id]);
        add(span(position(args[0]!), position(args[1]!)));
      }
    } else if (term.includes('*')) {
      const pattern = new RegExp(`^${term.split('*').map(escape).join('.*')}$`);
      add(codes.flatMap((c, i) => (pattern.test(c) ? [i] : [])));
    } else if (term.includes('?')) {
      const pattern = new RegExp(`^${term.split('?').map(escape).join('.')}$`);
      add(codes.flatMap((c, i) => (pattern.test(c) ? [i] : [])));
    } else add([position(term)]);
  }
  if (picked.length === 0)
    throw new DomainError(`the selection "${expression}" picks no value`, ['valueCodes', dimension.id]);
  return picked;
}

const escape = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

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
