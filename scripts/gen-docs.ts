// `npm run docs`: rewrites the generated docs and schema.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GENERATED } from "./generated-docs.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
for (const file of GENERATED) {
  writeFileSync(root + file.path, file.render());
  console.log(`wrote ${file.path}`);
}
