/**
 * Text from a document (or a file name) made safe to print on a terminal. A document can hold
 * any character, and a terminal obeys some of them: ESC starts a CSI or OSC sequence (clear
 * the screen, move the cursor, retitle the window), and so do the 8-bit C1 controls U+009B and
 * U+009D; BEL rings, BS and CR overwrite what was printed, LF splits one warning into two.
 *
 * LF and CR are printed as `\n` and `\r`; every other C0 control but TAB, DEL and every C1
 * control as `\xHH` (ESC as `\x1b`):
 * plain ASCII, readable in a log, and what JavaScript, C and Python write for the character.
 * The line and paragraph separators U+2028 and U+2029, which some terminals and editors break
 * lines at, are printed as `\u2028` and `\u2029`, so that a message stays one line.
 * TAB stays: the texts' own layout (`A.1\t目的`) uses it, and it moves nothing but the cursor
 * to the next stop. The escape is for reading, not reversible: a text that holds a backslash
 * followed by `x1b` prints the same as one that holds ESC.
 *
 * Pure, and the one such function: the diff's renderers, errors, warnings and file names all
 * use it.
 */

/** C0 controls except TAB (U+0009), DEL, C1 controls, and the line and paragraph separators. */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/gu;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (control) => {
    if (control === '\n') return '\\n';
    if (control === '\r') return '\\r';
    const code = control.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * JSON as it is safe to print: JSON.stringify writes C0 controls as `\u001b` but DEL and the
 * C1 controls (U+009B, an 8-bit CSI) as they are, for a terminal to obey when the JSON is
 * printed; as `\u009b` they are the same JSON value, shown.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f]/gu, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
