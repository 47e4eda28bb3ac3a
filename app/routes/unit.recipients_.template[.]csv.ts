import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUnitBuyer } from "~/accounts/auth.server";

// UTF-8 with a byte-order mark and CRLF, as Excel writes "CSV UTF-8", so it opens cleanly in Excel.
const TEMPLATE =
  "\uFEFF收件人,手机,省,市,区,详细地址,商品,数量\r\n张三,13800138000,上海市,上海市,黄浦区,人民大道 200 号,商品名称或编号,10\r\n";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUnitBuyer(request);
  return new Response(TEMPLATE, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="recipients-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
