import type { ControlRule } from './control-rules.ts';
import type { Totals } from './file-controls.ts';
import type { FunctionArtSums } from './key-figures.ts';
import { isExpense, isIncome, type Account } from './record.ts';
import { inRange } from './record-controls.ts';

/** Indices of the running totals. */
const TOTAL = {
  operationsExpense: 0,
  operationsIncome: 1,
  investmentExpense: 2,
  investmentIncome: 3,
  assets: 4,
  liabilities: 5,
  transfersOperations: 6,
  transfersInvestment: 7,
  depreciation: 8,
  counterEntry: 9,
  seenOperations: 10,
  seenInvestment: 11,
  seenBalance: 12,
  seenDepreciation: 13,
  seenCounterEntry: 14,
  seenAssets: 15,
  seenLiabilities: 16,
} as const;
const TOTALS = 17;

/**
 * Which running totals a record adds its amount to, and which it marks seen (its account; depreciation and
 * its counter-entry): the same for every file of a kind (the control shares them between files).
 */
export interface Targets {
  readonly add: readonly number[];
  readonly seen: readonly number[];
  /** For the key figures: the function, and the art as a number, of an operations record (else null). */
  readonly functionCode: string | null;
  readonly art: number;
}

/**
 * The targets of keys (kontoklasse, function and art) by a key's number, kept flat for the many keys a
 * file's records are summed by: the keys of one target set share a group (a national year's few thousand
 * keys have a few dozen), and an operations key has a function number and its art. Made with the keys,
 * kept for the next file of the same kind (`RunningTotals.addKeys`).
 */
export class KeyTargets {
  /** By group, its targets (the function and art of a group's first key: only `add` and `seen` count). */
  readonly groups: Targets[] = [];
  private readonly groupOf = new Map<string, number>();
  /** Function code by function number. */
  readonly functions: string[] = [];
  private readonly functionOf = new Map<string, number>();
  /** By key: its group, its function number (-1: no key figures), its art. */
  group = new Uint32Array(1024);
  functionNumber = new Int32Array(1024);
  art = new Uint16Array(1024);

  /** The targets of key `key`. */
  set(key: number, targets: Targets) {
    if (key >= this.group.length) {
      const grow = <T extends Uint32Array | Int32Array | Uint16Array>(a: T): T => {
        const larger = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, key + 1));
        larger.set(a);
        return larger;
      };
      this.group = grow(this.group);
      this.functionNumber = grow(this.functionNumber);
      this.art = grow(this.art);
    }
    const name = `${targets.add.join(',')}|${targets.seen.join(',')}`;
    let group = this.groupOf.get(name);
    if (group === undefined) this.groupOf.set(name, (group = this.groups.push(targets) - 1));
    this.group[key] = group;
    const code = targets.functionCode;
    let fn = code === null ? -1 : this.functionOf.get(code);
    if (fn === undefined) this.functionOf.set(code!, (fn = this.functions.push(code!) - 1));
    this.functionNumber[key] = fn;
    this.art[key] = fn < 0 ? 0 : targets.art;
  }
}

/**
 * The running totals of a file that the file-level controls read: the sums of operations, investment and
 * the balance, transfers, depreciation and its counter-entry, how many records each account has, and the
 * sum of each rule that sums a selection of records (`sum_zero`, `sum_negative`); on the way, each operations amount into
 * its function's sums by art for the key figures.
 */
export class RunningTotals {
  /** By the indices in TOTAL, then one per selection in the order of `selections`. */
  private readonly totals: Float64Array;

  constructor(
    private readonly selections: readonly Extract<ControlRule, { kind: 'sum_zero' | 'sum_negative' }>[],
    private readonly functionSums?: FunctionArtSums,
  ) {
    this.totals = new Float64Array(TOTALS + selections.length);
  }

