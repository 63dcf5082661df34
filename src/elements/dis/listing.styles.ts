import { css } from 'lit';
import { disRowStyles } from './row.styles.js';

/**
 * <py-dis>'s output: the listing, the opcode note and the code objects' fields. Adopted into the
 * element's shadow root when the listing's chunk arrives, so they don't weigh on the page's entry.
 *
 * The two marks on instruction rows differ by shape, not only by colour: the instructions of the
 * line the editor's cursor is on get a bar at their left edge, the one pointed at (hover or
 * focus) a filled background with a border.
 */
export const disStyles = [
  disRowStyles,
  css`
    pyinnards-dis-listing {
      display: block;
    }
    .listing {
      container: dis-listing / inline-size;
      margin: 0;
      padding: var(--_space) 0;
      font-family: var(--_font-mono);
      font-size: var(--_code-font-size);
      line-height: var(--_line-height);
      white-space: pre;
      overflow: auto;
      max-height: var(--_max-height);
    }
    /* The last listing that compiled, in grey: unlike opacity, it keeps its contrast. */
    .listing.stale {
      filter: grayscale(1);
    }
    .row {
      display: block;
      padding: 0 var(--_space);
    }
    .row.dis-row {
      display: flex;
    }
    .row[tabindex]:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    .row.at-cursor {
      background: color-mix(in srgb, var(--_selection) 30%, transparent);
      box-shadow: inset 4px 0 0 var(--_accent);
    }
    .row.active {
      background: var(--_highlight);
      outline: 1px solid var(--_fg);
      outline-offset: -1px;
    }
    .opnote {
      margin: 0;
      padding: calc(var(--_space) / 2) var(--_space);
      border-top: 1px solid var(--_border);
      min-height: 1.5em;
    }
    .code-info {
      border-top: 1px solid var(--_border);
      padding: calc(var(--_space) / 2) var(--_space);
    }
    .code-info summary {
      cursor: pointer;
      font-weight: 600;
    }
    .code-info dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.1em var(--_space);
      margin: calc(var(--_space) / 2) 0;
      font-family: var(--_font-mono);
      font-size: var(--_code-font-size);
    }
    .code-info dt {
      color: var(--_muted);
    }
    .code-info dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
];
