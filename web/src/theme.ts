import {
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const TINTED_VARIANTS = new Set(['light', 'outline', 'subtle', 'transparent']);

/** Colors whose darkest shade is still too light for text on a tint of itself. */
const PALE_COLORS = new Set(['green', 'lime', 'yellow', 'orange', 'teal', 'cyan']);

/**
 * Text on white or on a light tint (badges, alerts, subtle buttons) in the color's darkest
 * shade: Mantine's default (shade 6 or so) is under 4.5:1 for most colors. The pale colors
 * keep their tint and border but take dark text on a tint.
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!TINTED_VARIANTS.has(input.variant) || !parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const pale = PALE_COLORS.has(parsed.color) && input.variant === 'light';
  return { ...colors, color: pale ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${parsed.color}-9)` };
};

/**
 * Mantine's theme with two accessibility fixes: its default primary shade (blue 6) gives white
 * button text and blue link text about 3.5:1 against white, under WCAG AA's 4.5:1, so the
 * console uses blue 8 (5:1); and a Modal's close button gets a name a screen reader can say.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  variantColorResolver: readableVariants,
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/** "Dimmed" text (input descriptions, menu labels) is gray 6 by default, 3.3:1 on white: gray 7 reads at 7:1. */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
