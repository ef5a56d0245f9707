import type { Answer } from '../../api/types';

export type AccountFeatures = Answer<'get_account_features'>;
export type FeatureKey = keyof AccountFeatures;

/**
 * How the console names each feature of the API's catalog, with the API's own description.
 * Typed by the API's schema: a feature the API adds fails the build until it is named here.
 */
export const FEATURES: Record<FeatureKey, { label: string; description?: string }> = {
  advanced_environment_access: {
    label: 'Advanced Environment access',
    description: 'Who may enter each environment',
  },
  data_collection: { label: 'Data collection' },
  rss_feeds: { label: 'RSS feeds' },
  api_metrics: { label: 'API metrics' },
};

export const FEATURE_KEYS = Object.keys(FEATURES) as FeatureKey[];

/** The labels of the features switched on, in the catalog's order. */
export function featuresOn(features: AccountFeatures): string[] {
  return FEATURE_KEYS.filter((key) => features[key]).map((key) => FEATURES[key].label);
}

/** The privileges each feature adds (from `GET /v1/privileges`), by feature. */
export function privilegesByFeature(
  privileges: readonly { key: string; feature: string | null }[],
): Map<string, string[]> {
  const byFeature = new Map<string, string[]>();
  for (const privilege of privileges) {
    if (privilege.feature === null) continue;
    byFeature.set(privilege.feature, [...(byFeature.get(privilege.feature) ?? []), privilege.key]);
  }
  return byFeature;
}

/** The environments typed in the create form as the API takes them: trimmed, no blanks; undefined for the default. */
export function environmentNames(typed: readonly string[]): string[] | undefined {
  const names = typed.map((name) => name.trim()).filter((name) => name !== '');
  return names.length === 0 ? undefined : names;
}
