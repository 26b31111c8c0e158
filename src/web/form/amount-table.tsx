import { Checkbox, Fieldset } from '@digdir/designsystemet-react';
import type { Language } from '../../domain/language.ts';
import { formatNorwegian, parseNorwegian } from '../../domain/number-format.ts';
import type { Texts } from '../texts.ts';
import { amountKey, columnSum, fieldId, type AmountTexts, type FormView, type WireContent } from './model.ts';

interface Props {
  readonly view: FormView;
  readonly table: FormView['survey']['tables'][number];
  readonly content: WireContent;
  readonly texts: AmountTexts;
  readonly language: Language;
  readonly t: Texts;
  readonly readOnly: boolean;
  readonly onAmount: (row: string, measure: string, text: string) => void;
  readonly onFewerThan5: (row: string, ticked: boolean) => void;
  readonly onMethod: (method: string, ticked: boolean) => void;
}

const shown = (value: number | null) => (value === null ? '' : formatNorwegian(value));

/** One table of the questionnaire: rows by measures, the fewer-than-five box, live sums and what is left. */
export function AmountTable({
  view,
  table,
  content,
  texts,
  language,
  t,
  readOnly,
  onAmount,
  onFewerThan5,
  onMethod,
}: Props) {
  const survey = view.survey;
  const answer = content.tables[table.key];
  const whole = (measure: string): number | null => {
    if (table.part_of) {
      const parent = content.tables[table.part_of.table]?.rows[table.part_of.row];
      return parent && !parent.fewer_than_5 ? (parent.amounts[measure] ?? null) : null;
    }
    return view.prefilled[measure] ?? null;
  };
  const label = `${table.number}. ${table.labels[language]}`;
  return (
    <section className="form-table" id={fieldId(table.key)} aria-labelledby={`${fieldId(table.key)}-heading`}>
      <h2 id={`${fieldId(table.key)}-heading`} className="ds-heading" data-size="sm">
        {label}
      </h2>
      <p className="guidance">{table.guidance[language]}</p>
      {/* Where the amounts are typed: their unit, and what the fewer-than-five box means. */}
      <p className="unit-note">
        <strong>{t.unit}.</strong> {survey.fields.fewer_than_5.guidance[language]}
      </p>
      <div className="table-scroll">
        <table className="ds-table amounts" data-border>
          <caption className="visually-hidden">
            {label}. {t.unit}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col">{survey.fields.fewer_than_5.labels[language]}</th>
              {survey.measures.map((m) => (
                <th scope="col" key={m.code} className="num">
                  <abbr title={m.labels[language]}>{m.code}</abbr>
                  <span className="measure-label">{m.labels[language]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const given = answer?.rows[row.key];
              const ticked = given?.fewer_than_5 === true;
              return (
                <tr key={row.key}>
                  <th scope="row">
                    <span>{row.labels[language]}</span>
                    <span className="row-guidance">{row.guidance[language]}</span>
                  </th>
                  <td className="fewer">
                    {/* The cell's own label shows where the table becomes one card per row (a phone, a tablet). */}
                    <label className="cell-label" htmlFor={fieldId(table.key, row.key, 'fewer_than_5')}>
                      {survey.fields.fewer_than_5.labels[language]}
                    </label>
                    <input
                      type="checkbox"
                      className="ds-input"
                      id={fieldId(table.key, row.key, 'fewer_than_5')}
                      aria-label={`${row.labels[language]}: ${survey.fields.fewer_than_5.labels[language]}`}
                      checked={ticked}
                      disabled={readOnly}
                      onChange={(e) => onFewerThan5(row.key, e.target.checked)}
                    />
                  </td>
                  {survey.measures.map((m) => {
                    const key = amountKey(table.key, row.key, m.code);
                    const text = texts[key] ?? shown(given?.amounts[m.code] ?? null);
                    const invalid = Number.isNaN(parseNorwegian(text));
                    return (
                      <td key={m.code} className="num">
                        <label className="cell-label" htmlFor={fieldId(table.key, row.key, m.code)}>
                          {m.code} {m.labels[language]}
                        </label>
                        <input
                          className="ds-input amount"
                          id={fieldId(table.key, row.key, m.code)}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={`${row.labels[language]}, ${m.code} ${m.labels[language]}`}
                          aria-invalid={invalid || undefined}
                          aria-describedby={
                            invalid ? `${fieldId(table.key, row.key, m.code)}-error` : undefined
                          }
                          value={text}
                          disabled={readOnly || ticked}
                          onChange={(e) => onAmount(row.key, m.code, e.target.value)}
                        />
                        {invalid && (
                          <span className="field-error" id={`${fieldId(table.key, row.key, m.code)}-error`}>
                            {t.invalidNumber}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.sum}</th>
              <td className="fewer" />
              {survey.measures.map((m) => (
                <td key={m.code} className="num">
                  <span className="cell-label">{m.code}</span>
                  <span data-testid={`sum-${table.key}-${m.code}`}>
                    {shown(columnSum(content, table.key, m.code))}
                  </span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.notSplit}</th>
              <td className="fewer" />
              {survey.measures.map((m) => {
                const bound = whole(m.code);
                const rest = bound === null ? null : bound - (columnSum(content, table.key, m.code) ?? 0);
                return (
                  <td key={m.code} className={rest !== null && rest < 0 ? 'num negative' : 'num'}>
                    <span className="cell-label">{m.code}</span>
                    <span data-testid={`rest-${table.key}-${m.code}`}>{shown(rest)}</span>
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
      <Fieldset className="methods" id={fieldId(table.key, 'methods')}>
        <Fieldset.Legend>{survey.fields.methods.labels[language]}</Fieldset.Legend>
        <Fieldset.Description>{survey.fields.methods.guidance[language]}</Fieldset.Description>
        {survey.methods.map((method) => (
          <Checkbox
            key={method.code}
            label={method.labels[language]}
            checked={answer?.methods.includes(method.code) === true}
            disabled={readOnly}
            onChange={(e) => onMethod(method.code, e.target.checked)}
          />
        ))}
      </Fieldset>
    </section>
  );
}
