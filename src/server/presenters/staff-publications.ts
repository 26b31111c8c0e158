import type { PublicationPreview } from '../../app/publication-preview.ts';
import type { PublishedSummary } from '../../app/publish-series.ts';
import type { publicationHistory } from '../../app/publish-series.ts';
import type {
  WireKeyFiguresPreview,
  WirePublicationPreview,
  WirePublications,
  WirePublishedPeriod,
} from '../../wire/staff.ts';
import type { previewKeyFigures } from '../../app/key-figures.ts';

export const presentPreview = (p: PublicationPreview): WirePublicationPreview => ({
  round: p.round,
  period: p.period,
  responded: p.responded,
  expected: p.expected,
  response_rate: p.responseRate,
  pending_flags: p.pendingFlags,
  tables: p.tables.map((t) => ({
    id: t.id,
    label: t.label,
    period: t.period,
    published: t.published.map((s) => ({
      stage: s.stage === 'preliminary' ? 'preliminary' : 'final',
      revision: s.revision,
      at: s.at,
      by: s.by,
    })),
    primary: t.primary,
    secondary: t.secondary,
    checked: [...t.checked],
    withheld: [...t.withheld],
    withheld_count: t.withheldCount,
  })),
});

export const presentKeyFiguresPreview = (
  p: Awaited<ReturnType<typeof previewKeyFigures>>,
): WireKeyFiguresPreview => ({
  year: p.year,
  reported: p.reported,
  expected: p.expected,
  missing: p.missing,
  published: p.published,
});

export const presentPublishedPeriod = (t: PublishedSummary): WirePublishedPeriod => ({
  id: t.id,
  label: t.label,
  period: t.period,
  stage: t.stage,
  revision: t.revision,
});

export const presentPublications = ({
  periods,
  revisions,
}: Awaited<ReturnType<typeof publicationHistory>>): WirePublications => ({
  periods: periods.map((p) => ({
    table: p.table_id,
    period: p.period,
    stage: p.stage,
    revision: p.revision,
    note: p.revision_note,
    round: p.round_id,
    at: p.published_at.toISOString(),
    by: p.published_by,
  })),
  revisions: revisions.map((r) => ({
    table: r.table_id,
    period: r.period,
    stage: r.stage,
    revision: r.revision,
    replaced_at: r.replaced_at.toISOString(),
    replaced_by: r.replaced_by,
    note: r.note,
  })),
});
