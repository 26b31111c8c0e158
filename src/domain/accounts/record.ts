/**
 * A record of a KOSTRA accounting file: 48 characters, fixed positions (1-based, inclusive): skjema 1-2,
 * year 3-6, quarter 7, region 8-13, orgnr 14-22, foretaksnr 23-31, kontoklasse 32, function (or chapter in
 * a balance) 33-36, art (or sector) 37-39, amount 40-48 in 1000 NOK with the minus sign before the digits.
 */
export const RECORD_LENGTH = 48;

export interface AccountRecord {
  readonly line: number;
  readonly skjema: string;
  readonly year: string;
  readonly quarter: string;
  readonly region: string;
  readonly orgnr: string;
  readonly foretaksnr: string;
  readonly kontoklasse: string;
  /** Function in the budget accounts, chapter in a balance; trimmed. */
  readonly functionCode: string;
  /** Art in the budget accounts, sector in a balance. */
  readonly art: string;
  /** The amount field as written. */
  readonly amountText: string;
  /** The amount in 1000 NOK, or null when the field is no whole number. */
  readonly amount: number | null;
}

const AMOUNT = /^\s*-?\d+$/;

/** An amount of a lone 0: the control program drops such a record before any rule. */
export const isDroppedAmount = (amountText: string) => amountText.trim() === '0';

/** The fields of a record of the right length (the length itself is a control of its own). */
export function parseRecord(text: string, line: number): AccountRecord {
  const amountText = text.slice(39, 48);
  return {
    line,
    skjema: text.slice(0, 2),
    year: text.slice(2, 6),
    quarter: text.slice(6, 7),
    region: text.slice(7, 13),
    orgnr: text.slice(13, 22),
    foretaksnr: text.slice(22, 31),
    kontoklasse: text.slice(31, 32),
    functionCode: text.slice(32, 36).trim(),
    art: text.slice(36, 39),
    amountText,
    amount: AMOUNT.test(amountText) ? Number(amountText) : null,
  };
}

/** What the municipality declares it sends: the file is controlled against it. */
export interface Declared {
  readonly skjema: string;
  readonly year: number;
  /** '1'-'4' for a quarter, ' ' (blank) for an annual file where the skjema has no quarter. */
  readonly quarter: string;
  readonly region: string;
  /**
   * The organisation number the records must carry (nine characters; blank, as most municipalities send,
   * when none is declared). The foretaksnummer is blank or the same number.
   */
  readonly orgnr?: string;
}

/** The organisation number declared, nine blanks when none is. */
export const declaredOrgnr = (declared: Declared) => declared.orgnr ?? ' '.repeat(9);

/** Oslo's districts (bydeler) report accounts of their own: regions 030101-030115. */
export const isOsloDistrict = (region: string) => region.startsWith('0301') && region !== '030100';

/** Skjema whose files SSB's control program controls as a municipality's (not a county's). */
export const MUNICIPAL_SKJEMA = ['0A', '0B', '0M', '0N'] as const;

/** Budget accounts (bevilgning) hold functions and arts; balances hold chapters and sectors. */
export type AccountKind = 'budget' | 'balance';

/** Per skjema: the kind of accounts and which kontoklasse means operations, investment or balance. */
export const SKJEMA: Readonly<
  Record<string, { kind: AccountKind; operations?: string; investment?: string; balance?: string }>
> = {
  '0A': { kind: 'budget', operations: '1', investment: '0' },
  '0M': { kind: 'budget', operations: '3', investment: '4' },
  '0B': { kind: 'balance', balance: '2' },
  '0N': { kind: 'balance', balance: '5' },
};

export type Account = 'operations' | 'investment' | 'balance' | 'unknown';

/** The accounts as the control program's messages name them. */
export const ACCOUNT_TEXT = {
  operations: 'driftsregnskapet',
  investment: 'investeringsregnskapet',
  balance: 'balansen',
} as const;

export function accountOf(record: Pick<AccountRecord, 'skjema' | 'kontoklasse'>): Account {
  const s = SKJEMA[record.skjema];
  if (!s) return 'unknown';
  // A balance's records are the balance's whatever their kontoklasse (a wrong one is a finding of its own).
  if (s.kind === 'balance') return 'balance';
  if (record.kontoklasse === s.operations) return 'operations';
  if (record.kontoklasse === s.investment) return 'investment';
  if (record.kontoklasse === s.balance) return 'balance';
  return 'unknown';
}

/** Arts 010-599 are expenses, 600-999 income (income is negative in the files). */
export const isExpense = (art: string) => {
  const n = Number(art);
  return n >= 10 && n <= 599;
};
export const isIncome = (art: string) => {
  const n = Number(art);
  return n >= 600 && n <= 999;
};
