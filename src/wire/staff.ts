import * as z from 'zod';
import { wireAnswer } from './form-answers.ts';
import { wireContent, wireSurvey } from './respondent.ts';

/*
 * What the staff API sends, field by field (see respondent.ts): presenters build these, the server's tests
 * parse every response with them, the web app takes its types from them.
 */

export const wireMe = z.strictObject({ username: z.string(), display_name: z.string(), role: z.string() });

export const wireRoundRow = z.strictObject({
  id: z.string(),
  reference_year: z.number().int(),
  /** A round of a survey definition (f254) or of a form of the engine (skjema 1, skjema 4). */
  kind: z.enum(['survey', 'form']),
  /** The survey definition's or the form's id. */
  form: z.string(),
  deadline: z.string().nullable(),
  extended_deadline: z.string().nullable(),
  invited: z.number().int(),
  responded: z.number().int(),
});

export const wireRoundStatus = z.strictObject({
  municipality: z.string(),
  name: z.string(),
  status: z.enum(['not_started', 'draft', 'submitted', 'resubmitted']),
  extended_deadline: z.string().nullable(),
  last_saved: z.string().nullable(),
});

/** One row of a round's status list (`GET …/status-list`). */
export const wireStatusListRow = z.strictObject({
  municipality: z.string(),
  name: z.string(),
  county_code: z.string(),
  county_name: z.string(),
  size_group: z.string(),
  status: z.enum(['not_started', 'draft', 'submitted', 'resubmitted']),
  last_saved: z.string().nullable(),
  submitted_at: z.string().nullable(),
  submitter: z.strictObject({ name: z.string(), email: z.string(), phone: z.string().optional() }).nullable(),
  minutes_spent: z.number().int().nullable(),
  contact_email: z.string().nullable(),
  language: z.enum(['nb', 'nn']).nullable(),
  extended_deadline: z.string().nullable(),
  mail: z.enum(['none', 'sent', 'failed', 'bounced']),
  mail_kind: z.string().nullable(),
  pending_flags: z.number().int(),
  largest_deviation: z.number().nullable(),
});
export const wireStatusList = z.strictObject({
  /** How many the round has before the filter. */
  total: z.number().int(),
  rows: z.array(wireStatusListRow),
});

export const wireThresholds = z.strictObject({
  relative: z.number(),
  absolute: z.number(),
  set_by: z.string().nullable(),
  set_at: z.string().nullable(),
});

export const wireTimeline = z.strictObject({
  draft_sent: z.string().optional(),
  information_meeting: z.string().optional(),
  sent_out: z.string().optional(),
  deadline: z.string().optional(),
  extended_deadline: z.string().optional(),
});

export const wireDay = z.strictObject({
  date: z.string(),
  responded: z.number().int(),
  percent: z.number().nullable(),
  deadline: z.boolean(),
  extended_deadline: z.boolean(),
});

