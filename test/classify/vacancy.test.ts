import { describe, expect, it } from 'vitest';
import { saysVacancyChanged } from '../../src/classify/vacancy.js';

describe('saysVacancyChanged', () => {
  it('finds the vacancy filled, frozen, withdrawn, cancelled or paused', () => {
    for (const text of [
      'Unfortunately the post has been filled.',
      'The requirement itself is cancelled from client side.',
      'The vacancy has now been withdrawn.',
      'There is a hiring freeze across the company.',
      'The role is on hold until the spring.',
    ])
      expect(saysVacancyChanged(text), text).toBe(true);
  });

  it('does not take a decline or a cancelled interview for it', () => {
    for (const text of [
      'We have decided to proceed with other candidates.',
      'They cancelled my interview twice.',
      'Your form was not filled in.',
    ])
      expect(saysVacancyChanged(text), text).toBe(false);
  });
});
