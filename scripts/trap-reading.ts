// Where forbidden themes on the development trap sentences come from: per trap, the themes the
// default engine (head and clause-role reader as shipped) gives, and, for each forbidden theme it
// got, the segments and clauses as read (split, role, word rules) and the head's evidence for
// that theme (best score, probe on the mean vector and on the best unit, cue count). Dev rows
// only: it refuses to read any other part of traps.csv.
//
//   tsx scripts/trap-reading.ts --model .cache/test-model/all-MiniLM-L6-v2 --offline [--from 219] [--to 658] [--all] [--head FILE]
//
// --from N counts only traps-dev-N and later (a fresh batch), --to N only up to traps-dev-N; --all prints
// every trap, not only misses; --head FILE reads with that head instead of the built-in one (a head from `train`).

import { parseArgs } from 'node:util';
import { headItemLogits, calibrated } from '../src/classify/head/apply.js';
import { featureNames, itemFeatures } from '../src/classify/head/features.js';
import { compileThemeCues } from '../src/classify/assign.js';
import { prepareClassifier } from '../src/classify/prepare.js';
import { CLAUSE_ROLES } from '../src/classify/roles/model.js';
import { createLogger } from '../src/logger.js';
import { readTraps, scoreTraps } from '../test/helpers/traps.js';
import { ENGINE_FLAGS, engineConfigFrom } from './lib/engine-flags.js';

const { values: flags } = parseArgs({
  options: { ...ENGINE_FLAGS, from: { type: 'string' }, to: { type: 'string' }, all: { type: 'boolean' }, head: { type: 'string' } },
});
const from = flags.from ? Number(flags.from) : 0;
const to = flags.to ? Number(flags.to) : Number.POSITIVE_INFINITY;
if (!Number.isInteger(from) || from < 0) throw new Error(`--from must be a trap number, got ${flags.from}`);
if (flags.to && (!Number.isInteger(to) || to < from)) throw new Error(`--to must be a trap number from --from on, got ${flags.to}`);

const numberOf = (id: string) => Number(id.slice('traps-dev-'.length));
const traps = readTraps('dev').filter((t) => numberOf(t.id) >= from && numberOf(t.id) <= to);
const prepared = await prepareClassifier(
  { ...engineConfigFrom(flags), ...(flags.head ? { head: flags.head } : {}) },
  createLogger({ quiet: true }),
);
const { classifier, thresholds, head, taxonomy } = prepared;
const ids = taxonomy.themes.map((t) => t.id);
const cues = compileThemeCues(taxonomy);
const scored = await classifier.score(traps.map((t) => ({ id: t.id, text: t.text })));
const assigned = classifier.assign(scored, thresholds);
await prepared.dispose();

const roleOf = (roles: number[] | undefined) => {
  if (!roles) return '-';
  const best = roles.indexOf(Math.max(...roles));
  return `${CLAUSE_ROLES[best]} ${roles[best]!.toFixed(2)}`;
};
const names = head ? featureNames(head.file.probe !== null) : [];
const shown = ['score', 'lead', 'clause_lead', 'cues', 'probe_mean', 'probe_max'];

traps.forEach((trap, i) => {
  const item = scored[i]!;
  const got = assigned[i]!.themes;
  const hits = trap.forbidden.filter((f) => got.some((t) => t.themeId === f));
  const missing = trap.required.filter((r) => !got.some((t) => t.themeId === r));
  if (!flags.all && hits.length === 0) return;
  console.log(
    `\n${trap.id} ${hits.length > 0 ? `FORBIDDEN ${hits.join(',')}` : 'ok'}${missing.length ? ` missing ${missing.join(',')}` : ''}`,
  );
  console.log(`  text: ${trap.text}`);
  console.log(`  got: ${got.map((t) => `${t.themeId}${t.confidence !== undefined ? ` ${t.confidence.toFixed(2)}` : ''}`).join(', ')}`);
  for (const s of item.segments) {
    const r = s.reading;
    const flagsOf = [
      s.praiseOnly ? 'praiseOnly' : '',
      r.silence ? 'silence' : '',
      r.ruledOut.length ? `ruledOut=${r.ruledOut.join('|')}` : '',
      r.asserted.length ? `asserted=${r.asserted.join('|')}` : '',
      s.praise.length ? `praise=${s.praise.map(([a, b]) => JSON.stringify(s.segment.text.slice(a, b))).join(' ')}` : '',
    ].filter(Boolean);
    console.log(`  segment: ${JSON.stringify(s.segment.text)} ${flagsOf.join(' ')}`);
    for (const u of s.units) {
      const top = hits.map((h) => `${h}=${u.scores[ids.indexOf(h)]!.toFixed(2)}`).join(' ');
      const probe = u.probe ? hits.map((h) => `probe ${h}=${u.probe![ids.indexOf(h)]!.toFixed(2)}`).join(' ') : '';
      console.log(`    unit [${roleOf(u.roles)}] ${JSON.stringify(u.text)} ${top} ${probe}`);
    }
  }
  if (head && hits.length > 0) {
    const features = itemFeatures(item, ids, cues, head.applied.margin, head.applied.probe !== null);
    const z = headItemLogits(head.applied, item, cues);
    for (const h of hits) {
      const t = ids.indexOf(h);
      const f = features[t]!;
      const parts = shown.map((n) => `${n}=${f[names.indexOf(n)]?.toFixed(2)}`).join(' ');
      const model = head.applied.models[t];
      console.log(`  head ${h}: p=${model ? calibrated(model, z[t]!).toFixed(2) : '(similarity)'} ${parts}`);
    }
  }
});

const score = scoreTraps(
  traps,
  assigned.map((a) => a.themes.map((t) => t.themeId)),
);
console.log(
  `\n${score.forbiddenHits} forbidden themes on ${score.sentences} dev traps (traps-dev-${String(from).padStart(3, '0')}${flags.to ? ` to ${flags.to}` : ' on'}); required recall ${score.requiredRecall.toFixed(3)}`,
);
