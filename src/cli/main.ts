import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { systemClock } from '../core/clock.js';
import { systemContext } from '../core/context.js';
import { DomainError } from '../core/errors.js';
import { dbTimestampMs } from '../core/time.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import type { Deps } from '../deps.js';
import { bootstrapAccount } from '../features/setup/setup.service.js';
import { listDeadMail } from '../mail/outbox.js';
import { loggerOptions } from '../logging.js';
import { serve } from '../main.js';

const USAGE = `Usage: steward <command> [options]

Commands:
  serve       Start the server (migrates the database first)
  migrate     Apply pending database migrations and exit
  bootstrap   Create an account, its environments, its first admin and an API token
              --account-name NAME  --admin-email EMAIL  [--admin-name NAME]
              [--environment NAME]...  [--super-admin]  [--json]
  mail        --failed [--json]: list the mail given up on (newest 100), with its last error

Configuration comes from environment variables; see README.md.`;

/**
 * Runs one command. Only a listing (`mail --failed`) and `bootstrap --json` write to stdout;
 * everything else goes to stderr.
 */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(loadConfig());
      return -1;
    case 'migrate':
      return runMigrate();
    case 'bootstrap':
      return runBootstrap(rest);
    case 'mail':
      return runMail(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stderr.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const log = pino(loggerOptions(config.logLevel), pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database);
    log.info({ migrations: applied }, applied.length > 0 ? 'Migrations applied' : 'Database already up to date');
    return 0;
  } finally {
    await database.close();
  }
}

async function runBootstrap(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      'account-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      environment: { type: 'string', multiple: true },
      'super-admin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const accountName = values['account-name'];
  const adminEmail = values['admin-email'];
  if (accountName === undefined || adminEmail === undefined) {
    process.stderr.write(`bootstrap needs --account-name and --admin-email\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = pino(loggerOptions(config.logLevel === 'info' ? 'warn' : config.logLevel), pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const deps: Deps = { config, db: database.db, clock: systemClock, log };
    const result = await bootstrapAccount(deps, systemContext('steward bootstrap'), {
      accountName,
      adminEmail,
      adminName: values['admin-name'] ?? null,
      environmentNames: values.environment ?? [],
      superAdmin: values['super-admin'],
    });
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({
          account_id: result.accountId,
          user_id: result.userId,
          environments: result.environments,
          token: result.token,
        })}\n`,
      );
    } else {
      process.stderr.write(
        [
          `Account "${accountName}" created: ${result.accountId}`,
          `Admin ${adminEmail}: ${result.userId}`,
          ...Object.entries(result.environments).map(([name, id]) => `Environment ${name}: ${id}`),
          '',
          'API token (shown once; store it now):',
          result.token,
          '',
        ].join('\n'),
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Lists dead mail. There is no retry: a dead message's body (and its single-use link) is
 * erased, and the link may have expired anyway; the fix is to redo what sent it (re-invite).
 */
async function runMail(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { failed: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (!values.failed) {
    process.stderr.write(`mail needs --failed\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const dead = (await listDeadMail(database.db)).map((message) => ({
      id: message.id,
      account_id: message.accountId,
      template: message.template,
      to: message.toAddress,
      subject: message.subject,
      attempts: message.attempts,
      created_at: new Date(dbTimestampMs(message.createdAt)).toISOString(),
      failed_at: message.failedAt === null ? null : new Date(dbTimestampMs(message.failedAt)).toISOString(),
      last_error: message.lastError,
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ messages: dead })}\n`);
    } else if (dead.length === 0) {
      process.stdout.write('No dead mail.\n');
    } else {
      for (const m of dead) {
        process.stdout.write(
          `${m.id}  ${m.failed_at ?? ''}  ${m.template}  to ${m.to}  after ${String(m.attempts)} attempts: ${m.last_error ?? ''}\n`,
        );
      }
    }
    return 0;
  } finally {
    await database.close();
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DomainError) {
    return error.problems.length > 0
      ? error.problems.map((p) => `${p.loc.slice(1).join('.')}: ${p.msg}`).join('\n')
      : error.message;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return `${error.message}\n\n${USAGE}`;
  }
  return error instanceof Error ? error.message : String(error);
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`steward: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  },
);
