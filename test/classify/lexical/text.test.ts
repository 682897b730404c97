import { describe, expect, it } from 'vitest';
import { oncePerText } from '../../../src/classify/lexical/text.js';
import { isPraiseClause } from '../../../src/classify/favourable.js';
import { isRuledOut } from '../../../src/classify/rule-outs.js';

describe('oncePerText', () => {
  it('reads each text once and answers again from what it read, false and empty included', () => {
    const asked: string[] = [];
    const long = oncePerText((text: string) => {
      asked.push(text);
      return text.length > 3 ? text.length : text.length === 0 ? undefined : false;
    });
    expect(['hello', 'no', 'hello', '', 'no', '', 'hello'].map(long)).toEqual([5, false, 5, undefined, false, undefined, 5]);
    expect(asked).toEqual(['hello', 'no', '']);
  });

  it('keeps the readings of praise and rule-outs as they were, asked in any order and again', () => {
    const clauses = [
      'Your presentation was excellent',
      'This is no reflection on your interview',
      'the other candidate was excellent',
      'We were looking for strong SQL skills',
      'Your attitude was not a factor in our decision',
      'Your presentation was excellent',
    ];
    const first = clauses.map((clause) => [isPraiseClause(clause), isRuledOut(clause)]);
    expect(first.slice(0, 5)).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect([...clauses].reverse().map((clause) => [isPraiseClause(clause), isRuledOut(clause)])).toEqual([...first].reverse());
  });
});
