import { FEATURES, type Feature } from '../roles/roles.catalog.js';

/** Every feature of the catalog, on or off. */
export type FeatureFlags = Record<Feature, boolean>;

/** Longest account name accepted. */
export const ACCOUNT_NAME_MAX = 200;

/** The stored list of switched-on features as the wire's object of every feature. */
export function toFeatureFlags(stored: readonly string[]): FeatureFlags {
  return {
    advanced_environment_access: stored.includes('advanced_environment_access'),
    data_collection: stored.includes('data_collection'),
    rss_feeds: stored.includes('rss_feeds'),
    api_metrics: stored.includes('api_metrics'),
  };
}

/**
 * The features switched on after a change: the keys given take their value, the others keep
 * theirs. Kept in catalog order, so equal sets are stored (and audited) identically.
 */
export function applyFeatureChanges(stored: readonly string[], changes: Partial<FeatureFlags>): Feature[] {
  const current = toFeatureFlags(stored);
  return FEATURES.filter((feature) => changes[feature] ?? current[feature]);
}
