import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { chooseFormUnits, type UnitPlaces } from './form-units.ts';

const places: UnitPlaces = {
  municipalities: new Map([
    ['0301', 'Oslo'],
    ['4640', 'Sogndal'],
    ['3403', 'Hamar'],
    ['1508', 'Ålesund'],
    ['4601', 'Bergen'],
  ]),
  districts: new Map([
    ['030101', 'Gamle Oslo'],
    ['030102', 'Grünerløkka'],
  ]),
  groups: new Map([
    ['0301', 'EKG13'],
    ['4640', 'EKG05'],
    ['3403', 'EKG08'],
    ['1508', 'EKG08'],
    ['4601', 'EKG14'],
  ]),
};

describe('the units of a form round', () => {
  test('every municipality of the year, or the districts, named by the reference data, in code order', () => {
    expect(chooseFormUnits({ from: 'municipalities' }, places).map((u) => u.code)).toEqual([
      '0301',
      '1508',
      '3403',
      '4601',
      '4640',
    ]);
    expect(chooseFormUnits({ from: 'oslo_districts' }, places)).toEqual([
      { code: '030101', name: 'Gamle Oslo', kind: 'oslo_district' },
      { code: '030102', name: 'Grünerløkka', kind: 'oslo_district' },
    ]);
    // Both, as skjema 1 and 4 are asked of (KOSTRA's 371 in 2020: 356 municipalities and 15 districts).
    expect(chooseFormUnits({ from: 'municipalities_and_districts' }, places).map((u) => u.code)).toEqual([
      '0301',
      '030101',
      '030102',
      '1508',
      '3403',
      '4601',
      '4640',
    ]);
  });

  test('units by code: municipalities and districts together; an unknown or repeated code is named', () => {
    expect(chooseFormUnits({ from: 'codes', codes: ['030102', '4640'] }, places)).toEqual([
      { code: '030102', name: 'Grünerløkka', kind: 'oslo_district' },
      { code: '4640', name: 'Sogndal', kind: 'municipality' },
    ]);
    const unknown = () => chooseFormUnits({ from: 'codes', codes: ['4640', '9999'] }, places);
    expect(unknown).toThrow(DomainError);
    expect(unknown).toThrow(/9999 is neither/);
    expect(() => chooseFormUnits({ from: 'codes', codes: ['4640', '4640'] }, places)).toThrow(/twice/);
    expect(() => chooseFormUnits({ from: 'codes', codes: [] }, places)).toThrow(/no units/);
  });

  test('a draw by KOSTRA group takes that many from each group, the same for the same seed', () => {
    const draw = { perGroup: { EKG08: 1, EKG14: 1 }, seed: 17 };
    const once = chooseFormUnits({ from: 'municipalities' }, places, draw);
    expect(once).toHaveLength(2);
    expect(once.filter((u) => places.groups.get(u.code) === 'EKG08')).toHaveLength(1);
    expect(once.some((u) => u.code === '4601')).toBe(true);
    expect(chooseFormUnits({ from: 'municipalities' }, places, draw)).toEqual(once);
    const seeds = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        chooseFormUnits({ from: 'municipalities' }, places, { perGroup: { EKG08: 1 }, seed })
          .map((u) => u.code)
          .join(),
      ),
    );
    expect(seeds).toEqual(new Set(['1508', '3403']));
  });

  test('a draw needs groups and municipalities, and no more than a group has', () => {
    const draw = { perGroup: { EKG08: 3 }, seed: 1 };
    expect(() => chooseFormUnits({ from: 'municipalities' }, places, draw)).toThrow(/only 2/);
    expect(() => chooseFormUnits({ from: 'oslo_districts' }, places, { perGroup: {}, seed: 1 })).toThrow(
      /among municipalities/,
    );
    expect(() =>
      chooseFormUnits(
        { from: 'municipalities' },
        { ...places, groups: new Map() },
        { perGroup: {}, seed: 1 },
      ),
    ).toThrow(/no KOSTRA groups/);
  });
});
