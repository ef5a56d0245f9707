import { describe, expect, it } from 'vitest';
import { environmentNames, featuresOn, privilegesByFeature } from './features';

describe('an account’s features', () => {
  it('lists the labels of those switched on, in the catalog’s order', () => {
    expect(
      featuresOn({ advanced_environment_access: false, data_collection: true, rss_feeds: false, api_metrics: true }),
    ).toEqual(['Data collection', 'API metrics']);
    expect(
      featuresOn({ advanced_environment_access: false, data_collection: false, rss_feeds: false, api_metrics: false }),
    ).toEqual([]);
  });

  it('groups the privileges each feature adds, leaving out those of no feature', () => {
    const byFeature = privilegesByFeature([
      { key: 'users:view', feature: null },
      { key: 'environment:enter', feature: 'advanced_environment_access' },
      { key: 'environment:grant', feature: 'advanced_environment_access' },
      { key: 'metrics:read', feature: 'api_metrics' },
    ]);
    expect(Object.fromEntries(byFeature)).toEqual({
      advanced_environment_access: ['environment:enter', 'environment:grant'],
      api_metrics: ['metrics:read'],
    });
  });
});

describe('the environments of a new account', () => {
  it('are trimmed and without blanks, or left to the API’s default when none', () => {
    expect(environmentNames([' Production ', '', 'Staging'])).toEqual(['Production', 'Staging']);
    expect(environmentNames([])).toBeUndefined();
    expect(environmentNames(['  '])).toBeUndefined();
  });
});
