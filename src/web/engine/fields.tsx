import { Checkbox, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import type { AnswerValue, Answers } from '../../domain/forms/answers.ts';
import { expandPattern } from '../../domain/forms/answers.ts';
import type { ResolvedForm, ResolvedItem } from '../../domain/forms/resolve.ts';
import type { Language } from '../../domain/language.ts';
import { formatNorwegian, parseNorwegian } from '../../domain/number-format.ts';
import { engineWords, unitWord } from './texts.ts';

/** The id of a path's field, for labels and for the error summary's links. */
export const fieldIdOf = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FieldProps {
  readonly form: ResolvedForm;
  readonly item: ResolvedItem;
  readonly answers: Answers;
  /** Numbers as the user typed them, by path, until they read as numbers. */
  readonly texts: Readonly<Record<string, string>>;
  /** The first message found for each path. */
  readonly errors: ReadonlyMap<string, string>;
  readonly language: Language;
  readonly readOnly: boolean;
  readonly onAnswer: (path: string, value: AnswerValue) => void;
  readonly onText: (path: string, text: string) => void;
}

const shown = (value: AnswerValue | undefined, language: Language) =>
  typeof value === 'number' ? (language === 'en' ? String(value) : formatNorwegian(value)) : '';

/** What the user typed reads as a number (or nothing); otherwise the field keeps the text and says so. */
export const readsAsNumber = (text: string) => !Number.isNaN(parseNorwegian(text));

const unitOf = (item: ResolvedItem, language: Language): string | undefined => {
  const cell = item.kind === 'grid' ? item.cell : item;
  if (cell.kind === 'percentage') return '%';
  if (cell.kind === 'amount' || cell.kind === 'integer' || cell.kind === 'decimal')
    return unitWord(cell.unit, language);
  return undefined;
};

/** One question of the form, in the kind it is asked. */
export function ItemField(props: FieldProps) {
  const { item, answers, texts, errors, language, readOnly, onAnswer, onText } = props;
  const w = engineWords(language);
  const id = fieldIdOf(item.key);
  const label = `${item.number ? `${item.number} ` : ''}${item.labels[language]}`;
  const description =
    [
      item.guidance?.[language],
      item.prefill?.source === 'previous_year' ? w.lastYear : undefined,
      item.prefill?.source === 'accounts'
        ? item.prefill.read_only
          ? w.fromAccounts
          : w.fromAccountsEditable
        : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const error = errors.get(item.key);
  switch (item.kind) {
    case 'amount':
    case 'integer':
    case 'decimal':
    case 'percentage': {
      const unit = unitOf(item, language);
      return (
        <Textfield
          id={id}
          label={label}
          description={[description, unit && `(${unit})`].filter(Boolean).join(' ')}
          inputMode="decimal"
          autoComplete="off"
          className="number-field"
          value={texts[item.key] ?? shown(answers[item.key], language)}
          readOnly={readOnly || item.prefill?.read_only === true}
          error={readsAsNumber(texts[item.key] ?? '') ? error : w.invalidNumber}
          onChange={(e) => onText(item.key, e.target.value)}
        />
      );
    }
    case 'yes_no':
      return (
        <Fieldset id={id} className="choice">
          <Fieldset.Legend>{label}</Fieldset.Legend>
          {description && <Fieldset.Description>{description}</Fieldset.Description>}
          {([true, false] as const).map((value) => (
            <Radio
              key={String(value)}
              name={item.key}
              label={value ? w.yes : w.no}
              value={String(value)}
              checked={answers[item.key] === value}
              readOnly={readOnly}
              disabled={readOnly}
              onChange={() => onAnswer(item.key, value)}
            />
          ))}
          {error && <p className="field-error">{error}</p>}
        </Fieldset>
      );
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = answers[item.key];
      const codes: readonly string[] = Array.isArray(chosen)
        ? (chosen as readonly string[])
        : typeof chosen === 'string'
          ? [chosen]
          : [];
      const otherPath = `${item.key}/other`;
      return (
        <Fieldset id={id} className="choice">
          <Fieldset.Legend>{label}</Fieldset.Legend>
          {description && <Fieldset.Description>{description}</Fieldset.Description>}
          {item.options.map((option) =>
            item.kind === 'single_choice' ? (
              <Radio
                key={option.code}
                name={item.key}
                label={option.labels[language]}
                value={option.code}
                checked={chosen === option.code}
                disabled={readOnly}
                onChange={() => onAnswer(item.key, option.code)}
              />
            ) : (
              <Checkbox
                key={option.code}
                label={option.labels[language]}
                value={option.code}
                checked={codes.includes(option.code)}
                disabled={readOnly}
                onChange={(e) =>
                  onAnswer(
                    item.key,
                    e.target.checked ? [...codes, option.code] : codes.filter((c) => c !== option.code),
                  )
                }
              />
            ),
          )}
          {item.other !== undefined && codes.includes(item.other) && (
            <Textfield
              id={fieldIdOf(otherPath)}
              label={w.specify}
              value={typeof answers[otherPath] === 'string' ? answers[otherPath] : ''}
              readOnly={readOnly}
              error={errors.get(otherPath)}
              onChange={(e) => onAnswer(otherPath, e.target.value)}
            />
          )}
          {error && <p className="field-error">{error}</p>}
        </Fieldset>
      );
    }
    case 'text':
    case 'date': {
      const value = typeof answers[item.key] === 'string' ? (answers[item.key] as string) : '';
      const common = { id, label, description, value, readOnly, error };
      // A long answer gets a text area; a short one and a date a line.
      return item.kind === 'text' && item.max_length > 200 ? (
        <Textfield {...common} multiline rows={3} onChange={(e) => onAnswer(item.key, e.target.value)} />
      ) : (
        <Textfield
          {...common}
          type={item.kind === 'date' ? 'date' : 'text'}
          onChange={(e) => onAnswer(item.key, e.target.value)}
        />
      );
    }
    case 'computed': {
      const values = item.sum_of.flatMap((p) => expandPattern(props.form, p)).map((p) => answers[p.path]);
      const sum = values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      return (
        <div className="computed" id={id}>
          <span>{label}</span> <output data-testid={`computed-${item.key}`}>{shown(sum, language)}</output>
        </div>
      );
    }
    case 'grid':
      return <GridField {...props} item={item} />;
  }
}

/** A grid: rows by columns of numbers, with totals, and a tick per row where the form has one. */
function GridField(props: FieldProps & { item: Extract<ResolvedItem, { kind: 'grid' }> }) {
  const { item, answers, texts, errors, language, readOnly, onAnswer, onText } = props;
  const w = engineWords(language);
  const cell = (row: string, column: string) => `${item.key}/${row}/${column}`;
  const number = (path: string) => {
    const value = answers[path];
    return typeof value === 'number' ? value : 0;
  };
  const unit = unitOf(item, language);
  const captionId = `${fieldIdOf(item.key)}-caption`;
  return (
    <div className="grid-field" id={fieldIdOf(item.key)}>
      {/* Above the scrolling box, so that the question stays in view while the grid scrolls sideways. */}
      <div className="grid-heading" id={captionId}>
        <span className="grid-title">
          {item.number ? `${item.number} ` : ''}
          {item.labels[language]}
        </span>
        {item.guidance && <span className="guidance">{item.guidance[language]}</span>}
        {unit && <span className="unit">({unit})</span>}
        {/* What the row's tick means, where the numbers are typed (f254: fewer than five users). */}
        {item.row_flag?.guidance && <span className="flag-guidance">{item.row_flag.guidance[language]}</span>}
      </div>
      {item.columns.some((c) => c.guidance) && (
        <details className="measure-definitions">
          <summary>{w.columnsExplained}</summary>
          <dl>
            {item.columns.map((c) => (
              <div key={c.code}>
                <dt>{c.labels[language]}</dt>
                <dd>{c.guidance?.[language] ?? ''}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="grid" aria-labelledby={captionId}>
          <thead>
            <tr>
              <td />
              {item.row_flag && (
                <th scope="col" className="row-flag">
                  {item.row_flag.labels[language]}
                </th>
              )}
              {item.columns.map((c) => (
                <th scope="col" key={c.code} className="num">
                  {c.labels[language]}
                </th>
              ))}
              {item.totals.rows && (
                <th scope="col" className="num">
                  {w.total}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row) => {
              const flagPath = item.row_flag ? `${item.key}/${row.code}/${item.row_flag.key}` : undefined;
              const ticked = flagPath !== undefined && answers[flagPath] === true;
              return (
                <tr key={row.code}>
                  <th scope="row">
                    <span>{row.labels[language]}</span>
                    {row.note && <span className="row-guidance">{row.note[language]}</span>}
                    {row.guidance && <span className="row-guidance">{row.guidance[language]}</span>}
                  </th>
                  {flagPath && (
                    <td>
                      <input
                        type="checkbox"
                        className="ds-input"
                        id={fieldIdOf(flagPath)}
                        aria-label={`${row.labels[language]}: ${item.row_flag!.labels[language]}`}
                        checked={ticked}
                        disabled={readOnly}
                        onChange={(e) => onAnswer(flagPath, e.target.checked)}
                      />
                    </td>
                  )}
                  {item.columns.map((column) => {
                    const path = cell(row.code, column.code);
                    const message = readsAsNumber(texts[path] ?? '') ? errors.get(path) : w.invalidNumber;
                    const errorId = `${fieldIdOf(path)}-error`;
                    return (
                      <td key={column.code} className="num">
                        <input
                          className="ds-input amount"
                          id={fieldIdOf(path)}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={`${row.labels[language]}, ${column.labels[language]}`}
                          aria-invalid={message !== undefined || undefined}
                          aria-describedby={message ? errorId : undefined}
                          value={texts[path] ?? shown(answers[path], language)}
                          disabled={readOnly || ticked}
                          onChange={(e) => onText(path, e.target.value)}
                        />
                        {message && (
                          <span className="field-error" id={errorId}>
                            {message}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  {item.totals.rows && (
                    <td className="num" data-testid={`total-${item.key}-${row.code}`}>
                      {shown(
                        item.columns.reduce((s, c) => s + number(cell(row.code, c.code)), 0),
                        language,
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
          {item.totals.columns && (
            <tfoot>
              <tr>
                <th scope="row">{w.total}</th>
                {item.row_flag && <td />}
                {item.columns.map((c) => (
                  <td key={c.code} className="num" data-testid={`total-${item.key}-${c.code}`}>
                    {shown(
                      item.rows.reduce((s, r) => s + number(cell(r.code, c.code)), 0),
                      language,
                    )}
                  </td>
                ))}
                {item.totals.rows && (
                  <td className="num" data-testid={`total-${item.key}`}>
                    {shown(
                      item.rows.reduce(
                        (s, r) => s + item.columns.reduce((t, c) => t + number(cell(r.code, c.code)), 0),
                        0,
                      ),
                      language,
                    )}
                  </td>
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {errors.get(item.key) && <p className="field-error">{errors.get(item.key)}</p>}
    </div>
  );
}
