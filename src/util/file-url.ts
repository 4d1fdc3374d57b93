// `file:` URLs and POSIX paths, converted as Node's `pathToFileURL` and
// `fileURLToPath` do on POSIX, with the WHATWG URL every platform has: the
// language server runs in Node and in a browser's web worker alike.
import { resolve } from "./paths.js";

/** The `file:` URL of a path (made absolute first), percent-encoded as Node encodes it. */
export function pathToFileUrl(path: string): string {
  const absolute = resolve(path);
  // `resolve` drops a trailing slash that Node's keeps.
  const withSlash = path.endsWith("/") && !absolute.endsWith("/") ? `${absolute}/` : absolute;
  const url = new URL("file://");
  // The pathname setter encodes what would end the path (`?`, `#`, spaces…); Node encodes these too.
  url.pathname = withSlash.replace(/[%\\\n\r\t[\]^|~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return url.href;
}

/** The path of a `file:` URL; throws, as Node does, on another scheme, a host, or an encoded `/`. */
export function fileUrlToPath(href: string): string {
  const url = new URL(href);
  if (url.protocol !== "file:") throw new TypeError(`not a file URL: ${href}`);
  if (url.hostname !== "") throw new TypeError(`a file URL with a host cannot be a local path: ${href}`);
  if (/%2f/i.test(url.pathname)) throw new TypeError(`a file URL path must not include an encoded /: ${href}`);
  return decodeURIComponent(url.pathname);
}
