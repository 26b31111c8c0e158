import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { withFunctions } from '../domain/survey/functions-text.ts';
import {
  answered,
  definition,
  given,
  invitation,
  response,
  round,
  ticked,
} from '../domain/testing/rounds.ts';
import type { Db } from './database.ts';
import { loadRound, saveRound } from './rounds.ts';
import { testDatabases } from './testing/databases.ts';

const databases = await testDatabases();

describe.each(databases)('rounds on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
  });
  afterAll(async () => drop());

  const stored = round(
    [
      invitation('0301', {
        sizeGroup: 'ASSS',
        asss: true,
        criteria: ['ASSS', 'KOSTRA_AG'],
        attendedMeeting: true,
        meetingParticipants: 4,
        populationApprox: null,
      }),
      invitation('5041', { prefilled: { AGD10: 43018, AGD4: null } }),
    ],
    [
      response('5041', {
        business_types: answered({ AMBULANT: given(20000), BPA: ticked }, ['KOSTRA_4_DIGIT']),
      }),
    ],
  );

  test('a saved round loads as it was saved', async () => {
    await saveRound(db, definition, { ...stored, id: 'round-a' });
    const loaded = await loadRound(db, 'round-a');
    // Worded for the round's function: 254, as the round does not say otherwise.
    expect(loaded.definition).toEqual(withFunctions(definition, ['254']));
    expect(loaded.round).toEqual({
      ...stored,
      id: 'round-a',
      functions: ['254'],
      invitations: [...stored.invitations],
      responses: [{ ...stored.responses[0], submittedAt: '2022-05-20T10:00:00.000Z' }],
    });
  });

  test('the same round id is refused and nothing changes', async () => {
    await expect(saveRound(db, definition, { ...stored, id: 'round-a', invitations: [] })).rejects.toThrow(
      'survey round round-a exists already',
    );
    expect((await loadRound(db, 'round-a')).round.invitations).toHaveLength(2);
  });

  test('a round that fails part-way leaves nothing behind', async () => {
    // The second invitation breaks a constraint of the database after the first rows are written.
    const broken = round([invitation('1001'), invitation('1001')]);
    await expect(saveRound(db, definition, { ...broken, id: 'round-b' })).rejects.toThrow();
    await expect(loadRound(db, 'round-b')).rejects.toThrow(DomainError);
    const orphans = await db
      .selectFrom('invitation')
      .select('municipality')
      .where('round_id', '=', 'round-b')
      .execute();
    expect(orphans).toEqual([]);
  });

  test('the latest submitted version of a response is the one that counts', async () => {
    await db
      .insertInto('response')
      .values({
        round_id: 'round-a',
        municipality: '5041',
        version: 2,
        status: 'submitted',
        submitted_at: '2022-05-27T08:00:00Z',
        comments: 'Rettet',
        tables: JSON.stringify({}),
      })
      .execute();
    await db
      .insertInto('response')
      .values({
        round_id: 'round-a',
        municipality: '5041',
        version: 3,
        status: 'draft',
        submitted_at: null,
        comments: 'Utkast',
        tables: JSON.stringify({}),
      })
      .execute();
    const { round: loaded } = await loadRound(db, 'round-a');
    expect(loaded.responses).toEqual([
      { municipality: '5041', submittedAt: '2022-05-27T08:00:00.000Z', comments: 'Rettet', tables: {} },
    ]);
  });

  test('an unknown round is a clear error', async () => {
    await expect(loadRound(db, 'nope')).rejects.toThrow('no survey round nope');
  });
});
