import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Language } from '../../domain/language.ts';
import { ApiProblem, api } from '../api.ts';
import type { Texts } from '../texts.ts';

/** Download the form as a workbook, upload it filled in: all of it is saved, or nothing and the cells to fix. */
export function ExcelSection(props: {
  t: Texts;
  language: Language;
  version: () => number;
  readOnly: boolean;
  onUploaded: () => void;
}) {
  const { t, language } = props;
  const [errors, setErrors] = useState<CellError[]>([]);
  return (
    <section className="excel" aria-labelledby="excel-heading">
      <Heading level={2} id="excel-heading" data-size="xs">
        {t.excelHeading}
      </Heading>
      <Paragraph>{t.excelHelp}</Paragraph>
      <p>
        <a className="ds-link" href={`/api/respondent/form.xlsx?lang=${language}`} download>
          {t.excelDownload}
        </a>
      </p>
      {!props.readOnly && (
        <p>
          <label htmlFor="excel-upload">{t.excelUpload}</label>{' '}
          <input
            id="excel-upload"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              api.uploadWorkbook(props.version(), file, language).then(
                () => {
                  setErrors([]);
                  props.onUploaded();
                },
                (e: unknown) => setErrors(cellErrorsOf(e)),
              );
            }}
          />
        </p>
      )}
      <CellErrors heading={t.excelErrors} errors={errors} />
    </section>
  );
}

export interface CellError {
  readonly cell: string;
  readonly message: string;
}

/** The cells an upload refused (the problem's `errors`), or the one message of another failure. */
export function cellErrorsOf(e: unknown): CellError[] {
  const listed = e instanceof ApiProblem ? (e.body.errors as CellError[] | undefined) : undefined;
  return listed ?? [{ cell: '', message: e instanceof Error ? e.message : String(e) }];
}

/** What an upload refused, cell by cell, announced as an alert. */
export function CellErrors({ heading, errors }: { heading: string; errors: readonly CellError[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="excel-errors">
      <p>{heading}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e.cell ? `${e.cell}: ${e.message}` : e.message}</li>
        ))}
      </ul>
    </div>
  );
}
