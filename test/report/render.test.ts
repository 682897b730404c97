import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetsDirectory, inlineScriptSafe } from '../../src/report/assets.js';
import { bundleClientScript } from '../../src/report/client-bundle.js';
import { buildOutputs } from '../../src/report/index.js';
import { chartData, renderReport } from '../../src/report/render.js';
import { keyFindings } from '../../src/report/sections.js';
import { contrast, PAGE_BACKGROUND, PALETTE } from '../../src/report/palette.js';
import { GENERATED_AT, cohortModel, hostileModel, modelFrom, syntheticClassified } from '../fixtures/report/models.js';
import { referenceOf } from '../helpers/references.js';
import { isSuggestedDescription, suggestedDescription } from '../../src/taxonomy/placeholder.js';

function inlineScripts(page: string): { attributes: string; body: string }[] {
  return [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1], body: match[2] }));
}

function cspOf(page: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
  expect(match).not.toBeNull();
  return match![1].replace(/&#39;/g, "'");
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('renderReport', () => {
  it('allows exactly the inline scripts it contains by hash, and no unsafe-inline scripts', () => {
    const page = renderReport(cohortModel().model);
    const csp = cspOf(page);
    const scripts = inlineScripts(page);
    expect(scripts.map((script) => script.attributes.trim())).toEqual([
      'type="application/json" id="report-data"',
      'type="application/json" id="report-filters"',
      '',
    ]);
    const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).toBe(`script-src 'sha256-${sha256(scripts[2].body)}'`);
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
  });

  it('embeds the chart data as JSON that parses back to exactly the figures', () => {
    const { model } = cohortModel();
    const page = renderReport(model);
    const json = inlineScripts(page)[0].body;
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(chartData(model))));
  });

  it('never lets hostile feedback or metadata out as markup', () => {
    const page = renderReport(hostileModel().model);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<iframe/i);
    expect(page).not.toMatch(/<svg onload/i);
    expect(page).not.toMatch(/<b onmouseover/i);
    expect(page).not.toContain('<!--');
    expect((page.match(/<\/script>/g) ?? []).length).toBe(3);
    expect((page.match(/<script/g) ?? []).length).toBe(3);
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(page).toContain('the model &lt;b&gt;could not&lt;/b&gt; load');
    const data = inlineScripts(page)[0].body;
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(data).cohorts[0].key).toBe('<b onmouseover="window.__pwned = 6">Co hort</b>');
    expect(JSON.parse(data).themes.find((theme: { id: string }) => theme.id === 'delivery').label).toBe('Delivery <i onclick="x">\u2028');
  });

  it('says how sure the theme head was of each headline theme, and of every theme in the table; without one, that it cannot say', () => {
    const { model } = cohortModel();
    // (The chart script carries the words too: it re-renders the findings for a filter.)
    const without = renderReport({ ...model, confidence: null }).split('<script')[0];
    expect(without).toContain(
      '<p class="how-sure">How sure the tool is: it cannot say for this run. Themes were found by likeness to each theme’s examples, with nothing fitted to this list of themes to say how likely each theme is. ' +
        'Every theme found is counted, in the figures and in who keeps meeting the same problem, so read the quotes under a theme before acting on its figure. ' +
        'The split between before and at interview comes from the stage column as exported, not from reading the feedback.</p>',
    );
    const lexical = renderReport({ ...model, confidence: null, engine: { name: 'lexical', model: null, fallbackReason: null } });
    expect(lexical).toContain('Themes were found by matching words, which gives no measure of how likely each theme is.');
    expect(without).not.toContain('<th scope="col">Sure of</th>');
    // A filtered view recounts without the confidence: it says nothing rather than "it cannot say".
    expect(keyFindings({ ...model, confidence: null }, true).value).not.toContain('How sure');
    const withHead = {
      ...model,
      confidence: {
        head: { source: 'built-in', assignAt: 0.3, confidentAt: 0.7 },
        themes: { delivery: { sure: 3, possible: 1 }, application: { sure: 2, possible: 0 }, qualifications: { sure: 0, possible: 1 } },
      },
    };
    const page = renderReport(withHead).split('<script')[0];
    // Delivery (4), Application (2) and the first theme of one item in taxonomy order are the headline.
    expect(page).toContain(
      'How sure the tool is: of the 4 items counted under Delivery, it is <abbr class="exact" title="it gives each a chance of at least 70%, the level from which about 9 in 10 were right on feedback it was not fitted on">sure</abbr> of 3; 1 is only a possible match. ' +
        'Of the 2 under Application (CV, cover letter), both. Of the 1 under Qualifications, 0; 1 is only a possible match. The table “Themes by items” gives the figure for every theme. ' +
        'Who keeps meeting the same problem counts only themes it is sure of. The split between before and at interview comes from the stage column as exported, not from reading the feedback.',
    );
    const table = /<caption>Themes by items<\/caption>([\s\S]*?)<\/table>/.exec(page)![1];
    expect(table).toContain('<th scope="col">Sure of</th>');
    expect(table).toMatch(/<th scope="row">Delivery<\/th><td>yes<\/td><td>4<\/td><td>3<\/td>/);
  });

  it('says how sure it is of every theme a key finding gives a figure for, those it names at each stage too', () => {
    const { model } = cohortModel();
    const themes = model.themes.map((theme, i) => ({ ...theme, items: [9, 7, 5, 2, 1][i] ?? 0 }));
    const fifth = themes[4]!;
    const stageDiagnosis = {
      ...model.stageDiagnosis,
      beforeInterview: { ...model.stageDiagnosis.beforeInterview, top: [{ id: fifth.id, items: 1, share: 0.5 }] },
      atInterview: { ...model.stageDiagnosis.atInterview, top: [{ id: themes[0]!.id, items: 9, share: 0.9 }] },
    };
    const confidence = {
      head: { source: 'built-in', assignAt: 0.6, confidentAt: 0.6 },
      themes: Object.fromEntries(themes.map((theme) => [theme.id, { sure: theme.items, possible: 0 }])),
    };
    const sure = keyFindings({ ...model, themes, stageDiagnosis, confidence }).value.split('class="how-sure"')[1]!;
    // The three most common, then the stage finding's own: the fourth most common is named nowhere.
    expect(sure).toContain(`Of the 1 under ${fifth.label}, 1.`);
    expect(sure).not.toContain(`under ${themes[3]!.label}`);
  });

  it('says that followup.csv names the students and that a student’s page, naming nobody, is for that student only', () => {
    const { model } = cohortModel();
    const privacy = (digests: boolean) =>
      /<h3[^>]*>Privacy<\/h3>\s*<p>([\s\S]*?)<\/p>/.exec(renderReport({ ...model, options: { ...model.options, digests } }))![1];
    expect(privacy(true)).toContain(
      'shown under made-up references (“Candidate 4K7QXM”). <strong>followup.csv</strong>, beside this report, names the students behind the pseudonyms: it is personal data, so keep it out of anything you share. ' +
        'The student pages in candidates/ name nobody, but each holds one student’s feedback: give it to that student only.',
    );
    expect(privacy(false)).not.toContain('candidates/');
  });

  it('counts one student and one item in the singular under the title', () => {
    const { model } = cohortModel();
    const lede = (items: number, candidates: number) =>
      /<p class="lede">([^<]*)</.exec(renderReport({ ...model, counts: { ...model.counts, items, candidates } }))![1];
    expect(lede(3, 1)).toMatch(/^3 feedback items from 1 candidate,/);
    expect(lede(1, 1)).toMatch(/^1 feedback item from 1 candidate,/);
    expect(lede(1200, 40)).toMatch(/^1,200 feedback items from 40 candidates,/);
  });

  it('names the other themes a definition points at by the labels on their cards, not by their ids', () => {
    const { model } = cohortModel();
    const description = 'How answers came across. Not what they contained (examples) nor doubts about team fit (culture_fit), nor (this).';
    const themes = model.taxonomy.themes.map((theme) => (theme.id === 'delivery' ? { ...theme, description } : theme));
    const page = renderReport({ ...model, taxonomy: { ...model.taxonomy, themes } }).split('<script')[0];
    expect(page).toContain(
      '<p class="definition">How answers came across. Not what they contained (see Specific examples) nor doubts about team fit (see Culture fit), nor (this).</p>',
    );
    expect(page).not.toContain('taxonomy cues');
  });

  it('shows a warning banner only when the lexical fallback was used', () => {
    expect(renderReport(hostileModel().model)).toContain('class="banner banner-warning" role="alert"');
    expect(renderReport(cohortModel().model)).not.toContain('banner-warning');
  });

  it('links the header to the data-quality section listing rejected rows by file and line', () => {
    const page = renderReport(cohortModel().model);
    expect(page).toContain('<a href="#data-quality">2 rejected</a>');
    expect(page).toContain('id="data-quality"');
    expect(page).toContain('<th scope="row">exports/feedback.csv:14</th><td>empty text</td>');
    expect(page).toContain('2 rows had an empty feedback cell.');
  });

  it('shows suppressed cohorts as suppressed, never with theme counts', () => {
    const page = renderReport(cohortModel({ options: { minGroup: 5 } }).model);
    // One cell across the theme columns, so the row is no wider than the others on paper.
    expect(page).toMatch(
      /<th scope="row">Evening<\/th><td>2<\/td><td>2<\/td><td colspan="\d+" class="suppressed-cell">suppressed: fewer than 5 candidates<\/td><\/tr>/,
    );
  });

  it('shows pseudonyms unless ids are asked for', () => {
    const hidden = renderReport(cohortModel().model);
    expect(hidden).toContain(`<th scope="row">${referenceOf('alice')}</th><td>3</td><td>Delivery ×3</td>`);
    expect(hidden.split('<script')[0]).not.toMatch(/alice|bob/);
    expect(renderReport(cohortModel({ options: { showIds: true } }).model)).toContain('<th scope="row">alice</th>');
  });

  it('names this run and the run it was compared with in "About this run", and no run without an id', () => {
    const about = (page: string) =>
      page.slice(page.indexOf('<section id="about"'), page.indexOf('</section>', page.indexOf('<section id="about"')));
    const named = about(renderReport(cohortModel({ options: { runId: '2026-04-01T090000.000Z-fe0011' } }).model));
    expect(named).toContain('This report is run <code>2026-04-01T090000.000Z-fe0011</code>');
    expect(named).toContain('(run <code>run-2026-03</code>)');
    const unnamed = about(renderReport({ ...cohortModel().model, runId: null }));
    expect(unnamed).toContain('Compared with the previous run');
    expect(unnamed).not.toContain('This report is run');
  });

  it('is byte-identical for the same input except for the generation time', () => {
    const first = renderReport(cohortModel().model);
    const again = renderReport(cohortModel().model);
    expect(again).toBe(first);
    const later = renderReport(cohortModel({ options: { generatedAt: '2027-01-01T00:00:00.000Z' } }).model);
    expect(later).not.toBe(first);
    expect(later.replaceAll('2027-01-01T00:00:00.000Z', 'T')).toBe(first.replaceAll(GENERATED_AT, 'T'));
  });

  // 20,000 items here; `npm run bench` builds and opens 200,000 (--report-scale) against its 10 MiB budget.
  it('stays small on a large export: it samples quotes instead of embedding items', () => {
    const classified = syntheticClassified(20_000);
    const model = modelFrom(classified, { options: { minGroup: 5 } });
    const page = renderReport(model);
    const bytes = Buffer.byteLength(page, 'utf8');
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(page).not.toContain('s19999'); // no item id beyond the sampled quotes
    expect(model.counts.items).toBe(20_000);
  }, 120_000);
});

