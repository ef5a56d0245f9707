import { systemContext } from '../src/core/context.js';
import { issueApiTokenIn } from '../src/features/api-tokens/api-tokens.service.js';
import { bootstrapAccount } from '../src/features/setup/setup.service.js';
import { createTeam } from '../src/features/teams/teams.service.js';
import { inviteUser, type Invitation } from '../src/features/users/users.invite.service.js';
import type { TestApp } from './app.js';

/** What factories need of a test app: its services' dependencies. */
type Fixture = Pick<TestApp, 'deps' | 'db'>;

export interface TestAccount {
  accountId: string;
  adminId: string;
  adminEmail: string;
  /** environment name → id */
  environments: Record<string, string>;
  /** the admin's token, every scope */
  token: string;
}

let counter = 0;
const unique = (): string => `${String(process.pid)}-${String(++counter)}`;

export async function createAccount(
  t: Fixture,
  options: { name?: string; adminEmail?: string; environments?: string[]; superAdmin?: boolean } = {},
): Promise<TestAccount> {
  const adminEmail = options.adminEmail ?? `admin-${unique()}@example.com`;
  const result = await bootstrapAccount(t.deps, systemContext('test'), {
    accountName: options.name ?? `Account ${unique()}`,
    adminEmail,
    adminName: 'Account Admin',
    environmentNames: options.environments ?? ['Production', 'Staging'],
    superAdmin: options.superAdmin ?? false,
  });
  return {
    accountId: result.accountId,
    adminId: result.userId,
    adminEmail,
    environments: result.environments,
    token: result.token,
  };
}

export async function issueToken(t: Fixture, accountId: string, ownerId: string, scopes: string[]): Promise<string> {
  const { token } = await t.db.transaction((tx) =>
    issueApiTokenIn(tx, t.deps, systemContext('test'), {
      accountId,
      ownerId,
      name: `token ${unique()}`,
      scopes,
      expiresAt: null,
    }),
  );
  return token;
}

export async function addUser(
  t: Fixture,
  accountId: string,
  overrides: Partial<Invitation> = {},
): Promise<{ userId: string; email: string }> {
  const email = overrides.userEmail ?? `user-${unique()}@example.com`;
  const user = await inviteUser(t.deps, systemContext('test'), accountId, {
    userName: `User ${unique()}`,
    environments: {},
    allowLoginPassword: true,
    isAdmin: false,
    allowLoginGoogle: false,
    allowLoginSso: false,
    isReInvite: false,
    ...overrides,
    userEmail: email,
  });
  return { userId: user.userId, email: user.userEmail };
}

export async function addTeam(
  t: Fixture,
  accountId: string,
  options: { name?: string; environments?: Record<string, string> } = {},
): Promise<string> {
  const team = await createTeam(t.deps, systemContext('test'), {
    accountId,
    name: options.name ?? `Team ${unique()}`,
    ...(options.environments === undefined ? {} : { environments: options.environments }),
  });
  return team.id;
}
