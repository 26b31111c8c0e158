import type { UnitList } from '../../app/unit-list.ts';
import type { WireUnitList } from '../../wire/units.ts';

export const presentUnitList = (list: UnitList): WireUnitList => ({
  responsible: list.responsible,
  name: list.name,
  synthetic: list.synthetic,
  units: list.units.map((u) => ({
    round: u.roundId,
    form: u.form,
    form_title: u.formTitle,
    unit: u.unit,
    name: u.name,
    kind: u.kind,
    address: u.address,
    status: u.status,
    version: u.version,
    submitted_at: u.submittedAt?.toISOString() ?? null,
    deadline: u.deadline?.toISOString() ?? null,
    open: u.open,
    disowned: u.disowned,
    disowned_reason: u.disownedReason,
  })),
});
