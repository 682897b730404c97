import type { EngineConfig } from '../config.js';
import { prepareClassifier } from '../classify/prepare.js';
import type { Logger } from '../logger.js';
import { redactText } from '../redact/index.js';
import type { FeedbackItem } from '../types.js';

export async function classifyCommand(
  text: string,
  config: EngineConfig,
  options: { logger: Logger; json: boolean; redact?: boolean },
): Promise<string> {
  const prepared = await prepareClassifier(config, options.logger, { redact: options.redact !== false });
  try {
    const item: FeedbackItem = {
      id: 'text',
      candidate: null,
      cohort: null,
      stage: null,
      employer: null,
      role: null,
      date: null,
      text: options.redact === false ? text : redactText(text),
      source: 'command line',
      line: 1,
    };
    const [result] = await prepared.classifier.classify([item], prepared.thresholds);
    const labels = new Map(prepared.taxonomy.themes.map((t) => [t.id, t.label]));
    const themes = result!.themes.map((t) => ({
      id: t.themeId,
      label: labels.get(t.themeId) ?? t.themeId,
      score: round(t.score),
      evidence: { segment: t.evidence.segment, exemplar: t.evidence.exemplar, cues: t.evidence.cues },
    }));
    if (options.json) {
      const segments = result!.segments.map((s) => ({
        text: s.text,
        themes: s.themes,
        favourable: s.favourable,
        scores: Object.fromEntries(prepared.taxonomy.themes.map((t, i) => [t.id, round(s.scores[i]!)])),
      }));
      return `${JSON.stringify({ engine: prepared.engine, thresholds: prepared.thresholds.source, text: item.text, themes, segments }, null, 2)}\n`;
    }
    const lines: string[] = [];
    if (themes.length === 0) lines.push('No theme passed its threshold.');
    for (const theme of themes) {
      lines.push(`${theme.label} [${theme.id}]  score ${theme.score.toFixed(2)}`);
      lines.push(`  evidence: "${theme.evidence.segment}"`);
      lines.push(`  nearest example: "${theme.evidence.exemplar}"`);
      if (theme.evidence.cues.length > 0) lines.push(`  cues: ${theme.evidence.cues.join(', ')}`);
    }
    const engine = prepared.engine;
    lines.push(`(engine: ${engine.name}${engine.model ? ` ${engine.model}` : ''}${engine.fallbackReason ? ', fallback' : ''})`);
    return `${lines.join('\n')}\n`;
  } finally {
    await prepared.dispose();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
