/**
 * A reporting unit as the register of units knows it on a date: an establishment (underenhet) or an
 * enterprise of the Central Coordinating Register for Legal Entities, with what KOSTRA's forms show of it.
 */
export const OWNERSHIPS = ['municipal', 'private_commercial', 'non_profit'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const UNIT_STATUSES = ['active', 'closed'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export interface RegisterUnit {
  readonly orgNumber: string;
  readonly name: string;
  /** The enterprise (hovedenhet) the establishment belongs to. */
  readonly parent: string | null;
  readonly street: string;
  readonly postcode: string;
  readonly place: string;
  /** Where the unit lies (beliggenhetskommune). */
  readonly municipality: string;
  /** The municipality it serves, which answers for it unless it reports itself; where it lies, unless told. */
  readonly serves: string;
  readonly industrySn2007: string | null;
  readonly industrySn2025: string | null;
  readonly status: UnitStatus;
  readonly ownership: Ownership;
  readonly startedOn: string | null;
  readonly closedOn: string | null;
}

/**
 * The attributes a form may show and let the respondent correct (`prefill: {source: "register", key}`),
 * as the answers' texts and codes: the status and ownership as codes of the forms' code lists.
 */
export const REGISTER_ATTRIBUTES = {
  name: (u: RegisterUnit) => u.name,
  street: (u: RegisterUnit) => u.street,
  postcode: (u: RegisterUnit) => u.postcode,
  place: (u: RegisterUnit) => u.place,
  municipality: (u: RegisterUnit) => u.municipality,
  industry_sn2007: (u: RegisterUnit) => u.industrySn2007,
  industry_sn2025: (u: RegisterUnit) => u.industrySn2025,
  status: (u: RegisterUnit) => u.status,
  ownership: (u: RegisterUnit) => u.ownership,
} as const satisfies Record<string, (u: RegisterUnit) => string | null>;
export type RegisterAttribute = keyof typeof REGISTER_ATTRIBUTES;

export const isRegisterAttribute = (key: string): key is RegisterAttribute => key in REGISTER_ATTRIBUTES;

/**
 * Ownership from the enterprise's institutional sector (SSB's «Standard for institusjonell sektorgruppering»,
 * 2014, four digits): the municipal administration (6500) and municipally owned enterprises (1120, 1510) are
 * municipal, non-profit institutions serving households (7000) non-profit, and every other sector private
 * commercial: the three kinds of owner skjema 6 asks for (seed 001, section 6.3). Not four digits: undefined.
 */
const MUNICIPAL_SECTORS = new Set(['6500', '1120', '1510']);

export function ownershipOfSector(sector: string): Ownership | undefined {
  if (!/^\d{4}$/.test(sector)) return undefined;
  if (MUNICIPAL_SECTORS.has(sector)) return 'municipal';
  return sector === '7000' ? 'non_profit' : 'private_commercial';
}

/** The sector a unit of this ownership is given by the synthetic generator (the inverse, for one code each). */
export const SECTOR_OF_OWNERSHIP: Readonly<Record<Ownership, string>> = {
  municipal: '6500',
  private_commercial: '2100',
  non_profit: '7000',
};
