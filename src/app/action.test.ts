import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReferenceData, loadSurveyDefinition } from '../files/product-data.ts';
import type { Db } from '../store/database.ts';
import { loadRound } from '../store/rounds.ts';
import { insertStatistician, type Statistician } from '../store/statisticians.ts';
import { testDatabases } from '../store/testing/databases.ts';
import { PILOT } from '../testing/shared-data.ts';
import { correctResponse } from './control-round.ts';
import { importRound } from './import-round.ts';
import { publishRound } from './publish-round.ts';
import { setContacts } from './send-mail.ts';
import { createRound, removeFromSample, setRoundTimeline } from './setup-round.ts';

const databases = await testDatabases();
const ROUND = 'f254-pilot-2022';

/** The same database, with one kind of statement on one table failing: a store call that breaks. */
function failing(db: Db, kind: RootOperationNode['kind'], table: string): Db {
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const target =
        node.kind === 'InsertQueryNode'
          ? node.into
          : node.kind === 'UpdateQueryNode'
            ? node.table
            : undefined;
      const name = (target as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier
        ?.name;
      if (node.kind === kind && name === table) throw new Error(`injected failure: ${kind} ${table}`);
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  return db.withPlugin(plugin);
}

/** Everything an action could leave behind. */
async function snapshot(db: Db) {
  const all = (table: 'survey_round' | 'invitation' | 'response' | 'published_table' | 'audit_log') =>
    db.selectFrom(table).selectAll().execute();
  return {
    rounds: await all('survey_round'),
    invitations: await all('invitation'),
    responses: await all('response'),
    published: await all('published_table'),
    audit: await all('audit_log'),
  };
}

describe.each(databases)('an action that fails half-way leaves nothing behind, on $kind', (database) => {
  let db: Db;
  let drop: () => Promise<void>;
  let kari: Statistician;
  beforeAll(async () => {
    ({ db, drop } = await database.open());
    await importRound(db, PILOT, await loadSurveyDefinition('f254'), await loadReferenceData());
    kari = await insertStatistician(db, {
      username: 'kari',
      displayName: 'Kari',
      role: 'statistician',
      password: 'riktig hest batteri',
    });
  }, 60_000);
  afterAll(() => drop());

  const actions: [string, (db: Db) => Promise<unknown>][] = [
    [
      'creating a round',
      async (d) =>
        createRound(
          d,
          kari,
          await loadSurveyDefinition('f254'),
          { id: 'f254-half', referenceYear: 2022, timeline: { deadline: '2022-05-20' } },
          [{ municipality: '3403', sizeGroup: '20000+', criteria: [] }],
          { takeAllWith: [], drawPerSizeGroup: { '20000+': 1 }, seed: 1 },
        ),
    ],
    ['setting the timeline', (d) => setRoundTimeline(d, kari, ROUND, { deadline: '2022-05-30' })],
    ['contact addresses', (d) => setContacts(d, kari, ROUND, '3403,a@hamar.no\n3414,b@nord-odal.no\n')],
    ['taking a municipality out', (d) => removeFromSample(d, kari, ROUND, '3024', 'Feil')],
    [
      'a correction',
      async (d) => {
        const hamar = (await loadRound(d, ROUND)).round.responses.find((r) => r.municipality === '3403')!;
        return correctResponse(d, kari, ROUND, '3403', 1, hamar, 'Rettet', new Date());
      },
    ],
    ['publishing', (d) => publishRound(d, ROUND, 'kari', new Date())],
  ];

  test.each(actions)('%s: its audit entry failing, nothing of it remains', async (_name, action) => {
    const before = await snapshot(db);
    await expect(action(failing(db, 'InsertQueryNode', 'audit_log'))).rejects.toThrow(
      'injected failure: InsertQueryNode audit_log',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  test('creating a round: its timeline failing after the round and invitations are written, none of them remain', async () => {
    const before = await snapshot(db);
    await expect(actions[0]![1](failing(db, 'UpdateQueryNode', 'survey_round'))).rejects.toThrow(
      'injected failure: UpdateQueryNode survey_round',
    );
    expect(await snapshot(db)).toEqual(before);
    // Without the failure, the same action is carried out, with its entry.
    await actions[0]![1](db);
    expect((await snapshot(db)).audit.at(-1)).toMatchObject({
      actor: 'kari',
      action: 'round.create',
      subject: 'f254-half',
    });
  });
});
