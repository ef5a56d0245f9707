import { describe, expect, it } from 'vitest';
import { applyFeatureChanges, toFeatureFlags } from './accounts.rules.js';

describe('account features', () => {
  it('shows every feature, on only when stored', () => {
    expect(toFeatureFlags(['rss_feeds', 'retired_feature'])).toEqual({
      advanced_environment_access: false,
      data_collection: false,
      rss_feeds: true,
      api_metrics: false,
    });
  });

  it('applies the named changes, keeps the rest, and stores them in catalog order', () => {
    expect(applyFeatureChanges(['api_metrics', 'rss_feeds'], { rss_feeds: false, data_collection: true })).toEqual([
      'data_collection',
      'api_metrics',
    ]);
    expect(applyFeatureChanges(['api_metrics'], {})).toEqual(['api_metrics']);
  });

  it('drops stored names the catalog no longer has', () => {
    expect(applyFeatureChanges(['retired_feature'], { rss_feeds: true })).toEqual(['rss_feeds']);
  });
});
