import {
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  Notification,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const TINTED_VARIANTS = new Set(['light', 'outline', 'subtle', 'transparent']);

/** Colors whose darkest shade is still too light for text on a tint of itself. */
const PALE_COLORS = new Set(['green', 'lime', 'yellow', 'orange', 'teal', 'cyan']);

/**
 * Text on white or on a light tint (badges, alerts, subtle buttons) in a shade that reads:
 * Mantine's default (shade 6 or so for outline and subtle) is under 4.5:1 for most colors. The
 * shade depends on the color scheme, so it is a CSS variable (`cssVariables` below), not a color.
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!TINTED_VARIANTS.has(input.variant) || !parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const tint = PALE_COLORS.has(parsed.color) && input.variant === 'light' ? 'pale' : 'text';
  return { ...colors, color: `var(--steward-${parsed.color}-on-${tint})` };
};

/**
 * Mantine's theme with two accessibility fixes: its default primary shade (blue 6) gives white
 * button text and blue link text about 3.5:1 against white, under WCAG AA's 4.5:1, so the
 * console uses blue 8 (5:1); and the close buttons of modals and notifications get a name a
 * screen reader can say.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  variantColorResolver: readableVariants,
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A titled notification's message is gray 6 (3.3:1): it takes the page's text color instead.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

/**
 * The tinted variants' text colors per scheme: on white, the color's darkest shade, and dark
 * gray for the pale colors on their own tint; on dark, the color's lightest shade. "Dimmed"
 * text (input descriptions, menu labels) is gray 6 by default, 3.3:1 on white: gray 7 reads at 7:1;
 * on dark it is dark 2, 4:1 on the page: dark 1 reads at 8:1. Field errors are red 6 on white
 * (3.3:1) and red 8 on dark (3.9:1): red 9 and red 4 read at over 5:1.
 */
export const cssVariables: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  };
  for (const color of Object.keys(theme.colors)) {
    light[`--steward-${color}-on-text`] = `var(--mantine-color-${color}-9)`;
    light[`--steward-${color}-on-pale`] = 'var(--mantine-color-dark-7)';
    dark[`--steward-${color}-on-text`] = `var(--mantine-color-${color}-0)`;
    dark[`--steward-${color}-on-pale`] = `var(--mantine-color-${color}-0)`;
  }
  return { variables: {}, light, dark };
};
