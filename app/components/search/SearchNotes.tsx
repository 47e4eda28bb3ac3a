import { SEARCH_PRICE_MAX_YUAN, SEARCH_QUERY_MAX_LENGTH, type SearchNoteCode } from "~/catalog/search-schema";
import { translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { useLocale } from "~/utils/use-locale";

const noteKey = (code: SearchNoteCode): StorefrontKey => `search.note.${code}`;

/** What the page changed about the search in the URL, and why, in the reader's language. */
export function SearchNotes({ notes }: { notes: SearchNoteCode[] }) {
  const locale = useLocale();
  if (notes.length === 0) return null;
  const params = { max: SEARCH_QUERY_MAX_LENGTH };
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="search-notes">
      <h2 className="font-semibold">{translate(locale, "search.notesTitle")}</h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {notes.map((code) => (
          <li key={code}>
            {translate(
              locale,
              noteKey(code),
              code === "priceClamped"
                ? { max: SEARCH_PRICE_MAX_YUAN.toLocaleString(locale === "zh" ? "zh-CN" : "en-US") }
                : params,
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
