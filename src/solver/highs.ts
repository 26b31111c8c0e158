import nodeModule from 'node:module';
import type { Highs } from 'highs';
import type { AttackerModel, LinearSolver } from '../domain/confidentiality/linear-solver.ts';

// Loaded as CommonJS: the package's types describe that form, and it finds its .wasm beside itself.
const highsLoader = nodeModule.createRequire(import.meta.url)('highs') as () => Promise<Highs>;
let loading: Promise<Highs> | undefined;

/** HiGHS (WebAssembly), loaded once per process. */
export async function highsSolver(): Promise<LinearSolver> {
  const highs = await (loading ??= highsLoader());
  const quiet = (model: { options: Record<string, unknown> }) => {
    model.options['output_flag'] = false;
  };
  const OPTIMAL = highs.constants.modelStatus.optimal;
  const UNBOUNDED = highs.constants.modelStatus.unbounded;

  return {
    attacker(variableCount, equations, lowerBound): AttackerModel {
      const starts = [0];
      const indices: number[] = [];
      for (const e of equations) {
        for (const v of e.variables) indices.push(v);
        starts.push(indices.length);
      }
      const model = highs.createModel({
        numCols: variableCount,
        numRows: equations.length,
        colCost: new Float64Array(variableCount),
        colLower: new Float64Array(variableCount).fill(lowerBound),
        colUpper: new Float64Array(variableCount).fill(highs.infinity),
        rowLower: equations.map((e) => e.value),
        rowUpper: equations.map((e) => e.value),
        matrix: {
          format: 'csr',
          numRows: equations.length,
          numCols: variableCount,
          starts,
          indices,
          values: new Float64Array(indices.length).fill(1),
        },
      });
      quiet(model as unknown as { options: Record<string, unknown> });
      let costed: Int32Array = new Int32Array(0);
      const solve = (sense: 'minimize' | 'maximize') => {
        model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        model.run();
        const status = model.getModelStatus();
        if (status === UNBOUNDED) return { bound: sense === 'maximize' ? Infinity : -Infinity, binding: [] };
        if (status !== OPTIMAL) throw new Error(`HiGHS could not bound a cell (model status ${status})`);
        const duals = model.getSolution().rowDual;
        const binding: number[] = [];
        duals.forEach((d: number, i: number) => {
          if (Math.abs(d) > 1e-9) binding.push(i);
        });
        return { bound: model.getObjectiveValue(), binding };
      };
      return {
        range(variables) {
          for (const v of costed) model.changeColCost(v, 0);
          for (const v of variables) model.changeColCost(v, 1);
          costed = variables;
          const low = solve('minimize');
          const high = solve('maximize');
          return {
            lower: low.bound,
            upper: high.bound,
            binding: [...new Set([...low.binding, ...high.binding])],
          };
        },
        close: () => model.dispose(),
      };
    },

    cover(weights, sets, fixed) {
      const n = weights.length;
      const starts = [0];
      const indices: number[] = [];
      for (const set of sets) {
        indices.push(...set);
        starts.push(indices.length);
      }
      const lower = new Float64Array(n);
      for (const f of fixed) lower[f] = 1;
      return highs.withModel(
        {
          numCols: n,
          numRows: sets.length,
          colCost: Float64Array.from(weights),
          colLower: lower,
          colUpper: new Float64Array(n).fill(1),
          rowLower: new Float64Array(sets.length).fill(1),
          rowUpper: new Float64Array(sets.length).fill(highs.infinity),
          integrality: new Int32Array(n).fill(1),
          matrix: {
            format: 'csr',
            numRows: sets.length,
            numCols: n,
            starts,
            indices,
            values: new Float64Array(indices.length).fill(1),
          },
        },
        (model) => {
          quiet(model as unknown as { options: Record<string, unknown> });
          model.run();
          if (model.getModelStatus() !== OPTIMAL)
            throw new Error(`HiGHS found no optimal suppression (model status ${model.getModelStatus()})`);
          const chosen: number[] = [];
          model.getSolution().colValue.forEach((v: number, i: number) => {
            if (v > 0.5) chosen.push(i);
          });
          return chosen;
        },
      );
    },
  };
}
