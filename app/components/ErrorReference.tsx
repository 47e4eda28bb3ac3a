import { ERROR_REFERENCE_ELEMENT_ID, useErrorRequestId } from "~/observability/request-id";
import { useLocale } from "~/utils/use-locale";

/** "Reference: <request id>" under an error message: all a person needs to give support. */
export function ErrorReference() {
  const locale = useLocale();
  const id = useErrorRequestId();
  if (!id) return null;
  return (
    <p
      id={ERROR_REFERENCE_ELEMENT_ID}
      data-request-id={id}
      data-testid="error-reference"
      className="mt-4 text-sm text-stone-500"
    >
      {locale === "zh" ? "错误编号" : "Reference"}: <code className="select-all font-mono">{id}</code>
    </p>
  );
}
