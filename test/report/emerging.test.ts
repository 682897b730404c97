import { describe, expect, it } from 'vitest';
import { emergingSection } from '../../src/report/emerging.js';
import { renderReport } from '../../src/report/render.js';
import type { EmergingTheme } from '../../src/types.js';
import { cohortModel } from '../fixtures/report/models.js';

const cluster: EmergingTheme = {
  id: 'E1',
  label: 'Social, media and posts',
  terms: ['social', 'media', 'posts'],
  items: 6,
  candidates: 5,
  sentence: 'Some of your <script>alert(1)</script> posts worried us.',
  examples: [
    'Some of your <script>alert(1)</script> posts worried us.',
    'Posts about a "previous" employer & clients.',
    'Your social media posts.',
  ],
  sentences: [],
};

describe('report section "What the taxonomy may be missing"', () => {
  it('shows each cluster with its label, size, terms and quotes, escaping the feedback', () => {
    const model = { ...cohortModel().model, emerging: [cluster] };
    const section = emergingSection(model).value;
    expect(section).toContain('What the taxonomy may be missing');
    expect(section).toContain('Social, media and posts');
    expect(section).toMatch(/<strong>6<\/strong> items · 5 candidates/);
    expect(section).toContain('social, media, posts');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section).not.toContain('<script>alert');
    expect(section).toContain('&quot;previous&quot; employer &amp; clients');
    expect(renderReport(model)).toContain('id="emerging"');
  });

  it('says so when nothing was large enough to show', () => {
    const section = emergingSection({ ...cohortModel().model, emerging: [] }).value;
    expect(section).toContain('No group of unexplained feedback was large enough to show');
    expect(section).not.toContain('theme-card');
  });

  it('says that discovery is weaker without the sentence model (lexical engine), and only then', () => {
    const model = cohortModel().model;
    const lexical = emergingSection({ ...model, engine: { ...model.engine, name: 'lexical' } }).value;
    // In an adviser's words, as the report's "How themes were found" puts it: no engine names.
    expect(lexical).toMatch(/<small>This run had no language model \(themes found by matching words\), so sentences/);
    expect(lexical).not.toMatch(/lexical|engine/);
    const hybrid = emergingSection({ ...model, engine: { ...model.engine, name: 'hybrid' } }).value;
    expect(hybrid).not.toContain('no language model');
  });
});