describe('buildOutputs', () => {
  it('writes the report, CSVs and summary, and rejects.csv only when rows were rejected', () => {
    const { classified, model } = cohortModel();
    expect(buildOutputs(model, classified).map((file) => file.name)).toEqual([
      'report.html',
      'items.csv',
      'segments.csv',
      'summary.json',
      'followup.csv',
      'rejects.csv',
    ]);
    const clean = modelFrom(classified, { inputs: { files: [], rejects: [], dataRows: classified.length } });
    expect(buildOutputs(clean, classified).map((file) => file.name)).toEqual([
      'report.html',
      'items.csv',
      'segments.csv',
      'summary.json',
      'followup.csv',
    ]);
  });
});

describe('the data-quality section', () => {
  it("names a workbook's rejected row by its sheet, as rejects.csv does", () => {
    const { classified } = cohortModel();
    const rejects = [
      { source: 'book.xlsx', sheet: 'Spring 2026', line: 5, reason: 'a summary row ("Total"), not feedback', raw: 'Total,3' },
      { source: 'export.csv', line: 7, reason: 'expected 6 fields, found 7', raw: 'a;b' },
    ];
    const page = renderReport(modelFrom(classified, { inputs: { files: [], rejects, dataRows: classified.length + 2 } }));
    expect(page.includes('book.xlsx:5 (sheet “Spring 2026”)')).toBe(true);
    expect(page.includes('export.csv:7<')).toBe(true);
  });
});

