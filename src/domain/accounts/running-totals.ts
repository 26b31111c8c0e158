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
} as const;
const TOTALS = 13;

/**
 * Which running totals a record adds its amount to, and which marks its account seen (-1: none): the same
 * for every file of a kind (the control shares them between files).
 */
export interface Targets {
  readonly add: readonly number[];
  readonly seen: number;
  /** For the key figures: the function, and the art as a number, of an operations record (else null). */
  readonly functionCode: string | null;
  readonly art: number;
}

/**
 * The running totals of a file that the file-level controls read: the sums of operations, investment and
 * the balance, transfers, depreciation and its counter-entry, how many records each account has, and the
 * sum of each rule that sums a selection of records (`sum_zero`); on the way, each operations amount into
 * its function's sums by art for the key figures.
 */
export class RunningTotals {
  /** By the indices in TOTAL, then one per selection in the order of `selections`. */
  private readonly totals: Float64Array;

  constructor(
    private readonly selections: readonly Extract<ControlRule, { kind: 'sum_zero' }>[],
    private readonly functionSums?: FunctionArtSums,
  ) {
    this.totals = new Float64Array(TOTALS + selections.length);
  }

  /** Which running totals a record of this account, function and art adds its amount (or 1) to. */
  targetsOf(account: Account, functionCode: string, art: string): Targets {
    const add: number[] = [];
    let seen = -1;
    if (account === 'operations' || account === 'investment') {
      const ops = account === 'operations';
      seen = ops ? TOTAL.seenOperations : TOTAL.seenInvestment;
      if (isExpense(art)) add.push(ops ? TOTAL.operationsExpense : TOTAL.investmentExpense);
      else if (isIncome(art)) add.push(ops ? TOTAL.operationsIncome : TOTAL.investmentIncome);
    }
    if (account === 'balance') {
      seen = TOTAL.seenBalance;
      const chapter = Number(functionCode);
      if (chapter >= 10 && chapter <= 29) add.push(TOTAL.assets);
      else if (chapter >= 31 && chapter <= 5999) add.push(TOTAL.liabilities);
    }
    if (account === 'operations' && art === '570') add.push(TOTAL.transfersOperations);
    if (account === 'investment' && art === '970') add.push(TOTAL.transfersInvestment);
    if (account === 'operations' && art === '590' && inRange(functionCode, ['100', '799']))
      add.push(TOTAL.depreciation);
    if (account === 'operations' && art === '990' && functionCode === '860') add.push(TOTAL.counterEntry);
    const artNumber = Number(art);
    this.selections.forEach((rule, i) => {
      const selected =
        (!rule.account || rule.account === account) &&
        (!rule.functions || rule.functions.includes(functionCode)) &&
        rule.art_ranges.some((range) => inRange(art, range));
      if (selected) add.push(TOTALS + i);
    });
    return {
      add,
      seen,
      functionCode: account === 'operations' && Number.isInteger(artNumber) ? functionCode : null,
      art: artNumber,
    };
  }

  /** Adds the amount of one or more records of the same targets to the totals; their account is seen. */
  add(targets: Targets, amount: number) {
    const totals = this.totals;
    for (const index of targets.add) totals[index]! += amount;
    if (targets.seen >= 0) totals[targets.seen] = 1;
    if (targets.functionCode !== null && this.functionSums)
      this.functionSums.arts(targets.functionCode)[targets.art]! += amount;
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
      },
      transfers: { operations: t[TOTAL.transfersOperations]!, investment: t[TOTAL.transfersInvestment]! },
      depreciation: { '590': t[TOTAL.depreciation]!, '990': t[TOTAL.counterEntry]! },
      selected: new Map(this.selections.map((rule, i) => [rule, t[TOTALS + i]!])),
    };
  }
}
