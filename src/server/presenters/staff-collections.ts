import type { CollectionFormRates } from '../../domain/collection/collection-rates.ts';
import type { StoredCollection } from '../../store/collections.ts';
import type { StoredExtract } from '../../store/register.ts';
import type { CollectionControls } from '../../app/collection-controls.ts';
import type { WireCollection, WireCollectionControls, WireRegisterExtract } from '../../wire/staff.ts';

export const presentExtract = (e: StoredExtract): WireRegisterExtract => ({
  id: e.id,
  valid_on: e.validOn,
  file_name: e.fileName,
  synthetic: e.synthetic,
  units: e.units,
  loaded_by: e.loadedBy,
  loaded_at: e.loadedAt.toISOString(),
});

const checkpoint = (c: { date: string; count: number; percent: number | null }) => ({
  date: c.date,
  count: c.count,
  percent: c.percent,
});

export const presentCollection = (
  c: StoredCollection,
  rates: readonly CollectionFormRates[],
): WireCollection => ({
  id: c.id,
  year: c.year,
  name: c.name,
  rounds: c.rounds.map((r) => ({
    id: r.id,
    form: r.form,
    deadline: r.deadline?.toISOString() ?? null,
    units: r.units,
    disowned: r.disowned,
    submitted: r.submitted,
  })),
  checkpoints: c.checkpoints.map((p) => ({
    kind: p.kind,
    taken_on: p.takenOn,
    taken_at: p.takenAt.toISOString(),
    taken_by: p.takenBy,
  })),
  rates: rates.map((r) => ({
    form: r.form,
    expected: r.expected,
    by_date: r.byDate.map(checkpoint),
    in_publication: r.inPublication.map((p) => ({
      ...checkpoint(p),
      kind: p.kind,
      resubmitted_after: p.resubmittedAfter,
    })),
    last_resubmission: r.lastResubmission,
  })),
});

export const presentCollectionControls = (c: CollectionControls): WireCollectionControls => ({
  cross_form: c.crossForm.map((x) => ({
    id: x.id,
    labels: x.labels,
    rows: x.rows.map((r) => ({
      municipality: r.municipality,
      summed: r.summed,
      units: r.units,
      against: r.against,
      difference: r.difference,
      percent: r.percent,
      flagged: r.flagged,
    })),
  })),
  previous_year: c.previousYear.map((p) => ({
    round: p.round,
    form: p.form,
    compared: p.compared,
    deviations: p.deviations.map((d) => ({
      unit: d.unit,
      path: d.path,
      label: d.label,
      now: d.now,
      before: d.before,
      change: d.change,
      percent: d.percent,
    })),
  })),
});
