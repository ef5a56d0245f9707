import { expect, it } from 'vitest';
import { deletedRoleSummary } from './roles.labels';

const NAMES = new Map([['viewer', 'Viewer']]);

it('says who moved where when a role was deleted', () => {
  expect(deletedRoleSummary('Ops', { reassigned_to: null, users_moved: 0, teams_moved: 0 }, NAMES)).toBe(
    'Role Ops deleted.',
  );
  expect(deletedRoleSummary('Ops', { reassigned_to: 'viewer', users_moved: 0, teams_moved: 0 }, NAMES)).toBe(
    'Role Ops deleted.',
  );
  expect(deletedRoleSummary('Ops', { reassigned_to: 'viewer', users_moved: 2, teams_moved: 1 }, NAMES)).toBe(
    'Role Ops deleted; 2 users and 1 team moved to Viewer.',
  );
  expect(deletedRoleSummary('Ops', { reassigned_to: 'custom_x', users_moved: 1, teams_moved: 0 }, NAMES)).toBe(
    'Role Ops deleted; 1 user moved to custom_x.',
  );
});
