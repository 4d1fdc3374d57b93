// The playground's files in its address (`#files=…`): their JSON, deflated
// (the browser's own CompressionStream) and in base64url, so that a link
// reproduces a case without any server.

export type Files = Record<string, string>;

const PREFIX = "#files=";

async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export async function filesToHash(files: Files): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(files));
  return PREFIX + toBase64Url(await transform(bytes, new CompressionStream("deflate-raw")));
}

/** The files a hash holds; null when it holds none or cannot be read (a link cut short). */
export async function filesFromHash(hash: string): Promise<Files | null> {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(await transform(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream("deflate-raw"))));
    if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
    const entries = Object.entries(json as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string" && /^[\w.-]+\.org$/.test(entry[0]));
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}
