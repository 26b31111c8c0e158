import type { ColumnType, Generated } from 'kysely';

/** The tables of the product's database, as Kysely sees them. Migrations are the source of truth. */
export interface Database {
  survey_definition: {
    id: string;
    version: number;
    definition: unknown;
    loaded_at: Generated<Date>;
  };
  survey_round: {
    id: string;
    definition_id: string;
    reference_year: number;
    unit: string;
    created_at: Generated<Date>;
  };
  invitation: {
    round_id: string;
    municipality: string;
    name: string;
    size_group: string;
    asss: boolean;
    criteria: string[];
    attended_meeting: boolean;
    meeting_participants: number;
    population_approx: number | null;
  };
  prefilled_total: {
    round_id: string;
    municipality: string;
    measure: string;
    amount: number | null;
  };
  response: {
    round_id: string;
    municipality: string;
    version: number;
    status: 'draft' | 'submitted';
    submitted_at: ColumnType<Date | null, string | Date | null, string | Date | null>;
    comments: string;
    tables: unknown;
    created_at: Generated<Date>;
  };
}
