import { describe, expect, it } from "vitest";
import { leadSentence } from "../../src/summaries/index.js";

describe("leadSentence", () => {
  it("skips the time line of a pasted article", () => {
    const body =
      "9:58 23.02.2023 •\n\nChina’s top diplomat Wang Yi said relations with Russia were “solid as rock”. In a meeting, Wang spoke of cooperation.";
    expect(leadSentence({ title: "China calls Russia ties ‘Solid as Rock’", body })).toBe(
      "China’s top diplomat Wang Yi said relations with Russia were “solid as rock”.",
    );
  });

  it("skips a wire dateline and a byline", () => {
    expect(
      leadSentence({
        title: "Нефть вытекла в болото в Канаде",
        body: "москва, 1 дек — риа новости. около 60 тысяч литров нефти вытекли в болото в канаде. регулятор начал проверку.",
      }),
    ).toBe("около 60 тысяч литров нефти вытекли в болото в канаде.");
    expect(
      leadSentence({
        title: "Bridge reopens",
        body: "By Jane Doe\nThe Elm Street bridge reopened to traffic on Monday after two years of repairs.",
      }),
    ).toBe("The Elm Street bridge reopened to traffic on Monday after two years of repairs.");
  });

  it("drops an agency prefix from the lead", () => {
    expect(
      leadSentence({
        title: "Markets rally",
        body: "LONDON (Reuters) - Stocks rallied across Europe on Friday as inflation eased.",
      }),
    ).toBe("Stocks rallied across Europe on Friday as inflation eased.");
  });

  it("passes over a short caption for the sentence that carries the headline's news", () => {
    expect(
      leadSentence({
        title: "Elmford flood barriers fail",
        body: "Pictured: the scene. The flood barriers in Elmford failed on Tuesday as the river rose. Schools closed.",
      }),
    ).toBe("The flood barriers in Elmford failed on Tuesday as the river rose.");
  });

  it("falls back to the headline when the body has no sentence", () => {
    expect(leadSentence({ title: "Bridge reopens", body: "" })).toBe("Bridge reopens");
    expect(leadSentence({ title: "Bridge reopens", body: "Bridge reopens" })).toBe(
      "Bridge reopens",
    );
  });
});
