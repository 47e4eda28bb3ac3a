/**
 * Product descriptions are written by cooperatives in a small Markdown subset and shown to the
 * public, so they are untrusted. Everything is HTML-escaped FIRST; only then are the few
 * constructs below turned into tags we write ourselves, so no HTML a cooperative types can ever
 * reach the page:
 *
 *   blank line        → new paragraph          single line break → <br>
 *   **bold**          → <strong>               *italic*          → <em>
 *   - item / * item   → <ul><li>               1. item           → <ol><li>
 *   [text](https://…) → <a href rel="nofollow noopener">, http(s) only; anything else stays text
 *
 * No dependency: the subset is small enough that a sanitiser would be more code to trust than this.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Longest description rendered; longer input is cut rather than allowed to cost unbounded work. */
export const MARKDOWN_MAX_LENGTH = 20_000;

// Matched against ESCAPED text: a URL cannot contain a raw quote or angle bracket here, so it
// cannot leave the href attribute. Spaces and ")" end a URL, as in CommonMark's simple form.
const LINK = /\[([^\]\n]{1,500})\]\((https?:\/\/[^\s()]{1,2000})\)/g;
const UL_ITEM = /^\s{0,3}[-*+]\s+(.*)$/;
const OL_ITEM = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(?=\S)([^*\n]*?\S)\*/g, "<em>$1</em>");
}

/** Inline markup of one escaped line: links first, so emphasis never reaches inside an href. */
function inline(escaped: string): string {
  let out = "";
  let last = 0;
  for (const match of escaped.matchAll(LINK)) {
    const [whole, text, url] = match;
    out += emphasis(escaped.slice(last, match.index));
    out += `<a href="${url}" rel="nofollow noopener">${emphasis(text!)}</a>`;
    last = match.index + whole.length;
  }
  return out + emphasis(escaped.slice(last));
}

/** Renders the subset to HTML that is safe to insert as is (every other character is escaped). */
export function renderMarkdown(source: string): string {
  const lines = escapeHtml(source.slice(0, MARKDOWN_MAX_LENGTH).replace(/\r\n?/g, "\n")).split("\n");
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: "ul" | "ol"; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push(`<p>${paragraph.map(inline).join("<br>\n")}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const ul = UL_ITEM.exec(line);
    const ol = ul ? null : OL_ITEM.exec(line);
    if (ul || ol) {
      const tag = ul ? "ul" : "ol";
      flushParagraph();
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push((ul ?? ol)![1]!.trim());
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks.join("\n");
}

/** The same text without markup, for meta descriptions and previews (plain text, not HTML). */
export function markdownToText(source: string): string {
  return source
    .slice(0, MARKDOWN_MAX_LENGTH)
    .replace(/\[([^\]\n]+)\]\((?:[^\s()]+)\)/g, "$1")
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/\*([^*\n]+)\*/g, "$1")
    .replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}
