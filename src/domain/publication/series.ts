import { DomainError } from '../errors.ts';
import { osloShortDate } from '../oslo-time.ts';
import {
  combinations,
  flatIndex,
  type CellSymbol,
  type DatasetCategory,
  type DatasetDimension,
  type PublishedDataset,
} from './dataset.ts';

/** A period is published preliminary (foreløpige tall, KOSTRA's March publication) or final (June). */
export type PublicationStage = 'preliminary' | 'final';

/** One period of a table as it was published: a dataset whose time dimension has that period alone. */
export interface PeriodSlice {
  readonly period: string;
  readonly stage: PublicationStage;
  readonly dataset: PublishedDataset;
  /** 1 when first published; each re-publication of the same period and stage adds one. */
  readonly revision: number;
  /** When the period was last re-published, and why (as the publisher said), for a revision. */
  readonly revisedAt?: string;
  readonly revisionNote?: string;
}

/**
 * How municipalities of an earlier year are found in the structure a series is shown in: the codes a
 * municipality of `year` became, and which municipalities of `year` became a code. Names are the
 * structure's own.
 */
export interface RegionFollowing {
  readonly toYear: number;
  successors(code: string, fromYear: number): readonly string[];
  predecessors(code: string, fromYear: number): readonly string[];
  nameOf(code: string): string | undefined;
}

const MUNICIPALITY = /^\d{4}$/;
const TIME = 'Tid';

/** The period of a slice: its time dimension must hold that one period. */
export function periodOf(dataset: PublishedDataset): string {
  const time = dataset.dimensions.find((d) => d.id === TIME);
  if (time?.categories.length !== 1)
    throw new DomainError(
      `a table is published one period at a time; ${dataset.id} has ${time?.categories.length ?? 0}`,
      [dataset.id, TIME],
    );
  return time.categories[0]!.code;
}

