export * from './accounts.js';
export * from './memberships.js';
export * from './credentials.js';