export const wireFlag = z.strictObject({
  municipality: z.string(),
  kind: z.enum(['kostra_total', 'previous_round']),
  table: z.string(),
  row: z.string().optional(),
  measure: z.string(),
  reported: z.number(),
  reference: z.number(),
  deviation: z.number(),
  key: z.string(),
  outcome: z.enum(['confirmed', 'corrected', 'pending']),
  note: z.string(),
  /** The field by the form's names: «Virksomhetstyper · Øvrige · AGD10». */
  label: z.string(),
});

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const wireMunicipalityRecord = z.strictObject({
  trail: z.array(
    z.strictObject({
      version: z.number().int(),
      status: z.enum(['draft', 'submitted']),
      saved_by: z.string(),
      saved_at: z.string(),
      reason: z.string().nullable(),
      changes: z.array(z.strictObject({ field: z.string(), old: scalar, new: scalar })),
    }),
  ),
  latest: wireContent.nullable(),
  /** A form round: the latest version's answers by path (docs/FORMS.md). */
  answers: z.record(z.string(), wireAnswer).nullable(),
  contacts: z.array(
    z.strictObject({
      at: z.string(),
      statistician: z.string(),
      channel: z.string(),
      question: z.string(),
      answer: z.string(),
    }),
  ),
  /** Who the unit is in the round. */
  unit: z.strictObject({
    name: z.string(),
    county_code: z.string().nullable(),
    county_name: z.string().nullable(),
    size_group: z.string(),
    contact_email: z.string().nullable(),
    /** The written language to use with it (its språkvedtak), null where none is set. */
    language: z.enum(['nb', 'nn']).nullable(),
    extended_deadline: z.string().nullable(),
  }),
  /** The latest submission: when, by whom (as the submitter gave it) and the minutes it took. */
  submission: z
    .strictObject({
      version: z.number().int(),
      at: z.string().nullable(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      minutes_spent: z.number().int().nullable(),
    })
    .nullable(),
  /** A survey round's questionnaire and the unit's prefilled totals, for a correction; null in a form round. */
  survey: wireSurvey.nullable(),
  prefilled: z.record(z.string(), z.number().nullable()).nullable(),
  /** Every mail sent to it, newest first. */
  mail: z.array(
    z.strictObject({
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      status: z.enum(['sent', 'failed', 'bounced']),
      error: z.string().nullable(),
      at: z.string(),
      by: z.string(),
    }),
  ),
});

export const wireOutboxEntry = z.strictObject({
  municipality: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  message_id: z.string().nullable(),
  at: z.string(),
  by: z.string(),
});

export const wireAuditEntry = z.strictObject({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.unknown(),
});

export type WireRoundRow = z.infer<typeof wireRoundRow>;
export type WireRoundStatus = z.infer<typeof wireRoundStatus>;
export type WireStatusListRow = z.infer<typeof wireStatusListRow>;
export type WireStatusList = z.infer<typeof wireStatusList>;
export type WireThresholds = z.infer<typeof wireThresholds>;
export type WireDay = z.infer<typeof wireDay>;
export type WireFlag = z.infer<typeof wireFlag>;
export type WireMunicipalityRecord = z.infer<typeof wireMunicipalityRecord>;
export type WireTimeline = z.infer<typeof wireTimeline>;
export type WireMe = z.infer<typeof wireMe>;
export type WireOutboxEntry = z.infer<typeof wireOutboxEntry>;
export type WireAuditEntry = z.infer<typeof wireAuditEntry>;

/** What the staff API's actions answer. */
export const wireCreatedRound = z.strictObject({
  id: z.string(),
  /** The seed of the draw: the one given, or the one drawn (`seed_drawn`). */
  seed: z.number().int(),
  seed_drawn: z.boolean(),
  selected: z.array(
    z.strictObject({ municipality: z.string(), size_group: z.string(), reasons: z.array(z.string()) }),
  ),
});
export const wireRows = z.strictObject({ rows: z.number().int() });
export const wireContactsSet = z.strictObject({ rows: z.number().int(), by: z.string() });
export const wirePrefilledFromAccounts = z.strictObject({
  functions: z.array(z.string()),
  filled: z.number().int(),
  missing: z.array(z.string()),
});
export const wirePublished = z.strictObject({
  tables: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      period: z.string(),
      stage: z.enum(['preliminary', 'final']),
      revision: z.number().int(),
      primary: z.number().int(),
      secondary: z.number().int(),
      checked: z.array(z.string()),
      statbank: z.array(z.strictObject({ filename: z.string(), href: z.string() })),
      statbank_problem: z.string().optional(),
    }),
  ),
});
export const wireMailed = z.strictObject({
  sent: z.number().int(),
  failed: z.number().int(),
  /** Invited municipalities the mailing left out (no address, invited already, submitted, form closed). */
  skipped: z.number().int(),
});
export const wireMailRecipients = z.strictObject({
  to: z.array(
    z.strictObject({
      municipality: z.string(),
      name: z.string(),
      /** Its written language (språkvedtak) as set with its contact address; null where none is. */
      language: z.enum(['nb', 'nn']).nullable(),
    }),
  ),
  skipped: z.array(
    z.strictObject({
      municipality: z.string(),
      why: z.enum(['no_address', 'invited', 'submitted', 'closed']),
    }),
  ),
});
export type WireMailRecipients = z.infer<typeof wireMailRecipients>;
export const wireBounced = z.strictObject({ municipality: z.string(), status: z.literal('bounced') });
export const wireCorrected = z.strictObject({ version: z.number().int() });

export type WireCreatedRound = z.infer<typeof wireCreatedRound>;
export type WirePublished = z.infer<typeof wirePublished>;

