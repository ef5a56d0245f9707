/**
 * The first-run link as a person reads it in a terminal: set apart by blank lines, the URL
 * alone on its line so it can be copied or clicked. Plain text on stderr, outside the JSON
 * log, so a log pipeline does not keep the token once setup is done.
 */
export function setupBanner(link: string): string {
  return [
    '',
    '  ================================================================================',
    '  Steward has no account yet. Open this link to create the first account and its',
    '  admin (it works once, for 24 hours; restarting Steward prints a new one):',
    '',
    `  ${link}`,
    '',
    '  ================================================================================',
    '',
    '',
  ].join('\n');
}
