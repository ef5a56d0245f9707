export * from './accounts.js';
export * from './memberships.js';
export * from './credentials.js';
export * from './sign-in.js';
export * from './setup.js';
