// Path handling for the core: POSIX paths, the same in Node and in a browser
// (pathe: forward slashes everywhere, Windows drive letters understood).
// Only the Node layer (src/program/disk-host.ts, the CLI) touches the disk.
export { basename, dirname, isAbsolute, join, relative, resolve, sep } from "pathe";
