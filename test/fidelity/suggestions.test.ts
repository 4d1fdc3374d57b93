// "Did you mean" is bounded: a very long name gets no suggestion instead of a
// quadratic comparison, and only so many candidates are compared.
import { describe, expect, it } from "vitest";
import { closestNames, MAX_SUGGESTED_LENGTH, MAX_SUGGESTION_CANDIDATES } from "../../src/util/text.js";
import { checkSpec } from "../helpers.js";

describe("suggestions", () => {
  it("still suggest the closest names of ordinary length", () => {
    expect(closestNames("sinuij", ["sinuiju", "uiju", "central"])).toEqual(["sinuiju"]);
    expect(closestNames("a".repeat(MAX_SUGGESTED_LENGTH - 1) + "b", ["a".repeat(MAX_SUGGESTED_LENGTH)])).toEqual(["a".repeat(MAX_SUGGESTED_LENGTH)]);
  });

  it("are not computed for a name longer than the cap", () => {
    const long = "x".repeat(MAX_SUGGESTED_LENGTH + 1);
    expect(closestNames(long, [`${long}y`])).toEqual([]);
  });

  it("compare at most the capped number of candidates", () => {
    const candidates = Array.from({ length: MAX_SUGGESTION_CANDIDATES }, (_, index) => `unit_${index}`);
    expect(closestNames("unitz_9", [...candidates, "unitz_9x"])).not.toContain("unitz_9x");
    expect(closestNames("unitz_9", ["unitz_9x", ...candidates])).toContain("unitz_9x");
  });

  it("are not sought between two 40,000-character names (no quadratic comparison)", () => {
    const a = "n".repeat(40_000);
    const result = checkSpec(`import "committees.org"\ncell ${a}a "A" { under sinuiju }\ncell x "X" { under ${a}b }\n`);
    const unresolved = result.diagnostics.filter((diagnostic) => diagnostic.code === "ORG002");
    expect(unresolved.map((diagnostic) => diagnostic.message)).toEqual([`no unit or person named \`${a}b\``]);
  });

  it("still name the closest person for each of many distinct misspellings in one program", () => {
    // Past the first questions the table's suggester answers from its index (src/util/name-index.ts).
    const cells = Array.from({ length: 40 }, (_, cell) =>
      [`cell c${cell} "C${cell}" {`, "  under sinuiju", `  secretary q${cell}_0`, ...Array.from({ length: 5 }, (_, member) => `  member p${cell}_${member} "P ${cell} ${member}" joined 2010-01-01`), "}"].join("\n"),
    );
    const result = checkSpec(`import "committees.org"\n${cells.join("\n")}\n`);
    const unresolved = result.diagnostics.filter((diagnostic) => diagnostic.code === "ORG002");
    expect(unresolved.map((diagnostic) => diagnostic.message)).toEqual(
      Array.from({ length: 40 }, (_, cell) => `no unit or person named \`q${cell}_0\`; did you mean \`p${cell}_0\`?`),
    );
  });
});
