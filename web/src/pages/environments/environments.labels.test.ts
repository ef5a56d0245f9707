import { expect, it } from 'vitest';
import { deletedSummary } from './environments.labels';

it('says who lost a role when an environment was deleted', () => {
  expect(deletedSummary('Staging', { users_updated: 0, teams_updated: 0 })).toBe(
    'Staging deleted; nobody had a role there.',
  );
  expect(deletedSummary('Staging', { users_updated: 2, teams_updated: 1 })).toBe(
    'Staging deleted; 2 users and 1 team lost their role there.',
  );
  expect(deletedSummary('Staging', { users_updated: 1, teams_updated: 0 })).toBe(
    'Staging deleted; 1 user lost their role there.',
  );
  expect(deletedSummary('Staging', { users_updated: 0, teams_updated: 3 })).toBe(
    'Staging deleted; 3 teams lost their role there.',
  );
});
