import { css } from 'lit';

/**
 * The columns of a dis listing's instruction rows (row.ts). An element with `container:
 * dis-listing / inline-size` holds the rows. A long argument wraps in its own column; where the
 * listing is too narrow for whole lines, the argument goes on its own line under the opcode,
 * indented, so nothing is cut off or needs sideways scrolling. Where even the line number, offset
 * and opcode name are too wide together (LOAD_FAST_BORROW_LOAD_FAST_BORROW in a phone's
 * instruction pane), the name goes under them, indented. The alignment spaces stay in the text (and in what
 * is copied), only hidden.
 */
export const disRowStyles = css`
  .dis-row {
    display: flex;
    flex-wrap: wrap;
  }
  .dis-head,
  .dis-gap {
    flex: none;
    white-space: pre;
  }
  .dis-arg {
    flex: 1 1 0;
    min-width: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  @container dis-listing (max-width: 36rem) {
    /* Lines that are not instructions ("Disassembly of <code object …>:") wrap as well. */
    .row:not(.dis-row) {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .dis-head {
      flex-shrink: 1;
      min-width: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      /* A name that goes under the numbers is indented less than the argument under it. */
      padding-left: 2ch;
      text-indent: -2ch;
    }
    .dis-gap {
      display: none;
    }
    .dis-arg {
      flex-basis: 100%;
      padding-left: 4ch;
    }
  }
`;
