// The plugin object prettier loads (`--plugin=orgspec/prettier`) and the
// formatText entry point.
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { canonicalTokens, formatText } from "../../src/format/index.js";
import plugin, { languages, options, parsers, printers } from "../../src/format/plugin.js";

describe("the prettier plugin", () => {
  it("declares the orgspec language, parser and printer", () => {
    expect(plugin).toEqual({ languages, parsers, printers, options, defaultOptions: { printWidth: 100 } });
    expect(languages).toEqual([expect.objectContaining({ name: "orgspec", parsers: ["orgspec"], extensions: [".org"] })]);
    expect(parsers["orgspec"]).toMatchObject({ astFormat: "orgspec-ast" });
    const printer = printers["orgspec-ast"]!;
    for (const hook of ["print", "printComment", "canAttachComment"] as const) expect(typeof printer[hook]).toBe("function");
  });

  it("is picked by prettier for .org files without naming the parser", async () => {
    const output = await prettier.format("on   2026-01-12 meeting mill3", { filepath: "specs/mill.org", plugins: [plugin] });
    expect(output).toBe("on 2026-01-12 meeting mill3\n");
    const info = await prettier.getFileInfo("specs/mill.org", { plugins: [plugin] });
    expect(info.inferredParser).toBe("orgspec");
  });

  it("lets prettier verify that every comment was printed", async () => {
    const printer = printers["orgspec-ast"]!;
    const forgetful = { ...plugin, printers: { "orgspec-ast": { ...printer, print: () => "person a" } } };
    await expect(prettier.format("// hello\nperson a\n", { parser: "orgspec", plugins: [forgetful] })).rejects.toThrow(
      /Comment "\/\/ hello" was not printed/,
    );
  });

  it("respects printWidth, tabWidth and line endings", async () => {
    const text = "primary p {\r\n  committee { members aaaa, bbbb, cccc }\r\n}\r\n";
    expect(await prettier.format(text, { parser: "orgspec", plugins: [plugin], printWidth: 30, tabWidth: 4 })).toBe(
      "primary p {\n    committee {\n        members aaaa, bbbb,\n            cccc\n    }\n}\n",
    );
  });
});

describe("formatText", () => {
  it("formats with the plugin's default width of 100, and the given one", async () => {
    const text = "on 2026-03-31 report steel to chongjin, north_hamgyong, central, sinuiju, north_pyongan\n";
    expect(await formatText(text)).toBe(text);
    expect(await formatText(text, { printWidth: 80 })).toBe(
      "on 2026-03-31 report steel to chongjin, north_hamgyong, central, sinuiju,\n  north_pyongan\n",
    );
    const plain = await prettier.format(text, { filepath: "a.org", plugins: [plugin] });
    expect(plain).toBe(text);
  });

  it("accepts the canonical spellings in its token self-check", async () => {
    const text = 'person a "\\K\\im \\"Chol\\""   // note   \n/**\n      * doc\n      */\n';
    const output = await formatText(text);
    expect(output).toBe('person a "Kim \\"Chol\\"" // note\n/**\n * doc\n */\n');
    expect(canonicalTokens(output)).toEqual(canonicalTokens(text));
  });
});
