import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { getFormAnswers, saveFormAnswers, submitFormAnswers } from '../../app/form-answers.ts';
import { getRespondentForm, saveDraft, submitForm } from '../../app/respondent-form.ts';
import { isStorableText, MAX_AMOUNT } from '../../domain/survey/response.ts';
import type { UnitKind } from '../../domain/forms/definition.ts';
import { presentFormRound, presentFormSaved } from '../presenters/form-answers.ts';
import { isLanguage, type Language } from '../../domain/language.ts';
import { readAnswersWorkbook, writeAnswersWorkbook } from '../../files/form-answers-workbook.ts';
import { readFormWorkbook, writeFormWorkbook } from '../../files/form-workbook.ts';
import { responseContentSchema, toResponseContent } from '../../files/responses-json.ts';
import { receiptPdf } from '../../report/receipt-pdf.ts';
import { formReceiptPdf } from '../../report/form-receipt-pdf.ts';
import type { Answers } from '../../domain/forms/answers.ts';
import { responseVersions } from '../../store/responses.ts';
import type { ServerContext } from '../context.ts';
import { requireRespondent } from '../policies/respondent.ts';
import { presentContent, presentForm, presentSaved } from '../presenters/form.ts';
import { problem } from '../problem.ts';
import type { WireVersion } from '../../wire/respondent.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const submitBody = z.strictObject({
  contact: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(200),
    phone: z.string().trim().max(40).optional(),
  }),
  minutes_spent: z.number().int().min(0).max(100000).optional(),
});

/** The version the writer had, from `If-Match: 3` or `If-Match: "3"`. */
function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined)
    throw problem(428, 'precondition-required', 'Send If-Match with the version you edited');
  // A version is a small number: nine digits at most, so that it is an integer the database takes.
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw problem(400, 'malformed', 'The request is malformed', `If-Match: "${header}" is not a version`);
  return Number(match[1]);
}

/** The answers of a form round's draft: paths to values, bounded, with text that can be stored. */
const answerText = z
  .string()
  .max(20_000)
  .refine(isStorableText, 'holds a NUL character or half of a surrogate pair');
const formAnswersBody = z.strictObject({
  answers: z
    .record(
      z.string().min(1).max(200),
      z.union([
        z.number().min(-MAX_AMOUNT).max(MAX_AMOUNT),
        z.boolean(),
        answerText,
        z.array(answerText.max(100)).max(200),
        z.null(),
      ]),
    )
    .refine((answers) => Object.keys(answers).length <= 10_000, 'more than 10 000 answers'),
});

/** A unit's kind from its code: an establishment has nine digits, an Oslo district six, a municipality four. */
const unitKindOf = (code: string): UnitKind =>
  code.length === 9 ? 'establishment' : code.length === 6 ? 'oslo_district' : 'municipality';

/** nb unless the user asked for nn or en (`?lang=` or Accept-Language). */
export function languageOf(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: unknown }).lang;
  if (typeof asked === 'string' && isLanguage(asked)) return asked;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().slice(0, 2) ?? '';
  return isLanguage(first) ? first : 'nb';
}

