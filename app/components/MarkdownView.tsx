import { renderMarkdown } from "~/utils/markdown";

/**
 * A product description written in the Markdown subset of app/utils/markdown.ts. The HTML comes
 * from renderMarkdown, which escapes everything the author typed before adding its own tags, so
 * it is safe to insert; never pass anything else to dangerouslySetInnerHTML here.
 */
export function MarkdownView({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div
      className={`space-y-3 leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6 ${className}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
