import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse/index.js';
import type { ReportModel } from '../../src/analyse/model.js';
import { escapeHtml } from '../../src/report/html.js';
import { buildOutputs, renderDigest } from '../../src/report/index.js';
import type { ClassifiedItem } from '../../src/types.js';
import { classifiedItem } from '../fixtures/analyse/build.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** Every item has text no other item shares, so a page can be checked for anybody else's words. */
function distinctItems(): ClassifiedItem[] {
  const people = ['P-100', 'P-200', 'P-300', 'P-400'];
  const themes = ['delivery', 'application', 'competition', 'examples'];
  const items: ClassifiedItem[] = [];
  let line = 2;
  for (const [p, person] of people.entries()) {
    for (let k = 0; k < 3; k += 1) {
      const id = `${person}-${k}`;
      items.push(
        classifiedItem({
          id,
          candidate: person,
          stage: k === 0 ? 'CV screening' : 'Final interview',
          date: `2026-0${k + 1}-1${p}`,
          themes: [themes[p]],
          text: `Marker ${person.replace('-', '')}x${k}: feedback written for this person only.`,
          line: line++,
        }),
      );
    }
  }
  // A hostile candidate: every field tries to break out of the page.
  for (let k = 0; k < 2; k += 1) {
    items.push(
      classifiedItem({
        id: `evil-${k}`,
        candidate: '<img src=x onerror=alert(1)>',
        stage: 'Interview </style><script>alert(2)</script>',
        // Two rejections (a day apart): rows of one date, employer, stage and role would be one.
        date: `2026-04-0${k + 1}`,
        employer: '"><iframe src="https://example.invalid/"></iframe>',
        role: "<a href='javascript:alert(3)'>role</a>",
        themes: ['delivery'],
        text: `</blockquote><script>window.__pwned=${k}</script> Your answers sounded robotic.`,
        line: line++,
      }),
    );
  }
  return items;
}

function pagesModel(): ReportModel {
  return analyse(lexicalAnalysisInput(distinctItems(), { generatedAt: '2026-06-01T09:00:00.000Z', digests: true }));
}

