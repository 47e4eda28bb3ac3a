import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TransferDetails, unitOrderProblemText } from "./UnitUi";

/** The text of the element carrying `data-testid`, tags removed. */
const testIdText = (html: string, id: string) =>
  new RegExp(`data-testid="${id}"[^>]*>(.*?)</dd>`, "s").exec(html)?.[1]?.replace(/<[^>]+>/g, "");

describe("TransferDetails", () => {
  const order = { totalFen: 240_000, reference: "XF-7K4M-9QZ2", until: "2026-12-09T06:30:00Z" };

  it("without a configured receiving account (production, FAIR_BANK_* unset) still shows the reference, the amount and the deadline", () => {
    for (const [locale, missing] of [
      ["zh", "收款账户请向展会组织方索取"],
      ["en", "Ask the fair's organisers for the receiving account"],
    ] as const) {
      const html = renderToStaticMarkup(<TransferDetails locale={locale} account={null} {...order} />);
      expect(testIdText(html, "transfer-account-missing")).toBe(missing.replace("'", "&#x27;"));
      expect(html).not.toContain('data-testid="transfer-account-name"');
      expect(testIdText(html, "transfer-reference")).toBe("XF-7K4M-9QZ2");
      expect(testIdText(html, "transfer-amount")).toBe("¥2,400.00");
      // 06:30 UTC is 14:30 in Shanghai.
      expect(testIdText(html, "transfer-deadline")).toBe("2026-12-09 14:30");
    }
  });

  it("with a configured account shows its name, bank and number", () => {
    const account = { accountName: "上海消费帮扶博览会组委会", bank: "某银行上海分行", accountNumber: "3100 1234 5678" };
    const html = renderToStaticMarkup(<TransferDetails locale="zh" account={account} {...order} />);
    expect(testIdText(html, "transfer-account-name")).toBe("上海消费帮扶博览会组委会");
    expect(html).toContain("3100 1234 5678");
    expect(html).not.toContain("transfer-account-missing");
  });
});

describe("unitOrderProblemText", () => {
  it("tells the unit, in its language, to pay by transfer when online payment is not available", () => {
    expect(unitOrderProblemText("zh", { problem: "online-unavailable" })).toBe(
      "暂不能在线支付（本站未开通在线支付），订单未提交、库存未保留。请选择对公转账。",
    );
    expect(unitOrderProblemText("en", { problem: "online-unavailable" })).toContain("Choose bank transfer");
  });

  it("names the short product with what is left", () => {
    const short = { problem: "short", nameZh: "梯田红米", nameEn: "Terrace red rice", available: 3 } as const;
    expect(unitOrderProblemText("zh", short)).toContain("「梯田红米」库存不足：只剩 3 件");
    expect(unitOrderProblemText("en", short)).toContain('"Terrace red rice" is short: only 3 left');
  });
});
