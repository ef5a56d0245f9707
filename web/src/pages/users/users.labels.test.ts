import { expect, it } from 'vitest';
import { rolesByEnvironment, sourceLabel, statusLabel, tableCaption } from './users.labels';

it('names each environment’s role, in the account’s environment order', () => {
  const environments = new Map([
    ['env-prod', 'Production'],
    ['env-stage', 'Staging'],
  ]);
  const roles = new Map([
    ['admin', 'Admin'],
    ['viewer', 'Viewer'],
  ]);
  expect(
    rolesByEnvironment(
      { 'env-stage': { role: 'admin' }, 'env-new': { role: 'custom_1' }, 'env-prod': { role: 'viewer' } },
      environments,
      roles,
    ),
  ).toEqual([
    ['Production', 'Viewer'],
    ['Staging', 'Admin'],
    ['env-new', 'custom_1'],
  ]);
});

it('calls a deactivated user deactivated whatever their invitation says', () => {
  expect(statusLabel({ status: 'invited', is_active: false })).toBe('Deactivated');
  expect(statusLabel({ status: 'invited', is_active: true })).toBe('Invited');
  expect(statusLabel({ status: 'active', is_active: null })).toBe('Active');
  expect(sourceLabel('active_directory')).toBe('Directory (SCIM)');
  expect(sourceLabel('rivery')).toBe('Steward');
});

it('captions the table with its filters, naming the team', () => {
  const team = '0123456789abcdef01234567';
  expect(tableCaption({ name: ' ', teamId: '' }, undefined)).toBe('The account’s users');
  expect(tableCaption({ name: 'ann', teamId: '' }, undefined)).toBe('Users matching “ann”');
  expect(tableCaption({ name: '', teamId: team }, 'Ops')).toBe('Users in the team Ops');
  expect(tableCaption({ name: 'ann', teamId: team }, undefined)).toBe(`Users matching “ann” in the team ${team}`);
});
