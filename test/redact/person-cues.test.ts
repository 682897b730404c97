import { describe, expect, it } from 'vitest';
import { ACTS_AFTER, ADDRESSED_PERSON, BEFORE_PERSON, BEFORE_PLACE, ENGLISH_PREFIXED } from '../../src/redact/person-cues.js';

describe('the words around a name', () => {
  it('reads a cue joined to another word by a hyphen as part of that word: "on-call rota" names no one', () => {
    expect(BEFORE_PERSON.test('the team is on call ')).toBe(true);
    expect(BEFORE_PERSON.test('the team is on-call ')).toBe(false);
  });

  it('takes talk as contact with a person only with "to" or "with"; ringing and meeting take a person directly', () => {
    expect(ADDRESSED_PERSON.test('the team had a blast talking ')).toBe(false);
    expect(ADDRESSED_PERSON.test('spent an hour talking to ')).toBe(true);
    expect(ADDRESSED_PERSON.test('I spoke with ')).toBe(true);
    expect(ADDRESSED_PERSON.test('my boss rang ')).toBe(true);
    expect(ADDRESSED_PERSON.test('cc ')).toBe(true);
    expect(ADDRESSED_PERSON.test('asked for ')).toBe(false);
  });

  it('takes what only a person does after a word, not "\'s", which may be "is"', () => {
    expect(ACTS_AFTER.test(' said the answers were thin')).toBe(true);
    expect(ACTS_AFTER.test(' wants someone local')).toBe(true);
    expect(ACTS_AFTER.test("'s a manual")).toBe(false);
  });

  it('knows a place from where it stands, and a word made with an English prefix', () => {
    expect(BEFORE_PLACE.test('home visits throughout ')).toBe(true);
    expect(BEFORE_PLACE.test('the team in ')).toBe(true);
    expect(BEFORE_PLACE.test('feedback from ')).toBe(false);
    expect(ENGLISH_PREFIXED.test('mid-interview')).toBe(true);
    expect(ENGLISH_PREFIXED.test('anne-marie')).toBe(false);
  });
});
