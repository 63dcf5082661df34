import { css } from 'lit';

/**
 * The replay's styles, the code view's line numbers and line marks included. They travel with
 * the lazily loaded replay and are adopted into the element's shadow root when it arrives.
 */
export const playerStyles = css`
  .gutter::before {
    content: attr(data-number);
  }
  .gutter {
    display: inline-block;
    white-space: pre;
    margin-right: 1ch;
    padding-left: 0.9em;
    color: var(--_muted);
    cursor: pointer;
    user-select: none;
  }
  .gutter.breakpoint {
    background: radial-gradient(circle at 0.45em 50%, var(--_error) 0.3em, transparent 0.32em);
  }
  .line-current {
    background: color-mix(in srgb, var(--_highlight) 55%, transparent);
  }
  .line-previous {
    background: color-mix(in srgb, var(--_selection) 35%, transparent);
  }
  .gutter.line-current,
  .gutter.line-previous {
    font-weight: 600;
    color: var(--_fg);
  }
  /* A recording of older code: its panels in grey, which keeps their contrast (opacity did not),
     while the controls and the note saying so stay as they are. */
  .stale .panels {
    filter: grayscale(1);
  }
  pyinnards-frames-player {
    display: block;
  }
  .controls {
    container: controls / inline-size;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }
  /* Quiet by default; the one primary button keeps the accent fill. */
  .controls button {
    color: var(--_fg);
    background: var(--_bg);
    border-color: var(--_border);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
  }
  .controls button:hover {
    border-color: var(--_accent);
  }
  .controls button.primary {
    color: var(--_accent-fg);
    background: var(--_accent);
    border-color: var(--_accent);
    font-weight: 600;
  }
  .controls button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  /* A phone: each group on its own row, the debugger's four steps in an even 2 × 2 grid. (The
     rows are a grid, not a wrapping flex column, which sized the debugger's grid for one column
     and stretched its two rows to that height.) */
  @container controls (max-width: 34rem) {
    .buttons {
      display: grid;
    }
    .moves button.primary {
      flex: 1;
    }
    .debugger {
      display: grid;
      grid-template-columns: repeat(2, 1fr);
    }
    .play {
      justify-content: space-between;
    }
  }
  .speed {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    color: var(--_muted);
  }
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    min-height: 2em;
  }
  .timeline {
    width: 100%;
    accent-color: var(--_accent);
  }
  .where {
    margin: 0;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    overflow-wrap: anywhere;
  }
  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    padding: var(--_space);
  }
  .stack,
  .side {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-width: 0;
  }
  .frame {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    padding: calc(var(--_space) / 2) var(--_space);
    min-width: 0;
    container: frame / inline-size;
  }
  .frame.current {
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  h3 {
    margin: 0 0 0.25em;
    font-size: inherit;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    align-items: baseline;
  }
  .frame-name {
    font-family: var(--_font-mono);
  }
  .frame-meta,
  .type,
  .empty,
  .note-inline {
    color: var(--_muted);
    font-weight: normal;
  }
  .empty {
    margin: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
  }
  /*
   * Readable widths: a value breaks between words (after a comma, at a space) and mid-word only
   * when one word is wider than the column; the type, a small muted note, gives way first, down
   * to 9 characters, so the common ones (function, NoneType, generator) stay whole, and in a
   * phone-narrow frame down to 4 (int, str). (Without a floor, the table's layout gives the type
   * only its narrowest width whenever a value is long.) A name never gives way to its value: up
   * to 12 characters it stays whole, a longer one breaks anywhere within 12 (player-view.ts).
   */
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.1em 0.5em 0.1em 0;
  }
  th {
    font-weight: 600;
  }
  .name {
    white-space: nowrap;
  }
  .name.long {
    display: inline-block;
    width: 12ch;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  td.value {
    overflow-wrap: break-word;
  }
  td.type {
    font-size: 0.85em;
    overflow-wrap: anywhere;
    padding-right: 0;
    min-width: 9ch;
  }
  @container frame (max-width: 21rem) {
    td.type {
      min-width: 4ch;
    }
  }
  .change {
    font-size: 0.85em;
    font-style: italic;
  }
  tr.changed,
  tr.new {
    background: color-mix(in srgb, var(--_highlight) 55%, transparent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .controls button[aria-disabled='true'],
  button[aria-disabled='true'] {
    cursor: default;
    color: var(--_muted);
    background: transparent;
    border-color: var(--_border);
  }
  .repr {
    font: inherit;
    white-space: pre-wrap;
  }
  .object {
    font-size: 0.85em;
    color: var(--_accent);
    border: 1px solid currentColor;
    border-radius: 0.6em;
    padding: 0 0.35em;
  }
  button.link {
    min-height: 0;
    padding: 0 0.3em;
    color: var(--_accent);
    background: transparent;
    border-color: transparent;
    text-decoration: underline;
  }
  .event,
  .so-far,
  .instructions {
    margin: 0;
    min-width: 0;
  }
  .event.exception p {
    margin: 0;
    color: var(--_error);
  }
  pre {
    margin: 0;
    padding: calc(var(--_space) / 2);
    background: var(--_code-bg);
    border-radius: calc(var(--_radius) - 2px);
    font-family: var(--_font-mono);
    font-size: var(--_code-font-size);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 16rem;
    overflow: auto;
  }
  .instructions pre {
    container: dis-listing / inline-size;
    white-space: pre;
  }
  .current-instruction {
    background: color-mix(in srgb, var(--_highlight) 55%, transparent);
  }
  .stderr {
    color: var(--_error);
  }
`;
