import { describe, expect, it } from 'vitest';
import { judgesNamedTopic, negatesPredicate, subjectOf } from '../../../src/classify/roles/grammar.js';

describe('subjectOf', () => {
  it('reads who the subject is after openers and determiners', () => {
    expect(subjectOf('Your degree was never an issue')).toBe('candidate');
    expect(subjectOf('but the other candidate had more Python')).toBe('others');
    expect(subjectOf('Unfortunately we went with someone else')).toBe('employer');
    expect(subjectOf('the panel were rude and kept talking over me')).toBe('employer');
    expect(subjectOf('I never heard back')).toBe('writer');
    expect(subjectOf('The role needs weekend cover')).toBe('job');
    expect(subjectOf('no one on the panel doubted your fit')).toBe('nobody');
    expect(subjectOf('nobody questioned your motivation')).toBe('nobody');
    expect(subjectOf('Candidate was bang on time')).toBe('candidate');
  });

  it('names no subject where the first content word is none of those', () => {
    expect(subjectOf('no examples given')).toBeNull();
    expect(subjectOf('Python weak')).toBeNull();
    expect(subjectOf('')).toBeNull();
  });
});

describe('negatesPredicate', () => {
  it('is true for a negation on the auxiliary or just before the verb', () => {
    expect(negatesPredicate('Your degree was never an issue')).toBe(true);
    expect(negatesPredicate("salary wasn't a factor")).toBe(true);
    expect(negatesPredicate("it didn't come up in our discussion")).toBe(true);
    expect(negatesPredicate('that never came into it')).toBe(true);
  });

  it('is false for a negation on an object or a noun', () => {
    expect(negatesPredicate('no examples given')).toBe(false);
    expect(negatesPredicate('you gave no examples')).toBe(false);
    expect(negatesPredicate('answers lacked depth')).toBe(false);
    expect(negatesPredicate('you were late')).toBe(false);
  });
});

describe('judgesNamedTopic', () => {
  it('is true for a verbless topic then a verdict after a colon, dash or question mark, or a fronted topic', () => {
    expect(judgesNamedTopic('Visa - no issue')).toBe(true);
    expect(judgesNamedTopic('Motivation: no concerns.')).toBe(true);
    expect(judgesNamedTopic('Your fit with the team? Never a worry.')).toBe(true);
    expect(judgesNamedTopic('As for your degree, no concerns')).toBe(true);
    expect(judgesNamedTopic('Regarding your qualification, there is no issue at all')).toBe(true);
  });

  it('is false for a clause with a verb before the break, or no break', () => {
    expect(judgesNamedTopic('You were late - no apology')).toBe(false);
    expect(judgesNamedTopic('the answers lacked depth')).toBe(false);
    expect(judgesNamedTopic('Did you prepare? Not really.')).toBe(false);
    expect(judgesNamedTopic('The panel felt you over-sold a bit — lots of buzzwords')).toBe(false);
  });

  it('reads fronted topics and bare labels as the rules of reading do', () => {
    expect(judgesNamedTopic('about your visa, it is no problem for our company')).toBe(true);
    expect(judgesNamedTopic('When it comes to your degree, no concerns')).toBe(true);
    expect(judgesNamedTopic("Hiring manager's comments: good communicator")).toBe(true);
  });
});
