// The small part of iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) the calendars need,
// written by hand because the libraries get it wrong where it matters here: the `ics` package folds
// at 75 characters rather than octets (a Dutch "ë" is two) and writes no VTIMEZONE for its TZIDs.
// Content lines end in CRLF and are folded at 75 octets (§3.1); TEXT values are escaped (§3.3.11);
// times are written in UTC (§3.3.5, form #2), which needs no time-zone rules in the file.

/** A property: `NAME;PARAM=value:value`. `text` values are escaped; others (dates, URIs) are written as they are. */
export interface Property {
  name: string;
  value: string;
  params?: Record<string, string>;
  /** A TEXT value (§3.3.11): escaped. Dates, durations and URIs are not. */
  text?: boolean;
}

/** An iCalendar component with its properties and the components inside it. */
export interface Component {
  name: string;
  properties: Property[];
  components?: Component[];
}

/**
 * TEXT escaping (§3.3.11): backslash, semicolon and comma get a backslash, a line break becomes `\n`.
 * Control characters other than tab may not appear in TEXT at all (TSAFE-CHAR), so they are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/** Octets of one code point in UTF-8. */
const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line so no line is longer than 75 octets without its CRLF (§3.1): each
 * continuation starts with one space, which counts. Breaks fall between characters, never inside a
 * UTF-8 sequence, so a reader that unfolds byte by byte gets the same text back.
 */
export function fold(line: string, limit = 75): string {
  const lines: string[] = [];
  let current = "";
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0)!);
    if (used + size > limit) {
      lines.push(current);
      current = " ";
      used = 1;
    }
    current += char;
    used += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** A parameter value (§3.2): quoted when it holds `:`, `;` or `,`; double quotes cannot appear at all. */
function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function contentLine({ name, value, params, text }: Property): string {
  const parameters = Object.entries(params ?? {})
    .map(([key, param]) => `;${key}=${paramValue(param)}`)
    .join("");
  return fold(`${name}${parameters}:${text ? escapeText(value) : value.replace(/[\r\n]/g, "")}`);
}

function lines(component: Component): string[] {
  return [
    `BEGIN:${component.name}`,
    ...component.properties.map(contentLine),
    ...(component.components ?? []).flatMap(lines),
    `END:${component.name}`,
  ];
}

/** The iCalendar object as text: CRLF after every line, the last one included (§3.1). */
export function serialize(calendar: Component): string {
  return `${lines(calendar).join("\r\n")}\r\n`;
}

/** `20261203T123000Z`: an instant in UTC (§3.3.5, form #2). */
export const utcDateTime = (instant: Date) =>
  instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");

/** `20261203` from `2026-12-03` (§3.3.4). */
export const dateValue = (day: string) => day.replaceAll("-", "");
