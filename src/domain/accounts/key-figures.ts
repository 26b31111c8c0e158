import { parseData } from '../parse-data.ts';
import * as z from 'zod';
import { DomainError } from '../errors.ts';

const artRange = z.tuple([z.string().regex(/^\d{3}$/), z.string().regex(/^\d{3}$/)]);
const definitionSchema = z.object({
  code: z.string(),
  label: z.string(),
  valid_from: z.number().int(),
  valid_to: z.number().int().nullable(),
  base: z.string().optional(),
  arts: z.array(artRange).min(1),
  explanation: z.string(),
});
export type KeyFigureDefinition = z.infer<typeof definitionSchema>;

export function parseKeyFigureDefinitions(input: unknown, source: string): KeyFigureDefinition[] {
  const file = z.object({ source: z.string(), definitions: z.array(definitionSchema).min(1) });
  return parseData(file, input, source).definitions;
}

/** Each measure's definition valid in a year, in the order first given. */
export function definitionsFor(
  definitions: readonly KeyFigureDefinition[],
  year: number,
): KeyFigureDefinition[] {
  const codes = [...new Set(definitions.map((d) => d.code))];
  return codes.map((code) => {
    const found = definitions.find(
      (d) => d.code === code && d.valid_from <= year && (d.valid_to === null || year <= d.valid_to),
    );
    if (!found) throw new DomainError(`no definition of ${code} for ${year}`, ['key-figures.json']);
    return found;
  });
}

/**
 * Operations amounts summed by function and art, one record at a time: all the key figures need. Only the
 * functions asked for, if told: a file has a hundred functions or more, and a national year's files 8 KB
 * of sums for each of them.
 */
export class FunctionArtSums {
  /** Function code → amount by art number (0-999). */
  readonly byFunction = new Map<string, Float64Array>();

  constructor(private readonly functions?: readonly string[]) {}

  /** A function's amounts by art number, made on first use; none for a function not asked for. */
  arts(functionCode: string): Float64Array | undefined {
    let arts = this.byFunction.get(functionCode);
    if (!arts && (!this.functions || this.functions.includes(functionCode)))
      this.byFunction.set(functionCode, (arts = new Float64Array(1000)));
    return arts;
  }
}

export interface KeyFigure {
  readonly code: string;
  readonly label: string;
  readonly value: number;
  /** The arithmetic: the base measure if any, then each art with an amount, with its sign as in the file. */
  readonly terms: readonly { readonly what: string; readonly amount: number }[];
  readonly explanation: string;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** The key figures of one function from its sums, with the arithmetic that gives them. */
export function keyFiguresOf(
  arts: Float64Array | undefined,
  definitions: readonly KeyFigureDefinition[],
): KeyFigure[] {
  const done = new Map<string, KeyFigure>();
  const compute = (d: KeyFigureDefinition): KeyFigure => {
    const cached = done.get(d.code);
    if (cached) return cached;
    const terms: { what: string; amount: number }[] = [];
    let value = 0;
    if (d.base) {
      const base = definitions.find((x) => x.code === d.base);
      if (!base)
        throw new DomainError(`${d.code} builds on ${d.base}, which is not defined`, ['key-figures.json']);
      const b = compute(base);
      terms.push({ what: d.base, amount: b.value });
      value += b.value;
    }
    if (arts)
      for (const [from, to] of d.arts)
        for (let art = Number(from), last = Number(to); art <= last; art++) {
          const amount = arts[art]!;
          if (amount === 0) continue;
          terms.push({ what: `art ${pad(art)}`, amount });
          value += amount;
        }
    const figure = { code: d.code, label: d.label, value, terms, explanation: d.explanation };
    done.set(d.code, figure);
    return figure;
  };
  return definitions.map(compute);
}

/** A figure's arithmetic in words: "137 496 (art 010) + 20 667 (art 020) − 9 829 (art 710)". */
export function arithmetic(figure: Pick<KeyFigure, 'terms'>, format: (n: number) => string): string {
  return figure.terms
    .map((t, i) => {
      const amount = `${format(Math.abs(t.amount))} (${t.what})`;
      if (i === 0) return t.amount < 0 ? `−${amount}` : amount;
      return `${t.amount < 0 ? '−' : '+'} ${amount}`;
    })
    .join(' ');
}
