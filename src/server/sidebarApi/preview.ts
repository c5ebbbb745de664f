/** The Settings tab's preview: tonight's plan and what the run would make, without making or writing anything. */
import type { RunPreview } from '../../shared/api';
import { runRetain_ } from '../nightly';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';
import { kindLabel } from './context';

export function previewRun(_req: Record<string, never>): RunPreview {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const s = runRetain_(ss, 'preview', { lang });
  return {
    today: s.today,
    due: Object.keys(s.due)
      .filter((k) => s.due[k] > 0)
      .map((k) => ({ label: kindLabel(k, lang), count: s.due[k] })),
    drafts: s.drafts
      .filter((d) => d.status === 'made')
      .map((d) => ({ customer: d.name, email: d.email, subject: d.subject })),
    visits: s.visits
      .filter((v) => v.status === 'made')
      .map((v) => ({ customer: v.name, due: v.start || v.due, tier: v.tier as 'A' | 'B' | 'C' })),
    skipped: s.skipped
      .slice(0, 200)
      .map((k) => ({ what: k.what, customer: k.customerId || `#${k.row}`, reason: k.reason })),
    problems: s.fatal
      ? [s.fatal]
      : s.problems.slice(0, 200).map((p) => `${p.sheet} ${p.row}${p.column ? ' · ' + p.column : ''}: ${p.message}`),
  };
}