/** The respondent's own form: read, autosave, submit, receipt. Validate, authorize, act, present. */
export function respondentFormRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, now } = context;

  app.get('/api/respondent/form', async (request) => {
    const identity = await requireRespondent(request, db, now());
    // A round of a form of the forms engine answers in its own shape (wire/form-answers.ts).
    if (identity.header.kind === 'form')
      return presentFormRound(
        await getFormAnswers(db, identity, languageOf(request), now()),
        unitKindOf(identity.municipality),
      );
    return presentForm(await getRespondentForm(db, identity, languageOf(request), now()));
  });

  app.put('/api/respondent/form', async (request) => {
    const identity = await requireRespondent(request, db, now());
    if (identity.header.kind === 'form') {
      const { answers } = formAnswersBody.parse(request.body);
      const expected = expectedVersion(request);
      return presentFormSaved(
        await saveFormAnswers(db, identity, expected, answers, languageOf(request), now()),
      );
    }
    const content = toResponseContent(responseContentSchema.parse(request.body));
    const expected = expectedVersion(request);
    const saved = await saveDraft(db, identity, expected, content, languageOf(request), now());
    return presentSaved(saved);
  });

  app.post('/api/respondent/form/submit', async (request) => {
    const details = submitBody.parse(request.body ?? {});
    const identity = await requireRespondent(request, db, now());
    const submit = identity.header.kind === 'form' ? submitFormAnswers : submitForm;
    const submitted = await submit(
      db,
      identity,
      { contact: details.contact, minutesSpent: details.minutes_spent },
      languageOf(request),
      now(),
    );
    return { version: submitted.version, submitted_at: submitted.submittedAt.toISOString() };
  });

  app.get('/api/respondent/form/versions', async (request) => {
    const identity = await requireRespondent(request, db, now());
    const versions = await responseVersions(db, identity.roundId, identity.municipality);
    return versions.map((v): WireVersion => ({
      version: v.version,
      status: v.status,
      saved_at: v.savedAt.toISOString(),
      submitted_at: v.submittedAt?.toISOString() ?? null,
      response: presentContent(v.content),
    }));
  });

  // Excel round-trip: the form as a workbook, and a filled-in workbook back as a new draft, whole or not at all.
  // A survey round and a form round (forms engine) each have their own workbook; the answer is the same.
  app.get('/api/respondent/form.xlsx', async (request, reply) => {
    const identity = await requireRespondent(request, db, now());
    const language = languageOf(request);
    let workbook: Buffer;
    if (identity.header.kind === 'form') {
      const view = await getFormAnswers(db, identity, language, now());
      workbook = await writeAnswersWorkbook(
        { form: view.form, roundId: view.roundId, unit: view.unit, answers: view.answers },
        language,
      );
    } else {
      const form = await getRespondentForm(db, identity, languageOf(request), now());
      workbook = await writeFormWorkbook(
        {
          definition: form.definition,
          roundId: form.roundId,
          municipality: form.municipality,
          prefilled: form.prefilled,
          content: form.latest?.content ?? { tables: {}, comments: '' },
        },
        language,
      );
    }
    return attachment(reply, XLSX, `skjema-${identity.municipality}-${identity.roundId}.xlsx`, workbook);
  });

  app.put('/api/respondent/form.xlsx', async (request) => {
    if (!Buffer.isBuffer(request.body)) throw problem(415, 'media-type', `Send the workbook as ${XLSX}`);
    const expected = expectedVersion(request);
    const identity = await requireRespondent(request, db, now());
    const language = languageOf(request);
    const refused = (errors: readonly { message: string }[]) =>
      problem(400, 'workbook', 'The workbook has errors; nothing was saved', errors[0]?.message, errors);
    if (identity.header.kind === 'form') {
      const read = await readAnswersWorkbook(
        request.body,
        { form: identity.header.form, roundId: identity.roundId, unit: identity.municipality },
        language,
      );
      if ('errors' in read) throw refused(read.errors);
      return presentFormSaved(await saveFormAnswers(db, identity, expected, read.answers, language, now()));
    }
    const form = await getRespondentForm(db, identity, languageOf(request), now());
    const read = await readFormWorkbook(
      request.body,
      { definition: form.definition, roundId: identity.roundId, municipality: identity.municipality },
      language,
    );
    if ('errors' in read) throw refused(read.errors);
    return presentSaved(await saveDraft(db, identity, expected, read.content, language, now()));
  });

  app.get('/api/respondent/form/receipt.pdf', async (request, reply) => {
    const identity = await requireRespondent(request, db, now());
    const language = languageOf(request);
    const submitted = (await responseVersions(db, identity.roundId, identity.municipality)).find(
      (v) => v.status === 'submitted',
    );
    if (!submitted) throw problem(404, 'not-submitted', 'The form has not been submitted yet');
    let pdf: Uint8Array;
    if (identity.header.kind === 'form') {
      const view = await getFormAnswers(db, identity, language, now());
      pdf = await formReceiptPdf(
        {
          form: view.form,
          roundId: view.roundId,
          unit: view.unit,
          version: submitted.version,
          submittedAt: submitted.submittedAt,
          submittedBy: submitted.submittedBy,
          answers: (submitted.answers ?? {}) as Answers,
        },
        language,
      );
    } else
      pdf = await receiptPdf(
        await getRespondentForm(db, identity, languageOf(request), now()),
        submitted,
        language,
      );
    return attachment(
      reply,
      'application/pdf',
      `kvittering-${identity.municipality}-v${submitted.version}.pdf`,
      Buffer.from(pdf),
    );
  });
}

/** A file to download, under its name. */
export const attachment = (reply: FastifyReply, type: string, filename: string, body: Buffer) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(body);
