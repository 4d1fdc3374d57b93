// The browser-safe file URL conversions agree with Node's own on POSIX, for
// any path (spaces, %, #, ?, non-ASCII, controls) and any file URL. A
// backslash is the one exception, on purpose: the core's paths (pathe) read
// it as a separator, as Windows does, so it is left out of the paths here.
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileUrlToPath, pathToFileUrl } from "../../src/util/file-url.js";

const segment = fc.string({ unit: fc.oneof(fc.constantFrom("%", "#", "?", " ", "\n", "\t", "\r", "é", "日", "😀", ":", "@", "+", "&", "=", "[", "]", "^", "|", "`", "{", "}", "~", "'", '"'), fc.string({ minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 8 }).filter((text) => !/[/\\]/.test(text) && text !== "." && text !== ".." && !text.includes("\0"));
const absolutePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join("/")}`);

/** What Node answers, or the fact that it throws. */
function attempt<T>(run: () => T): T | "throws" {
  try {
    return run();
  } catch {
    return "throws";
  }
}

describe("file URLs without node:url", () => {
  it("pathToFileUrl is Node's pathToFileURL(path).href", () => {
    fc.assert(fc.property(absolutePath, fc.boolean(), (path, slash) => {
      const given = slash ? `${path}/` : path;
      expect(pathToFileUrl(given)).toBe(pathToFileURL(given).href);
    }));
    expect(pathToFileUrl("/work/a b/c#1?.org")).toBe("file:///work/a%20b/c%231%3F.org");
    expect(pathToFileUrl("/work/a\\b.org")).toBe("file:///work/a/b.org");
  });

  it("fileUrlToPath inverts it and agrees with fileURLToPath, throwing where Node throws", () => {
    fc.assert(
      fc.property(absolutePath, (path) => {
        expect(fileUrlToPath(pathToFileUrl(path))).toBe(path);
      }),
    );
    for (const url of ["file:///a/b%20c.org", "file://host/a.org", "file:///a%2Fb.org", "file:///a%2fb", "untitled:Untitled-1", "file:///%E6%97%A5.org", "file:///a/./b/../c.org", "file:///caf%C3%A9"]) {
      expect(attempt(() => fileUrlToPath(url)), url).toBe(attempt(() => fileURLToPath(url)));
    }
  });
});
