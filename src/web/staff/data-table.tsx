import { useMemo, type ReactNode } from 'react';
import { compareSortValues, type SortValue } from '../../domain/sorting.ts';

export interface DataColumn<T> {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** What the column sorts by; a column without one is not sortable. */
  readonly sortValue?: (row: T) => SortValue;
  readonly render: (row: T) => ReactNode;
}

export interface Sorting {
  readonly key: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * A list for hundreds or thousands of rows: sortable by any column with a sort value (a button in the
 * heading, `aria-sort` on it), and, with `selection`, a checkbox per row and one for all rows shown. The
 * first column heads each row. Filtering is the caller's: it passes the rows to show.
 */
export function DataTable<T>(props: {
  label: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** How a row is named in its checkbox's label: «Velg 4601 Bergen». */
  rowName: (row: T) => string;
  sorting: Sorting;
  onSort: (sorting: Sorting) => void;
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
}) {
  const { columns, rows, sorting, selection } = props;
  const sorted = useMemo(() => {
    const value = columns.find((c) => c.key === sorting.key)?.sortValue;
    if (!value) return rows;
    return [...rows].sort(
      (a, b) =>
        compareSortValues(value(a), value(b), sorting.direction) ||
        props.rowKey(a).localeCompare(props.rowKey(b)),
    );
  }, [rows, columns, sorting, props.rowKey]);
  const keys = sorted.map(props.rowKey);
  const allSelected =
    selection !== undefined && keys.length > 0 && keys.every((k) => selection.selected.has(k));
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table className="ds-table data-table" data-border data-size="sm">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  className="ds-input"
                  aria-label={`Velg alle ${keys.length} viste`}
                  checked={allSelected}
                  onChange={(e) => {
                    const next = new Set(selection.selected);
                    for (const k of keys) {
                      if (e.target.checked) next.add(k);
                      else next.delete(k);
                    }
                    selection.onChange(next);
                  }}
                />
              </th>
            )}
            {columns.map((c) => {
              const current = sorting.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={current ? (sorting.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        props.onSort({
                          key: c.key,
                          direction: current && sorting.direction === 'asc' ? 'desc' : 'asc',
                        })
                      }
                    >
                      {c.label}
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const key = props.rowKey(row);
            return (
              <tr key={key}>
                {selection && (
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      className="ds-input"
                      aria-label={`Velg ${props.rowName(row)}`}
                      checked={selection.selected.has(key)}
                      onChange={(e) => {
                        const next = new Set(selection.selected);
                        if (e.target.checked) next.add(key);
                        else next.delete(key);
                        selection.onChange(next);
                      }}
                    />
                  </td>
                )}
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row">
                      {c.render(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.render(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
