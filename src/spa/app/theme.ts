import { createTheme, darken, DEFAULT_THEME, lighten, luminance, type CSSVariablesResolver, type MantineColor } from '@mantine/core';

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** WCAG 2.1 AA for normal text (1.4.3). */
const MIN_CONTRAST = 4.5;

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `color` darkened (or, on a dark background, lightened) in small steps until text in it reads at AA
 * against `background`.
 */
function readable(color: string, background: string, adjust: (c: string, by: number) => string = darken): string {
  let c = color;
  for (let step = 0; step < 20 && contrast(c, background) < MIN_CONTRAST; step++) c = adjust(c, 0.06);
  return c;
}

const WHITE = '#ffffff';

/**
 * Colour variables that meet WCAG 2.1 AA in both schemes, set once here for every component:
 * - `filled` (buttons, badges, the SIMULATOR badge): white text on a shade dark enough for 4.5:1 —
 *   Mantine's shade 6 gives 3.6:1 for blue and 2.6:1 for orange;
 * - `text` and `outline` in the light scheme (coloured text on white), and `light-color` (coloured
 *   text on the pale `light` background);
 * - `dimmed` text: Mantine's grey is 3.3:1 on white and 4.0:1 on the dark body; `error` text likewise.
 * The dark scheme's coloured text (shade 4 on the dark body) already passes.
 */
function accessibleColorVariables(): { light: Record<string, string>; dark: Record<string, string>; both: Record<string, string> } {
  const light: Record<string, string> = {};
  const both: Record<string, string> = {};
  for (const name of Object.keys(DEFAULT_THEME.colors) as MantineColor[]) {
    const shades = DEFAULT_THEME.colors[name];
    if (name === 'dark' || !shades) continue;
    const filled = readable(shades[7], WHITE);
    both[`--mantine-color-${name}-filled`] = filled;
    both[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[1]);
  }
  return {
    both,
    light: {
      ...light,
      '--mantine-color-dimmed': readable(DEFAULT_THEME.colors.gray[6], DEFAULT_THEME.colors.gray[1]),
      '--mantine-color-error': readable(DEFAULT_THEME.colors.red[7], WHITE),
    },
    // Lighter than Mantine's: dimmed #828282 is 4.0:1 on the dark body, error red.8 3.4:1. Dimmed text must
    // also read on the lightest surface it sits on: a hovered menu item (dark.4) or table row (dark.5).
    dark: {
      '--mantine-color-dimmed': readable('#a3a3a3', DEFAULT_THEME.colors.dark[4], lighten),
      '--mantine-color-placeholder': '#8f8f8f',
      '--mantine-color-error': DEFAULT_THEME.colors.red[4],
    },
  };
}

const colorVariables = accessibleColorVariables();

/** Passed to `MantineProvider`; merged over Mantine's own variables. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine sets the colour variables per scheme, so ours go into both scheme blocks to win.
  light: { ...colorVariables.both, ...colorVariables.light },
  dark: { ...colorVariables.both, ...colorVariables.dark },
});

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8: white on it is 5:1 (shade 6 is 3.6:1); hover goes one darker.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  // System fonts only: no web-font download on the first page, and Chinese text gets a proper CJK face.
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  components: {
    // A modal's header is part of the dialog, not a page banner: Mantine renders it as <header>,
    // which screen readers list as a second "banner" landmark.
    ModalHeader: { defaultProps: { component: 'div' } },
    // A titled notification's text is Mantine's gray.6 (3.3:1 on white): the readable dimmed colour instead.
    Notification: { styles: { description: { color: 'var(--mantine-color-dimmed)' } } },
  },
});

/** Defaults that carry text in the operator's language; applied inside the i18n provider. */
export function localizedThemeDefaults(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    components: {
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      CloseButton: { defaultProps: { 'aria-label': closeLabel } },
    },
  });
}
