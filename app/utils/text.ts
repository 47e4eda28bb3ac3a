// Control characters other than tab and line breaks are never meaningful in what people type, and
// PostgreSQL refuses NUL in text: forms treat them as invalid input.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when a string holds only printable text (tabs and line breaks allowed). */
export const isPrintable = (value: string) => !CONTROL.test(value);