describe('candidate pages', () => {
  const model = pagesModel();
  const items = distinctItems();

  it('contains that candidate’s feedback and nobody else’s', () => {
    expect(model.digests).toHaveLength(5);
    for (const digest of model.digests!) {
      const page = renderDigest(digest, model);
      const ownIds = new Set(digest.entries.map((entry) => entry.itemId));
      const owner = items.find((entry) => ownIds.has(entry.item.id))!.item.candidate;
      for (const entry of items) {
        const shown = page.includes(escapeHtml(entry.item.text.slice(0, 40)));
        expect(shown, `${digest.pseudonym} / ${entry.item.id}`).toBe(entry.item.candidate === owner);
      }
      // No other candidate's pseudonym or anybody's real id.
      for (const other of model.digests!) if (other !== digest) expect(page).not.toContain(`${other.pseudonym}<`);
      for (const person of ['P-100', 'P-200', 'P-300', 'P-400']) expect(page).not.toContain(person);
    }
  });

  it('is self-contained under a CSP that allows its one stylesheet and no script at all', () => {
    const page = renderDigest(model.digests![0], model);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1].replace(/&#39;/g, "'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${sha256(style)}'; base-uri 'none'; form-action 'none'`);
    expect(page).not.toMatch(/<script|<link|<img|src=|https?:\/\//i);
    expect(style).toMatch(/@media print/);
    expect(style).toMatch(/@page \{ size: A4/);
  });

  it('lets hostile feedback and metadata out only as text', () => {
    const evil = model.digests!.find((digest) => digest.entries.some((entry) => entry.itemId.startsWith('evil')))!;
    const page = renderDigest(evil, model);
    expect(page).not.toMatch(/<script|<iframe|<img|<a href/i);
    expect(page).toContain('&lt;/blockquote&gt;&lt;script&gt;window.__pwned=0&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;iframe src=&quot;https://example.invalid/&quot;&gt;&lt;/iframe&gt;');
    expect(page).toContain('Interview &lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect((page.match(/<\/style>/g) ?? []).length).toBe(1);
    expect(page).not.toContain('onerror'); // the real id is not on the page at all
  });

  it('is written as candidates/<n>.html beside the report, never under the real id', () => {
    const names = buildOutputs(model, items).map((file) => file.name);
    expect(names.filter((name) => name.startsWith('candidates/'))).toEqual(model.digests!.map((digest) => digest.file));
    expect(names.join(' ')).not.toMatch(/P-\d00|onerror/);
  });

  it('shows no guessed reason for feedback the model could not read, and keeps a label’s capitals after "possibly"', () => {
    const unsure = (entry: ClassifiedItem): ClassifiedItem => ({
      ...entry,
      themes: entry.themes.map((theme) => ({ ...theme, confidence: 0.3, tentative: true as const })),
    });
    const french = unsure(
      classifiedItem({
        id: 'u1',
        candidate: 'U',
        stage: 'CV screening',
        date: '2026-02-03',
        themes: ['delivery'],
        text: 'Votre profil ne correspond pas au poste.',
        line: 2,
      }),
    );
    const rows = [
      { ...french, unread: 'other-language' as const },
      unsure(classifiedItem({ id: 'u2', candidate: 'U', stage: 'CV screening', date: '2026-03-03', themes: ['application'], line: 3 })),
    ];
    const unread = analyse(lexicalAnalysisInput(rows, { generatedAt: '2026-06-01T09:00:00.000Z', digests: true }));
    const labelled = {
      ...unread,
      themes: unread.themes.map((theme) =>
        theme.id === 'application' ? { ...theme, label: 'CV, cover letter and application form' } : theme,
      ),
    };
    const page = renderDigest(unread.digests![0]!, labelled);
    const cells = [...page.matchAll(/<td data-label="Reasons given">([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells).toEqual([
      'not read: it is not in English, so go through it with your careers adviser',
      'possibly CV, cover letter and application form',
    ]);
    // Its words are shown, with nothing highlighted as the sentence a reason was read from.
    expect(page).toContain('<blockquote>Votre profil ne correspond pas au poste.</blockquote>');
  });

  it('names a stage once when it is the name of its phase, and says the phase of one written otherwise', () => {
    const rows = ['Application', 'CV screening', 'First-round interview'].map((stage, i) =>
      classifiedItem({ id: `st${i}`, candidate: 'ST', stage, date: `2026-0${i + 1}-01`, themes: ['application'], line: i + 2 }),
    );
    const staged = analyse(lexicalAnalysisInput(rows, { generatedAt: '2026-06-01T09:00:00.000Z', digests: true }));
    const page = renderDigest(staged.digests![0]!, staged);
    const cells = [...page.matchAll(/<td data-label="Stage">([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells).toEqual(['Application', 'CV screening', 'First-round interview (Interview)']);
  });

  it('speaks to the student', () => {
    const page = renderDigest(model.digests![0], model);
    expect(page).toContain('What your feedback says');
    expect(page).toMatch(/You reached interview or assessment in 2 of your 3 applications/);
    expect(page).toContain('What you can do next');
  });

  it('says once, plainly, that no reason is confirmed when the run has no calibrated confidence, and makes the advice wait on the adviser', () => {
    const unconfirmed = renderDigest(model.digests![0], model);
    expect(model.confidence).toBeNull();
    expect(unconfirmed.match(/class="unconfirmed"/g)).toHaveLength(1);
    expect(unconfirmed).toContain('found these reasons by matching words, which cannot say how sure it is of any of them');
    expect(unconfirmed).toMatch(/<p>For the reasons that keep coming back, once you and your adviser agree the feedback says so:<\/p>/);
    // With a head every theme on the page is sure or "possibly": nothing to add.
    const head = { source: 'built-in', assignAt: 0.6, confidentAt: 0.6 };
    const sure = analyse({ ...lexicalAnalysisInput(distinctItems(), { generatedAt: '2026-06-01T09:00:00.000Z', digests: true }), head });
    const confirmed = renderDigest(sure.digests![0], sure);
    expect(confirmed).not.toContain('class="unconfirmed"');
    expect(confirmed).toContain('<p>For the reasons that keep coming back:</p>');
  });
});

describe('an application followed through its stages', () => {
  it('says the stages are one application, counted once, where it ended, every value escaped', () => {
    const row = (
      id: string,
      date: string,
      stage: string,
      themes: string[],
      employer = '<b>Halden</b> & Co',
      role = 'Grace Period Analyst',
    ) => classifiedItem({ id, candidate: 'S3101', stage, date, employer, role, themes, line: 2 });
    const model = analyse(
      lexicalAnalysisInput(
        [
          row('h1', '2026-02-03', 'Application', ['application']),
          row('h2', '2026-02-17', 'Interview', ['delivery']),
          row('h3', '2026-04-08', 'Final interview', ['delivery']),
          row('o1', '2026-05-01', 'Interview', ['delivery'], 'Corran Motors', 'Graduate Engineer'),
        ],
        { generatedAt: '2026-06-01T09:00:00.000Z', digests: true },
      ),
    );
    const digest = model.digests![0]!;
    expect(digest.items).toBe(2);
    expect(digest.throughStages).toEqual([
      { employer: '<b>Halden</b> & Co', role: 'Grace Period Analyst', stages: ['Application', 'Interview', 'Final interview'] },
    ]);
    const page = renderDigest(digest, model);
    expect(page).toContain(
      '&lt;b&gt;Halden&lt;/b&gt; &amp; Co, Grace Period Analyst: the feedback at Application, Interview and Final interview is one application, so it counts once, as a rejection at Final interview.',
    );
    expect(page).not.toContain('<b>Halden');
  });
});
