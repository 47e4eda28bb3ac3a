import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvField, parseCsv, toCsv } from "./csv";

describe("CSV for Excel in Chinese", () => {
  it("starts with a UTF-8 byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv(["县区", "净销售额（元）"], [["玛沁县", "1234.00"]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFF县区,净销售额（元）\r\n玛沁县,1234.00\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes and line breaks the RFC 4180 way", () => {
    expect(csvField('Golog "Snow" Co., Ltd')).toBe('"Golog ""Snow"" Co., Ltd"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
  });

  it("keeps formulas as text but numbers as numbers", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("+86 138")).toBe("'+86 138");
    expect(csvField("-12.50")).toBe("-12.50");
    expect(csvField("-")).toBe("'-");
  });

  it("reads back exactly what it wrote", () => {
    const rows = [
      ["a,b", 'say "hi"', "多行\r\n文本", ""],
      ["-1.00", "0", "果洛", "x"],
    ];
    const csv = toCsv(["h1", "h2", "h3", "h4"], rows);
    expect(parseCsv(csv)).toEqual([["h1", "h2", "h3", "h4"], ...rows]);
  });

  it("names the download in Chinese with an ASCII fallback", () => {
    expect(attachmentDisposition("报告-果洛.csv", "report-golog.csv")).toBe(
      `attachment; filename="report-golog.csv"; filename*=UTF-8''%E6%8A%A5%E5%91%8A-%E6%9E%9C%E6%B4%9B.csv`,
    );
  });
});
