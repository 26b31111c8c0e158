import type { ControlReport } from './control.ts';
import type { KeyFigure } from './key-figures.ts';

export interface FunctionFigures {
  readonly function: string;
  readonly name: string | undefined;
  readonly figures: readonly KeyFigure[];
}

/** An accounting file controlled: the control's report and the key figures of its operations accounts. */
export interface AccountsResult {
  readonly file: string;
  readonly report: ControlReport;
  /** Key figures per function of the operations accounts, functions ascending. */
  readonly functions: readonly FunctionFigures[];
}
