import type { ReactNode } from 'react';

export interface Column {
  readonly label: ReactNode;
  /** Numbers are right-aligned, in the heading too. */
  readonly numeric?: boolean;
}

export interface Row {
  readonly key: string;
  /** One cell per column; the first is the row's heading. */
  readonly cells: readonly ReactNode[];
  readonly testId?: string;
}

/** A Designsystemet table: column headings, each row headed by its first cell, numbers right-aligned. */
export function SimpleTable({
  caption,
  columns,
  rows,
}: {
  caption?: ReactNode;
  columns: readonly Column[];
  rows: readonly Row[];
}) {
  const numeric = (i: number) => (columns[i]?.numeric ? 'num' : undefined);
  return (
    <table className="ds-table" data-border>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={numeric(i)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={r.testId}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={numeric(i)}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