/** A form shipped in data/forms, for choosing one to open a round of. */
export const wireShippedForm = z.strictObject({
  id: z.string(),
  title: z.string(),
  years: z.strictObject({ from: z.number().int(), to: z.number().int().nullable() }),
  unit_kinds: z.array(z.string()),
  /** Its rounds are survey rounds (prefilled totals, the sample by criteria), not form rounds. */
  survey: z.boolean(),
});

export const wireCreatedFormRound = z.strictObject({
  id: z.string(),
  form: z.string(),
  year: z.number().int(),
  units: z.array(z.strictObject({ code: z.string(), name: z.string(), kind: z.string() })),
});

export const wireFormReport = z.strictObject({
  round: z.string(),
  form: z.string(),
  year: z.number().int(),
  invited: z.number().int(),
  submitted: z.number().int(),
  groups: z.string(),
  items: z.array(
    z.strictObject({
      path: z.string(),
      section: z.string().nullable(),
      item: z.string().nullable(),
      label: z.string(),
      kind: z.string(),
      answered: z.number().int(),
      sum: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      counts: z.record(z.string(), z.number().int()).nullable(),
      by_group: z
        .record(z.string(), z.strictObject({ answered: z.number().int(), sum: z.number() }))
        .nullable(),
    }),
  ),
});

/** A form's response rates at checkpoints: the shape `kostra rates` prints per form. */
export const wireRates = z.strictObject({
  form: z.string(),
  expected: z.number().int(),
  checkpoints: z.array(
    z.strictObject({ date: z.string(), count: z.number().int(), percent: z.number().nullable() }),
  ),
  last_resubmission: z.string().nullable(),
});

export type WireRates = z.infer<typeof wireRates>;
export type WireShippedForm = z.infer<typeof wireShippedForm>;
export type WireCreatedFormRound = z.infer<typeof wireCreatedFormRound>;
export type WireFormReport = z.infer<typeof wireFormReport>;

/** A stored extract of the register of units. */
export const wireRegisterExtract = z.strictObject({
  id: z.number().int(),
  valid_on: z.string(),
  file_name: z.string(),
  synthetic: z.boolean(),
  units: z.number().int(),
  loaded_by: z.string(),
  loaded_at: z.string(),
});
export type WireRegisterExtract = z.infer<typeof wireRegisterExtract>;

const wireRateCheckpoint = z.strictObject({
  date: z.string(),
  count: z.number().int(),
  percent: z.number().nullable(),
});

/** A collection of several forms: its rounds, its publications frozen so far, the working group's table. */
export const wireCollection = z.strictObject({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  rounds: z.array(
    z.strictObject({
      id: z.string(),
      form: z.string(),
      deadline: z.string().nullable(),
      units: z.number().int(),
      disowned: z.number().int(),
      submitted: z.number().int(),
    }),
  ),
  checkpoints: z.array(
    z.strictObject({
      kind: z.enum(['preliminary', 'final']),
      taken_on: z.string(),
      taken_at: z.string(),
      taken_by: z.string(),
    }),
  ),
  rates: z.array(
    z.strictObject({
      form: z.string(),
      expected: z.number().int(),
      by_date: z.array(wireRateCheckpoint),
      in_publication: z.array(
        wireRateCheckpoint.extend({
          kind: z.enum(['preliminary', 'final']),
          resubmitted_after: z.number().int(),
        }),
      ),
      last_resubmission: z.string().nullable(),
    }),
  ),
});
export type WireCollection = z.infer<typeof wireCollection>;

export const wireCollectionRow = z.strictObject({ id: z.string(), year: z.number().int(), name: z.string() });
export type WireCollectionRow = z.infer<typeof wireCollectionRow>;

export const wireCheckpointTaken = z.strictObject({
  kind: z.enum(['preliminary', 'final']),
  day: z.string(),
  units: z.number().int(),
});
export type WireCheckpointTaken = z.infer<typeof wireCheckpointTaken>;

/** The list links of a collection's responsibles: returned once, to be sent to each. */
export const wireResponsibleLinks = z.array(
  z.strictObject({ responsible: z.string(), name: z.string(), link: z.string() }),
);
export type WireResponsibleLinks = z.infer<typeof wireResponsibleLinks>;