/** The slice a period is served from: the final publication where there is one, else the preliminary. */
export function servedSlices(slices: readonly PeriodSlice[]): PeriodSlice[] {
  const byPeriod = new Map<string, PeriodSlice>();
  for (const s of slices) {
    const held = byPeriod.get(s.period);
    if (!held || (held.stage === 'preliminary' && s.stage === 'final')) byPeriod.set(s.period, s);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

const osloDate = (iso: string) => osloShortDate(new Date(iso));

/** What a reader is told about a period: preliminary, and revised when (and why). */
function periodNotes(slice: PeriodSlice): { nb: string[]; en: string[] } {
  const nb: string[] = [];
  const en: string[] = [];
  if (slice.stage === 'preliminary') {
    nb.push(`Foreløpige tall for ${slice.period}.`);
    en.push(`Preliminary figures for ${slice.period}.`);
  }
  if (slice.revision > 1 && slice.revisedAt) {
    const why = slice.revisionNote ? ` ${slice.revisionNote}` : '';
    nb.push(
      `Tallene for ${slice.period} er revidert ${osloDate(slice.revisedAt)} (revisjon ${slice.revision}).${why}`,
    );
    en.push(
      `The figures for ${slice.period} were revised on ${osloDate(slice.revisedAt)} (revision ${slice.revision}).${why}`,
    );
  }
  return { nb, en };
}

interface Recoded {
  readonly dataset: PublishedDataset;
  /** Per new region code: where its cells come from (old category indices), or why it has none. */
  readonly sources: ReadonlyMap<string, readonly number[] | 'split' | 'incomplete'>;
}

/**
 * A slice's municipalities in the structure of the series: a renumbered one under its new code, merged ones
 * summed into their successor where every predecessor is in the slice (else "not available"), a split one
 * not carried over (its figures do not compare). Each such break is noted on the municipality.
 */
function regionSources(
  dimension: DatasetDimension,
  year: number,
  following: RegionFollowing,
  notes: Map<string, { nb: string[]; en: string[] }>,
): Map<string, readonly number[] | 'split' | 'incomplete'> {
  const sources = new Map<string, number[] | 'split' | 'incomplete'>();
  const present = new Set(dimension.categories.map((c) => c.code));
  const note = (code: string, nb: string, en: string) => {
    const held = notes.get(code) ?? { nb: [], en: [] };
    if (!held.nb.includes(nb)) {
      held.nb.push(nb);
      held.en.push(en);
    }
    notes.set(code, held);
  };
  dimension.categories.forEach((category, index) => {
    if (!MUNICIPALITY.test(category.code)) {
      sources.set(category.code, [index]);
      return;
    }
    const next = following.successors(category.code, year);
    if (next.length > 1) {
      for (const code of next) {
        sources.set(code, 'split');
        note(
          code,
          `${year}: ${category.label} ble senere delt (${next.join(', ')}); tallene for ${year} kan ikke føres over.`,
          `${year}: ${category.labelEn ?? category.label} was later split (${next.join(', ')}); the figures for ${year} cannot be carried over.`,
        );
      }
      return;
    }
    const code = next[0]!;
    const before = following.predecessors(code, year);
    if (before.some((p) => !present.has(p))) sources.set(code, 'incomplete');
    else {
      const held = sources.get(code);
      // A code that is also the part of a split stays without figures.
      if (typeof held !== 'string') sources.set(code, held === undefined ? [index] : [...held, index]);
    }
    if (before.length > 1)
      note(
        code,
        `${year}: summen av ${before.join(', ')}, som senere ble slått sammen.`,
        `${year}: the sum of ${before.join(', ')}, later merged.`,
      );
    else if (code !== category.code)
      note(
        code,
        `${year}: kommunenummer ${category.code}.`,
        `${year}: municipality number ${category.code}.`,
      );
  });
  return sources;
}

/** A slice with its regions in the series' structure (see `regionSources`). */
function recode(
  slice: PeriodSlice,
  following: RegionFollowing | undefined,
  notes: Map<string, { nb: string[]; en: string[] }>,
): Recoded {
  const d = slice.dataset.dimensions.findIndex((x) => x.role === 'geo');
  const year = Number(slice.period);
  if (!following || d < 0 || !Number.isInteger(year) || year >= following.toYear)
    return {
      dataset: slice.dataset,
      sources: new Map((d < 0 ? [] : slice.dataset.dimensions[d]!.categories).map((c, i) => [c.code, [i]])),
    };
  const dimension = slice.dataset.dimensions[d]!;
  const sources = regionSources(dimension, year, following, notes);
  const categories: DatasetCategory[] = [...sources.keys()].map((code) => {
    const own = dimension.categories.find((c) => c.code === code);
    if (own && !MUNICIPALITY.test(code))
      return own.members
        ? {
            ...own,
            members: [
              ...new Set(
                own.members.flatMap((m) => (MUNICIPALITY.test(m) ? following.successors(m, year) : [m])),
              ),
            ],
          }
        : own;
    const name = following.nameOf(code);
    return { code, label: name ? `${code} ${name}` : (own?.label ?? code) };
  });
  const sizes = slice.dataset.dimensions.map((x) => x.categories.length);
  const outSizes = sizes.map((s, i) => (i === d ? categories.length : s));
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const picked of combinations(outSizes)) {
    const source = sources.get(categories[picked[d]!]!.code)!;
    if (typeof source === 'string') {
      values.push(null);
      status.push('..');
      continue;
    }
    const cells = source.map((i) => flatIndex(sizes, picked.with(d, i)));
    const symbol = ([':', '..', '.'] as const).find((s) =>
      cells.some((at) => slice.dataset.status[at] === s),
    );
    values.push(symbol ? null : cells.reduce((sum, at) => sum + slice.dataset.values[at]!, 0));
    status.push(symbol ?? null);
  }
  return {
    dataset: {
      ...slice.dataset,
      dimensions: slice.dataset.dimensions.map((x, i) => (i === d ? { ...x, categories } : x)),
      values,
      status,
    },
    sources,
  };
}

/** Categories of every slice, the newest slice's first; a geographic dimension's municipalities by code. */
function unionCategories(dimensions: readonly DatasetDimension[]): DatasetCategory[] {
  const seen = new Map<string, DatasetCategory>();
  for (const d of [...dimensions].reverse())
    for (const c of d.categories) {
      const held = seen.get(c.code);
      if (!held) seen.set(c.code, c);
      else if (held.members && c.members)
        seen.set(c.code, { ...held, members: [...new Set([...held.members, ...c.members])] });
    }
  const all = [...seen.values()];
  if (dimensions[0]?.role !== 'geo') return all;
  return [
    ...all.filter((c) => !MUNICIPALITY.test(c.code)),
    ...all.filter((c) => MUNICIPALITY.test(c.code)).sort((a, b) => a.code.localeCompare(b.code)),
  ];
}

/**
 * A table's published periods as one series: each period from its final publication, or its preliminary one
 * (marked so), a revision noted on its period; municipalities of earlier periods followed into the newest
 * structure when `following` is given. Categories are the union of the periods'; a cell a period has not
 * is "not available" (..).
 */
export function mergeSeries(slices: readonly PeriodSlice[], following?: RegionFollowing): PublishedDataset {
  const served = servedSlices(slices);
  const newest = served.at(-1);
  if (!newest) throw new DomainError('a series needs at least one published period');
  const ids = newest.dataset.dimensions.map((d) => d.id).join(',');
  for (const s of served) {
    if (s.dataset.id !== newest.dataset.id)
      throw new DomainError(
        `the period ${s.period} belongs to table ${s.dataset.id}, not ${newest.dataset.id}`,
        [newest.dataset.id],
      );
    if (s.dataset.dimensions.map((d) => d.id).join(',') !== ids)
      throw new DomainError(
        `the period ${s.period} has the variables ${s.dataset.dimensions.map((d) => d.id).join(', ')}, the newest ${ids}`,
        [newest.dataset.id, s.period],
      );
  }
  const regionNotes = new Map<string, { nb: string[]; en: string[] }>();
  const recoded = served.map((s) => ({ slice: s, ...recode(s, following, regionNotes) }));
  const dimensions: DatasetDimension[] = newest.dataset.dimensions.map((d, i) => {
    if (d.id === TIME)
      return {
        ...d,
        categories: served.map((s) => {
          const notes = periodNotes(s);
          return {
            ...s.dataset.dimensions[i]!.categories[0]!,
            ...(notes.nb.length ? { note: notes.nb, noteEn: notes.en } : {}),
          };
        }),
      };
    const newestCodes = new Set(recoded.at(-1)!.dataset.dimensions[i]!.categories.map((c) => c.code));
    const categories = unionCategories(recoded.map((r) => r.dataset.dimensions[i]!)).map((c) => {
      const notes = d.role === 'geo' ? regionNotes.get(c.code) : undefined;
      if (notes) return { ...c, note: notes.nb, noteEn: notes.en };
      // A region of an earlier structure (a county before 2024) has figures for the periods it existed.
      if (d.role === 'geo' && !MUNICIPALITY.test(c.code) && !newestCodes.has(c.code)) {
        const periods = recoded
          .filter((r) => r.dataset.dimensions[i]!.categories.some((x) => x.code === c.code))
          .map((r) => r.slice.period)
          .join(', ');
        return { ...c, note: [`Tall bare for ${periods}.`], noteEn: [`Figures for ${periods} only.`] };
      }
      return c;
    });
    return { ...d, categories };
  });
  const position = recoded.map((r) =>
    r.dataset.dimensions.map((d) => new Map(d.categories.map((c, at) => [c.code, at]))),
  );
  const sizes = dimensions.map((d) => d.categories.length);
  const time = dimensions.findIndex((d) => d.id === TIME);
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const picked of combinations(sizes)) {
    const r = picked[time]!;
    const own = recoded[r]!.dataset;
    const indices = picked.map((p, d) =>
      d === time ? 0 : position[r]![d]!.get(dimensions[d]!.categories[p]!.code),
    );
    if (indices.some((x) => x === undefined)) {
      values.push(null);
      status.push('..');
      continue;
    }
    const at = flatIndex(
      own.dimensions.map((x) => x.categories.length),
      indices as number[],
    );
    values.push(own.values[at]!);
    status.push(own.status[at]!);
  }
  const first = served[0]!.period;
  const span = first === newest.period ? first : `${first}–${newest.period}`;
  const unique = (lists: readonly (readonly string[] | undefined)[]) => [
    ...new Set(lists.flatMap((l) => l ?? [])),
  ];
  const byNewest = [...served].reverse();
  return {
    ...newest.dataset,
    label: `${newest.dataset.label} ${span}`,
    ...(newest.dataset.labelEn ? { labelEn: `${newest.dataset.labelEn} ${span}` } : {}),
    updated: served
      .map((s) => s.dataset.updated)
      .sort()
      .at(-1)!,
    dimensions,
    values,
    status,
    notes: unique(byNewest.map((s) => s.dataset.notes)),
    ...(newest.dataset.notesEn
      ? { notesEn: unique(byNewest.map((s) => s.dataset.notesEn ?? s.dataset.notes)) }
      : {}),
    protection: {
      primary: served.reduce((n, s) => n + s.dataset.protection.primary, 0),
      secondary: served.reduce((n, s) => n + s.dataset.protection.secondary, 0),
      checked: unique(served.map((s) => s.dataset.protection.checked)),
    },
  };
}
