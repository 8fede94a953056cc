/**
 * The job of a `tsag watch` worker (./watch-worker.ts, ./watch-pool.ts): builds one input and
 * compares the model with the previous build's, both off the main thread, since either can take
 * long on a large or hostile input. Answers with the outcome, the new model (the watcher keeps
 * it for the next comparison) and the one line of what changed (src/diff/one-line.ts).
 */
import type { QuestionsDocument } from '../model/document.js';
import { buildWithModel, type BuildJob, type BuildResult } from './build.js';
import { describeChanges } from '../diff/one-line.js';
import { MAX_WARNINGS_SHOWN } from './warnings.js';

export interface WatchJob {
  job: BuildJob;
  /** The model of the input's previous build, if it had one. */
  previous?: QuestionsDocument;
}

export interface WatchReply {
  /** The outcome, with at most MAX_WARNINGS_SHOWN of its warnings: a hostile input can carry thousands. */
  result: BuildResult;
  /** Warnings left out of `result`. */
  moreWarnings: number;
  model?: QuestionsDocument;
  /** What changed since `previous` (`1 paragraph changed in A.1`); absent on a first build. */
  summary?: string;
}

export async function watchBuild({ job, previous }: WatchJob): Promise<WatchReply> {
  const built = await buildWithModel(job.input, job.base, job.inputs, job.options);
  const { model } = built;
  const moreWarnings = built.result.ok ? Math.max(0, built.result.warnings.length - MAX_WARNINGS_SHOWN) : 0;
  const result = built.result.ok ? { ...built.result, warnings: built.result.warnings.slice(0, MAX_WARNINGS_SHOWN) } : built.result;
  if (!result.ok || model === undefined || previous === undefined) return { result, moreWarnings, ...(model ? { model } : {}) };
  try {
    const { diffEditions } = await import('../diff/index.js');
    return { result, moreWarnings, model, summary: describeChanges(diffEditions(previous, model), { old: previous, new: model }) };
  } catch (error) {
    // The outputs are written: say so, and why there is no comparison.
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { result, moreWarnings, model, summary: `rebuilt, not compared with the previous build (${why})` };
  }
}