/** A collection's worklist across its forms: controls across forms, and each form against the year before. */
export const wireCollectionControls = z.strictObject({
  cross_form: z.array(
    z.strictObject({
      id: z.string(),
      labels: z.strictObject({ nb: z.string(), nn: z.string(), en: z.string() }),
      rows: z.array(
        z.strictObject({
          municipality: z.string(),
          summed: z.number().nullable(),
          units: z.number().int(),
          against: z.number().nullable(),
          difference: z.number().nullable(),
          percent: z.number().nullable(),
          flagged: z.boolean(),
        }),
      ),
    }),
  ),
  previous_year: z.array(
    z.strictObject({
      round: z.string(),
      form: z.string(),
      compared: z.number().int(),
      deviations: z.array(
        z.strictObject({
          unit: z.string(),
          path: z.string(),
          label: z.string(),
          now: z.number(),
          before: z.number(),
          change: z.number(),
          percent: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type WireCollectionControls = z.infer<typeof wireCollectionControls>;

/** What a collection's invitation by mail did: sent, failed, and the responsibles without an address. */
export const wireCollectionMailed = z.strictObject({
  sent: z.number().int(),
  failed: z.number().int(),
  without_address: z.array(z.string()),
});
export type WireCollectionMailed = z.infer<typeof wireCollectionMailed>;

/* Publication: what a publication would publish, what it published, and what is published. */
const wirePublishedStage = z.strictObject({
  stage: z.enum(['preliminary', 'final']),
  revision: z.number().int(),
  at: z.string(),
  by: z.string(),
});
export const wirePublicationPreview = z.strictObject({
  round: z.string(),
  period: z.string(),
  responded: z.number().int(),
  expected: z.number().int(),
  response_rate: z.number().nullable(),
  pending_flags: z.number().int(),
  tables: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      period: z.string(),
      published: z.array(wirePublishedStage),
      primary: z.number().int(),
      secondary: z.number().int(),
      checked: z.array(z.string()),
      withheld: z.array(z.string()),
      withheld_count: z.number().int(),
    }),
  ),
});
export type WirePublicationPreview = z.infer<typeof wirePublicationPreview>;

export const wireKeyFiguresPreview = z.strictObject({
  year: z.number().int(),
  reported: z.number().int(),
  expected: z.number().int(),
  missing: z.array(z.string()),
  published: z.array(wirePublishedStage),
});
export type WireKeyFiguresPreview = z.infer<typeof wireKeyFiguresPreview>;

export const wirePublishedPeriod = z.strictObject({
  id: z.string(),
  label: z.string(),
  period: z.string(),
  stage: z.enum(['preliminary', 'final']),
  revision: z.number().int(),
});
export type WirePublishedPeriod = z.infer<typeof wirePublishedPeriod>;

export const wirePublications = z.strictObject({
  periods: z.array(
    z.strictObject({
      table: z.string(),
      period: z.string(),
      stage: z.enum(['preliminary', 'final']),
      revision: z.number().int(),
      note: z.string().nullable(),
      round: z.string(),
      at: z.string(),
      by: z.string(),
    }),
  ),
  revisions: z.array(
    z.strictObject({
      table: z.string(),
      period: z.string(),
      stage: z.string(),
      revision: z.number().int(),
      replaced_at: z.string(),
      replaced_by: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type WirePublications = z.infer<typeof wirePublications>;

/* A survey round at a glance. */
export const wireRoundOverview = z.strictObject({
  invited: z.number().int(),
  responded: z.number().int(),
  response_rate: z.number().nullable(),
  by_status: z.strictObject({
    not_started: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    resubmitted: z.number().int(),
  }),
  pending_flags: z.number().int(),
  top_flags: z.array(wireFlag.extend({ name: z.string() })),
  mail_problems: z.array(
    z.strictObject({
      municipality: z.string(),
      name: z.string(),
      kind: z.string(),
      status: z.enum(['failed', 'bounced']),
      error: z.string().nullable(),
      at: z.string(),
    }),
  ),
  deadline: z.string().nullable(),
  extended_deadline: z.string().nullable(),
  last_own_extension: z.string().nullable(),
  next_reminder: z.strictObject({ key: z.string(), at: z.string() }).nullable(),
  closed_at: z.string().nullable(),
});
export type WireRoundOverview = z.infer<typeof wireRoundOverview>;
