import type { Codelist } from './dataset.ts';

export interface MunicipalityOfYear {
  readonly code: string;
  readonly countyCode: string;
  readonly countyName: string;
}

export interface RegionGroupings {
  readonly year: number;
  readonly municipalities: readonly MunicipalityOfYear[];
  /** Each municipality's KOSTRA group (EKG01…EKG17); empty for a year without a grouping. */
  readonly kostraGroups: ReadonlyMap<string, string>;
  /** The size groups the round placed its municipalities in, with the table's codes for them. */
  readonly sizeGroups: readonly {
    readonly code: string;
    readonly label: string;
    readonly labelEn: string;
    readonly municipalities: readonly string[];
  }[];
}

const OSLO = '0301';

/**
 * The groupings of municipalities a reader may ask a table's Region variable for, as PxWeb aggregation
 * codelists, with the region codes KOSTRA's own tables use: EAK the country, EAKUO the country without
 * Oslo, EKA + county number, EKG + group number. Each maps to every municipality of the year it holds; a
 * table sums only those it has.
 */
export function regionCodelists(groupings: RegionGroupings): Codelist[] {
  const { year, municipalities } = groupings;
  const all = municipalities.map((m) => m.code);
  const counties = new Map<string, { name: string; members: string[] }>();
  for (const m of municipalities) {
    const county = counties.get(m.countyCode) ?? { name: m.countyName, members: [] };
    county.members.push(m.code);
    counties.set(m.countyCode, county);
  }
  const kostraGroups = new Map<string, string[]>();
  for (const [municipality, group] of groupings.kostraGroups)
    kostraGroups.set(group, [...(kostraGroups.get(group) ?? []), municipality]);
  const lists: Codelist[] = [
    {
      id: `agg_Landet${year}`,
      label: `Landet og landet uten Oslo (${year})`,
      labelEn: `Norway and Norway excluding Oslo (${year})`,
      values: [
        { code: 'EAK', label: 'Landet', labelEn: 'Norway', valueMap: all },
        {
          code: 'EAKUO',
          label: 'Landet uten Oslo',
          labelEn: 'Norway excluding Oslo',
          valueMap: all.filter((c) => c !== OSLO),
        },
      ],
    },
    {
      id: `agg_Fylker${year}`,
      label: `Fylker (${year})`,
      labelEn: `Counties (${year})`,
      values: [...counties]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, c]) => ({ code: `EKA${code}`, label: c.name, valueMap: c.members })),
    },
  ];
  if (kostraGroups.size > 0)
    lists.push({
      id: `agg_KOSTRAgrupper${year}`,
      label: `KOSTRA-grupper (${year})`,
      labelEn: `KOSTRA groups (${year})`,
      values: [...kostraGroups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, members]) => {
          const number = Number(code.slice(3));
          return {
            code,
            label: `KOSTRA-gruppe ${number}`,
            labelEn: `KOSTRA group ${number}`,
            valueMap: members,
          };
        }),
    });
  if (groupings.sizeGroups.length > 0)
    lists.push({
      id: `agg_Kommunestorrelse${year}`,
      label: `Kommunestørrelse (${year})`,
      labelEn: `Municipality size (${year})`,
      values: groupings.sizeGroups.map((g) => ({
        code: g.code,
        label: g.label,
        labelEn: g.labelEn,
        valueMap: g.municipalities,
      })),
    });
  return lists;
}
