import { describe, expect, it } from 'vitest';
import {
  CLAUSE_ROLES,
  likeliestRole,
  readRole,
  LEXICAL_SIGNALS,
  roleFeatures,
  roleProbabilities,
  type RoleModels,
} from '../../../src/classify/roles/model.js';

const signal = (name: string) => LEXICAL_SIGNALS.findIndex(([n]) => n === name);

describe('roleFeatures', () => {
  it("takes the vector's leading components at unit length, whatever the engine scaled them by, then the word signals", () => {
    // A hybrid vector: the model's part (scaled) first, the lexical part after it.
    const vector = Float32Array.from([0.3, 0.4, 9, 9]);
    const features = roleFeatures(vector, 2, 'We were not worried about your degree.');
    expect(features.slice(0, 2).map((x) => Number(x.toFixed(6)))).toEqual([0.6, 0.8]);
    expect(features).toHaveLength(2 + LEXICAL_SIGNALS.length);
    expect(features[2 + signal('negation')]).toBe(1);
    expect(features[2 + signal('rule_out_rule')]).toBe(1);
    expect(features[2 + signal('second_person')]).toBe(1);
    expect(features[2 + signal('first_person')]).toBe(0);
  });

  it('reads the word rules of praise and of silence as signals', () => {
    const praise = roleFeatures(Float32Array.from([1]), 1, 'Your CV was excellent.');
    const silence = roleFeatures(Float32Array.from([1]), 1, 'I never heard back after the interview.');
    expect(praise[1 + signal('praise_rule')]).toBe(1);
    expect(praise[1 + signal('silence_rule')]).toBe(0);
    expect(silence[1 + signal('silence_rule')]).toBe(1);
    expect(silence[1 + signal('first_person')]).toBe(1);
  });
});

describe('the grammar signals', () => {
  it("set the clause's subject, a negated predicate and a topic judged, each as one signal", () => {
    const f = (text: string, name: string) => roleFeatures(Float32Array.from([1]), 1, text)[1 + signal(name)];
    expect(f('Your degree was never an issue', 'subject_candidate')).toBe(1);
    expect(f('Your degree was never an issue', 'subject_employer')).toBe(0);
    expect(f('Your degree was never an issue', 'negated_predicate')).toBe(1);
    expect(f('the successful applicant had led a team', 'subject_others')).toBe(1);
    expect(f('the interviewer was late', 'subject_employer')).toBe(1);
    expect(f('no examples given', 'negated_predicate')).toBe(0);
    expect(f('Visa - no issue', 'topic_judged')).toBe(1);
    expect(f('You were late - no apology', 'topic_judged')).toBe(0);
  });
});

describe('roleProbabilities and readRole', () => {
  const width = 2 + LEXICAL_SIGNALS.length;
  // Axis 0 means praise, axis 1 means the employer's side; the word signals are ignored.
  const models: RoleModels = {
    dims: 2,
    standardise: { mean: new Array(width).fill(0), sd: new Array(width).fill(1) },
    roles: CLAUSE_ROLES.map((role) => ({
      weights: Array.from({ length: width }, (_, j) => (role === 'praise' && j === 0 ? 8 : role === 'employer' && j === 1 ? 8 : 0)),
      bias: -4,
    })),
  };

  it('gives one probability per role, summing to one, highest for the role the vector points at', () => {
    const p = roleProbabilities(models, Float32Array.from([1, 0]), 'x');
    expect(p).toHaveLength(CLAUSE_ROLES.length);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(readRole(p, 0.5)).toBe('praise');
    expect(likeliestRole(p)).toBe('praise');
    expect(readRole(roleProbabilities(models, Float32Array.from([0, 1]), 'x'), 0.5)).toBe('employer');
  });

  it('reads "not a reason" from praise, rule-out and employer together, naming the likeliest of them', () => {
    // Unsure between praise and rule-out, but surely not a reason.
    expect(readRole([0.1, 0.35, 0.45, 0.05, 0.05], 0.8)).toBe('rule_out');
    expect(readRole([0.1, 0.35, 0.45, 0.05, 0.05], 0.9)).toBeNull();
    expect(readRole([0.85, 0.05, 0.05, 0, 0.05], 0.8)).toBe('reason');
    expect(readRole([0.1, 0.05, 0.05, 0, 0.8], 0.8)).toBe('boilerplate');
  });

  it('says nothing when no reading reaches the cut or the unit was never read', () => {
    expect(readRole([0.4, 0.2, 0.1, 0.1, 0.2], 0.6)).toBeNull();
    expect(readRole(undefined, 0.5)).toBeNull();
    expect(readRole([1, 0], 0.5)).toBeNull();
  });
});
