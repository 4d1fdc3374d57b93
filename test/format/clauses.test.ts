// The formatter reads the clauses of `{ … }` blocks with the shapes the
// grammar gives them (grammar/shape.ts), not with a list of its own.
import { describe, expect, it } from "vitest";
import { BLOCK_CLAUSES } from "../../grammar/shape.js";
import { format } from "./helpers.js";

describe("block clauses from the grammar", () => {
  it("finds every clause of the committee, executive, attendance and application blocks", () => {
    expect(Object.fromEntries(BLOCK_CLAUSES)).toEqual({
      elected: ["token", "token"],
      members: ["token", "names"],
      present: ["token", "names"],
      recommended: ["token", "token", "names"],
      youth: ["token", "token", "token"],
    });
  });

  it("prints each clause of a block on its own line, repeated clauses as written", async () => {
    const input =
      'primary p "P" { committee { elected 2025-12-15 members a, b elected 2026-01-15 members c } }\n' +
      'on 2026-02-03 application x "X" to p { recommended by a, b youth league letter recommended by c }\n' +
      "on 2026-03-09 meeting p { present a, b present c }\n";
    expect(await format(input, 80)).toBe(
      'primary p "P" {\n' +
        "  committee {\n" +
        "    elected 2025-12-15\n" +
        "    members a, b\n" +
        "    elected 2026-01-15\n" +
        "    members c\n" +
        "  }\n" +
        "}\n\n" +
        'on 2026-02-03 application x "X" to p {\n' +
        "  recommended by a, b\n" +
        "  youth league letter\n" +
        "  recommended by c\n" +
        "}\n" +
        "on 2026-03-09 meeting p {\n" +
        "  present a, b\n" +
        "  present c\n" +
        "}\n",
    );
  });
});