  /** Which running totals a record of this account, function and art adds its amount (or 1) to. */
  targetsOf(account: Account, functionCode: string, art: string): Targets {
    const add: number[] = [];
    const seen: number[] = [];
    if (account === 'operations' || account === 'investment') {
      const ops = account === 'operations';
      seen.push(ops ? TOTAL.seenOperations : TOTAL.seenInvestment);
      if (isExpense(art)) add.push(ops ? TOTAL.operationsExpense : TOTAL.investmentExpense);
      else if (isIncome(art)) add.push(ops ? TOTAL.operationsIncome : TOTAL.investmentIncome);
    }
    if (account === 'balance') {
      seen.push(TOTAL.seenBalance);
      const chapter = Number(functionCode);
      if (chapter >= 10 && chapter <= 29) {
        add.push(TOTAL.assets);
        seen.push(TOTAL.seenAssets);
      } else if (chapter >= 31 && chapter <= 5999) {
        add.push(TOTAL.liabilities);
        seen.push(TOTAL.seenLiabilities);
      }
    }
    if (account === 'operations' && art === '570') add.push(TOTAL.transfersOperations);
    if (account === 'investment' && art === '970') add.push(TOTAL.transfersInvestment);
    if (account === 'operations' && art === '590' && inRange(functionCode, ['100', '799'])) {
      add.push(TOTAL.depreciation);
      seen.push(TOTAL.seenDepreciation);
    }
    if (account === 'operations' && art === '990' && functionCode === '860') {
      add.push(TOTAL.counterEntry);
      seen.push(TOTAL.seenCounterEntry);
    }
    const artNumber = Number(art);
    this.selections.forEach((rule, i) => {
      const selected =
        (!rule.account || rule.account === account) &&
        (!rule.functions || rule.functions.includes(functionCode)) &&
        (!rule.function_ranges || rule.function_ranges.some((range) => inRange(functionCode, range))) &&
        (!rule.functions_not || !rule.functions_not.includes(functionCode)) &&
        (!rule.art_ranges || rule.art_ranges.some((range) => inRange(art, range)));
      if (selected) add.push(TOTALS + i);
    });
    return {
      add,
      seen,
      functionCode: account === 'operations' && Number.isInteger(artNumber) ? functionCode : null,
      art: artNumber,
    };
  }

  /** Adds the amount of one or more records of the same targets to the totals; what they mark is seen. */
  add(targets: Targets, amount: number) {
    this.addToTotals(targets, amount);
    if (targets.functionCode === null || !this.functionSums) return;
    const arts = this.functionSums.arts(targets.functionCode);
    if (arts) arts[targets.art]! += amount;
  }

  /**
   * Adds the sums of `count` keys (key `keys[4 * i]`, sum `sums[2 * i + 1]`, as the kernel gives them) by
   * their targets: summed by group first, then each group's into the totals, as `add` would for each.
   */
  addKeys(table: KeyTargets, count: number, keys: Uint32Array, sums: Float64Array) {
    const groupSums = new Float64Array(table.groups.length);
    const groupSeen = new Uint8Array(table.groups.length);
    const arts: (Float64Array | null | undefined)[] = [];
    const { group, functionNumber, art } = table;
    for (let i = 0; i < count; i++) {
      const key = keys[4 * i]!;
      const amount = sums[2 * i + 1]!;
      const g = group[key]!;
      groupSums[g]! += amount;
      groupSeen[g] = 1;
      const fn = functionNumber[key]!;
      if (fn < 0 || !this.functionSums) continue;
      let sumsOf = arts[fn];
      if (sumsOf === undefined) arts[fn] = sumsOf = this.functionSums.arts(table.functions[fn]!) ?? null;
      if (sumsOf !== null) sumsOf[art[key]!]! += amount;
    }
    table.groups.forEach((targets, g) => {
      if (groupSeen[g] === 1) this.addToTotals(targets, groupSums[g]!);
    });
  }

  /** The totals part of `add`: the amount into each total of the targets, and what they mark seen. */
  private addToTotals(targets: Targets, amount: number) {
    for (const index of targets.add) this.totals[index]! += amount;
    for (const index of targets.seen) this.totals[index] = 1;
  }

  /** The running totals by name, for the file-level controls. */
  summary(): Totals {
    const t = this.totals;
    return {
      operations: { expense: t[TOTAL.operationsExpense]!, income: t[TOTAL.operationsIncome]! },
      investment: { expense: t[TOTAL.investmentExpense]!, income: t[TOTAL.investmentIncome]! },
      balance: { assets: t[TOTAL.assets]!, liabilities: t[TOTAL.liabilities]! },
      seen: {
        operations: t[TOTAL.seenOperations]! > 0,
        investment: t[TOTAL.seenInvestment]! > 0,
        balance: t[TOTAL.seenBalance]! > 0,
        depreciation: t[TOTAL.seenDepreciation]! > 0,
        counterEntry: t[TOTAL.seenCounterEntry]! > 0,
        assets: t[TOTAL.seenAssets]! > 0,
        liabilities: t[TOTAL.seenLiabilities]! > 0,
      },
      transfers: { operations: t[TOTAL.transfersOperations]!, investment: t[TOTAL.transfersInvestment]! },
      depreciation: { '590': t[TOTAL.depreciation]!, '990': t[TOTAL.counterEntry]! },
      selected: new Map(this.selections.map((rule, i) => [rule, t[TOTALS + i]!])),
    };
  }
}
