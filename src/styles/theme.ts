import { css } from 'lit';

/**
 * The theme every element shares. Each documented `--py-*` custom property can be set on the
 * element or on any ancestor (`:root` included); when it is unset, the light or dark default
 * below applies. We read them through private `--_*` copies so that a page-wide value still wins
 * over our defaults (a value declared on `:host` itself would shadow inherited ones).
 */
const light = css`
  --_bg: var(--py-bg, #ffffff);
  --_fg: var(--py-fg, #1f2328);
  --_muted: var(--py-muted, #57606a);
  --_border: var(--py-border, #d0d7de);
  --_surface: var(--py-surface, #f6f8fa);
  --_code-bg: var(--py-code-bg, #f6f8fa);
  --_accent: var(--py-accent, #0b5cad);
  --_accent-fg: var(--py-accent-fg, #ffffff);
  --_focus: var(--py-focus, #0b5cad);
  --_highlight: var(--py-highlight, #fff1a8);
  --_selection: var(--py-selection, #b6d7ff);
  --_error: var(--py-error, #b3261e);
  --_error-bg: var(--py-error-bg, #fdecea);
  --_syntax-keyword: var(--py-syntax-keyword, #a0206c);
  --_syntax-name: var(--py-syntax-name, #1f2328);
  --_syntax-string: var(--py-syntax-string, #0a6b2d);
  --_syntax-number: var(--py-syntax-number, #0550ae);
  --_syntax-comment: var(--py-syntax-comment, #5c6670);
  --_syntax-operator: var(--py-syntax-operator, #8a3b00);
  --_syntax-error: var(--py-syntax-error, #b3261e);
`;

const dark = css`
  --_bg: var(--py-bg, #0d1117);
  --_fg: var(--py-fg, #e6edf3);
  --_muted: var(--py-muted, #9da7b3);
  --_border: var(--py-border, #3d444d);
  --_surface: var(--py-surface, #161b22);
  --_code-bg: var(--py-code-bg, #161b22);
  --_accent: var(--py-accent, #4493f8);
  --_accent-fg: var(--py-accent-fg, #0d1117);
  --_focus: var(--py-focus, #79b8ff);
  --_highlight: var(--py-highlight, #5a4b00);
  --_selection: var(--py-selection, #264f78);
  --_error: var(--py-error, #ff8182);
  --_error-bg: var(--py-error-bg, #3c1618);
  --_syntax-keyword: var(--py-syntax-keyword, #ff7ab8);
  --_syntax-name: var(--py-syntax-name, #e6edf3);
  --_syntax-string: var(--py-syntax-string, #7ee787);
  --_syntax-number: var(--py-syntax-number, #79c0ff);
  --_syntax-comment: var(--py-syntax-comment, #9da7b3);
  --_syntax-operator: var(--py-syntax-operator, #ffa657);
  --_syntax-error: var(--py-syntax-error, #ff8182);
`;

/** Fonts and spacing do not change with the colour scheme. */
const metrics = css`
  --_font-ui: var(--py-font-ui, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  --_font-mono: var(--py-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace);
  --_font-size: var(--py-font-size, 0.9rem);
  --_code-font-size: var(--py-code-font-size, 0.875rem);
  --_line-height: var(--py-line-height, 1.5);
  --_radius: var(--py-radius, 6px);
  --_space: var(--py-space, 0.5rem);
  --_max-height: var(--py-max-height, 32rem);
`;

export const themeStyles = css`
  :host {
    ${metrics}
    ${light}
    color-scheme: light;
  }
  /* Scrollbars in the widget's colours (inherited into every part): Firefox otherwise draws a
     light bar in a dark widget. */
  :host {
    scrollbar-color: var(--_muted) transparent;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
`;

/** Token classes used by the static code view; the editor maps its own highlighting onto the same variables. */
export const syntaxStyles = css`
  .tok-keyword { color: var(--_syntax-keyword); font-weight: 600; }
  .tok-name { color: var(--_syntax-name); }
  .tok-string { color: var(--_syntax-string); }
  .tok-number { color: var(--_syntax-number); }
  .tok-comment { color: var(--_syntax-comment); font-style: italic; }
  .tok-operator { color: var(--_syntax-operator); }
  .tok-error { color: var(--_syntax-error); text-decoration: wavy underline; }
`;
