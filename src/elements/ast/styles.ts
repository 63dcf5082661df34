import { css } from 'lit';

/** `<py-ast>`'s own styles: the tree and the SyntaxError report. Colours come from the theme. */
export const astStyles = css`
  .tree {
    max-height: var(--_max-height);
    overflow: auto;
    padding: calc(var(--_space) / 2) 0;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    line-height: var(--_line-height);
  }
  /* The last good tree, dimmed: every part in the muted colour (still readable, unlike opacity). */
  .tree.stale,
  .tree.stale .label,
  .tree.stale .field,
  .tree.stale .index {
    color: var(--_muted);
    font-weight: normal;
  }
  .tree.stale {
    font-style: italic;
    background: var(--_surface);
  }
  .item {
    /* Indent by level; long values wrap inside the widget rather than widen the page. */
    padding: 0 var(--_space) 0 calc(var(--_space) + var(--level) * 1.1em);
    /* The template's own line breaks are no text; values keep their spaces and wrap. */
    white-space: normal;
    overflow-wrap: anywhere;
    cursor: default;
  }
  .item[aria-expanded] {
    cursor: pointer;
  }
  .item:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .item.active,
  .item.at-cursor {
    background: var(--_highlight);
  }
  .twisty {
    display: inline-block;
    width: 1.1em;
    color: var(--_muted);
  }
  .field,
  .index {
    color: var(--_syntax-name);
  }
  .punct {
    color: var(--_muted);
  }
  .label.node {
    color: var(--_syntax-keyword);
    font-weight: 600;
  }
  .label.list {
    color: var(--_muted);
  }
  .label.value {
    color: var(--_syntax-string);
    white-space: pre-wrap;
  }
  .syntax-error {
    margin: 0;
    padding: var(--_space);
    overflow: auto;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    line-height: var(--_line-height);
    color: var(--_error);
    background: var(--_error-bg);
    white-space: pre;
  }
`;
