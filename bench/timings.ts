// Wall-clock checks that used to be test assertions: each times one piece of work that must stay
// fast and reports it against the budget the tests once asserted. Tests now check the work done
// (bounded prefixes, no network, every row written); the clock is measured here, where a busy
// machine makes a slow number a note rather than a failure.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTransformersEmbedder } from '../src/models/transformers.js';
import { ingestFiles } from '../src/ingest/index.js';
import { cleanText } from '../src/ingest/text.js';
import { openStore } from '../src/store/store.js';
import type { FeedbackItem } from '../src/types.js';
import { feedbackItem } from '../support/feedback-item.js';

export interface Timing {
  name: string;
  ms: number;
  budgetMs: number;
}

async function timed(name: string, budgetMs: number, work: () => Promise<unknown>): Promise<Timing> {
  const started = performance.now();
  await work();
  return { name, ms: performance.now() - started, budgetMs };
}

function item(i: number): FeedbackItem {
  return feedbackItem({ id: `row-${i}`, candidate: `c${i % 700}`, text: `feedback ${i}`, source: 'bench.csv', line: i + 2 });
}

export async function benchTimings(log: (message: string) => void): Promise<Timing[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'feedback-themes-timings-'));
  try {
    log('timings: offline failure, long texts, store writes …');
    const timings: Timing[] = [];
    timings.push(
      await timed('offline: an uncached hub model fails', 2_000, () =>
        createTransformersEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', cacheDir: path.join(scratch, 'empty-cache'), offline: true }).then(
          () => {
            throw new Error('an uncached model loaded offline');
          },
          () => undefined,
        ),
      ),
    );
    const huge = 'This answer went on. '.repeat(200_000);
    timings.push(await timed('cleanText: 4 MB text to 1000 characters', 1_000, async () => cleanText(huge, 1000)));
    const csv = path.join(scratch, 'long.csv');
    await writeFile(
      csv,
      `id,feedback,stage\n1,"${'The panel felt the answer lacked a clear result. '.repeat(100_000)}",Interview\n2,short one,CV\n`,
    );
    timings.push(
      await timed('ingest: a 5 MB text cut to 500 characters', 5_000, () => ingestFiles([csv], { columns: {}, maxTextChars: 500 })),
    );
    const store = await openStore(path.join(scratch, 'bench.duckdb'));
    try {
      const items = Array.from({ length: 20_000 }, (_, i) => ({
        item: item(i),
        themes:
          i % 2
            ? [
                { themeId: 'experience', score: 0.5 },
                { themeId: 'delivery', score: 0.4 },
              ]
            : [{ themeId: 'examples', score: 0.6 }],
      }));
      timings.push(
        await timed('store: record a run of 20k items, 30k assignments', 5_000, () =>
          store.recordRun({
            startedAt: '2026-03-01T10:00:00.000Z',
            finishedAt: '2026-03-01T10:00:05.000Z',
            engine: { name: 'lexical', model: null, fallbackReason: null },
            taxonomySource: 'built-in',
            options: {},
            inputs: [],
            counts: { items: items.length, segments: items.length, candidates: 700, rejectedRows: 0 },
            items,
            followUp: [],
          }),
        ),
      );
    } finally {
      await store.close();
    }
    return timings;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export function formatTimings(timings: Timing[]): string[] {
  return [
    'timings (budget: what tests once asserted):',
    ...timings.map(
      (t) => `  ${t.name.padEnd(52)} ${t.ms.toFixed(0).padStart(6)} ms  (budget ${t.budgetMs} ms${t.ms > t.budgetMs ? ', OVER' : ''})`,
    ),
  ];
}
