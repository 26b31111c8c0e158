import { sql } from 'kysely';
import { roundedAmount } from '../../domain/rounding.ts';
import { seededRandom } from '../../domain/collection/sample.ts';
import { definition, invitation } from '../../domain/testing/rounds.ts';
import type { SurveyResponse } from '../../domain/survey/response.ts';
import { loadMunicipalityRows, loadPopulationAtEndOf } from '../../files/product-data.ts';
import type { Db } from '../../store/database.ts';
import { saveRound, setDeadline } from '../../store/rounds.ts';

export interface NationalRound {
  readonly id: string;
  /** Every municipality invited, each with a contact address and a sent invitation (one bounced). */
  readonly municipalities: readonly { code: string; name: string; countyCode: string }[];
  readonly submitted: readonly string[];
  /** The municipality whose invitation bounced. */
  readonly bounced: string;
}

const SIZE = (population: number) =>
  population < 5000 ? '<5000' : population < 20000 ? '5000-19999' : '20000+';

/**
 * A round of the f254 survey sent to every municipality of 2022 (356), as a statistician meets one under
 * deadline: `share` of them submitted (business types that leave part of the KOSTRA total unsplit, so many
 * are flagged), each with a submitter, a phone and minutes; every invitation sent, one bounced. Seeded: the
 * same seed gives the same round.
 */
export async function seedNationalRound(
  db: Db,
  options: { id?: string; seed?: number; share?: number; deadline?: Date } = {},
): Promise<NationalRound> {
  const id = options.id ?? 'f254-2022-alle';
  const random = seededRandom(options.seed ?? 356);
  const rows = (await loadMunicipalityRows(2022)) ?? [];
  const population = await loadPopulationAtEndOf(2022);
  const invitations = rows.map((m) => {
    const people = population?.get(m.code)?.total ?? 5000;
    const agd10 = roundedAmount(people * (8 + random() * 6));
    return invitation(m.code, {
      name: m.name,
      sizeGroup: SIZE(people),
      populationApprox: people,
      prefilled: {
        AGD10: agd10,
        AGD4: roundedAmount(agd10 * 0.9),
        AGD16: roundedAmount(agd10 * 0.8),
        AGD2: roundedAmount(agd10 * 0.95),
      },
    });
  });
  const responses: SurveyResponse[] = invitations
    .filter(() => random() < (options.share ?? 0.8))
    .map((i) => {
      const total = i.prefilled.AGD10 ?? 0;
      // Most split close to the total; some leave a fifth or more unexplained.
      const explained = random() < 0.7 ? 0.97 + random() * 0.03 : 0.5 + random() * 0.3;
      const ambulant = roundedAmount(total * explained * 0.6);
      const other = roundedAmount(total * explained) - ambulant;
      const amounts = (agd10: number) => ({ AGD10: agd10, AGD4: null, AGD16: null, AGD2: null });
      return {
        municipality: i.municipality,
        submittedAt: new Date(
          Date.UTC(2023, 4, 2 + Math.floor(random() * 20), 8 + Math.floor(random() * 8)),
        ).toISOString(),
        comments: '',
        tables: {
          business_types: {
            methods: ['RESPONSIBILITY'],
            rows: {
              AMBULANT: { fewerThan5: false, amounts: amounts(ambulant) },
              OTHER: { fewerThan5: false, amounts: amounts(other) },
            },
          },
        },
      };
    });
  await saveRound(db, definition, {
    id,
    definitionId: definition.id,
    referenceYear: 2022,
    unit: '1000 NOK',
    invitations,
    responses,
  });
  if (options.deadline) await setDeadline(db, id, options.deadline);
  const mail = (m: string) => `postmottak@k${m}.kommune.example`;
  await db
    .updateTable('invitation')
    .set({ contact_email: sql`'postmottak@k' || municipality || '.kommune.example'` })
    .where('round_id', '=', id)
    .execute();
  const bounced = invitations[7]!.municipality;
  await db
    .insertInto('outbox')
    .values(
      invitations.map((i) => ({
        round_id: id,
        municipality: i.municipality,
        kind: 'invitation',
        to_address: mail(i.municipality),
        subject: 'Invitasjon til undersøkelsen om funksjon 254',
        body: '…',
        status: i.municipality === bounced ? ('bounced' as const) : ('sent' as const),
        error: i.municipality === bounced ? '550 5.1.1 mailbox unavailable' : null,
        message_id: `<${id}-${i.municipality}@kostra.example>`,
        sent_by: 'kari',
      })),
    )
    .execute();
  await db
    .updateTable('response')
    .set({
      submitted_by: sql`jsonb_build_object('name', 'Økonomisjef ' || municipality, 'email', 'okonomi@k' || municipality || '.kommune.example', 'phone', '99 00 ' || municipality)`,
      minutes_spent: sql`30 + (cast(municipality as integer) % 150)`,
    })
    .where('round_id', '=', id)
    .execute();
  return {
    id,
    municipalities: rows.map((m) => ({ code: m.code, name: m.name, countyCode: m.countyCode })),
    submitted: responses.map((r) => r.municipality),
    bounced,
  };
}