describe('assets', () => {
  it('finds the stylesheet next to the package and bundles the chart script from TypeScript', () => {
    const directory = assetsDirectory();
    expect(existsSync(`${directory}report.css`)).toBe(true);
    const script = bundleClientScript();
    // One self-contained IIFE: no module syntax, no imports left for the browser to fetch.
    expect(script).toMatch(/^\(\(\) ?=> ?\{|^"use strict";\n?\(\(\) ?=> ?\{/);
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script).not.toMatch(/\brequire\(/);
  });

  it('keeps inlined scripts from closing their element', () => {
    expect(inlineScriptSafe('a("</script>"); b("<!--")')).toBe('a("<\\/script>"); b("<\\!--")');
  });

  it('uses chart colours with at least 3:1 contrast against the page', () => {
    for (const colour of [...PALETTE.series, PALETTE.actionable, PALETTE.notActionable, PALETTE.suppressed]) {
      expect(contrast(colour, PAGE_BACKGROUND), colour).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('a theme taxonomy suggest added and nobody has described', () => {
  it('says it is not described yet, and never shows the instruction to the adviser as its definition', () => {
    const { model } = cohortModel();
    const present = model.themes.find((theme) => theme.items > 0)!;
    const placeholder = suggestedDescription(12, 5);
    const taxonomy = {
      ...model.taxonomy,
      themes: model.taxonomy.themes.map((theme) => (theme.id === present.id ? { ...theme, description: placeholder } : theme)),
    };
    const page = renderReport({ ...model, taxonomy });
    const card = page.slice(page.indexOf(`id="theme-${present.id}"`), page.indexOf('</article>', page.indexOf(`id="theme-${present.id}"`)));
    expect(card).toContain('Not described yet');
    const shown = page.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(shown).not.toContain('Say what this theme covers');
    expect(shown).not.toContain('Suggested from 12 feedback items');
    expect(isSuggestedDescription(placeholder)).toBe(true);
    expect(isSuggestedDescription(`${placeholder} Covers references.`)).toBe(false);
  });
});
