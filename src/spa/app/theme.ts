import { DEFAULT_THEME, createTheme, type MantineColorsTuple } from '@mantine/core';

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

// WCAG AA contrast (4.5:1) for text on white and on striped rows: filled buttons and links use blue.8
// (blue.6 gives 3.5:1 with white), and gray.6, which Mantine uses for dimmed text, is darkened.
const gray = DEFAULT_THEME.colors.gray.map((shade, i) => (i === 6 ? '#646b73' : shade)) as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  colors: { gray },
  defaultRadius: 'md',
  // System fonts only: no web-font download on the first page, and Chinese text gets a proper CJK face.
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
});
