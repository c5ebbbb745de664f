/**
 * The "run in progress" marker (docs/platform.md, Limits and errors): Apps
 * Script's 6-minute kill runs no `catch` or `finally`, so a run cannot say
 * it was cut off. It says instead where it is: a document property set when
 * it starts, moved on at each step, removed at the end. The next run that
 * finds it tells its own log row that the previous run was cut off, at which
 * step, and what it had made (the journal's entries since it started).
 */
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { classifyError } from '../gas/retry';
import { documentProperties_ } from '../gas/properties';
import type { ZoneClock } from '../gas/time';
import type { Journal } from './journal';

const KEY = 'retain.runInProgress';

export type RunStep = 'read' | 'drafts' | 'visits' | 'write' | 'log';

export interface RunMarker {
  started: number;
  mode: string;
  step: RunStep;
}

/** The marker a run left, from the document properties already read; null when the last run ended. */
export function leftMarker(all: Record<string, string>): RunMarker | null {
  const text = all[KEY];
  if (!text) return null;
  try {
    const m = JSON.parse(text) as RunMarker;
    return typeof m.started === 'number' && typeof m.step === 'string' ? m : null;
  } catch (e) {
    return null;
  }
}

/**
 * Sets (or, with null, removes) the marker. It only helps the next run's
 * report: a failure to write it must not stop this run, so it is reported
 * once and then left alone.
 */
export function markerWriter(onError: (e: unknown) => void): (m: RunMarker | null) => void {
  let broken = false;
  let props: ReturnType<typeof documentProperties_> | null = null;
  return (m) => {
    if (broken) return;
    try {
      props ??= documentProperties_();
      if (m) props.set(KEY, JSON.stringify(m));
      else props.remove(KEY);
    } catch (e) {
      if (classifyError(e) === 'killed') throw e;
      broken = true;
      onError(e);
    }
  };
}

const CUT_OFF: Msg = {
  en: 'The previous run ({mode}, started {started}) was cut off before it ended (Apps Script stops a run at 6 minutes) while {step}; it had made {drafts} draft(s) and {visits} visit(s). This run found them and recorded them.',
  zh: '上次运行（{mode}，开始于 {started}）未结束即被中止（Apps Script 运行上限 6 分钟），当时正在{step}；已创建 {drafts} 封草稿和 {visits} 个拜访。本次运行已找到并记录。',
};
const STEPS: Record<RunStep, Msg> = {
  read: { en: 'reading the sheets', zh: '读取表格' },
  drafts: { en: 'making drafts', zh: '创建草稿' },
  visits: { en: 'making visits', zh: '创建拜访' },
  write: { en: 'writing the sheet', zh: '写入表格' },
  log: { en: 'writing its log row', zh: '写入运行记录' },
};

/** The log line about a run that was cut off. */
export function cutOffMessage(m: RunMarker, journal: Journal, clock: ZoneClock | null, lang: Lang): string {
  const since = (at: number) => at >= m.started;
  const drafts = journal.keys().filter((k) => {
    const e = journal.get(k);
    return !!e && e.state === 'made' && since(e.at);
  }).length;
  const visits = journal.visitsSince(m.started);
  const started = clock ? clock.toLocalDateTime(new Date(m.started)) : new Date(m.started).toISOString();
  return tr(lang, CUT_OFF, { mode: m.mode, started, step: tr(lang, STEPS[m.step] ?? STEPS.read), drafts, visits });
}
